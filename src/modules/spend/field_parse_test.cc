#include "modules/spend/field_parse.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"

namespace samkjop::spend {
namespace {

TEST(ParseOrgnrTest, AcceptsAffixesAndSpaces) {
  struct Case {
    std::string in;
    std::uint32_t want;
  };
  const Case cases[] = {
      {"944117784", 944117784},
      {"944 117 784", 944117784},
      {"NO944117784MVA", 944117784},
      {"no 944 117 784 mva", 944117784},
      {"NO944117784", 944117784},
      {"944117784MVA", 944117784},
      {"944\xC2\xA0"
       "117\xC2\xA0"
       "784",
       944117784},  // no-break spaces
      {"944\xE2\x80\xAF"
       "117784",
       944117784},  // narrow no-break space
      {"944\t117784", 944117784},
      {"874602752", 874602752},
      {"123456785", 123456785},
      {"000000000", 0},  // MOD11-valid; the sentinel is not 0
  };
  for (const Case& c : cases) EXPECT_EQ(ParseOrgnr(c.in), c.want) << c.in;
}

TEST(ParseOrgnrTest, RejectsInvalid) {
  const char* errors[] = {
      "",          "944117785",   "94411778",  "9441177840", "NO NO 944117784", "944117784 MVA MVA",
      "A44117784", "944-117-784", "123456789", "NOMVA",      "944117784X",      "+944117784"};
  for (const char* e : errors) EXPECT_EQ(ParseOrgnr(e), kNoOrgnr) << e;
}

// The hot-path parser must agree with core::nor::NormalizeOrgnr everywhere.
TEST(ParseOrgnrTest, AgreesWithCoreNormalizeOrgnr) {
  const std::string bases[] = {"944117784", "874602612", "974602970", "964950768",
                               "964948143", "123456785", "944117785", "12345678"};
  const std::string prefixes[] = {"", "NO", "no", "No ", " N O", "NO NO"};
  const std::string suffixes[] = {"", "MVA", "mva", " M V A", "MVAMVA", "MV"};
  int checked = 0;
  for (const std::string& b : bases)
    for (const std::string& p : prefixes)
      for (const std::string& s : suffixes) {
        const std::string in = p + b + s;
        const std::optional<std::string> core = core::nor::NormalizeOrgnr(in);
        const std::uint32_t fast = ParseOrgnr(in);
        if (core) {
          EXPECT_NE(fast, kNoOrgnr) << in;
          if (fast != kNoOrgnr) {
            EXPECT_EQ(OrgnrToString(fast), *core) << in;
          }
        } else {
          EXPECT_EQ(fast, kNoOrgnr) << in;
        }
        ++checked;
      }
  EXPECT_EQ(checked, 8 * 6 * 6);
}

TEST(OrgnrToStringTest, PadsToNineDigits) {
  EXPECT_EQ(OrgnrToString(0), "000000000");
  EXPECT_EQ(OrgnrToString(944117784), "944117784");
}

TEST(ParseDateTest, BothFormats) {
  struct Case {
    std::string in;
    int y;
    unsigned m, d;
  };
  const Case cases[] = {{"2025-01-01", 2025, 1, 1},  {"31.12.2025", 2025, 12, 31},
                        {"2024-02-29", 2024, 2, 29}, {"29.02.2000", 2000, 2, 29},
                        {"1000-01-01", 1000, 1, 1},  {"9999-12-31", 9999, 12, 31}};
  for (const Case& c : cases) {
    std::int32_t days = -1;
    ASSERT_TRUE(ParseDate(c.in, &days)) << c.in;
    const std::chrono::sys_days want{std::chrono::year{c.y} / std::chrono::month{c.m} /
                                     std::chrono::day{c.d}};
    EXPECT_EQ(days, want.time_since_epoch().count()) << c.in;
  }
}

TEST(ParseDateTest, RejectsNonDates) {
  const char* errors[] = {
      "",           "2025-02-29", "29.02.2025",       "2025-13-01", "2025-00-10",
      "2025-04-31", "31.04.2025", "1.3.2025",         "2025/03/01", "2025-3-1",
      "0999-12-31", "20250301",   "2025-03-01T00:00", "2025-03-0a", "01-03-2025",
      "00.01.2025", "2100-02-29"};
  for (const char* e : errors) {
    std::int32_t days = 0;
    EXPECT_FALSE(ParseDate(e, &days)) << e;
  }
}

// Agreement with core::nor's date parsers.
TEST(ParseDateTest, AgreesWithCoreParsers) {
  for (int y : {1999, 2000, 2024, 2025, 2100}) {
    for (unsigned m = 0; m <= 13; ++m) {
      for (unsigned d = 0; d <= 32; ++d) {
        char iso[16], nb[16];
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, m, d);
        std::snprintf(nb, sizeof nb, "%02u.%02u.%04d", d, m, y);
        std::int32_t days = 0;
        EXPECT_EQ(ParseDate(iso, &days), core::nor::ParseIsoDate(iso).has_value()) << iso;
        EXPECT_EQ(ParseDate(nb, &days), core::nor::ParseNorwegianDate(nb).has_value()) << nb;
      }
    }
  }
}

TEST(ParseAmountTest, Formats) {
  struct Case {
    std::string in;
    std::int64_t want;
  };
  const Case cases[] = {
      {"0", 0},
      {"1234", 123400},
      {"1234.5", 123450},
      {"1234,56", 123456},
      {"-1234,56", -123456},
      {"1 234,56", 123456},
      {"1\xC2\xA0"
       "234,56",
       123456},  // no-break space
      {"1\xE2\x80\xAF"
       "234\xE2\x80\xAF"
       "567",
       123456700},  // narrow no-break space
      {"12 345 678.9", 1234567890},
      {"- 12.5", -1250},
      {"007", 700},
      {"-0", 0},
      {"0,01", 1},
      {"92233720368547758.07", INT64_MAX},
      {"-92233720368547758.07", -INT64_MAX},
  };
  for (const Case& c : cases) {
    std::int64_t ore = -1;
    ASSERT_EQ(ParseAmount(c.in, &ore), AmountParse::kOk) << c.in;
    EXPECT_EQ(ore, c.want) << c.in;
  }
}

TEST(ParseAmountTest, Invalid) {
  const char* errors[] = {"",   " ",      "-",      "1.234,56", "1,234.56", "12.",        ".5",
                          "+3", "1e5",    "12.345", "12,3,4",   "abc",      "1 234,5 kr", "--1",
                          "1-", "NOK 12", "1\t234", "0x10",     "١٢٣"};
  for (const char* e : errors) {
    std::int64_t ore = 0;
    EXPECT_EQ(ParseAmount(e, &ore), AmountParse::kInvalid) << e;
  }
}

TEST(ParseAmountTest, Overflow) {
  const char* overflows[] = {"92233720368547758.08", "-92233720368547758.08",
                             "99999999999999999999", "123456789012345678901234567890,5"};
  for (const char* o : overflows) {
    std::int64_t ore = 0;
    EXPECT_EQ(ParseAmount(o, &ore), AmountParse::kOverflow) << o;
  }
  std::int64_t ore = 0;
  // Syntax errors win over overflow.
  EXPECT_EQ(ParseAmount("99999999999999999999x", &ore), AmountParse::kInvalid);
}

TEST(FieldValueTest, TrimsAndUnquotes) {
  struct Case {
    std::string raw, want;
  };
  const Case cases[] = {
      {"abc", "abc"},
      {"  abc\t", "abc"},
      {"\"abc\"", "abc"},
      {"\" abc \"", "abc"},
      {"\"a,b\"", "a,b"},
      {"\"Bakeriet \"\"Brødboden\"\" AS\"", "Bakeriet \"Brødboden\" AS"},
      {"\"\"", ""},
      {"  \"x\"  ", "x"},
      {"\"line1\nline2\"", "line1\nline2"},
      {"", ""},
  };
  std::string scratch;
  for (const Case& c : cases) EXPECT_EQ(FieldValue(c.raw, &scratch), c.want) << c.raw;
}

}  // namespace
}  // namespace samkjop::spend

