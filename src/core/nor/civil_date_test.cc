#include "core/nor/civil_date.h"

#include <gtest/gtest.h>

namespace samkjop::core::nor {
namespace {

TEST(CivilDateTest, ParsesRealDates) {
  auto d = ParseIsoDate("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatIsoDate(*d), "2024-02-29");
  EXPECT_EQ(FormatNorwegianDate(*d), "29.02.2024");
  auto n = ParseNorwegianDate("17.05.2026");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(FormatIsoDate(*n), "2026-05-17");
}

TEST(CivilDateTest, RejectsNonDates) {
  const char* bad_iso[] = {"2025-02-29", "2025-13-01", "2025-00-10", "2025-1-01", "20250101",
                           "2025-01-32", "abcd-ef-gh", "",           "0999-01-01"};
  for (const char* s : bad_iso) EXPECT_FALSE(ParseIsoDate(s).has_value()) << s;
  const char* bad_no[] = {"29.02.2025", "1.1.2025", "2025-01-01", "31.04.2026"};
  for (const char* s : bad_no) EXPECT_FALSE(ParseNorwegianDate(s).has_value()) << s;
}

TEST(CivilDateTest, TodayCanBePinned) {
  PinToday(ParseIsoDate("2026-03-01"));
  EXPECT_TRUE(TodayIsPinned());
  EXPECT_EQ(TodayIso(), "2026-03-01");
  PinToday(std::nullopt);
  EXPECT_FALSE(TodayIsPinned());
  EXPECT_TRUE(TodayOslo().ok());
}

TEST(CivilDateTest, AddMonthsClampsToTheMonthsLastDay) {
  struct Case {
    const char* from;
    int months;
    const char* want;
  } cases[] = {
      {"2024-01-31", 1, "2024-02-29"},  {"2025-01-31", 1, "2025-02-28"},
      {"2024-03-15", 48, "2028-03-15"}, {"2026-12-02", -3, "2026-09-02"},
      {"2026-05-31", -3, "2026-02-28"}, {"2026-11-30", 2, "2027-01-30"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(FormatIsoDate(AddMonths(*ParseIsoDate(c.from), c.months)), c.want) << c.from;
}

TEST(CivilDateTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(AddDaysIso("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDaysIso("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(AddDaysIso("2026-12-02", -90), "2026-09-03");
  EXPECT_THROW(AddDaysIso("2026-02-30", 1), std::invalid_argument);
}

}  // namespace
}  // namespace samkjop::core::nor
