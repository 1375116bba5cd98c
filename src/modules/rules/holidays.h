// Norwegian public holidays (helligdager and høgtidsdager) and working days,
// as the time-limit rules need them. Easter is computed, never tabulated.
#ifndef SAMKJOP_MODULES_RULES_HOLIDAYS_H_
#define SAMKJOP_MODULES_RULES_HOLIDAYS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"

namespace samkjop::rules {

// The years the calendar is defined for.
inline constexpr int kFirstCalendarYear = 1900;
inline constexpr int kLastCalendarYear = 2200;

struct PublicHoliday {
  core::nor::Date date;
  std::string name_nb;  // "1. påskedag"
  std::string name_en;  // "Easter Sunday"
};

// Easter Sunday (1. påskedag) of `year` in the Gregorian calendar, computed
// with the Meeus/Jones/Butcher algorithm. InvalidArgument
// "rules.year_out_of_range" outside kFirstCalendarYear..kLastCalendarYear.
core::Result<core::nor::Date> EasterSunday(int year);

// The twelve public holidays of `year`, in date order: New Year's Day,
// Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, 1 May, 17 May,
// Ascension Day, Whit Sunday, Whit Monday, Christmas Day, Boxing Day.
// (1 May may coincide with Ascension Day or 17 May with Ascension Day or Whit
// Monday; then both entries are listed.) "rules.year_out_of_range" as above.
core::Result<std::vector<PublicHoliday>> PublicHolidays(int year);

// The holiday on `date`, or nullopt (also outside the supported years).
std::optional<PublicHoliday> HolidayOn(core::nor::Date date);

// True when `date` is one of the public holidays above. False outside the
// supported years.
bool IsPublicHoliday(core::nor::Date date);

// True for Saturday and Sunday.
bool IsWeekend(core::nor::Date date);

// True when `date` is neither a Saturday, a Sunday nor a public holiday.
bool IsWorkingDay(core::nor::Date date);

// True when `date` is a valid date within the supported years.
bool InCalendarRange(core::nor::Date date);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_HOLIDAYS_H_
