// The dated legal table: every threshold and minimum time limit the rules
// engine uses, each with its in-force date and its source (DOMAIN.md §1–§7).
// Pure data and lookups; no I/O.
#ifndef SAMKJOP_MODULES_RULES_LEGAL_TABLE_H_
#define SAMKJOP_MODULES_RULES_LEGAL_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"

namespace samkjop::rules {

// Keys of the built-in table. Money keys hold `amount_ore`; "days." keys hold
// `days`. When adding a key, also add it to BuiltinValues() in
// legal_table.cc and describe it in docs/rules.md.
inline constexpr std::string_view kThresholdFloor = "threshold.floor";
inline constexpr std::string_view kThresholdNational = "threshold.national";
inline constexpr std::string_view kThresholdEeaGoodsServices = "threshold.eea.goods_services";
inline constexpr std::string_view kThresholdEeaWorks = "threshold.eea.works";
inline constexpr std::string_view kThresholdEeaSpecial = "threshold.eea.special";
inline constexpr std::string_view kThresholdTaxCertificate = "threshold.tax_certificate";
inline constexpr std::string_view kThresholdPayConditions = "threshold.pay_conditions";
inline constexpr std::string_view kThresholdApprentices = "threshold.apprentices";
inline constexpr std::string_view kDaysOpenTender = "days.open.tender";
inline constexpr std::string_view kDaysOpenTenderNoElectronic = "days.open.tender_no_electronic";
inline constexpr std::string_view kDaysOpenTenderShortened = "days.open.tender_shortened";
inline constexpr std::string_view kDaysRestrictedRequest = "days.restricted.request";
inline constexpr std::string_view kDaysRestrictedRequestUrgent = "days.restricted.request_urgent";
inline constexpr std::string_view kDaysRestrictedTender = "days.restricted.tender";
inline constexpr std::string_view kDaysRestrictedTenderNoElectronic =
    "days.restricted.tender_no_electronic";
inline constexpr std::string_view kDaysRestrictedTenderShortened =
    "days.restricted.tender_shortened";
inline constexpr std::string_view kDaysRestrictedTenderNoAgreement =
    "days.restricted.tender_no_agreement";
inline constexpr std::string_view kDaysNegotiationRequest = "days.negotiation.request";
inline constexpr std::string_view kDaysNegotiationTender = "days.negotiation.tender";
inline constexpr std::string_view kDaysDialogueRequest = "days.dialogue.request";
inline constexpr std::string_view kDaysInnovationRequest = "days.innovation.request";
inline constexpr std::string_view kDaysStandstill = "days.standstill";
inline constexpr std::string_view kMonthsFrameworkMax = "months.framework_max";
inline constexpr std::string_view kMonthsTaxCertificateMaxAge = "months.tax_certificate_max_age";
// Structural: whether FOA part II (national procurements) applies at all
// (NOU 2023:26 proposed removing it; DOMAIN.md §0).
inline constexpr std::string_view kFlagPartIIApplies = "flag.part_ii_applies";

// A key's prefix fixes its unit: "threshold." øre, "days.", "months.", "flag.".
enum class Unit { kOre, kDays, kMonths, kFlag };
// The unit of `key` by its prefix; nullopt for any other prefix.
std::optional<Unit> UnitOfKey(std::string_view key);
// "ore" | "days" | "months" | "flag".
std::string_view UnitCode(Unit unit);

// One dated legal value. Money in øre (int64); day counts in `days`, month
// counts in `months`, flags in `flag` (the key's prefix says which).
struct LegalValue {
  std::string key;              // e.g. "threshold.national"
  core::nor::Date in_force;     // first day this value applies
  std::int64_t amount_ore = 0;  // money values
  int days = 0;                 // time-limit values
  std::string label_nb, label_en;
  std::string source;     // legal basis + where it was found (DOMAIN.md)
  bool confirmed = true;  // false = UNCONFIRMED in DOMAIN.md
  std::int64_t id = 0;    // row id (the built-in table numbers its rows 1, 2, …)
  int months = 0;         // month values
  bool flag = false;      // flag values
  // Corrections (the database's table): the row this one supersedes (0:
  // none) and why; the row that superseded this one (0: none; look-ups skip
  // superseded rows).
  std::int64_t supersedes = 0;
  std::string reason;
  std::int64_t superseded_by = 0;

  // The value as one integer in the key's unit (øre, days, months, 0/1).
  std::int64_t Number() const;
};

// A key the table knows, with its unit and labels. The keys are a fixed list
// in code (an unknown key is bad input): the keys of the built-in table.
struct KnownKey {
  std::string key;
  Unit unit = Unit::kOre;
  std::string label_nb, label_en;
};
const std::vector<KnownKey>& KnownKeys();
// nullptr when `key` is not a known key.
const KnownKey* FindKnownKey(std::string_view key);

class LegalTable {
 public:
  // The table built into the binary (DOMAIN.md §1–§7).
  static const LegalTable& Builtin();

  explicit LegalTable(std::vector<LegalValue> values);

  // The entry for `key` with the latest in_force <= date, skipping superseded
  // entries. NotFound status
  // (code "rules.no_value_in_force", Norwegian message) if none.
  core::Result<LegalValue> InForce(std::string_view key, core::nor::Date date) const;

  // Every key's value in force on `date` (keys with none are omitted), in the
  // order the keys first appear.
  std::vector<LegalValue> AllInForce(core::nor::Date date) const;

  // All entries, every key and every in-force date.
  const std::vector<LegalValue>& values() const;

 private:
  std::vector<LegalValue> values_;
};

// OK when `date` is on or after the earliest in_force date of `table`.
// Otherwise InvalidArgument "rules.date_before_table" (Norwegian message
// naming the first date), also for an empty table.
core::Status CheckDateCovered(const LegalTable& table, core::nor::Date date);

// Checks values an administrator wants to load as a table: every key
// non-empty, no key twice with the same in_force date, no negative amount or
// day count, a source on every value. InvalidArgument
// "rules.invalid_legal_value" naming the first bad entry otherwise.
core::Status ValidateLegalValues(const std::vector<LegalValue>& values);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_LEGAL_TABLE_H_
