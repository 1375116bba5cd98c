// Assessment of a planned purchase (anskaffelse): from its estimated value,
// its kind and a date, which part of FOA applies, whether and where it must
// be announced, the protocol and tax-certificate duties, the allowed
// procedures and the minimum time limits — each with the reason it rests on.
#ifndef SAMKJOP_MODULES_RULES_ASSESSMENT_H_
#define SAMKJOP_MODULES_RULES_ASSESSMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"
#include "modules/rules/legal_table.h"
#include "modules/rules/reason.h"

namespace samkjop::rules {

// What is bought.
enum class Kind {
  kGoods,     // varer
  kServices,  // tjenester
  kWorks,     // bygge- og anleggsarbeider
  kSpecial,   // helse- og sosialtjenester og andre særlige tjenester (FOA del IV)
};

// "goods" | "services" | "works" | "special" (exact, lower case).
// InvalidArgument "rules.invalid_kind" (field "kind") otherwise.
core::Result<Kind> ParseKind(std::string_view code);
// The code ParseKind accepts.
std::string_view KindCode(Kind kind);

// The part of FOA that applies.
enum class Part {
  kOutside,  // below the floor: LOA/FOA do not apply
  kI,        // LOA + FOA del I
  kII,       // del I + del II (national procurements)
  kIII,      // del I + del III (EEA procurements)
  kIV,       // del I + del IV (special services from their EEA threshold)
};
// "outside" | "I" | "II" | "III" | "IV".
std::string_view PartCode(Part part);

// Where the purchase must be announced.
enum class Publication { kNone, kDoffin, kDoffinTed };
// "none" | "doffin" | "doffin+ted".
std::string_view PublicationCode(Publication publication);

// One minimum time limit: `name` is the table key without "days."
// ("open.tender").
struct MinDays {
  std::string name;
  int days = 0;
  bool confirmed = true;
};

struct Assessment {
  std::int64_t value_ore = 0;
  Kind kind = Kind::kGoods;
  core::nor::Date date;
  Part part = Part::kOutside;
  Publication publication = Publication::kNone;
  bool protocol_required = false;          // from the floor (FOA § 7-1)
  bool tax_certificate_required = false;   // over NOK 500,000 (FOA § 7-2)
  bool pay_conditions_required = false;    // services/works from the pay-conditions limit
  bool apprentices_threshold_met = false;  // services/works from the apprentice limit
  std::vector<std::string> procedures;     // procedure codes, see docs/rules.md
  std::vector<MinDays> min_days;           // part III only; empty otherwise
  std::vector<Reason> reasons;
  bool confirmed = true;  // false when any reason rests on an unconfirmed value
};

// Assesses a purchase of estimated value `value_ore` (øre, excl. VAT, whole
// term incl. options) of `kind` on `date` (normally the date of the notice or
// of the decision to buy), using the values of `table` in force on `date`.
// A value exactly at a threshold falls in the higher part ("lik eller
// overstiger"). Errors (InvalidArgument unless noted):
//   "rules.negative_value", "rules.value_too_large" (over NOK 10^13);
//   "rules.date_before_table" (before the first value of the table);
//   "rules.no_value_in_force" (NotFound: a key missing on that date).
core::Result<Assessment> Assess(std::int64_t value_ore, Kind kind, core::nor::Date date,
                                const LegalTable& table = LegalTable::Builtin());

// The thresholds the spend engine compares against.
struct ThresholdSet {
  core::nor::Date date;           // the day they are in force
  std::int64_t floor_ore = 0;     // threshold.floor
  std::int64_t national_ore = 0;  // threshold.national
  std::int64_t eea_goods_services_ore = 0;
  std::int64_t eea_works_ore = 0;
  std::int64_t eea_special_ore = 0;
  bool confirmed = true;  // false when any of the five is unconfirmed
};

// The five thresholds in force on `date`. Errors as for Assess (date).
core::Result<ThresholdSet> ThresholdsInForce(core::nor::Date date,
                                             const LegalTable& table = LegalTable::Builtin());

// The thresholds in force on 31 December of `year` (what the spend engine
// uses for a calendar year). Errors as ThresholdsInForce, and
// "rules.year_out_of_range" for a year outside 1900–2200.
core::Result<ThresholdSet> ThresholdsForYear(int year,
                                             const LegalTable& table = LegalTable::Builtin());

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_ASSESSMENT_H_
