// The dated legal table: every threshold and minimum time limit the rules
// engine uses, each with its in-force date and its source (DOMAIN.md §1–§7).
// Pure data and lookups; no I/O.
#ifndef SAMKJOP_MODULES_RULES_LEGAL_TABLE_H_
#define SAMKJOP_MODULES_RULES_LEGAL_TABLE_H_

#include <cstdint>
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

// One dated legal value. Money in øre (int64); day counts in `days`.
struct LegalValue {
  std::string key;              // e.g. "threshold.national"
  core::nor::Date in_force;     // first day this value applies
  std::int64_t amount_ore = 0;  // money values
  int days = 0;                 // time-limit values
  std::string label_nb, label_en;
  std::string source;     // legal basis + where it was found (DOMAIN.md)
  bool confirmed = true;  // false = UNCONFIRMED in DOMAIN.md
};

class LegalTable {
 public:
  // The table built into the binary (DOMAIN.md §1–§7).
  static const LegalTable& Builtin();

  explicit LegalTable(std::vector<LegalValue> values);

  // The entry for `key` with the latest in_force <= date. NotFound status
  // (code "rules.no_value_in_force", Norwegian message) if none.
  core::Result<LegalValue> InForce(std::string_view key, core::nor::Date date) const;

  // Every key's value in force on `date` (keys with none are omitted).
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
