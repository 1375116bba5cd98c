#include "modules/spend/report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
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
  EXPECT_DOUBLE_EQ(j["loyalty"][0]["total"].get<double>(), 1234.56);
  EXPECT_DOUBLE_EQ(j["loyalty"][0]["share"].get<double>(), 0.5);
  EXPECT_TRUE(j["loyalty"][1]["share"].is_null());
  EXPECT_DOUBLE_EQ(j["loyalty"][1]["total"].get<double>(), -0.05);
  EXPECT_EQ(j["risks"][0]["supplier_name"], "Bakeriet \"Brød\"\nAS");
  EXPECT_EQ(j["risks"][0]["level"], "protocol");
  EXPECT_DOUBLE_EQ(j["risks"][0]["estimated_value"].get<double>(), 100000.0);
  EXPECT_DOUBLE_EQ(j["thresholds"]["eea"].get<double>(), 2300000.0);
  EXPECT_EQ(j["file_errors"][0]["file"], "x.xml");
  // Exact text for amounts: two decimals, share six.
  EXPECT_NE(text.find("\"total\": 1234.56, \"covered\": 617.28, \"share\": 0.500000"),
            std::string::npos);
  EXPECT_NE(text.find("\"uncovered\": 25000.00, \"estimated_value\": 100000.00"),
            std::string::npos);
}

TEST(ToJsonTest, EmptyReportIsValidJson) {
  SpendReport r;
  nlohmann::json j = nlohmann::json::parse(ToJson(r));
  EXPECT_TRUE(j["risks"].empty());
  EXPECT_TRUE(j["loyalty"].is_array());
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
