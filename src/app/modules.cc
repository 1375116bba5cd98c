#include "app/modules.h"

#include "modules/org/module.h"
#include "modules/rules/module.h"
#include "modules/spend/module.h"

namespace samkjop::app {

// THE list of modules, in dependency order: a module comes after every
// module it depends on (ValidateModules checks). When adding a module, add
// it here; CMake finds its folder (docs/adding-a-module.md).
std::vector<core::Module> AllModules() {
  return {
      core::CoreModule(),
      org::OrgModule(),
      rules::RulesModule(),
      spend::SpendModule(),
  };
}

}  // namespace samkjop::app
