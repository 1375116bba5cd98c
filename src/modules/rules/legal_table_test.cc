#include "modules/rules/legal_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::ParseIsoDate;

Date D(const char* iso) { return ParseIsoDate(iso).value(); }

constexpr std::int64_t kMillOre = 100'000'000;  // NOK 1 mill in øre

TEST(LegalTableTest, BuiltinIsValidAndHasRequiredKeys) {
  const LegalTable& t = LegalTable::Builtin();
  core::Status st = ValidateLegalValues(t.values());
  EXPECT_TRUE(st.ok()) << st.message();
  std::set<std::string> keys;
  for (const LegalValue& v : t.values()) {
    keys.insert(v.key);
    EXPECT_FALSE(v.label_nb.empty()) << v.key;
    EXPECT_FALSE(v.label_en.empty()) << v.key;
    EXPECT_FALSE(v.source.empty()) << v.key;
    EXPECT_GE(v.in_force, D("2017-01-01")) << v.key;
    EXPECT_EQ(v.id, static_cast<std::int64_t>(&v - t.values().data()) + 1) << v.key;
    switch (*UnitOfKey(v.key)) {
      case Unit::kDays:
        EXPECT_GT(v.days, 0) << v.key;
        EXPECT_EQ(v.amount_ore, 0) << v.key;
        break;
      case Unit::kOre:
        EXPECT_GT(v.amount_ore, 0) << v.key;
        EXPECT_EQ(v.days, 0) << v.key;
        break;
      case Unit::kMonths:
        EXPECT_GT(v.months, 0) << v.key;
        EXPECT_EQ(v.amount_ore, 0) << v.key;
        break;
      case Unit::kFlag: EXPECT_EQ(v.amount_ore, 0) << v.key; break;
    }
  }
  for (std::string_view key :
       {kThresholdFloor, kThresholdNational, kThresholdEeaGoodsServices, kThresholdEeaWorks,
        kThresholdEeaSpecial, kThresholdTaxCertificate, kThresholdPayConditions,
        kThresholdApprentices, kDaysOpenTender, kDaysRestrictedRequest, kDaysRestrictedTender,
        kDaysNegotiationRequest, kDaysNegotiationTender, kDaysDialogueRequest,
        kDaysInnovationRequest, kDaysStandstill}) {
    EXPECT_TRUE(keys.count(std::string(key))) << key;
    // Every key has a value from the first day of the table.
    EXPECT_TRUE(t.InForce(key, D("2017-01-01")).ok()) << key;
  }
}