namespace samkjop::spend {
namespace {

// A slow, obviously-right reading of the amount rule.
AmountParse ReferenceAmount(std::string_view in, std::int64_t* ore) {
  std::string s;
  for (size_t idx = 0; idx < in.size(); ++idx) {
    if (in[idx] == ' ') continue;
    if (in.substr(idx, 2) == "\xC2\xA0") {
      ++idx;
      continue;
    }
    if (in.substr(idx, 3) == "\xE2\x80\xAF") {
      idx += 2;
      continue;
    }
    s.push_back(in[idx]);
  }
  size_t pos = 0;
  const bool negative = !s.empty() && s[0] == '-';
  pos += negative;
  const size_t int_start = pos;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
  if (pos == int_start) return AmountParse::kInvalid;
  std::string whole = s.substr(int_start, pos - int_start), dec;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    const size_t dec_start = ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    dec = s.substr(dec_start, pos - dec_start);
    if (dec.empty() || dec.size() > 2) return AmountParse::kInvalid;
  }
  if (pos != s.size()) return AmountParse::kInvalid;
  while (dec.size() < 2) dec.push_back('0');
  unsigned __int128 v = 0;
  for (char c : whole + dec) {
    v = v * 10 + static_cast<unsigned>(c - '0');
    if (v > static_cast<unsigned __int128>(INT64_MAX)) return AmountParse::kOverflow;
  }
  *ore = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return AmountParse::kOk;
}

TEST(ParseAmountTest, AgreesWithReferenceOnRandomText) {
  const std::vector<std::string> alphabet = {"0", "1", "5",        "9", "9",  "-",    ".",
                                             ",", " ", "\xC2\xA0", "x", "00", "99999"};
  std::uint64_t state = 7;
  for (int round = 0; round < 200000; ++round) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::uint64_t bits = state;
    std::string text;
    const int n = static_cast<int>(bits % 12);
    bits >>= 4;
    for (int k = 0; k < n; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      text += alphabet[(state >> 33) % alphabet.size()];
    }
    std::int64_t got = 0, want = 0;
    const AmountParse g = ParseAmount(text, &got);
    const AmountParse w = ReferenceAmount(text, &want);
    ASSERT_EQ(g, w) << "[" << text << "]";
    if (g == AmountParse::kOk) {
      ASSERT_EQ(got, want) << "[" << text << "]";
    }
  }
}

}  // namespace
}  // namespace samkjop::spend
