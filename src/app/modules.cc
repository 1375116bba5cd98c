#include "app/modules.h"

#include "modules/org/module.h"

namespace samkjop::app {

// Order matters: a module comes after every module it depends on. Pure
// command-line modules (rules, spend) have no routes or tables yet and are
// wired in main.cc's CLI.
std::vector<core::Module> AllModules() {
  return {
      core::CoreModule(),
      org::OrgModule(),
  };
}

}  // namespace samkjop::app
