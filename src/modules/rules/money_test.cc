#include "modules/rules/money.h"

#include <gtest/gtest.h>

#include <string>

namespace samkjop::rules {
namespace {

TEST(MoneyTest, ParsesValidAmountsExactly) {
  struct Case {
    const char* text;
    std::int64_t ore;
  };
  const Case cases[] = {
      {"1300000", 130000000},
      {"1299999.99", 129999999},
      {"1299999,99", 129999999},
      {"1 299 999,99", 129999999},
      {"1\xC2\xA0"
       "299\xC2\xA0"
       "999,99",
       129999999},  // no-break spaces
      {"1\xE2\x80\xAF"
       "299\xE2\x80\xAF"
       "999.99",
       129999999},  // narrow no-break spaces
      {"0", 0},
      {"0,01", 1},
      {"100000", 10000000},
      {"99999.99", 9999999},
      {"12.5", 1250},
      {"12,5", 1250},
      {"  500000  ", 50000000},
      {"000123", 12300},
      {"10000000000000", 1000000000000000},  // exactly NOK 10^13
      {"999", 99900},
      {"2 300 000", 230000000},
  };
  for (const Case& c : cases) {
    core::Result<std::int64_t> r = ParseNokToOre(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.status().message();
    EXPECT_EQ(*r, c.ore) << c.text;
  }
}

TEST(MoneyTest, RejectsBadAmounts) {
  struct Case {
    const char* text;
    const char* code;
  };
  const Case cases[] = {
      {"", "rules.invalid_value"},
      {"   ", "rules.invalid_value"},
      {"abc", "rules.invalid_value"},
      {"1e6", "rules.invalid_value"},
      {"1.300.000", "rules.invalid_value"},
      {"1,300,000", "rules.invalid_value"},
      {"12.345", "rules.invalid_value"},  // three decimals
      {"12.", "rules.invalid_value"},
      {".5", "rules.invalid_value"},
      {"1 30 000", "rules.invalid_value"},  // bad grouping
      {"1300 000", "rules.invalid_value"},  // first group too long
      {"1 300  000", "rules.invalid_value"},
      {"+100", "rules.invalid_value"},
      {"100 kr", "rules.invalid_value"},
      {"NaN", "rules.invalid_value"},
      {"inf", "rules.invalid_value"},
      {"0x10", "rules.invalid_value"},
      {"-1", "rules.negative_value"},
      {"-0,01", "rules.negative_value"},
      {"\xE2\x88\x92"
       "5",
       "rules.negative_value"},  // U+2212 minus sign
      {"10000000000000.01", "rules.value_too_large"},
      {"10000000000001", "rules.value_too_large"},
      {"99999999999999999999999999", "rules.value_too_large"},
  };
  for (const Case& c : cases) {
    core::Result<std::int64_t> r = ParseNokToOre(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code_name(), c.code) << c.text;
    EXPECT_FALSE(r.status().message().empty()) << c.text;
  }
  EXPECT_TRUE(ParseNokToOre("1 300 000 ").ok());  // a trailing space is trimmed
}

TEST(MoneyTest, NamesTheField) {
  core::Result<std::int64_t> r = ParseNokToOre("x", "prices[2]");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().fields().size(), 1u);
  EXPECT_EQ(r.status().fields()[0].field, "prices[2]");
}

TEST(MoneyTest, Formats) {
  EXPECT_EQ(FormatOreNb(130000000), "1 300 000,00");
  EXPECT_EQ(FormatOreNb(129999999), "1 299 999,99");
  EXPECT_EQ(FormatOreNb(5), "0,05");
  EXPECT_EQ(FormatOreEn(130000000), "1,300,000.00");
  EXPECT_EQ(FormatOrePlain(130000000), "1300000.00");
  EXPECT_EQ(FormatOrePlain(-150), "-1.50");
  EXPECT_EQ(FormatOreNb(100000), "1 000,00");
  EXPECT_EQ(FormatKrNb(130000000), "1 300 000 kr");
  EXPECT_EQ(FormatKrNb(129999999), "1 299 999,99 kr");
  EXPECT_EQ(FormatNokEn(130000000), "NOK 1,300,000");
  EXPECT_EQ(FormatNokEn(129999999), "NOK 1,299,999.99");
}

}  // namespace
}  // namespace samkjop::rules
