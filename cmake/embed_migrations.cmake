# Run with -P: writes OUT, a .cc defining samkjop::<NS>::Migrations() with
# the SQL files FILES (semicolon list, named NNNN_name.sql) embedded.
# FILES is "|"-separated (see samkjop.cmake).
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
foreach(f ${FILES})
  get_filename_component(base ${f} NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.*)$" _m ${base})
  set(ver ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  math(EXPR ver "${ver} + 0")
  file(READ ${f} sql)
  string(APPEND body "      {\"${MODULE}\", ${ver}, \"${name}\", R\"samkjopsql(${sql})samkjopsql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from ${MODULE}/migrations by cmake/embed_migrations.cmake. Do not edit.
#include <vector>
#include \"core/storage/database.h\"
namespace samkjop::${NS} {
const std::vector<core::storage::Migration>& Migrations() {
  static const std::vector<core::storage::Migration> kMigrations = {
${body}  };
  return kMigrations;
}
}  // namespace samkjop::${NS}
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
