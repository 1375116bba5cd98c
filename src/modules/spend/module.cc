#include "modules/spend/module.h"

#include "modules/spend/spend_cli.h"

namespace samkjop::spend {

core::Module SpendModule() {
  core::Module m;
  m.name = "spend";
  m.depends_on = {"rules"};
  m.cli = [](CLI::App& app, const core::CliEnv& env) { RegisterCli(app, *env.exit_code); };
  return m;
}

}  // namespace samkjop::spend
