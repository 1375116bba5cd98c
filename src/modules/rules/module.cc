#include "modules/rules/module.h"

#include <iostream>
#include <memory>

#include "modules/org/assignment_service.h"
#include "modules/rules/legal_table_service.h"
#include "modules/rules/permissions.h"
#include "modules/rules/rule_change_notice.h"
#include "modules/rules/rules_cli.h"
#include "modules/rules/rules_routes.h"

namespace samkjop::rules {

// Generated from migrations/ by cmake/embed_migrations.cmake.
const std::vector<core::storage::Migration>& Migrations();

core::Module RulesModule() {
  core::Module m;
  m.name = "rules";
  // org: whom a rule change notifies (DL-6: the procurement officers in office).
  m.depends_on = {"org"};
  m.migrations = []() -> const std::vector<core::storage::Migration>& { return Migrations(); };
  m.grants = perm::Grants;
  m.start = [](core::Services& sv) {
    sv.Provide(std::make_shared<LegalTableService>(
        sv.db, NotifyOnChange([](soci::session& tx) {
          return org::AssignmentService::ActiveUsersWithRole(tx, core::auth::Role::kOfficer,
                                                             core::nor::TodayIso());
        })));
  };
  m.routes = AddRulesRoutes;
  m.cli = [](CLI::App& app, const core::CliEnv& env) {
    core::CliEnv copy = env;
    RegisterCli(
        app, *env.exit_code, std::cout, std::cerr,
        [copy](const std::string& db,
               const std::string& today) -> core::Result<std::shared_ptr<const LegalTable>> {
          core::DataOptions data;
          data.db = db;
          std::unique_ptr<core::Runtime> rt = copy.open(data, today);
          if (!rt) {
            return core::Status(core::ErrorCode::kUnavailable, "rules.db_unavailable",
                                "Kan ikke åpne databasen «" + db + "».");
          }
          return rt->services->Get<LegalTableService>().Table();
        });
  };
  return m;
}

}  // namespace samkjop::rules
