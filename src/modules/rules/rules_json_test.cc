#include "modules/rules/rules_json.h"

#include <gtest/gtest.h>

#include <string>

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::ParseIsoDate;
using nlohmann::json;
using Opt = std::optional<std::string>;

Date D(const char* iso) { return ParseIsoDate(iso).value(); }

TEST(RulesJsonTest, AssessShape) {
  core::Result<json> r = AssessJson("1 299 999,99", "goods", "2025-01-01");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const json& j = *r;
  EXPECT_EQ(j["part"], "I");
  EXPECT_EQ(j["publication"], "none");
  EXPECT_EQ(j["protocol_required"], true);
  EXPECT_EQ(j["tax_certificate_required"], true);
  EXPECT_EQ(j["value_ore"], 129999999);
  EXPECT_EQ(j["value_nok"], "1299999.99");
  EXPECT_TRUE(j["procedures"].is_array());
  EXPECT_TRUE(j["min_days"].is_object());
  ASSERT_TRUE(j["reasons"].is_array());
  for (const json& reason : j["reasons"]) {
    for (const char* key : {"text_nb", "text_en", "paragraph", "source", "confirmed"}) {
      EXPECT_TRUE(reason.contains(key)) << key;
    }
  }

  r = AssessJson("1300000", "goods", "2025-01-01");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["part"], "II");
  EXPECT_EQ((*r)["publication"], "doffin");

  r = AssessJson("2300000", "services", "2024-03-14");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["part"], "III");
  EXPECT_EQ((*r)["publication"], "doffin+ted");
  EXPECT_EQ((*r)["min_days"]["open.tender"], 30);
  EXPECT_EQ((*r)["min_days"]["standstill"], 10);
}

TEST(RulesJsonTest, AssessBadInput) {
  struct Case {
    Opt value, kind, date;
    const char* code;
  };
  const Case cases[] = {
      {std::nullopt, "goods", "2025-01-01", "rules.missing_option"},
      {"100000", std::nullopt, "2025-01-01", "rules.missing_option"},
      {"100000", "goods", std::nullopt, "rules.missing_option"},
      {"-5", "goods", "2025-01-01", "rules.negative_value"},
      {"abc", "goods", "2025-01-01", "rules.invalid_value"},
      {"1e6", "goods", "2025-01-01", "rules.invalid_value"},
      {"10000000000000.01", "goods", "2025-01-01", "rules.value_too_large"},
      {"100000", "food", "2025-01-01", "rules.invalid_kind"},
      {"100000", "goods", "2025-02-29", "rules.invalid_date"},
      {"100000", "goods", "2025-13-01", "rules.invalid_date"},
      {"100000", "goods", "14.03.2024", "rules.invalid_date"},
      {"100000", "goods", "2016-12-31", "rules.date_before_table"},
  };
  for (const Case& c : cases) {
    core::Result<json> r = AssessJson(c.value, c.kind, c.date);
    ASSERT_FALSE(r.ok()) << c.code;
    EXPECT_EQ(r.status().code_name(), c.code);
    json e = ErrorToJson(r.status());
    EXPECT_EQ(e["error"]["code"], c.code);
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
}

TEST(RulesJsonTest, StandstillAndDeadline) {
  core::Result<json> r = StandstillJson("2025-05-07", std::nullopt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["last_day"], "2025-05-19");
  EXPECT_EQ((*r)["first_signing_day"], "2025-05-20");
  EXPECT_EQ((*r)["days"], 10);
  EXPECT_TRUE((*r)["reasons"].is_array());

  r = StandstillJson("2024-12-15", "10");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["last_day"], "2024-12-27");

  r = DeadlineJson("2024-03-14", "30");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["last_day"], "2024-04-15");
  EXPECT_EQ((*r)["nominal_last_day"], "2024-04-13");
  EXPECT_EQ((*r)["extended"], true);

  struct Case {
    Opt date, days;
    bool standstill;
    const char* code;
  };
  const Case cases[] = {
      {"2025-01-01", "0", true, "rules.invalid_days"},
      {"2025-01-01", "0", false, "rules.invalid_days"},
      {"2025-01-01", "-1", false, "rules.invalid_days"},
      {"2025-01-01", "ti", false, "rules.invalid_days"},
      {"2025-01-01", "10.5", false, "rules.invalid_days"},
      {"2025-01-01", "99999999999", false, "rules.invalid_days"},
      {"2025-01-01", std::nullopt, false, "rules.missing_option"},
      {std::nullopt, "10", false, "rules.missing_option"},
      {std::nullopt, "10", true, "rules.missing_option"},
      {"2025-02-29", "10", true, "rules.invalid_date"},
      {"2025-02-29", "10", false, "rules.invalid_date"},
      {"2016-12-31", std::nullopt, true, "rules.date_before_table"},
      {"2200-12-30", "10", false, "rules.year_out_of_range"},
  };
  for (const Case& c : cases) {
    r = c.standstill ? StandstillJson(c.date, c.days) : DeadlineJson(c.date, c.days);
    ASSERT_FALSE(r.ok()) << c.code << " " << c.date.value_or("-") << " " << c.days.value_or("-");
    EXPECT_EQ(r.status().code_name(), c.code)
        << c.date.value_or("-") << " " << c.days.value_or("-");
  }
}

