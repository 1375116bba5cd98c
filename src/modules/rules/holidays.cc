#include "modules/rules/holidays.h"

#include <algorithm>
#include <chrono>

namespace samkjop::rules {
namespace {

using core::nor::Date;

Date Shift(Date d, int days) { return Date{std::chrono::sys_days(d) + std::chrono::days(days)}; }

Date Ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Meeus/Jones/Butcher ("anonymous Gregorian") algorithm; valid for every
// Gregorian year.
Date ComputeEaster(int year) {
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<PublicHoliday> Compute(int year) {
  Date easter = ComputeEaster(year);
  std::vector<PublicHoliday> out = {
      {Ymd(year, 1, 1), "1. nyttårsdag", "New Year's Day"},
      {Shift(easter, -3), "Skjærtorsdag", "Maundy Thursday"},
      {Shift(easter, -2), "Langfredag", "Good Friday"},
      {easter, "1. påskedag", "Easter Sunday"},
      {Shift(easter, 1), "2. påskedag", "Easter Monday"},
      {Ymd(year, 5, 1), "Offentlig høytidsdag, 1. mai", "Labour Day, 1 May"},
      {Ymd(year, 5, 17), "Grunnlovsdagen, 17. mai", "Constitution Day, 17 May"},
      {Shift(easter, 39), "Kristi himmelfartsdag", "Ascension Day"},
      {Shift(easter, 49), "1. pinsedag", "Whit Sunday"},
      {Shift(easter, 50), "2. pinsedag", "Whit Monday"},
      {Ymd(year, 12, 25), "1. juledag", "Christmas Day"},
      {Ymd(year, 12, 26), "2. juledag", "Boxing Day"},
  };
  std::stable_sort(out.begin(), out.end(),
                   [](const PublicHoliday& x, const PublicHoliday& y) { return x.date < y.date; });
  return out;
}

core::Status YearOutOfRange(int year) {
  return core::Status::InvalidField("rules.year_out_of_range", "year",
                                    "Året " + std::to_string(year) + " er utenfor kalenderen (" +
                                        std::to_string(kFirstCalendarYear) + "–" +
                                        std::to_string(kLastCalendarYear) + ").");
}

bool YearInRange(int year) { return year >= kFirstCalendarYear && year <= kLastCalendarYear; }

}  // namespace

core::Result<Date> EasterSunday(int year) {
  if (!YearInRange(year)) return YearOutOfRange(year);
  return ComputeEaster(year);
}

core::Result<std::vector<PublicHoliday>> PublicHolidays(int year) {
  if (!YearInRange(year)) return YearOutOfRange(year);
  return Compute(year);
}

bool InCalendarRange(Date date) { return date.ok() && YearInRange(static_cast<int>(date.year())); }

std::optional<PublicHoliday> HolidayOn(Date date) {
  if (!InCalendarRange(date)) return std::nullopt;
  for (PublicHoliday& h : Compute(static_cast<int>(date.year()))) {
    if (h.date == date) return std::move(h);
  }
  return std::nullopt;
}

bool IsPublicHoliday(Date date) { return HolidayOn(date).has_value(); }

bool IsWeekend(Date date) {
  std::chrono::weekday wd{std::chrono::sys_days(date)};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

bool IsWorkingDay(Date date) { return !IsWeekend(date) && !IsPublicHoliday(date); }

}  // namespace samkjop::rules
