#include "modules/rules/rules_cli.h"

#include <gtest/gtest.h>

#include <fstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/nor/civil_date.h"
#include "modules/rules/legal_table.h"

namespace samkjop::rules {
namespace {

using nlohmann::json;

struct CliRun {
  int exit_code = -1;
  bool parse_error = false;  // CLI11 itself rejected the arguments
  std::string out, err;
  json body;
};

CliRun RunCli(std::vector<std::string> args) {
  CLI::App app{"samkjop"};
  CliRun run;
  std::ostringstream out, err;
  RegisterCli(app, run.exit_code, out, err);
  args.insert(args.begin(), "samkjop");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    run.parse_error = true;
  }
  run.out = out.str();
  run.err = err.str();
  if (!run.out.empty()) run.body = json::parse(run.out);
  return run;
}

TEST(RulesCliTest, Assess) {
  CliRun r =
      RunCli({"rules", "assess", "--value", "1300000", "--kind", "goods", "--date", "2025-01-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(r.err.empty());
  EXPECT_EQ(r.body["part"], "II");
  EXPECT_EQ(r.body["publication"], "doffin");
  EXPECT_EQ(r.body["protocol_required"], true);
  EXPECT_EQ(r.body["tax_certificate_required"], true);
  for (const char* key : {"part", "publication", "protocol_required", "tax_certificate_required",
                          "procedures", "min_days", "reasons"}) {
    EXPECT_TRUE(r.body.contains(key)) << key;
  }

  r = RunCli({"rules", "assess", "--value=1 299 999,99", "--kind=works", "--date=2024-03-14"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["part"], "I");

  r = RunCli(
      {"rules", "assess", "--value", "7800000", "--kind", "special", "--date", "2024-03-13"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["part"], "IV");
}

TEST(RulesCliTest, BadInputGivesJsonErrorAndExit2) {
  struct Case {
    std::vector<std::string> args;
    const char* code;
  };
  const Case cases[] = {
      {{"rules", "assess", "--kind", "goods", "--date", "2025-01-01"}, "rules.missing_option"},
      {{"rules", "assess", "--value", "100000", "--date", "2025-01-01"}, "rules.missing_option"},
      {{"rules", "assess", "--value", "100000", "--kind", "goods"}, "rules.missing_option"},
      {{"rules", "assess", "--value=-5", "--kind", "goods", "--date", "2025-01-01"},
       "rules.negative_value"},
      {{"rules", "assess", "--value", "tusen", "--kind", "goods", "--date", "2025-01-01"},
       "rules.invalid_value"},
      {{"rules", "assess", "--value", "100000000000000", "--kind", "goods", "--date", "2025-01-01"},
       "rules.value_too_large"},
      {{"rules", "assess", "--value", "100000", "--kind", "food", "--date", "2025-01-01"},
       "rules.invalid_kind"},
      {{"rules", "assess", "--value", "100000", "--kind", "goods", "--date", "2025-02-29"},
       "rules.invalid_date"},
      {{"rules", "assess", "--value", "100000", "--kind", "goods", "--date", "2016-12-31"},
       "rules.date_before_table"},
      {{"rules", "standstill", "--notified", "2025-05-07", "--days", "0"}, "rules.invalid_days"},
      {{"rules", "standstill"}, "rules.missing_option"},
      {{"rules", "deadline", "--from", "2025-05-07", "--days", "0"}, "rules.invalid_days"},
      {{"rules", "deadline", "--from", "2025-05-07"}, "rules.missing_option"},
      {{"rules", "deadline", "--from", "2025-02-29", "--days", "10"}, "rules.invalid_date"},
      {{"rules", "price-score", "--model", "linear", "--prices", "100,0"}, "rules.invalid_price"},
      {{"rules", "price-score", "--model", "linear", "--prices=-100"}, "rules.invalid_price"},
      {{"rules", "price-score", "--model", "linear", "--prices", ""}, "rules.no_prices"},
      {{"rules", "price-score", "--model", "linear"}, "rules.no_prices"},
      {{"rules", "price-score", "--prices", "100"}, "rules.missing_option"},
      {{"rules", "price-score", "--model", "cubic", "--prices", "100"}, "rules.invalid_model"},
      {{"rules", "price-score", "--model", "linear", "--k", "0", "--prices", "100"},
       "rules.invalid_k"},
      {{"rules", "thresholds", "--date", "2016-12-31"}, "rules.date_before_table"},
      {{"rules", "thresholds", "--date", "i går"}, "rules.invalid_date"},
  };
  for (const Case& c : cases) {
    std::string cmd;
    for (const std::string& a : c.args) cmd += a + " ";
    CliRun r = RunCli(c.args);
    EXPECT_FALSE(r.parse_error) << cmd;
    EXPECT_EQ(r.exit_code, 2) << cmd;
    ASSERT_TRUE(r.body.contains("error")) << cmd << r.out;
    EXPECT_EQ(r.body["error"]["code"], c.code) << cmd;
    std::string message = r.body["error"]["message"];
    EXPECT_FALSE(message.empty()) << cmd;
    EXPECT_NE(r.err.find(message), std::string::npos) << cmd;  // also on stderr
  }
}

TEST(RulesCliTest, NegativeValueWithSpace) {
  // "--value -5": CLI11 may read "-5" as an option; either way the user gets exit 2.
  CliRun r =
      RunCli({"rules", "assess", "--value", "-5", "--kind", "goods", "--date", "2025-01-01"});
  if (!r.parse_error) {
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.body["error"]["code"], "rules.negative_value");
  }
}

TEST(RulesCliTest, Standstill) {
  struct Case {
    std::vector<std::string> args;
    const char* last_day;
    const char* first_signing_day;
  };
  const Case cases[] = {
      {{"rules", "standstill", "--notified", "2025-05-07"}, "2025-05-19", "2025-05-20"},
      {{"rules", "standstill", "--notified", "2024-05-07", "--days", "10"},
       "2024-05-21",
       "2024-05-22"},
      {{"rules", "standstill", "--notified", "2025-04-07"}, "2025-04-22", "2025-04-23"},
      {{"rules", "standstill", "--notified", "2024-12-15"}, "2024-12-27", "2024-12-28"},
  };
  for (const Case& c : cases) {
    CliRun r = RunCli(c.args);
    ASSERT_EQ(r.exit_code, 0) << c.args[3] << r.out;
    EXPECT_EQ(r.body["last_day"], c.last_day) << c.args[3];
    EXPECT_EQ(r.body["first_signing_day"], c.first_signing_day) << c.args[3];
    EXPECT_FALSE(r.body["reasons"].empty());
  }
}

TEST(RulesCliTest, Deadline) {
  CliRun r = RunCli({"rules", "deadline", "--from", "2025-04-07", "--days", "10"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["last_day"], "2025-04-22");
}

TEST(RulesCliTest, PriceScore) {
  CliRun r = RunCli({"rules", "price-score", "--model", "linear", "--prices", "100,120,200,250"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["scores"], json::parse("[10, 8, 0, -5]"));

  r = RunCli(
      {"rules", "price-score", "--model", "linear", "--floor-zero", "--prices", "100,120,200,250"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["scores"], json::parse("[10, 8, 0, 0]"));

  r = RunCli({"rules", "price-score", "--model", "linear", "--k", "2", "--prices", "100,110,100"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["scores"], json::parse("[10, 8, 10]"));

  r = RunCli({"rules", "price-score", "--model", "proportional", "--prices", "150,100,150"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["scores"], json::parse("[6.6667, 10, 6.6667]"));
}

TEST(RulesCliTest, Thresholds) {
  CliRun r = RunCli({"rules", "thresholds", "--date", "2024-03-14"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["date"], "2024-03-14");
  // 22 keys of the 2016 law plus months.framework_max, months.tax_certificate_max_age and
  // flag.part_ii_applies; `total` counts the items.
  EXPECT_EQ(r.body["items"].size(), 25u);
  EXPECT_EQ(r.body["total"], 25);
  for (const json& v : r.body["items"]) {
    EXPECT_TRUE(v["id"].is_number_integer()) << v.dump();
    EXPECT_TRUE(v["unit"].is_string());
    EXPECT_TRUE(v["supersedes"].is_null());
  }

  r = RunCli({"rules", "thresholds", "--date", "2024-03-14", "--history"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["items"].size(), LegalTable::Builtin().values().size());

  // --db without a database to open: the JSON error, not a crash.
  r = RunCli({"rules", "thresholds", "--db", "sqlite:/nonexistent/x.db"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.body["error"]["code"], "rules.missing_option");

  core::nor::PinToday(core::nor::ParseIsoDate("2025-06-01"));
  r = RunCli({"rules", "thresholds"});
  core::nor::PinToday(std::nullopt);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["date"], "2025-06-01");
}

TEST(RulesCliTest, ClimateCheckReadsAJsonFile) {
  const std::string path = ::testing::TempDir() + "climate.json";
  {
    std::ofstream f(path);
    f << R"({"announced": "2025-02-01", "criteria": [{"name": "Pris", "weight": 80},
            {"name": "Klima", "weight": 20, "climate": true}]})";
  }
  CliRun r = RunCli({"rules", "climate-check", "--input", path});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.body["verdict"], "violation");
  r = RunCli({"rules", "climate-check", "--input", path + ".missing"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.body["error"]["code"], "rules.unreadable");
  {
    std::ofstream f(path);
    f << "{nei";
  }
  r = RunCli({"rules", "climate-check", "--input", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.body["error"]["code"], "rules.invalid_body");
  r = RunCli({"rules", "climate-check"});
  EXPECT_EQ(r.body["error"]["code"], "rules.missing_option");
}

TEST(RulesCliTest, UnknownOptionIsLeftToCli11) {
  CliRun r = RunCli({"rules", "assess", "--bogus", "1"});
  EXPECT_TRUE(r.parse_error);
}

TEST(RulesCliTest, DefaultOverloadWritesToStdout) {
  CLI::App app{"samkjop"};
  int exit_code = -1;
  RegisterCli(app, exit_code);
  const char* argv[] = {"samkjop", "rules", "deadline", "--from", "2025-05-07", "--days", "10"};
  testing::internal::CaptureStdout();
  app.parse(7, argv);
  std::string out = testing::internal::GetCapturedStdout();
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(json::parse(out)["last_day"], "2025-05-19");

  const char* bad[] = {"samkjop", "rules", "deadline", "--from", "2025-05-07", "--days", "0"};
  CLI::App app2{"samkjop"};
  RegisterCli(app2, exit_code);
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  app2.parse(7, bad);
  out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(exit_code, 2);
  EXPECT_EQ(json::parse(out)["error"]["code"], "rules.invalid_days");
  EXPECT_FALSE(err.empty());
}

}  // namespace
}  // namespace samkjop::rules
