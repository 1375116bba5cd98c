// JSON views of the rules engine, shared by the `samkjop rules` command and
// (later) the /api/rules routes. The *Json request functions take the inputs
// as the user typed them (CLI options or query parameters), validate them,
// and return the response body or a Status for ErrorToJson. Pure: no I/O, no
// clock (callers pass today's date).
#ifndef SAMKJOP_MODULES_RULES_RULES_JSON_H_
#define SAMKJOP_MODULES_RULES_RULES_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/error/status.h"
#include "core/nor/civil_date.h"
#include "modules/rules/assessment.h"
#include "modules/rules/climate.h"
#include "modules/rules/legal_table.h"
#include "modules/rules/price_score.h"
#include "modules/rules/reason.h"
#include "modules/rules/time_limits.h"

namespace samkjop::rules {

// {"error": {"code": "rules.invalid_kind", "message": "...", "field": "kind"}};
// "field" only when the status names one.
nlohmann::json ErrorToJson(const core::Status& status);

// {"text_nb", "text_en", "paragraph", "source", "confirmed"}.
nlohmann::json ReasonToJson(const Reason& reason);

// {"key", "in_force", "label_nb", "label_en", "source", "confirmed",
//  "explanation_nb", "explanation_en"} plus "amount_ore" and "amount_nok"
// (a "1300000.00" string) for money keys, "days" for "days." keys, "months"
// for "months." keys or "flag" for "flag." keys.
nlohmann::json LegalValueToJson(const LegalValue& value);

// {"value_ore", "value_nok", "kind", "date", "part", "publication",
//  "protocol_required", "tax_certificate_required", "pay_conditions_required",
//  "apprentices_threshold_met", "procedures": [...], "min_days": {name: days},
//  "confirmed", "reasons": [...]}.
nlohmann::json AssessmentToJson(const Assessment& assessment);

// {"notified", "days", "last_day", "first_signing_day", "reasons"}.
nlohmann::json StandstillToJson(core::nor::Date notified, const Standstill& standstill);

// {"from", "days", "nominal_last_day", "last_day", "extended", "reasons"}.
nlohmann::json PeriodEndToJson(core::nor::Date from, int days, const PeriodEnd& end);

// {"model", "k", "floor_zero", "lowest_nok", "scores": [rounded to 4 decimals], "reasons"}.
nlohmann::json PriceScoresToJson(const PriceScores& scores, const PriceScoreOptions& options);

// {"verdict", "weighted", "total_weight_pct"?, "climate_weight_pct"?,
//  "climate_position"?, "problems": [...], "reasons": [...]}.
nlohmann::json ClimateCheckToJson(const ClimateCheckResult& result);

// --- Requests: inputs as typed; nullopt = not given. ---

// Errors: "rules.missing_option" (field named), "rules.invalid_value",
// "rules.negative_value", "rules.value_too_large", "rules.invalid_kind",
// "rules.invalid_date", and those of Assess.
core::Result<nlohmann::json> AssessJson(const std::optional<std::string>& value,
                                        const std::optional<std::string>& kind,
                                        const std::optional<std::string>& date,
                                        const LegalTable& table = LegalTable::Builtin());

// `days` defaults to the table's standstill minimum. Errors:
// "rules.missing_option", "rules.invalid_date", "rules.invalid_days", and
// those of ComputeStandstill.
core::Result<nlohmann::json> StandstillJson(const std::optional<std::string>& notified,
                                            const std::optional<std::string>& days,
                                            const LegalTable& table = LegalTable::Builtin());

// Errors: "rules.missing_option", "rules.invalid_date", "rules.invalid_days",
// "rules.year_out_of_range".
core::Result<nlohmann::json> DeadlineJson(const std::optional<std::string>& from,
                                          const std::optional<std::string>& days);

// `prices` is a list separated by ',' (decimals with '.'), or by ';' (then
// decimals may use ','). Errors: "rules.missing_option" (model),
// "rules.invalid_model", "rules.invalid_k", "rules.no_prices",
// "rules.invalid_price" (zero, negative or not a number).
core::Result<nlohmann::json> PriceScoreJson(const std::optional<std::string>& model,
                                            const std::optional<std::string>& k, bool floor_zero,
                                            const std::optional<std::string>& prices);

// LegalValueToJson plus "id", "unit" ("ore"|"days"|"months"|"flag"),
// "supersedes" (id or null), "reason" (text or null: why it corrects the row
// it supersedes) and "superseded_by" (id or null).
nlohmann::json LegalValueItemJson(const LegalValue& value);

// {"date", "items": [LegalValueItemJson...], "total", "confirmed"}: the values
// in force on `date` (or on `today` when not given), or with `history` every
// row of the table, superseded ones included. "confirmed" is whether every
// value in force on the date is confirmed. Errors: "rules.invalid_date"
// (naming `field`), "rules.date_before_table".
core::Result<nlohmann::json> LegalValuesJson(const std::optional<std::string>& date, bool history,
                                             core::nor::Date today, const LegalTable& table,
                                             std::string_view field = "date");

// LegalValuesJson without history (the `samkjop rules thresholds` command).
core::Result<nlohmann::json> ThresholdsJson(const std::optional<std::string>& date,
                                            core::nor::Date today,
                                            const LegalTable& table = LegalTable::Builtin());

// As AssessJson, with the value as a whole number of øre (the API's
// `value_ore`; errors name "value_ore").
core::Result<nlohmann::json> AssessOreJson(const std::optional<std::int64_t>& value_ore,
                                           const std::optional<std::string>& kind,
                                           const std::optional<std::string>& date,
                                           const LegalTable& table = LegalTable::Builtin());

// Body: {"model": "linear"|"proportional", "k"?: number, "floor_zero"?: bool,
// "prices_ore": [int > 0]}. Errors as PriceScoreJson (prices named
// "prices_ore[i]"), and "rules.invalid_body" for a wrong shape (also an
// unknown field).
core::Result<nlohmann::json> PriceScoreBodyJson(const nlohmann::json& body);

// Body: {"announced": "YYYY-MM-DD", "criteria": [{"name", "weight" | "rank",
// "climate": bool}], "exception": "none"|..., "justification": "..."};
// "weight" is a percent (number or string, up to two decimals). Errors:
// "rules.invalid_body" (wrong shape), "rules.missing_option",
// "rules.invalid_date", "rules.invalid_weight", "rules.invalid_exception",
// and those of CheckClimate.
core::Result<nlohmann::json> ClimateCheckJson(const nlohmann::json& body);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_RULES_JSON_H_