TEST(RulesJsonTest, PriceScore) {
  core::Result<json> r = PriceScoreJson("linear", std::nullopt, false, "100,120,200,250");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)["scores"], json::parse("[10.0, 8.0, 0.0, -5.0]"));

  r = PriceScoreJson("linear", "2", true, "100, 120, 200");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["scores"], json::parse("[10.0, 6.0, 0.0]"));

  r = PriceScoreJson("linear", "0,5", false, "100,120");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["scores"], json::parse("[10.0, 9.0]"));

  r = PriceScoreJson("proportional", std::nullopt, false, "300,100,300");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["scores"], json::parse("[3.3333, 10.0, 3.3333]"));
  EXPECT_EQ((*r)["scores"].dump(), "[3.3333,10.0,3.3333]");

  // ';' separates when prices use decimal commas.
  r = PriceScoreJson("proportional", std::nullopt, false, "1 000,50; 2 002,00");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)["lowest_nok"], "1000.50");
  EXPECT_EQ((*r)["scores"][1], 4.9975);

  struct Case {
    Opt model, k;
    Opt prices;
    const char* code;
  };
  const Case cases[] = {
      {std::nullopt, std::nullopt, "100", "rules.missing_option"},
      {"quadratic", std::nullopt, "100", "rules.invalid_model"},
      {"linear", std::nullopt, std::nullopt, "rules.no_prices"},
      {"linear", std::nullopt, "", "rules.no_prices"},
      {"linear", std::nullopt, "  ", "rules.no_prices"},
      {"linear", std::nullopt, "100,0", "rules.invalid_price"},
      {"linear", std::nullopt, "100,-5", "rules.invalid_price"},
      {"proportional", std::nullopt, "0", "rules.invalid_price"},
      {"linear", std::nullopt, "100,,200", "rules.invalid_price"},
      {"linear", std::nullopt, "100,abc", "rules.invalid_price"},
      {"linear", std::nullopt, "100,", "rules.invalid_price"},
      {"linear", "0", "100", "rules.invalid_k"},
      {"linear", "-1", "100", "rules.invalid_k"},
      {"linear", "x", "100", "rules.invalid_k"},
      {"linear", "", "100", "rules.invalid_k"},
      {"linear", "nan", "100", "rules.invalid_k"},
      {"linear", "inf", "100", "rules.invalid_k"},
  };
  for (const Case& c : cases) {
    r = PriceScoreJson(c.model, c.k, false, c.prices);
    ASSERT_FALSE(r.ok()) << c.code << " " << c.prices.value_or("-");
    EXPECT_EQ(r.status().code_name(), c.code)
        << c.prices.value_or("-") << " k=" << c.k.value_or("-");
  }
}

