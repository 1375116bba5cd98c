#include "core/nor/civil_date.h"

#include <ctime>
#include <mutex>
#include <stdexcept>

#include <date/tz.h>

namespace samkjop::core::nor {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  int v = 0;
  for (size_t idx = pos; idx < pos + n; ++idx) {
    if (s[idx] < '0' || s[idx] > '9') return false;
    v = v * 10 + (s[idx] - '0');
  }
  *out = v;
  return true;
}

std::optional<Date> Make(int y, int m, int d) {
  if (y < 1000 || y > 9999) return std::nullopt;
  Date ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::mutex g_today_mu;
std::optional<Date> g_today_for_test;  // guarded by g_today_mu; set by PinToday

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!Digits(s, 0, 4, &y) || !Digits(s, 5, 2, &m) || !Digits(s, 8, 2, &d)) return std::nullopt;
  return Make(y, m, d);
}

std::optional<Date> ParseNorwegianDate(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[2] != '.' || s[5] != '.') return std::nullopt;
  if (!Digits(s, 0, 2, &d) || !Digits(s, 3, 2, &m) || !Digits(s, 6, 4, &y)) return std::nullopt;
  return Make(y, m, d);
}

std::string FormatIsoDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::string FormatNorwegianDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buf;
}

Date TodayOslo() {
  {
    std::lock_guard<std::mutex> lock(g_today_mu);
    if (g_today_for_test) return *g_today_for_test;
  }
  try {
    auto zt = date::make_zoned("Europe/Oslo", std::chrono::system_clock::now());
    auto local_days = date::floor<date::days>(zt.get_local_time());
    date::year_month_day ymd{local_days};
    return Date{std::chrono::year{static_cast<int>(ymd.year())},
                std::chrono::month{static_cast<unsigned>(ymd.month())},
                std::chrono::day{static_cast<unsigned>(ymd.day())}};
  } catch (...) {
    // No tzdata on the machine: UTC is at most a day off around midnight.
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  }
}

std::string TodayIso() { return FormatIsoDate(TodayOslo()); }

void PinToday(std::optional<Date> d) {
  std::lock_guard<std::mutex> lock(g_today_mu);
  g_today_for_test = d;
}

bool TodayIsPinned() {
  std::lock_guard<std::mutex> lock(g_today_mu);
  return g_today_for_test.has_value();
}

Date AddDays(Date d, int days) { return Date{std::chrono::sys_days{d} + std::chrono::days{days}}; }

Date AddMonths(Date d, int months) {
  std::chrono::year_month ym =
      std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
  std::chrono::year_month_day_last last{ym.year(), std::chrono::month_day_last{ym.month()}};
  std::chrono::day day = d.day() > last.day() ? last.day() : d.day();
  return Date{ym.year(), ym.month(), day};
}

std::string AddDaysIso(const std::string& iso, int days) {
  auto d = ParseIsoDate(iso);
  if (!d) throw std::invalid_argument("AddDaysIso: not a date: " + iso);
  return FormatIsoDate(AddDays(*d, days));
}

std::string NowUtcIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace samkjop::core::nor
