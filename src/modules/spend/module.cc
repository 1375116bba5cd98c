#include "modules/spend/module.h"

#include "modules/rules/legal_table_service.h"
#include "modules/spend/spend_cli.h"

namespace samkjop::spend {

core::Module SpendModule() {
  core::Module m;
  m.name = "spend";
  m.depends_on = {"rules"};
  m.cli = [](CLI::App& app, const core::CliEnv& env) {
    core::CliEnv copy = env;
    RegisterCli(
        app, *env.exit_code,
        [copy](const std::string& db) -> core::Result<std::shared_ptr<const rules::LegalTable>> {
          core::DataOptions data;
          data.db = db;
          std::unique_ptr<core::Runtime> rt = copy.open(data, "");
          if (!rt) {
            return core::Status(core::ErrorCode::kUnavailable, "spend.db_unavailable",
                                "kan ikke åpne databasen " + db);
          }
          return rt->services->Get<rules::LegalTableService>().Table();
        });
  };
  return m;
}

}  // namespace samkjop::spend
