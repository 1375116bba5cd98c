#include "modules/spend/report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace samkjop::spend {
namespace {

TEST(FormatOreTest, RoundsToOre) {
  struct Case {
    OreSum ore;
    std::string want;
  };
  const Case cases[] = {
      {0, "0.00"},
      {1, "0.01"},
      {-1, "-0.01"},
      {10, "0.10"},
      {123456, "1234.56"},
      {-123456, "-1234.56"},
      {100, "1.00"},
      {static_cast<OreSum>(INT64_MAX) * 4, "368934881474191032.28"},
      {static_cast<OreSum>(INT64_MIN), "-92233720368547758.08"},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatOre(c.ore), c.want);
}

SpendReport Sample() {
  SpendReport r;
  r.year = 2025;
  r.thresholds = {10'000'000, 130'000'000, 230'000'000};
  r.counts = {10, 2, 1, 1, 6, 1};
  r.rejected_examples.push_back({"a \"b\".csv", 7, RejectReason::kInvalidDate});
  r.loyalty.push_back({"944117784", "Møbler", 123456, 61728, 500000});
  r.loyalty.push_back({"944117784", "IKT", -5, 0, std::nullopt});
  r.risks.push_back({"944117784", "123456785", "Bakeriet \"Brød\"\nAS", "Møbler", 2500000, 10000000,
                     RiskLevel::kProtocol});
  r.file_errors.push_back({"x.xml", "ikke XML"});
  return r;
}

TEST(ToJsonTest, ShapeAndNumbers) {
  const std::string text = ToJson(Sample());
  nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["counts"]["lines_read"], 10);
  EXPECT_EQ(j["counts"]["unknown_supplier"], 1);
  EXPECT_EQ(j["rejected_examples"][0]["file"], "a \"b\".csv");
  EXPECT_EQ(j["rejected_examples"][0]["line"], 7);
  EXPECT_EQ(j["rejected_examples"][0]["reason"], "invalid_date");
  EXPECT_EQ(j["loyalty"][0]["total_ore"], 123456);
  EXPECT_DOUBLE_EQ(j["loyalty"][0]["share"].get<double>(), 0.5);
  EXPECT_TRUE(j["loyalty"][1]["share"].is_null());
  EXPECT_EQ(j["loyalty"][1]["total_ore"], -5);
  EXPECT_EQ(j["risks"][0]["supplier_name"], "Bakeriet \"Brød\"\nAS");
  EXPECT_EQ(j["risks"][0]["level"], "protocol");
  EXPECT_EQ(j["risks"][0]["estimated_value_ore"], 10000000);
  EXPECT_EQ(j["thresholds"]["eea_ore"], 230000000);
  EXPECT_EQ(j["file_errors"][0]["file"], "x.xml");
  // Exact text for amounts: integer øre, share with six decimals.
  EXPECT_NE(text.find("\"total_ore\": 123456, \"covered_ore\": 61728, \"share\": 0.500000"),
            std::string::npos);
  EXPECT_NE(text.find("\"uncovered_ore\": 2500000, \"estimated_value_ore\": 10000000"),
            std::string::npos);
  EXPECT_NE(text.find("\"thresholds\": {\"protocol_ore\": 10000000, \"national_ore\": 130000000, "
                      "\"eea_ore\": 230000000}"),
            std::string::npos)
      << text;
}

