// Price to points (DFØ, "Veileder i evaluering av tilbud", «Regne om pris til
// poeng»), on the 0–10 scale, Pmin being the lowest price given.
#ifndef SAMKJOP_MODULES_RULES_PRICE_SCORE_H_
#define SAMKJOP_MODULES_RULES_PRICE_SCORE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "modules/rules/reason.h"

namespace samkjop::rules {

enum class PriceModel {
  kLinear,        // 10 − k·10·(P − Pmin)/Pmin; may go negative (KOFA 2015/60)
  kProportional,  // 10·Pmin/P
};

// "linear" | "proportional". InvalidArgument "rules.invalid_model" otherwise.
core::Result<PriceModel> ParsePriceModel(std::string_view code);
std::string_view PriceModelCode(PriceModel model);

struct PriceScoreOptions {
  PriceModel model = PriceModel::kLinear;
  double k = 1.0;           // linear only: steepness, > 0 (k ≠ 1 is unconfirmed practice)
  bool floor_zero = false;  // linear only: clamp negative scores to 0
};

struct PriceScores {
  std::vector<double> scores;  // in the order of the prices, unrounded
  std::int64_t lowest_ore = 0;
  std::vector<Reason> reasons;
};

// Scores `prices_ore` (each > 0, in øre). Equal prices get equal scores.
// Errors (InvalidArgument): "rules.no_prices" (empty list),
// "rules.invalid_price" (a price <= 0; field "prices[i]"), "rules.invalid_k"
// (k not finite, <= 0 or > 1000).
core::Result<PriceScores> ScorePrices(const std::vector<std::int64_t>& prices_ore,
                                      const PriceScoreOptions& options);

// `x` rounded half away from zero to 4 decimals; never returns -0.0.
double RoundTo4(double x);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_PRICE_SCORE_H_
