#include "modules/spend/csv_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

struct Rec {
  std::uint64_t line;
  bool unclosed;
  std::vector<std::string> fields;
  bool operator==(const Rec&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Rec& r) {
  os << "{line " << r.line << (r.unclosed ? " unclosed" : "") << ":";
  for (const auto& f : r.fields) os << " [" << f << "]";
  return os << "}";
}

std::vector<Rec> Records(const std::string& text, char delim = ',') {
  std::string padded = text + std::string(kScanPadding, '\0');
  std::vector<Rec> out;
  RecordFields fields;
  std::string scratch;
  ForEachRecord(padded.data(), text.size(), delim, 1, 16, &fields,
                [&](const RecordFields& f, std::uint64_t line, bool unclosed) {
                  Rec r{line, unclosed, {}};
                  for (std::uint32_t idx = 0; idx < f.count && idx < 16; ++idx) {
                    r.fields.emplace_back(FieldValue(std::string_view(padded.data() + f.starts[idx],
                                                                      f.ends[idx] - f.starts[idx]),
                                                     &scratch));
                  }
                  out.push_back(r);
                });
  return out;
}

TEST(ForEachRecordTest, Cases) {
  struct Case {
    std::string name, text;
    char delim;
    std::vector<Rec> want;
  };
  const std::vector<Case> cases = {
      {"lf", "a,b\nc,d\n", ',', {{1, false, {"a", "b"}}, {2, false, {"c", "d"}}}},
      {"crlf", "a,b\r\nc,d\r\n", ',', {{1, false, {"a", "b"}}, {2, false, {"c", "d"}}}},
      {"no final newline", "a,b\nc,d", ',', {{1, false, {"a", "b"}}, {2, false, {"c", "d"}}}},
      {"blank lines skipped, counted as lines",
       "a\n\n  \r\n\t\nb\n",
       ',',
       {{1, false, {"a"}}, {5, false, {"b"}}}},
      {"quoted delimiter", "\"a,b\",c\n", ',', {{1, false, {"a,b", "c"}}}},
      {"quoted newline advances the line",
       "\"x\ny\nz\",1\nnext,2\n",
       ',',
       {{1, false, {"x\ny\nz", "1"}}, {4, false, {"next", "2"}}}},
      {"quoted crlf",
       "\"x\r\ny\",1\r\nn,2\r\n",
       ',',
       {{1, false, {"x\r\ny", "1"}}, {3, false, {"n", "2"}}}},
      {"escaped quotes", "\"say \"\"hi\"\"\",2\n", ',', {{1, false, {"say \"hi\"", "2"}}}},
      {"semicolon", "a;b,c;d\n", ';', {{1, false, {"a", "b,c", "d"}}}},
      {"tab", "a\tb c\td\n", '\t', {{1, false, {"a", "b c", "d"}}}},
      {"tab-only line is blank",
       "a\tb\n\t\t\nc\td\n",
       '\t',
       {{1, false, {"a", "b"}}, {3, false, {"c", "d"}}}},
      {"comma-only line is a record", ",,\n", ',', {{1, false, {"", "", ""}}}},
      {"empty fields", "a,,c,\n", ',', {{1, false, {"a", "", "c", ""}}}},
      {"open quote at end",
       "a,b\n\"open,c\nmore\n",
       ',',
       {{1, false, {"a", "b"}}, {2, true, {"open,c\nmore\n"}}}},
      {"trailing cr without newline", "a,b\r", ',', {{1, false, {"a", "b"}}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Records(c.text, c.delim), c.want) << c.name;
  }
}

// Records that straddle the 64-byte blocks.
TEST(ForEachRecordTest, LongFieldsAcrossBlocks) {
  std::string text;
  for (int idx = 0; idx < 50; ++idx) {
    const std::string long_field(static_cast<size_t>(idx * 7), 'x');
    // long,"q,""<idx>\n<long>",<idx>  -- two physical lines per record
    text += long_field + ",\"q,\"\"" + std::to_string(idx) + "\n" + long_field + "\"," +
            std::to_string(idx) + "\n";
  }
  std::vector<Rec> got = Records(text);
  ASSERT_EQ(got.size(), 50u);
  for (int idx = 0; idx < 50; ++idx) {
    EXPECT_EQ(got[idx].line, static_cast<std::uint64_t>(1 + 2 * idx)) << idx;
    ASSERT_EQ(got[idx].fields.size(), 3u) << idx;
    EXPECT_EQ(got[idx].fields[0].size(), static_cast<size_t>(idx * 7));
    EXPECT_EQ(got[idx].fields[1], "q,\"" + std::to_string(idx) + "\n" + got[idx].fields[0]);
    EXPECT_EQ(got[idx].fields[2], std::to_string(idx));
  }
}

TEST(FindLastBoundaryTest, IgnoresQuotedNewlines) {
  struct Case {
    std::string text;
    bool found;
    size_t end;
    std::uint64_t newlines;
  };
  const Case cases[] = {
      {"a\nb\nc", true, 4, 2},     {"abc", false, 0, 0},
      {"a\n\"b\nc", true, 2, 1},  // the last '\n' is quoted
      {"\"x\ny\"\nz", true, 6, 2}, {"", false, 0, 0},
  };
  for (const Case& c : cases) {
    std::string padded = c.text + std::string(kScanPadding, '\0');
    Boundary b = FindLastBoundary(padded.data(), c.text.size());
    EXPECT_EQ(b.found, c.found) << c.text;
    if (b.found) {
      EXPECT_EQ(b.end, c.end) << c.text;
      EXPECT_EQ(b.newlines, c.newlines) << c.text;
    }
  }
  // Many blocks.
  std::string big;
  for (int idx = 0; idx < 1000; ++idx) big += "\"q\nq\",field,123\n";
  big += "\"unfinished\n";
  std::string padded = big + std::string(kScanPadding, '\0');
  Boundary b = FindLastBoundary(padded.data(), big.size());
  ASSERT_TRUE(b.found);
  EXPECT_EQ(b.end, big.size() - 12);
  EXPECT_EQ(b.newlines, 2000u);
}

TEST(FindFirstBoundaryTest, CarriesQuoteState) {
  std::string part1 = "\"abc\ndef";  // opens a quote
  std::string part2 = "\nstill\"\nnext\n";
  std::string p1 = part1 + std::string(kScanPadding, '\0');
  std::string p2 = part2 + std::string(kScanPadding, '\0');
  SkipState st;
  std::uint64_t nl = 0;
  EXPECT_EQ(FindFirstBoundary(p1.data(), part1.size(), &st, &nl), 0u);
  EXPECT_TRUE(st.in_quotes);
  EXPECT_EQ(nl, 1u);
  EXPECT_EQ(FindFirstBoundary(p2.data(), part2.size(), &st, &nl), 8u);
  EXPECT_EQ(nl, 1u);  // the quoted '\n' before "still"
}

TEST(ValidateUtf8Test, Cases) {
  struct Case {
    std::string text;
    bool ok;
    size_t bad;
  };
  const Case cases[] = {
      {"plain ascii", true, 0},
      {"Sør-Odal, Åsnes, Grue æøå", true, 0},
      {"€ and 𝄞", true, 0},
      {"S\xF8r-Odal", false, 1},       // Latin-1 ø
      {"abc\xC3", false, 3},           // truncated
      {"\xC0\xAF", false, 0},          // overlong
      {"\xED\xA0\x80", false, 0},      // surrogate
      {"\xF4\x90\x80\x80", false, 0},  // > U+10FFFF
      {std::string(40, 'a') + "\xE6", false, 40},
  };
  for (const Case& c : cases) {
    size_t bad = 99;
    EXPECT_EQ(ValidateUtf8(c.text.data(), c.text.size(), &bad), c.ok) << c.text;
    if (!c.ok) {
      EXPECT_EQ(bad, c.bad) << c.text;
    }
  }
}

TEST(DetectDelimiterTest, PicksTheOneWithRequiredColumns) {
  const std::vector<std::string_view> req = {"buyer_orgnr", "amount"};
  EXPECT_EQ(DetectDelimiter("buyer_orgnr,amount", req), ',');
  EXPECT_EQ(DetectDelimiter("Buyer_Orgnr;AMOUNT;note,with comma", req), ';');
  EXPECT_EQ(DetectDelimiter("buyer_orgnr\tamount", req), '\t');
  EXPECT_EQ(DetectDelimiter("a;b;c,d", req), ';');  // most fields when none match
}

TEST(ParseSmallCsvTest, RowsWithLines) {
  std::vector<CsvRow> rows = ParseSmallCsv("h1,h2\n\n\"a\nb\",c\nd,e", ',');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[1].fields[0], "a\nb");
  EXPECT_EQ(rows[2].line, 5u);
}

}  // namespace
}  // namespace samkjop::spend

