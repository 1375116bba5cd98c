// The legal rules module (rules): the dated legal table in the database
// (rules_legal_values), its routes and the calculators' routes, over the pure
// engine (thresholds, time limits, holidays, assessments). Only
// src/app/modules.cc includes this.
#ifndef SAMKJOP_MODULES_RULES_MODULE_H_
#define SAMKJOP_MODULES_RULES_MODULE_H_

#include "core/module/module.h"

namespace samkjop::rules {

core::Module RulesModule();

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_MODULE_H_
