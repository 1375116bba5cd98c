// The risk thresholds of a spend run: the values in force on the last day of
// the analysed year from the rules module's dated legal table, each of which
// a flag may override.
#ifndef SAMKJOP_MODULES_SPEND_THRESHOLDS_H_
#define SAMKJOP_MODULES_SPEND_THRESHOLDS_H_

#include <optional>
#include <string>

#include "core/error/status.h"
#include "modules/rules/rules.h"
#include "modules/spend/report.h"

namespace samkjop::spend {

// NOK amounts as typed on the command line ("1300000", "2 300 000,50").
struct ThresholdOverrides {
  std::optional<std::string> protocol;  // --protocol-threshold
  std::optional<std::string> national;  // --national-threshold
  std::optional<std::string> eea;       // --eea-threshold
};

// Resolves the thresholds for `year` (values in force on 31 December) from
// `table` (the database's table with --db, else the built-in one) — threshold.floor,
// threshold.national, threshold.eea.goods_services — then applies the overrides, converted to øre
// exactly (no floating point). Errors (InvalidArgument):
//   "spend.invalid_threshold" — an override that is not a non-negative NOK
//                                amount with at most two decimals;
//   the table's "rules.no_value_in_force" when a value is missing for `year`.
core::Result<Thresholds> ResolveThresholds(
    int year, const ThresholdOverrides& overrides,
    const rules::LegalTable& table = rules::LegalTable::Builtin());

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_THRESHOLDS_H_
