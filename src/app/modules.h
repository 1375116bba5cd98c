// The one ordered list of modules (dependency order).
#ifndef SAMKJOP_APP_MODULES_H_
#define SAMKJOP_APP_MODULES_H_

#include <vector>

#include "core/module/module.h"

namespace samkjop::app {

std::vector<core::Module> AllModules();

}  // namespace samkjop::app

#endif  // SAMKJOP_APP_MODULES_H_