namespace samkjop::spend {
namespace {

// The vectorised validator against the byte-by-byte one, on random text
// built from valid and broken pieces of UTF-8.
TEST(ValidateUtf8Test, VectorisedAgreesWithScalar) {
  const std::vector<std::string> pieces = {
      "a",
      "bc",
      "1234567",
      ",",
      "\n",
      "æ",
      "ø",
      "å",
      "Å",
      "€",
      "𝄞",
      "\xC2\xA0",
      "\xC3",              // cut 2-byte
      "\xE2\x82",          // cut 3-byte
      "\xF0\x9D\x84",      // cut 4-byte
      "\x80",              // lone continuation
      "\xC0\x80",          // overlong
      "\xE0\x80\x80",      // overlong 3
      "\xF0\x80\x80\x80",  // overlong 4
      "\xED\xA0\x80",      // surrogate
      "\xF4\x90\x80\x80",  // too large
      "\xF5\x80\x80\x80",
      "\xFF",
      "\xEF\xBF\xBF",
      "\xF4\x8F\xBF\xBF",
      "\xE0\xA0\x80",
      "\xED\x9F\xBF",  // last before surrogates
  };
  std::uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  };
  int invalid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = static_cast<int>(next() % 40);
    const bool clean = next() % 2;
    for (int k = 0; k < n; ++k) {
      size_t pick = next() % pieces.size();
      if (clean) pick = next() % 12;  // valid pieces only
      text += pieces[pick];
    }
    size_t bad_scalar = 0, bad = 0;
    const bool want = ValidateUtf8Scalar(text.data(), text.size(), &bad_scalar);
    ASSERT_EQ(ValidateUtf8(text.data(), text.size(), &bad), want) << round;
    if (!want) {
      EXPECT_EQ(bad, bad_scalar);
      ++invalid;
    }
  }
  EXPECT_GT(invalid, 5000);
}

}  // namespace
}  // namespace samkjop::spend
