// The legal rules engine (rules): dated thresholds, time limits, holidays,
// assessments. A pure library with a command line; its routes come with the
// server features that need them. Only src/app/modules.cc includes this.
#ifndef SAMKJOP_MODULES_RULES_MODULE_H_
#define SAMKJOP_MODULES_RULES_MODULE_H_

#include "core/module/module.h"

namespace samkjop::rules {

core::Module RulesModule();

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_MODULE_H_