TEST(RulesJsonTest, Thresholds) {
  core::Result<json> r = ThresholdsJson("2024-03-14", D("2030-01-01"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["date"], "2024-03-14");
  bool found = false;
  EXPECT_EQ((*r)["total"], (*r)["items"].size());
  for (const json& v : (*r)["items"]) {
    EXPECT_TRUE(v.contains("source"));
    EXPECT_TRUE(v.contains("confirmed"));
    EXPECT_TRUE(v.contains("in_force"));
    if (v["key"] == "threshold.eea.goods_services") {
      found = true;
      EXPECT_EQ(v["amount_ore"], 230000000);
      EXPECT_EQ(v["amount_nok"], "2300000.00");
      EXPECT_EQ(v["in_force"], "2024-03-14");
      EXPECT_EQ(v["confirmed"], true);
    }
    if (v["key"] == "days.open.tender") {
      EXPECT_EQ(v["days"], 30);
    }
    if (v["confirmed"] == false) {
      EXPECT_NE(v["explanation_nb"].get<std::string>().find("IKKE BEKREFTET"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);

  r = ThresholdsJson("2024-03-13", D("2030-01-01"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["confirmed"], false);  // the 2022 values

  // Without a date: today.
  r = ThresholdsJson(std::nullopt, D("2025-06-01"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["date"], "2025-06-01");

  EXPECT_EQ(ThresholdsJson("2016-01-01", D("2025-06-01")).status().code_name(),
            "rules.date_before_table");
  EXPECT_EQ(ThresholdsJson("2025-02-29", D("2025-06-01")).status().code_name(),
            "rules.invalid_date");
}

TEST(RulesJsonTest, ClimateCheck) {
  core::Result<json> r = ClimateCheckJson(json::parse(R"({
    "announced": "2024-06-01",
    "criteria": [{"name": "Pris", "weight": 70}, {"name": "Klima", "weight": "30", "climate": true}]
  })"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)["verdict"], "ok");
  EXPECT_EQ((*r)["climate_weight_pct"], 30.0);

  r = ClimateCheckJson(json::parse(R"({
    "announced": "2024-06-01",
    "criteria": [{"name": "Pris", "weight": 75.5}, {"name": "Klima", "weight": 24.5, "climate": true}]
  })"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["verdict"], "violation");
  EXPECT_EQ((*r)["problems"].size(), 1u);

  r = ClimateCheckJson(json::parse(R"({
    "announced": "2024-06-01",
    "criteria": [{"name": "Pris", "rank": 1}],
    "exception": "spec_requirement_better",
    "justification": "Krav om fossilfri transport, punkt 4"
  })"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["verdict"], "exception_accepted");

  struct Case {
    const char* body;
    const char* code;
  };
  const Case cases[] = {
      {R"([])", "rules.invalid_body"},
      {R"({"criteria": [{"name": "Pris", "weight": 100}]})", "rules.missing_option"},
      {R"({"announced": "2024-02-30", "criteria": []})", "rules.invalid_date"},
      {R"({"announced": "2024-06-01"})", "rules.missing_option"},
      {R"({"announced": "2024-06-01", "criteria": {}})", "rules.invalid_body"},
      {R"({"announced": "2024-06-01", "criteria": []})", "rules.no_criteria"},
      {R"({"announced": "2024-06-01", "criteria": [1]})", "rules.invalid_body"},
      {R"({"announced": "2024-06-01", "criteria": [{"weight": 12.345}]})", "rules.invalid_weight"},
      {R"({"announced": "2024-06-01", "criteria": [{"weight": "x"}]})", "rules.invalid_weight"},
      {R"({"announced": "2024-06-01", "criteria": [{"weight": true}]})", "rules.invalid_body"},
      {R"({"announced": "2024-06-01", "criteria": [{"rank": 1.5}]})", "rules.invalid_body"},
      {R"({"announced": "2024-06-01", "criteria": [{"rank": 1, "climate": "yes"}]})",
       "rules.invalid_body"},
      {R"({"announced": "2024-06-01", "criteria": [{"rank": 1}], "exception": "maybe"})",
       "rules.invalid_exception"},
      {R"({"announced": "2024-06-01", "criteria": [{"weight": 50}, {"rank": 1}]})",
       "rules.invalid_criteria"},
  };
  for (const Case& c : cases) {
    r = ClimateCheckJson(json::parse(c.body));
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code_name(), c.code) << c.body;
  }
}

TEST(RulesJsonTest, ErrorJsonShape) {
  json e = ErrorToJson(core::Status::InvalidField("rules.invalid_kind", "kind", "Ukjent type."));
  EXPECT_EQ(e, json::parse(R"({"error": {"code": "rules.invalid_kind", "message": "Ukjent type.",
                                        "field": "kind"}})"));
}

}  // namespace
}  // namespace samkjop::rules
