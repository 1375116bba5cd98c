# samkjop_migrations(<target> <module> <namespace>): embeds <module>'s
# migrations/NNNN_*.sql into <target> as samkjop::<namespace>::Migrations().
function(samkjop_migrations target module ns)
  file(GLOB sql_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/migrations/*.sql)
  list(SORT sql_files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${module}_migrations.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DMODULE=${module} -DNS=${ns} -DOUT=${out} "-DFILES=${sql_files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake
    DEPENDS ${sql_files} ${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake
    COMMENT "Embedding ${module} migrations"
    VERBATIM)  # FILES is a ;-list: without VERBATIM the shell splits it at the second file
  target_sources(${target} PRIVATE ${out})
endfunction()
