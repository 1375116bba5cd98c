// The rules module's routes: the legal table (GET/POST /api/rules/values)
// and the calculators (assess, standstill, deadline, price-score,
// climate-check), answering the same JSON and error codes as `samkjop rules`.
#ifndef SAMKJOP_MODULES_RULES_RULES_ROUTES_H_
#define SAMKJOP_MODULES_RULES_RULES_ROUTES_H_

#include "core/http/router.h"
#include "core/module/module.h"

namespace samkjop::rules {

void AddRulesRoutes(core::http::Router& router, core::Services& sv);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_RULES_ROUTES_H_
