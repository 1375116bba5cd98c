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

// Today's date in Europe/Oslo. Tests may pin it with SetTodayForTest.
Date TodayOslo();
void SetTodayForTest(std::optional<Date> d);

// The current instant as "2026-11-26T05:33:20Z" (UTC, second precision).
std::string NowUtcIso();

}  // namespace samkjop::core::nor

#endif  // SAMKJOP_CORE_NOR_CIVIL_DATE_H_
