#include "modules/rules/price_score.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace samkjop::rules {
namespace {

constexpr std::int64_t Kr(std::int64_t kroner) { return kroner * 100; }

struct Case {
  const char* name;
  std::vector<std::int64_t> prices;
  PriceScoreOptions options;
  std::vector<double> expected;  // rounded to 4 decimals
};

PriceScoreOptions Linear(double k = 1.0, bool floor_zero = false) {
  return PriceScoreOptions{PriceModel::kLinear, k, floor_zero};
}
PriceScoreOptions Proportional() {
  return PriceScoreOptions{PriceModel::kProportional, 1.0, false};
}

TEST(PriceScoreTest, Models) {
  const Case cases[] = {
      {"linear basic", {Kr(100), Kr(120), Kr(200), Kr(250)}, Linear(), {10, 8, 0, -5}},
      {"linear floor zero", {Kr(100), Kr(120), Kr(200), Kr(250)}, Linear(1, true), {10, 8, 0, 0}},
      {"linear order kept", {Kr(250), Kr(100), Kr(120)}, Linear(), {-5, 10, 8}},
      {"linear ties", {Kr(100), Kr(150), Kr(100), Kr(150)}, Linear(), {10, 5, 10, 5}},
      {"linear all equal", {Kr(500), Kr(500)}, Linear(), {10, 10}},
      {"linear single", {Kr(1'000'000)}, Linear(), {10}},
      {"linear k=2", {Kr(100), Kr(120), Kr(200)}, Linear(2), {10, 6, -10}},
      {"linear k=2 floor zero", {Kr(100), Kr(120), Kr(200)}, Linear(2, true), {10, 6, 0}},
      {"linear k=0.5", {Kr(100), Kr(120), Kr(300)}, Linear(0.5), {10, 9, 0}},
      {"linear thirds", {Kr(300), Kr(400)}, Linear(), {10, 6.6667}},
      {"linear øre", {12345, 12346}, Linear(), {10, 9.9992}},
      {"proportional basic",
       {Kr(100), Kr(120), Kr(200), Kr(300)},
       Proportional(),
       {10, 8.3333, 5, 3.3333}},
      {"proportional ties", {Kr(200), Kr(100), Kr(200)}, Proportional(), {5, 10, 5}},
      {"proportional single", {1}, Proportional(), {10}},
      {"proportional huge spread", {Kr(1), Kr(10'000'000)}, Proportional(), {10, 0}},
  };
  for (const Case& c : cases) {
    core::Result<PriceScores> r = ScorePrices(c.prices, c.options);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    ASSERT_EQ(r->scores.size(), c.expected.size()) << c.name;
    for (size_t idx = 0; idx < c.expected.size(); ++idx) {
      EXPECT_DOUBLE_EQ(RoundTo4(r->scores[idx]), c.expected[idx]) << c.name << " #" << idx;
    }
    EXPECT_FALSE(r->reasons.empty()) << c.name;
  }
}

TEST(PriceScoreTest, KNotOneIsMarkedUnconfirmed) {
  core::Result<PriceScores> r = ScorePrices({Kr(100), Kr(110)}, Linear(1.5));
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const Reason& reason : r->reasons) {
    if (!reason.confirmed) {
      found = true;
      EXPECT_NE(reason.text_nb.find("k = 1.5"), std::string::npos) << reason.text_nb;
    }
  }
  EXPECT_TRUE(found);
  r = ScorePrices({Kr(100), Kr(110)}, Linear(1.0));
  ASSERT_TRUE(r.ok());
  for (const Reason& reason : r->reasons) EXPECT_TRUE(reason.confirmed);
}

TEST(PriceScoreTest, Errors) {
  struct ErrorCase {
    const char* name;
    std::vector<std::int64_t> prices;
    PriceScoreOptions options;
    const char* code;
  };
  const ErrorCase cases[] = {
      {"no prices", {}, Linear(), "rules.no_prices"},
      {"no prices proportional", {}, Proportional(), "rules.no_prices"},
      {"zero", {Kr(100), 0}, Linear(), "rules.invalid_price"},
      {"zero proportional", {0}, Proportional(), "rules.invalid_price"},
      {"negative", {-Kr(5), Kr(100)}, Linear(), "rules.invalid_price"},
      {"k zero", {Kr(100)}, Linear(0), "rules.invalid_k"},
      {"k negative", {Kr(100)}, Linear(-1), "rules.invalid_k"},
      {"k nan", {Kr(100)}, Linear(std::nan("")), "rules.invalid_k"},
      {"k infinite", {Kr(100)}, Linear(HUGE_VAL), "rules.invalid_k"},
  };
  for (const ErrorCase& c : cases) {
    core::Result<PriceScores> r = ScorePrices(c.prices, c.options);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code_name(), c.code) << c.name;
  }
}

TEST(PriceScoreTest, RoundTo4) {
  EXPECT_DOUBLE_EQ(RoundTo4(8.33333333), 8.3333);
  EXPECT_DOUBLE_EQ(RoundTo4(6.66666666), 6.6667);
  EXPECT_DOUBLE_EQ(RoundTo4(-4.99995), -5.0);
  EXPECT_FALSE(std::signbit(RoundTo4(-0.00001)));  // no "-0"
}

TEST(PriceScoreTest, ParseModel) {
  EXPECT_EQ(*ParsePriceModel("linear"), PriceModel::kLinear);
  EXPECT_EQ(*ParsePriceModel("proportional"), PriceModel::kProportional);
  for (const char* bad : {"", "Linear", "lineær", "quality"}) {
    EXPECT_EQ(ParsePriceModel(bad).status().code_name(), "rules.invalid_model") << bad;
  }
}

}  // namespace
}  // namespace samkjop::rules
