#include "modules/rules/assessment.h"

#include <gtest/gtest.h>

#include <string>

#include "modules/rules/money.h"

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::ParseIsoDate;

Date D(const char* iso) { return ParseIsoDate(iso).value(); }

constexpr std::int64_t Kr(std::int64_t kroner) { return kroner * 100; }

struct PartCase {
  std::int64_t value_ore;
  Kind kind;
  const char* date;
  Part part;
  Publication publication;
};

std::string Describe(const PartCase& c) {
  return std::to_string(c.value_ore) + " øre, " + std::string(KindCode(c.kind)) + ", " + c.date;
}

// Each threshold at its value exactly (the higher part applies) and one øre
// below, for every kind.
TEST(AssessmentTest, PartAtEveryThresholdAndOneOreBelow) {
  const PartCase cases[] = {
      // Floor, NOK 100,000.
      {Kr(100'000), Kind::kGoods, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(100'000) - 1, Kind::kGoods, "2025-01-01", Part::kOutside, Publication::kNone},
      {Kr(100'000), Kind::kServices, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(100'000) - 1, Kind::kServices, "2025-01-01", Part::kOutside, Publication::kNone},
      {Kr(100'000), Kind::kWorks, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(100'000) - 1, Kind::kWorks, "2025-01-01", Part::kOutside, Publication::kNone},
      {Kr(100'000), Kind::kSpecial, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(100'000) - 1, Kind::kSpecial, "2025-01-01", Part::kOutside, Publication::kNone},
      {0, Kind::kGoods, "2025-01-01", Part::kOutside, Publication::kNone},
      // National threshold, NOK 1.3 mill.
      {Kr(1'300'000), Kind::kGoods, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(1'300'000) - 1, Kind::kGoods, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(1'300'000), Kind::kServices, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(1'300'000) - 1, Kind::kServices, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(1'300'000), Kind::kWorks, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(1'300'000) - 1, Kind::kWorks, "2025-01-01", Part::kI, Publication::kNone},
      // Special services have no part II.
      {Kr(1'300'000), Kind::kSpecial, "2025-01-01", Part::kI, Publication::kNone},
      // EEA goods and services, NOK 2.3 mill from 2024-03-14.
      {Kr(2'300'000), Kind::kGoods, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      {Kr(2'300'000) - 1, Kind::kGoods, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(2'300'000), Kind::kServices, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      {Kr(2'300'000) - 1, Kind::kServices, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(2'300'000), Kind::kWorks, "2025-01-01", Part::kII, Publication::kDoffin},
      // EEA works, NOK 57.8 mill.
      {Kr(57'800'000), Kind::kWorks, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      {Kr(57'800'000) - 1, Kind::kWorks, "2025-01-01", Part::kII, Publication::kDoffin},
      {Kr(57'800'000), Kind::kGoods, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      // EEA special services, NOK 7.8 mill.
      {Kr(7'800'000), Kind::kSpecial, "2025-01-01", Part::kIV, Publication::kDoffinTed},
      {Kr(7'800'000) - 1, Kind::kSpecial, "2025-01-01", Part::kI, Publication::kNone},
      {Kr(7'800'000), Kind::kServices, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      // The largest value accepted.
      {kMaxValueOre, Kind::kWorks, "2025-01-01", Part::kIII, Publication::kDoffinTed},
      {kMaxValueOre, Kind::kSpecial, "2025-01-01", Part::kIV, Publication::kDoffinTed},
  };
  for (const PartCase& c : cases) {
    core::Result<Assessment> a = Assess(c.value_ore, c.kind, D(c.date));
    ASSERT_TRUE(a.ok()) << Describe(c) << ": " << a.status().message();
    EXPECT_EQ(a->part, c.part) << Describe(c) << " got " << PartCode(a->part);
    EXPECT_EQ(a->publication, c.publication) << Describe(c);
    EXPECT_EQ(a->protocol_required, c.part != Part::kOutside) << Describe(c);
  }
}

// 13 and 14 March 2024: the 2022 values, then the 2024 values.
TEST(AssessmentTest, ThresholdChangeOn14March2024) {
  const PartCase cases[] = {
      // Goods/services: 2.2 mill on 13 March, 2.3 mill on 14 March.
      {Kr(2'200'000), Kind::kGoods, "2024-03-13", Part::kIII, Publication::kDoffinTed},
      {Kr(2'200'000) - 1, Kind::kGoods, "2024-03-13", Part::kII, Publication::kDoffin},
      {Kr(2'200'000), Kind::kGoods, "2024-03-14", Part::kII, Publication::kDoffin},
      {Kr(2'250'000), Kind::kServices, "2024-03-13", Part::kIII, Publication::kDoffinTed},
      {Kr(2'250'000), Kind::kServices, "2024-03-14", Part::kII, Publication::kDoffin},
      {Kr(2'300'000), Kind::kServices, "2024-03-14", Part::kIII, Publication::kDoffinTed},
      // Works: 56 mill on 13 March, 57.8 mill on 14 March.
      {Kr(56'000'000), Kind::kWorks, "2024-03-13", Part::kIII, Publication::kDoffinTed},
      {Kr(56'000'000) - 1, Kind::kWorks, "2024-03-13", Part::kII, Publication::kDoffin},
      {Kr(56'000'000), Kind::kWorks, "2024-03-14", Part::kII, Publication::kDoffin},
      {Kr(57'000'000), Kind::kWorks, "2024-03-13", Part::kIII, Publication::kDoffinTed},
      {Kr(57'000'000), Kind::kWorks, "2024-03-14", Part::kII, Publication::kDoffin},
      // Special: 7.8 mill on both days.
      {Kr(7'800'000), Kind::kSpecial, "2024-03-13", Part::kIV, Publication::kDoffinTed},
      {Kr(7'800'000), Kind::kSpecial, "2024-03-14", Part::kIV, Publication::kDoffinTed},
      // National 1.3 mill on both days.
      {Kr(1'300'000), Kind::kGoods, "2024-03-13", Part::kII, Publication::kDoffin},
      {Kr(1'300'000), Kind::kGoods, "2024-03-14", Part::kII, Publication::kDoffin},
  };
  for (const PartCase& c : cases) {
    core::Result<Assessment> a = Assess(c.value_ore, c.kind, D(c.date));
    ASSERT_TRUE(a.ok()) << Describe(c) << ": " << a.status().message();
    EXPECT_EQ(a->part, c.part) << Describe(c) << " got " << PartCode(a->part);
    EXPECT_EQ(a->publication, c.publication) << Describe(c);
  }
}

TEST(AssessmentTest, EarlierThresholdChanges) {
  const PartCase cases[] = {
      // National 1.1 mill until 2018-04-05, 1.3 mill from 2018-04-06.
      {Kr(1'100'000), Kind::kGoods, "2018-04-05", Part::kII, Publication::kDoffin},
      {Kr(1'100'000) - 1, Kind::kGoods, "2018-04-05", Part::kI, Publication::kNone},
      {Kr(1'100'000), Kind::kGoods, "2018-04-06", Part::kI, Publication::kNone},
      // EEA goods 1.75 -> 2.0 (2018-04-06) -> 2.05 (2020-02-12).
      {Kr(1'750'000), Kind::kGoods, "2017-01-01", Part::kIII, Publication::kDoffinTed},
      {Kr(1'750'000), Kind::kGoods, "2018-04-06", Part::kII, Publication::kDoffin},
      {Kr(2'000'000), Kind::kGoods, "2020-02-11", Part::kIII, Publication::kDoffinTed},
      {Kr(2'000'000), Kind::kGoods, "2020-02-12", Part::kII, Publication::kDoffin},
      {Kr(2'050'000), Kind::kGoods, "2020-02-12", Part::kIII, Publication::kDoffinTed},
  };
  for (const PartCase& c : cases) {
    core::Result<Assessment> a = Assess(c.value_ore, c.kind, D(c.date));
    ASSERT_TRUE(a.ok()) << Describe(c);
    EXPECT_EQ(a->part, c.part) << Describe(c) << " got " << PartCode(a->part);
  }
}

TEST(AssessmentTest, TaxCertificateOverNok500000) {
  struct Case {
    std::int64_t value_ore;
    bool required;
  };
  const Case cases[] = {{Kr(500'000) - 1, false},
                        {Kr(500'000), false},
                        {Kr(500'000) + 1, true},
                        {Kr(2'000'000), true}};
  for (Kind kind : {Kind::kGoods, Kind::kServices, Kind::kWorks, Kind::kSpecial}) {
    for (const Case& c : cases) {
      core::Result<Assessment> a = Assess(c.value_ore, kind, D("2025-06-01"));
      ASSERT_TRUE(a.ok());
      EXPECT_EQ(a->tax_certificate_required, c.required) << c.value_ore << " " << KindCode(kind);
    }
  }
}

TEST(AssessmentTest, PayConditionsAndApprentices) {
  struct Case {
    std::int64_t value_ore;
    Kind kind;
    bool pay;
    bool apprentices;
  };
  const Case cases[] = {
      {Kr(2'050'000), Kind::kServices, true, true},
      {Kr(2'050'000) - 1, Kind::kServices, false, true},
      {Kr(2'000'000), Kind::kWorks, false, true},
      {Kr(2'000'000) - 1, Kind::kWorks, false, false},
      {Kr(9'000'000), Kind::kGoods, false, false},  // goods: neither applies
      {Kr(9'000'000), Kind::kSpecial, true, true},
  };
  for (const Case& c : cases) {
    core::Result<Assessment> a = Assess(c.value_ore, c.kind, D("2025-06-01"));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->pay_conditions_required, c.pay) << c.value_ore << " " << KindCode(c.kind);
    EXPECT_EQ(a->apprentices_threshold_met, c.apprentices)
        << c.value_ore << " " << KindCode(c.kind);
    EXPECT_FALSE(a->confirmed);  // both limits rest on unconfirmed entries
  }
}

TEST(AssessmentTest, ProceduresAndMinimumDays) {
  core::Result<Assessment> a = Assess(Kr(3'000'000), Kind::kGoods, D("2025-06-01"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->part, Part::kIII);
  EXPECT_EQ(a->procedures.front(), "open_tender");
  EXPECT_EQ(a->procedures.size(), 7u);
  ASSERT_EQ(a->min_days.size(), 8u);
  EXPECT_EQ(a->min_days[0].name, "open.tender");
  EXPECT_EQ(a->min_days[0].days, 30);
  EXPECT_EQ(a->min_days[2].name, "restricted.tender");
  EXPECT_EQ(a->min_days[2].days, 25);
  EXPECT_EQ(a->min_days[7].name, "standstill");
  EXPECT_EQ(a->min_days[7].days, 10);

  a = Assess(Kr(1'500'000), Kind::kGoods, D("2025-06-01"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->procedures,
            (std::vector<std::string>{"open_offer_competition", "restricted_offer_competition"}));
  EXPECT_TRUE(a->min_days.empty());

  a = Assess(Kr(500'000), Kind::kGoods, D("2025-06-01"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->procedures, std::vector<std::string>{"free_procedure"});

  a = Assess(Kr(50'000), Kind::kGoods, D("2025-06-01"));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->procedures.empty());
  EXPECT_FALSE(a->protocol_required);
}

TEST(AssessmentTest, ReasonsNameParagraphAndSource) {
  for (std::int64_t value : {Kr(50'000), Kr(500'000), Kr(1'500'000), Kr(3'000'000)}) {
    for (Kind kind : {Kind::kGoods, Kind::kServices, Kind::kWorks, Kind::kSpecial}) {
      core::Result<Assessment> a = Assess(value, kind, D("2025-06-01"));
      ASSERT_TRUE(a.ok());
      ASSERT_FALSE(a->reasons.empty());
      bool all_confirmed = true;
      for (const Reason& r : a->reasons) {
        EXPECT_FALSE(r.text_nb.empty());
        EXPECT_FALSE(r.text_en.empty());
        EXPECT_FALSE(r.paragraph.empty()) << r.text_en;
        EXPECT_FALSE(r.source.empty()) << r.text_en;
        // Unconfirmed facts say so in the text itself.
        EXPECT_EQ(r.text_nb.find("IKKE BEKREFTET") != std::string::npos, !r.confirmed) << r.text_nb;
        EXPECT_EQ(r.text_en.find("UNCONFIRMED") != std::string::npos, !r.confirmed) << r.text_en;
        all_confirmed = all_confirmed && r.confirmed;
      }
      EXPECT_EQ(a->confirmed, all_confirmed);
    }
  }
}

TEST(AssessmentTest, UnconfirmedThresholdIsMarked) {
  // On 2024-03-13 the 2.2 mill EEA value (in-force date not in DOMAIN.md) decides.
  core::Result<Assessment> a = Assess(Kr(2'200'000), Kind::kGoods, D("2024-03-13"));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->confirmed);
  bool found = false;
  for (const Reason& r : a->reasons) {
    if (r.text_nb.find("(2 200 000 kr") != std::string::npos) {
      found = true;
      EXPECT_FALSE(r.confirmed);
      EXPECT_NE(r.text_nb.find("IKKE BEKREFTET"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST(AssessmentTest, Errors) {
  struct Case {
    std::int64_t value_ore;
    const char* date;
    const char* code;
  };
  const Case cases[] = {{-1, "2025-01-01", "rules.negative_value"},
                        {kMaxValueOre + 1, "2025-01-01", "rules.value_too_large"},
                        {Kr(100'000), "2016-12-31", "rules.date_before_table"},
                        {Kr(100'000), "1950-01-01", "rules.date_before_table"}};
  for (const Case& c : cases) {
    core::Result<Assessment> a = Assess(c.value_ore, Kind::kGoods, D(c.date));
    ASSERT_FALSE(a.ok()) << c.value_ore << " " << c.date;
    EXPECT_EQ(a.status().code_name(), c.code);
  }
  // A table lacking a key on the date: NotFound, not a crash.
  LegalTable partial({LegalValue{std::string(kThresholdFloor), D("2017-01-01"), 100'000'00, 0, "x",
                                 "x", "test", true}});
  core::Result<Assessment> a = Assess(Kr(200'000), Kind::kGoods, D("2025-01-01"), partial);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code_name(), "rules.no_value_in_force");
}

TEST(AssessmentTest, ParseKind) {
  EXPECT_EQ(*ParseKind("goods"), Kind::kGoods);
  EXPECT_EQ(*ParseKind("services"), Kind::kServices);
  EXPECT_EQ(*ParseKind("works"), Kind::kWorks);
  EXPECT_EQ(*ParseKind("special"), Kind::kSpecial);
  for (const char* bad : {"", "Goods", "varer", "good", "works "}) {
    core::Result<Kind> k = ParseKind(bad);
    ASSERT_FALSE(k.ok()) << bad;
    EXPECT_EQ(k.status().code_name(), "rules.invalid_kind");
  }
}

TEST(AssessmentTest, ThresholdsForSpend) {
  core::Result<ThresholdSet> t = ThresholdsForYear(2024);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->floor_ore, Kr(100'000));
  EXPECT_EQ(t->national_ore, Kr(1'300'000));
  EXPECT_EQ(t->eea_goods_services_ore, Kr(2'300'000));
  EXPECT_EQ(t->eea_works_ore, Kr(57'800'000));
  EXPECT_EQ(t->eea_special_ore, Kr(7'800'000));
  EXPECT_TRUE(t->confirmed);

  t = ThresholdsForYear(2023);  // the 2022 values, unconfirmed in-force date
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->eea_goods_services_ore, Kr(2'200'000));
  EXPECT_FALSE(t->confirmed);

  t = ThresholdsForYear(2017);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->national_ore, Kr(1'100'000));

  EXPECT_EQ(ThresholdsForYear(2016).status().code_name(), "rules.date_before_table");
  EXPECT_EQ(ThresholdsForYear(99999).status().code_name(), "rules.year_out_of_range");
}

}  // namespace
}  // namespace samkjop::rules
