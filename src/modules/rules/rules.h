// The rules module's public interface for other modules: the dated legal
// table (thresholds, time limits, with sources), Norwegian holidays and time
// limits, the assessment of which part of the regulation applies, price
// scoring and the climate check. Pure functions, no I/O. Other modules include
// this header only (scripts/check-module-boundaries.mjs).
#ifndef SAMKJOP_MODULES_RULES_RULES_H_
#define SAMKJOP_MODULES_RULES_RULES_H_

#include "modules/rules/assessment.h"
#include "modules/rules/climate.h"
#include "modules/rules/holidays.h"
#include "modules/rules/legal_table.h"
#include "modules/rules/money.h"
#include "modules/rules/price_score.h"
#include "modules/rules/time_limits.h"

#endif  // SAMKJOP_MODULES_RULES_RULES_H_