TEST(LegalTableTest, ValuesInForceOnDates) {
  struct Case {
    std::string_view key;
    const char* date;
    std::int64_t ore;
    bool confirmed;
  };
  const Case cases[] = {
      {kThresholdFloor, "2017-01-01", 100'000'00, true},
      {kThresholdFloor, "2026-06-01", 100'000'00, true},
      {kThresholdNational, "2017-01-01", 1'100'000'00, true},
      {kThresholdNational, "2018-04-05", 1'100'000'00, true},
      {kThresholdNational, "2018-04-06", 13 * kMillOre / 10, true},
      {kThresholdNational, "2024-03-14", 13 * kMillOre / 10, true},
      {kThresholdEeaGoodsServices, "2017-06-01", 175 * kMillOre / 100, true},
      {kThresholdEeaGoodsServices, "2018-04-06", 2 * kMillOre, true},
      {kThresholdEeaGoodsServices, "2020-02-11", 2 * kMillOre, true},
      {kThresholdEeaGoodsServices, "2020-02-12", 205 * kMillOre / 100, true},
      {kThresholdEeaGoodsServices, "2021-12-31", 205 * kMillOre / 100, true},
      {kThresholdEeaGoodsServices, "2022-01-01", 22 * kMillOre / 10, false},
      {kThresholdEeaGoodsServices, "2024-03-13", 22 * kMillOre / 10, false},
      {kThresholdEeaGoodsServices, "2024-03-14", 23 * kMillOre / 10, true},
      {kThresholdEeaWorks, "2017-01-01", 44 * kMillOre, true},
      {kThresholdEeaWorks, "2018-04-06", 51 * kMillOre, true},
      {kThresholdEeaWorks, "2020-02-12", 515 * kMillOre / 10, true},
      {kThresholdEeaWorks, "2024-03-13", 56 * kMillOre, false},
      {kThresholdEeaWorks, "2024-03-14", 578 * kMillOre / 10, true},
      {kThresholdEeaSpecial, "2017-01-01", 63 * kMillOre / 10, false},
      {kThresholdEeaSpecial, "2018-04-06", 695 * kMillOre / 100, true},
      {kThresholdEeaSpecial, "2020-02-12", 72 * kMillOre / 10, true},
      {kThresholdEeaSpecial, "2024-03-13", 78 * kMillOre / 10, false},
      {kThresholdEeaSpecial, "2024-03-14", 78 * kMillOre / 10, true},
      {kThresholdTaxCertificate, "2025-01-01", 500'000'00, true},
      {kThresholdPayConditions, "2024-03-14", 205 * kMillOre / 100, false},
      {kThresholdApprentices, "2017-01-01", 175 * kMillOre / 100, true},
      {kThresholdApprentices, "2024-03-14", 2 * kMillOre, false},
  };
  const LegalTable& t = LegalTable::Builtin();
  for (const Case& c : cases) {
    core::Result<LegalValue> v = t.InForce(c.key, D(c.date));
    ASSERT_TRUE(v.ok()) << c.key << " " << c.date;
    EXPECT_EQ(v->amount_ore, c.ore) << c.key << " " << c.date;
    EXPECT_EQ(v->confirmed, c.confirmed) << c.key << " " << c.date;
  }
}

TEST(LegalTableTest, DaysValues) {
  const LegalTable& t = LegalTable::Builtin();
  struct Case {
    std::string_view key;
    int days;
  };
  const Case cases[] = {{kDaysOpenTender, 30},          {kDaysOpenTenderNoElectronic, 35},
                        {kDaysOpenTenderShortened, 15}, {kDaysRestrictedRequest, 30},
                        {kDaysRestrictedTender, 25},    {kDaysRestrictedTenderShortened, 10},
                        {kDaysNegotiationRequest, 30},  {kDaysNegotiationTender, 25},
                        {kDaysStandstill, 10}};
  for (const Case& c : cases) {
    core::Result<LegalValue> v = t.InForce(c.key, D("2025-01-01"));
    ASSERT_TRUE(v.ok()) << c.key;
    EXPECT_EQ(v->days, c.days) << c.key;
  }
}

TEST(LegalTableTest, NoValueInForce) {
  const LegalTable& t = LegalTable::Builtin();
  struct Case {
    std::string_view key;
    const char* date;
  };
  const Case cases[] = {{kThresholdFloor, "2016-12-31"},
                        {"threshold.unknown", "2025-01-01"},
                        {kThresholdNational, "1900-01-01"}};
  for (const Case& c : cases) {
    core::Result<LegalValue> v = t.InForce(c.key, D(c.date));
    ASSERT_FALSE(v.ok()) << c.key;
    EXPECT_EQ(v.status().code(), core::ErrorCode::kNotFound);
    EXPECT_EQ(v.status().code_name(), "rules.no_value_in_force");
  }
}

TEST(LegalTableTest, CheckDateCovered) {
  const LegalTable& t = LegalTable::Builtin();
  EXPECT_TRUE(CheckDateCovered(t, D("2017-01-01")).ok());
  core::Status st = CheckDateCovered(t, D("2016-12-31"));
  EXPECT_EQ(st.code_name(), "rules.date_before_table");
  EXPECT_EQ(st.code(), core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(CheckDateCovered(LegalTable({}), D("2025-01-01")).code_name(),
            "rules.date_before_table");
}

TEST(LegalTableTest, AllInForceGivesOneValuePerKey) {
  const LegalTable& t = LegalTable::Builtin();
  std::vector<LegalValue> all = t.AllInForce(D("2024-03-14"));
  std::set<std::string> keys;
  for (const LegalValue& v : all) {
    EXPECT_TRUE(keys.insert(v.key).second) << v.key;
    if (v.key == kThresholdEeaGoodsServices) {
      EXPECT_EQ(v.amount_ore, 23 * kMillOre / 10);
    }
  }
  EXPECT_EQ(keys.size(), 25u);  // 22 of the 2016 law, two month counts and the part II flag
  EXPECT_TRUE(t.AllInForce(D("2016-12-31")).empty());
  // Every key's unit is fixed by its prefix, and the key list is the built-in table's keys.
  EXPECT_EQ(KnownKeys().size(), 25u);
  EXPECT_EQ(FindKnownKey("threshold.made_up"), nullptr);
  EXPECT_EQ(FindKnownKey(kFlagPartIIApplies)->unit, Unit::kFlag);
  EXPECT_FALSE(UnitOfKey("limit.x").has_value());
}

TEST(LegalTableTest, CustomTableTakesNewValuesWithoutCodeChange) {
  // An administrator enters the proposed 300,000 floor from a future date.
  std::vector<LegalValue> values = LegalTable::Builtin().values();
  LegalValue floor;
  floor.key = std::string(kThresholdFloor);
  floor.in_force = D("2027-01-01");
  floor.amount_ore = 300'000'00;
  floor.label_nb = "Nedre grense";
  floor.label_en = "Floor";
  floor.source = "Prop. 147 L (2024–2025)";
  floor.confirmed = false;
  values.push_back(floor);
  ASSERT_TRUE(ValidateLegalValues(values).ok());
  LegalTable t(values);
  EXPECT_EQ(t.InForce(kThresholdFloor, D("2026-12-31"))->amount_ore, 100'000'00);
  EXPECT_EQ(t.InForce(kThresholdFloor, D("2027-01-01"))->amount_ore, 300'000'00);
  EXPECT_FALSE(t.InForce(kThresholdFloor, D("2027-01-01"))->confirmed);
}

TEST(LegalTableTest, ValidateRejectsBadValues) {
  LegalValue good;
  good.key = "threshold.x";
  good.in_force = D("2020-01-01");
  good.amount_ore = 1;
  good.source = "test";
  std::vector<std::vector<LegalValue>> failures;
  {
    LegalValue v = good;
    v.key = "";
    failures.push_back({v});
  }
  {
    LegalValue v = good;
    v.amount_ore = -1;
    failures.push_back({v});
  }
  {
    LegalValue v = good;
    v.days = -1;
    failures.push_back({v});
  }
  {
    LegalValue v = good;
    v.source = "";
    failures.push_back({v});
  }
  failures.push_back({good, good});  // same key and date twice
  for (size_t idx = 0; idx < failures.size(); ++idx) {
    core::Status st = ValidateLegalValues(failures[idx]);
    EXPECT_EQ(st.code_name(), "rules.invalid_legal_value") << idx;
  }
  EXPECT_TRUE(ValidateLegalValues({good}).ok());
}

}  // namespace
}  // namespace samkjop::rules
