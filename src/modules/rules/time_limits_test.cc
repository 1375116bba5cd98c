#include "modules/rules/time_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::FormatIsoDate;
using core::nor::ParseIsoDate;

Date D(const char* iso) { return ParseIsoDate(iso).value(); }

TEST(TimeLimitsTest, LastDayOfPeriod) {
  struct Case {
    const char* event;
    int days;
    const char* nominal;
    const char* last;
  };
  const Case cases[] = {
      // Plain weekday: no extension.
      {"2025-03-03", 10, "2025-03-13", "2025-03-13"},
      {"2025-03-03", 1, "2025-03-04", "2025-03-04"},
      // Ends on a Saturday -> Monday.
      {"2024-03-14", 30, "2024-04-13", "2024-04-15"},
      // Ends on a Sunday -> Monday.
      {"2025-03-06", 10, "2025-03-16", "2025-03-17"},
      // Ends on 17 May (Saturday 2025) -> Monday 19 May.
      {"2025-05-07", 10, "2025-05-17", "2025-05-19"},
      // 17 May 2024 (Friday), then Whit Sunday and Whit Monday -> Tuesday 21 May.
      {"2024-05-07", 10, "2024-05-17", "2024-05-21"},
      // 17 May 2026 (Sunday) -> Monday 18 May.
      {"2026-05-07", 10, "2026-05-17", "2026-05-18"},
      // Maundy Thursday 2025 -> the Tuesday after Easter Monday.
      {"2025-04-07", 10, "2025-04-17", "2025-04-22"},
      // Maundy Thursday 2024 -> Tuesday 2 April.
      {"2024-03-18", 10, "2024-03-28", "2024-04-02"},
      // Easter Monday 2026 -> Tuesday.
      {"2026-03-27", 10, "2026-04-06", "2026-04-07"},
      // Christmas Day 2024 (Wednesday), Boxing Day -> Friday 27 December.
      {"2024-12-15", 10, "2024-12-25", "2024-12-27"},
      // Boxing Day 2025 (Friday), weekend -> Monday 29 December.
      {"2025-12-16", 10, "2025-12-26", "2025-12-29"},
      // New Year's Day 2026 (Thursday) -> Friday 2 January.
      {"2025-12-22", 10, "2026-01-01", "2026-01-02"},
      // Ascension Day 2025 (Thursday) -> Friday.
      {"2025-05-19", 10, "2025-05-29", "2025-05-30"},
      // Across a leap day.
      {"2024-02-20", 10, "2024-03-01", "2024-03-01"},
  };
  for (const Case& c : cases) {
    core::Result<PeriodEnd> r = LastDayOfPeriod(D(c.event), c.days);
    ASSERT_TRUE(r.ok()) << c.event << ": " << r.status().message();
    EXPECT_EQ(FormatIsoDate(r->nominal_last_day), c.nominal) << c.event;
    EXPECT_EQ(FormatIsoDate(r->last_day), c.last) << c.event;
    EXPECT_EQ(r->extended, std::string(c.nominal) != c.last) << c.event;
    EXPECT_EQ(r->reasons.size(), r->extended ? 2u : 1u) << c.event;
    for (const Reason& reason : r->reasons) {
      EXPECT_FALSE(reason.paragraph.empty());
      EXPECT_FALSE(reason.source.empty());
      EXPECT_FALSE(reason.confirmed);  // the EEA counting rule is general knowledge
      EXPECT_NE(reason.text_nb.find("IKKE BEKREFTET"), std::string::npos);
    }
  }
}

TEST(TimeLimitsTest, ExtensionReasonNamesTheHoliday) {
  core::Result<PeriodEnd> r = LastDayOfPeriod(D("2024-05-07"), 10);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->reasons.size(), 2u);
  EXPECT_NE(r->reasons[1].text_nb.find("17. mai"), std::string::npos) << r->reasons[1].text_nb;
  EXPECT_NE(r->reasons[1].text_en.find("Constitution Day"), std::string::npos);
}

TEST(TimeLimitsTest, BadPeriods) {
  struct Case {
    const char* event;
    int days;
    const char* code;
  };
  const Case cases[] = {{"2025-01-01", 0, "rules.invalid_days"},
                        {"2025-01-01", -3, "rules.invalid_days"},
                        {"2025-01-01", kMaxPeriodDays + 1, "rules.invalid_days"},
                        {"1899-12-31", 10, "rules.year_out_of_range"},
                        {"2200-12-25", 10, "rules.year_out_of_range"},  // ends in 2201
                        {"2201-01-01", 1, "rules.year_out_of_range"}};
  for (const Case& c : cases) {
    core::Result<PeriodEnd> r = LastDayOfPeriod(D(c.event), c.days);
    ASSERT_FALSE(r.ok()) << c.event << " " << c.days;
    EXPECT_EQ(r.status().code_name(), c.code) << c.event << " " << c.days;
  }
  EXPECT_TRUE(LastDayOfPeriod(D("2025-01-01"), kMaxPeriodDays).ok());
}

TEST(TimeLimitsTest, Standstill) {
  struct Case {
    const char* notified;
    int days;  // 0 = table default
    const char* last;
    const char* first_signing;
  };
  const Case cases[] = {
      {"2025-03-03", 0, "2025-03-13", "2025-03-14"},
      {"2025-05-07", 0, "2025-05-19", "2025-05-20"},   // 17 May
      {"2024-05-07", 0, "2024-05-21", "2024-05-22"},   // 17 May + Whitsun
      {"2025-04-07", 0, "2025-04-22", "2025-04-23"},   // Easter
      {"2024-03-18", 10, "2024-04-02", "2024-04-03"},  // Easter
      {"2024-12-15", 0, "2024-12-27", "2024-12-28"},   // Christmas
      {"2025-12-16", 0, "2025-12-29", "2025-12-30"},   // Christmas + weekend
      {"2025-03-03", 15, "2025-03-18", "2025-03-19"},
  };
  for (const Case& c : cases) {
    core::Result<Standstill> s = ComputeStandstill(D(c.notified), c.days);
    ASSERT_TRUE(s.ok()) << c.notified << ": " << s.status().message();
    EXPECT_EQ(s->days, c.days == 0 ? 10 : c.days) << c.notified;
    EXPECT_EQ(FormatIsoDate(s->last_day), c.last) << c.notified;
    EXPECT_EQ(FormatIsoDate(s->first_signing_day), c.first_signing) << c.notified;
    EXPECT_GE(s->reasons.size(), 3u);
  }
}

TEST(TimeLimitsTest, StandstillDefaultNeedsTheTable) {
  core::Result<Standstill> s = ComputeStandstill(D("2016-06-01"), 0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code_name(), "rules.date_before_table");
  // With an explicit length the table is not needed.
  EXPECT_TRUE(ComputeStandstill(D("2016-06-01"), 10).ok());
}

}  // namespace
}  // namespace samkjop::rules
