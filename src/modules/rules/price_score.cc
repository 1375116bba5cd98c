#include "modules/rules/price_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace samkjop::rules {
namespace {

// 1.5 -> "1.5"; 2 -> "2".
std::string FormatK(double k) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", k);
  return buf;
}

}  // namespace

core::Result<PriceModel> ParsePriceModel(std::string_view code) {
  if (code == "linear") return PriceModel::kLinear;
  if (code == "proportional") return PriceModel::kProportional;
  return core::Status::InvalidField(
      "rules.invalid_model", "model",
      "Ukjent prismodell «" + std::string(code) +
          "». Bruk linear (lineær modell) eller proportional (forholdsmessig modell).");
}

std::string_view PriceModelCode(PriceModel model) {
  return model == PriceModel::kLinear ? "linear" : "proportional";
}

double RoundTo4(double x) {
  double r = std::round(x * 10000.0) / 10000.0;
  return r == 0.0 ? 0.0 : r;  // folds -0.0 into 0.0
}

core::Result<PriceScores> ScorePrices(const std::vector<std::int64_t>& prices_ore,
                                      const PriceScoreOptions& options) {
  if (prices_ore.empty()) {
    return core::Status::InvalidField("rules.no_prices", "prices", "Oppgi minst én pris.");
  }
  for (size_t idx = 0; idx < prices_ore.size(); ++idx) {
    if (prices_ore[idx] <= 0) {
      return core::Status::InvalidField(
          "rules.invalid_price", "prices[" + std::to_string(idx) + "]",
          "Pris nummer " + std::to_string(idx + 1) +
              " er null eller negativ; prisene må være større enn null.");
    }
  }
  if (options.model == PriceModel::kLinear &&
      (!std::isfinite(options.k) || options.k <= 0.0 || options.k > 1000.0)) {
    return core::Status::InvalidField("rules.invalid_k", "k",
                                      "Faktoren k må være et tall større enn 0 (høyst 1000).");
  }

  PriceScores out;
  out.lowest_ore = *std::min_element(prices_ore.begin(), prices_ore.end());
  const double pmin = static_cast<double>(out.lowest_ore);
  for (std::int64_t price : prices_ore) {
    double score;
    if (options.model == PriceModel::kLinear) {
      // The difference is exact in integers; only the ratio is floating point.
      double diff = static_cast<double>(price - out.lowest_ore);
      score = 10.0 - options.k * 10.0 * diff / pmin;
      if (options.floor_zero) score = std::max(0.0, score);
    } else {
      score = 10.0 * pmin / static_cast<double>(price);
    }
    out.scores.push_back(score);
  }

  const std::string source =
      "DOMAIN.md §4: DFØ «Veileder i evaluering av tilbud», «Regne om pris til poeng»";
  if (options.model == PriceModel::kLinear) {
    out.reasons.push_back(Reason{
        "Lineær modell: poeng = 10 − 10 × (pris − laveste pris) / laveste pris. "
        "Poengforskjellen speiler prosentforskjellen fra laveste pris.",
        "Linear model: score = 10 − 10 × (price − lowest price) / lowest price. The score "
        "difference mirrors the percentage difference from the lowest price.",
        "Ingen forskriftsregel om evalueringsmodeller (KOFA 2017/114, 2015/60)", source, true});
    if (options.k != 1.0) {
      out.reasons.push_back(
          Reason{"Brattere lineær modell med faktor k = " + FormatK(options.k) +
                     ": poeng = 10 − k × 10 × (pris − laveste) / laveste." + kUnconfirmedNb,
                 "Steeper linear model with factor k = " + FormatK(options.k) +
                     ": score = 10 − k × 10 × (price − lowest) / lowest." + kUnconfirmedEn,
                 "Oppdragsgivers skjønn", "DOMAIN.md §4: variant ikke funnet i kildene", false});
    }
    out.reasons.push_back(
        options.floor_zero
            ? Reason{"Negative poeng er satt til 0 (valgt av oppdragsgiver).",
                     "Negative scores are set to 0 (the contracting authority's choice).",
                     "Oppdragsgivers skjønn", source, true}
            : Reason{"Negative poeng er tillatt (KOFA 2015/60).",
                     "Negative scores are lawful (KOFA 2015/60).", "KOFA 2015/60", source, true});
  } else {
    out.reasons.push_back(Reason{
        "Forholdsmessig modell: poeng = 10 × laveste pris / pris. Poengforskjellene blir "
        "mindre jo større prisforskjellene er.",
        "Proportional model: score = 10 × lowest price / price. Score differences shrink as "
        "price differences grow.",
        "Ingen forskriftsregel om evalueringsmodeller (KOFA 2017/114, 2015/60)", source, true});
  }
  return out;
}

}  // namespace samkjop::rules
