// Calendar dates (no time of day, no zone), as the law and the UI use them.
// Stored and sent as "YYYY-MM-DD"; shown as "dd.mm.åååå".
#ifndef SAMKJOP_CORE_NOR_CIVIL_DATE_H_
#define SAMKJOP_CORE_NOR_CIVIL_DATE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace samkjop::core::nor {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD" (exactly that shape, a real calendar date, years
// 1000-9999). nullopt otherwise: "2025-02-29" is not a date.
std::optional<Date> ParseIsoDate(std::string_view s);

// Parses "DD.MM.YYYY" the same way.
std::optional<Date> ParseNorwegianDate(std::string_view s);

// "2026-03-01".
std::string FormatIsoDate(Date d);

// "01.03.2026".
std::string FormatNorwegianDate(Date d);

// Time is an input. "Today" is the business date every rule reads: the
// Europe/Oslo calendar date, unless pinned. `samkjop … --today YYYY-MM-DD`
// pins it for a whole process (tests only; logged as a warning), and unit
// tests pin it with PinToday. Instants (audit timestamps, session expiry)
// stay on the real clock.
Date TodayOslo();
// "2026-12-02": TodayOslo() as ISO text.
std::string TodayIso();
// Pins TodayOslo() to `d` for the whole process; nullopt unpins.
void PinToday(std::optional<Date> d);
// Whether TodayOslo() is pinned.
bool TodayIsPinned();

// Calendar arithmetic. AddMonths clamps to the last day of the month
// (2024-01-31 + 1 month = 2024-02-29).
Date AddDays(Date d, int days);
Date AddMonths(Date d, int months);
// The same on ISO text; the input must be a valid date (programmer error otherwise).
std::string AddDaysIso(const std::string& iso, int days);

// The current instant as "2026-11-26T05:33:20Z" (UTC, second precision).
std::string NowUtcIso();

}  // namespace samkjop::core::nor

#endif  // SAMKJOP_CORE_NOR_CIVIL_DATE_H_
