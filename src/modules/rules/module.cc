#include "modules/rules/module.h"

#include "modules/rules/rules_cli.h"

namespace samkjop::rules {

core::Module RulesModule() {
  core::Module m;
  m.name = "rules";
  m.cli = [](CLI::App& app, const core::CliEnv& env) { RegisterCli(app, *env.exit_code); };
  return m;
}

}  // namespace samkjop::rules