// Issue 8, defect 22: every øre field is a JSON integer, exact at any size
// (sums are 128-bit; a JSON reader sees an integer, never 1.8446744073709552e+17).
TEST(ToJsonTest, OreSumsAreExactIntegers) {
  const OreSum max64 = INT64_MAX;
  const OreSum min64 = INT64_MIN;
  struct Case {
    OreSum ore;
    std::string text;
  };
  const Case cases[] = {
      {0, "0"},
      {-1, "-1"},
      {(OreSum{1} << 53) + 1, "9007199254740993"},
      {max64, "9223372036854775807"},
      {max64 + 1, "9223372036854775808"},  // 2^63
      {min64, "-9223372036854775808"},
      {min64 - 1, "-9223372036854775809"},
      {(OreSum{1} << 64), "18446744073709551616"},
      {max64 * 4, "36893488147419103228"},
      {-(OreSum{1} << 100), "-1267650600228229401496703205376"},
  };
  for (const Case& c : cases) {
    SpendReport r;
    r.loyalty.push_back({"944117784", "IKT", c.ore, c.ore, std::nullopt});
    r.risks.push_back({"944117784", "123456785", "", "IKT", c.ore, c.ore, RiskLevel::kEea});
    const std::string text = ToJson(r);
    EXPECT_NE(text.find("\"total_ore\": " + c.text + ", \"covered_ore\": " + c.text + ","),
              std::string::npos)
        << c.text << "\n"
        << text;
    EXPECT_NE(
        text.find("\"uncovered_ore\": " + c.text + ", \"estimated_value_ore\": " + c.text + ","),
        std::string::npos)
        << c.text << "\n"
        << text;
    nlohmann::json j = nlohmann::json::parse(text);  // valid JSON at any size
    if (c.ore >= min64 && c.ore <= max64) {
      ASSERT_TRUE(j["loyalty"][0]["total_ore"].is_number_integer()) << c.text;
      EXPECT_EQ(j["loyalty"][0]["total_ore"].get<std::int64_t>(), static_cast<std::int64_t>(c.ore));
    }
  }
}

TEST(ToJsonTest, EmptyReportIsValidJson) {
  SpendReport r;
  nlohmann::json j = nlohmann::json::parse(ToJson(r));
  EXPECT_TRUE(j["risks"].empty());
  EXPECT_TRUE(j["loyalty"].is_array());
}

// Issue 8, defect 22: an xlsx money cell is a number only when it reads back
// as the same øre. libxlsxwriter writes numbers with "%.16G"; 15 significant
// digits survive that exactly, 16 do not always (87459653926335.27 comes back
// as ...335.26), so from 10^15 øre on the cell is exact text.
TEST(OreAsSpreadsheetNokTest, NumberOnlyWhereExact) {
  const OreSum limit = 1'000'000'000'000'000;
  EXPECT_FALSE(OreAsSpreadsheetNok(limit).has_value());
  EXPECT_FALSE(OreAsSpreadsheetNok(-limit).has_value());
  EXPECT_FALSE(OreAsSpreadsheetNok(OreSum{1} << 53).has_value());
  EXPECT_FALSE(OreAsSpreadsheetNok(static_cast<OreSum>(INT64_MAX) * 4).has_value());
  auto round_trips = [](OreSum ore) {
    const std::optional<double> nok = OreAsSpreadsheetNok(ore);
    if (!nok) return false;
    char cell[64];
    std::snprintf(cell, sizeof cell, "%.16G", *nok);  // what libxlsxwriter writes
    char shown[64];
    std::snprintf(shown, sizeof shown, "%.2f", std::strtod(cell, nullptr));  // #,##0.00
    return FormatOre(ore) == shown;
  };
  for (OreSum ore : {OreSum{0}, OreSum{1}, OreSum{-1}, OreSum{123456}, limit - 1, -(limit - 1),
                     OreSum{999'999'999'999'995}, OreSum{8'745'965'392'633}}) {
    EXPECT_TRUE(round_trips(ore)) << FormatOre(ore);
  }
  std::uint64_t x = 88172645463325252u;  // xorshift64, deterministic
  for (int idx = 0; idx < 200000; ++idx) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const OreSum ore = static_cast<OreSum>(x % static_cast<std::uint64_t>(limit)) *
                       (idx % 2 ? 1 : -1) / (OreSum{1} << (idx % 50));
    ASSERT_TRUE(round_trips(ore)) << FormatOre(ore);
  }
}

// xlsx is a zip; its directory names one worksheet part per sheet, and the
// workbook part names the sheets.
TEST(WriteXlsxTest, OneSheetPerSection) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "spend_report_test.xlsx").string();
  ASSERT_TRUE(WriteXlsx(Sample(), path).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string zip = buf.str();
  ASSERT_GT(zip.size(), 1000u);
  EXPECT_EQ(zip.substr(0, 2), "PK");
  for (int sheet = 1; sheet <= 4; ++sheet) {
    EXPECT_NE(zip.find("xl/worksheets/sheet" + std::to_string(sheet) + ".xml"), std::string::npos)
        << sheet;
  }
  EXPECT_EQ(zip.find("xl/worksheets/sheet5.xml"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_FALSE(WriteXlsx(Sample(), "/nonexistent-dir/x.xlsx").ok());
}

}  // namespace
}  // namespace samkjop::spend
