// The climate and environment rule, FOA § 7-9 (version in force 1 Jan 2024):
// climate and environmental considerations weigh at least 30 % among the
// award criteria, or, where criteria are prioritised, rank among the three
// highest — unless a recorded exception applies.
#ifndef SAMKJOP_MODULES_RULES_CLIMATE_H_
#define SAMKJOP_MODULES_RULES_CLIMATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"
#include "modules/rules/reason.h"

namespace samkjop::rules {

// The least climate weight, in basis points (1 % = 100).
inline constexpr std::int64_t kMinClimateWeightBp = 3000;
// The lowest priority a climate criterion may have (1 = highest).
inline constexpr int kMaxClimateRank = 3;

// One award criterion (tildelingskriterium). Give either a weight (all
// criteria weighted) or a rank (all criteria prioritised), never both.
struct AwardCriterion {
  std::string name;
  bool climate = false;                   // a climate and environment criterion
  std::optional<std::int64_t> weight_bp;  // weight in basis points (30 % = 3000)
  std::optional<int> rank;                // priority, 1 = the highest
};

// The exception recorded for the competition.
enum class ClimateException {
  kNone,
  kSpecRequirementBetter,   // § 7-9 (4): requirements in the specification; justified
  kInsignificantFootprint,  // the purchase by its nature has an insignificant footprint
};

// "none" | "spec_requirement_better" | "insignificant_footprint".
// InvalidArgument "rules.invalid_exception" otherwise.
core::Result<ClimateException> ParseClimateException(std::string_view code);
std::string_view ClimateExceptionCode(ClimateException exception);

struct ClimateCheckInput {
  std::vector<AwardCriterion> criteria;
  ClimateException exception = ClimateException::kNone;
  std::string justification;  // where and why the exception is justified
  core::nor::Date announced;  // date of the notice, invitation or direct approach
};

enum class ClimateVerdict {
  kOk,                 // the rule is met
  kViolation,          // something is wrong: see `problems`
  kExceptionAccepted,  // the rule is not met, but a recorded exception applies
  kNotApplicable,      // announced before 2024-01-01
};
// "ok" | "violation" | "exception_accepted" | "not_applicable".
std::string_view ClimateVerdictCode(ClimateVerdict verdict);

struct ClimateCheckResult {
  ClimateVerdict verdict = ClimateVerdict::kOk;
  bool weighted = true;                 // false: criteria are prioritised
  std::int64_t total_weight_bp = 0;     // weighted only
  std::int64_t climate_weight_bp = 0;   // weighted only
  std::optional<int> climate_position;  // prioritised: 1-based place of the best climate criterion
  std::vector<Reason> problems;         // what is wrong (kViolation only)
  std::vector<Reason> reasons;          // the rules applied, and notes
};

// Checks `input` against FOA § 7-9. Malformed input is an error
// (InvalidArgument): "rules.no_criteria" (empty), "rules.invalid_criteria"
// (weights and ranks mixed or missing, a weight outside 0–100 %, a rank < 1,
// two criteria with the same rank). A set whose weights do not sum to 100 %
// is a problem in the result, not an error.
core::Result<ClimateCheckResult> CheckClimate(const ClimateCheckInput& input);

// Parses a weight in percent with up to two decimals ("30", "12.5", "12,5",
// "30 %") into basis points. InvalidArgument "rules.invalid_weight".
core::Result<std::int64_t> ParseWeightPercent(std::string_view text);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_CLIMATE_H_
