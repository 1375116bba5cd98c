// Time limits (frister) and the standstill period (karensperiode), computed
// by the EEA time-limit rules (forskrift om tidsfrister i EØS-avtalen, which
// FOA § 7-6 applies; Regulation (EEC, Euratom) 1182/71): a period of days
// runs from the day after the event, counts calendar days, and ends at 24:00
// on its last day; when that day is a Saturday, Sunday or public holiday, it
// ends at 24:00 on the next working day.
#ifndef SAMKJOP_MODULES_RULES_TIME_LIMITS_H_
#define SAMKJOP_MODULES_RULES_TIME_LIMITS_H_

#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"
#include "modules/rules/legal_table.h"
#include "modules/rules/reason.h"

namespace samkjop::rules {

// The longest period accepted, in days (ten years).
inline constexpr int kMaxPeriodDays = 3660;

struct PeriodEnd {
  core::nor::Date nominal_last_day;  // event + days, before moving off a closed day
  core::nor::Date last_day;          // the period ends at 24:00 on this day
  bool extended = false;             // last_day != nominal_last_day
  std::vector<Reason> reasons;
};

// The last day of a period of `days` calendar days counted from the day after
// `event_date`. Errors (InvalidArgument):
//   "rules.invalid_days" — days < 1 or > kMaxPeriodDays (field "days");
//   "rules.year_out_of_range" — event or end outside the holiday calendar.
core::Result<PeriodEnd> LastDayOfPeriod(core::nor::Date event_date, int days);

struct Standstill {
  int days = 0;                       // length used
  core::nor::Date last_day;           // the standstill ends at 24:00 on this day
  core::nor::Date first_signing_day;  // the day after last_day: the contract may be signed
  std::vector<Reason> reasons;
};

// The standstill period after the award notice was sent (electronically) on
// `notified`. `days` <= 0 means "the minimum from `table` in force on
// `notified`" (key days.standstill, 10 days). Errors: those of
// LastDayOfPeriod, and when the table is used, "rules.date_before_table" and
// "rules.no_value_in_force".
core::Result<Standstill> ComputeStandstill(core::nor::Date notified, int days,
                                           const LegalTable& table = LegalTable::Builtin());

// `date` moved by `days` (may be negative).
core::nor::Date AddDays(core::nor::Date date, int days);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_TIME_LIMITS_H_
