#include "modules/rules/climate.h"

#include <gtest/gtest.h>

#include <string>

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::ParseIsoDate;

Date D(const char* iso) { return ParseIsoDate(iso).value(); }

AwardCriterion W(const char* name, std::int64_t pct, bool climate = false) {
  return AwardCriterion{name, climate, pct * 100, std::nullopt};
}
AwardCriterion R(const char* name, int rank, bool climate = false) {
  return AwardCriterion{name, climate, std::nullopt, rank};
}

struct Case {
  const char* name;
  std::vector<AwardCriterion> criteria;
  ClimateException exception;
  const char* justification;
  const char* announced;
  ClimateVerdict verdict;
  size_t problems;
};

TEST(ClimateTest, Verdicts) {
  const auto kNone = ClimateException::kNone;
  const auto kSpec = ClimateException::kSpecRequirementBetter;
  const auto kFootprint = ClimateException::kInsignificantFootprint;
  const Case cases[] = {
      {"30 % exactly",
       {W("Pris", 70), W("Klima", 30, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kOk,
       0},
      {"two climate criteria add up",
       {W("Pris", 70), W("Utslipp", 20, true), W("Miljø", 10, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kOk,
       0},
      {"29 %",
       {W("Pris", 71), W("Klima", 29, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"no climate criterion",
       {W("Pris", 100)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"weights sum 90",
       {W("Pris", 60), W("Klima", 30, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"weights sum 110 and low climate",
       {W("Pris", 90), W("Klima", 20, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       2},
      {"spec exception with justification",
       {W("Pris", 100)},
       kSpec,
       "Krav om nullutslipp i kravspesifikasjonen punkt 3.2",
       "2024-05-01",
       ClimateVerdict::kExceptionAccepted,
       0},
      {"spec exception without justification",
       {W("Pris", 100)},
       kSpec,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       2},
      {"insignificant footprint",
       {W("Pris", 100)},
       kFootprint,
       "",
       "2024-05-01",
       ClimateVerdict::kExceptionAccepted,
       0},
      {"exception does not fix weights",
       {W("Pris", 50)},
       kFootprint,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"exception not needed",
       {W("Pris", 60), W("Klima", 40, true)},
       kSpec,
       "begrunnet",
       "2024-05-01",
       ClimateVerdict::kOk,
       0},
      {"priority: climate 3rd",
       {R("Pris", 1), R("Kvalitet", 2), R("Klima", 3, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kOk,
       0},
      {"priority: climate 4th",
       {R("Pris", 1), R("Kvalitet", 2), R("Service", 3), R("Klima", 4, true)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"priority: gaps in ranks",
       {R("Pris", 10), R("Klima", 20, true), R("Kvalitet", 30)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kOk,
       0},
      {"priority: none climate",
       {R("Pris", 1), R("Kvalitet", 2)},
       kNone,
       "",
       "2024-05-01",
       ClimateVerdict::kViolation,
       1},
      {"priority: exception",
       {R("Pris", 1), R("Kvalitet", 2)},
       kFootprint,
       "kontorrekvisita",
       "2024-05-01",
       ClimateVerdict::kExceptionAccepted,
       0},
      {"before 2024", {W("Pris", 100)}, kNone, "", "2023-12-31", ClimateVerdict::kNotApplicable, 0},
      {"first day", {W("Pris", 100)}, kNone, "", "2024-01-01", ClimateVerdict::kViolation, 1},
  };
  for (const Case& c : cases) {
    ClimateCheckInput input{c.criteria, c.exception, c.justification, D(c.announced)};
    core::Result<ClimateCheckResult> r = CheckClimate(input);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    EXPECT_EQ(r->verdict, c.verdict) << c.name << " got " << ClimateVerdictCode(r->verdict);
    EXPECT_EQ(r->problems.size(), c.problems) << c.name;
    EXPECT_FALSE(r->reasons.empty()) << c.name;
    for (const Reason& p : r->problems) EXPECT_NE(p.paragraph.find("7-9"), std::string::npos);
  }
}

TEST(ClimateTest, ReportsWeightsAndPosition) {
  core::Result<ClimateCheckResult> r =
      CheckClimate({{W("Pris", 60), W("Klima", 25, true), W("Kvalitet", 15)},
                    ClimateException::kNone,
                    "",
                    D("2025-01-01")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_weight_bp, 10000);
  EXPECT_EQ(r->climate_weight_bp, 2500);
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_NE(r->problems[0].text_nb.find("25 %"), std::string::npos) << r->problems[0].text_nb;

  r = CheckClimate({{R("A", 1), R("B", 2), R("C", 3), R("Klima", 5, true)},
                    ClimateException::kNone,
                    "",
                    D("2025-01-01")});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->weighted);
  EXPECT_EQ(r->climate_position, 4);
}

TEST(ClimateTest, MalformedInput) {
  struct Bad {
    const char* name;
    std::vector<AwardCriterion> criteria;
    const char* code;
  };
  AwardCriterion both{"Pris", false, 5000, 1};
  AwardCriterion neither{"Pris", false, std::nullopt, std::nullopt};
  const Bad cases[] = {
      {"empty", {}, "rules.no_criteria"},
      {"mixed", {W("Pris", 70), R("Klima", 1, true)}, "rules.invalid_criteria"},
      {"both", {both}, "rules.invalid_criteria"},
      {"neither", {neither}, "rules.invalid_criteria"},
      {"negative weight", {W("Pris", -10)}, "rules.invalid_criteria"},
      {"weight over 100", {W("Pris", 101)}, "rules.invalid_criteria"},
      {"rank zero", {R("Pris", 0)}, "rules.invalid_criteria"},
      {"duplicate rank", {R("Pris", 1), R("Klima", 1, true)}, "rules.invalid_criteria"},
  };
  for (const Bad& c : cases) {
    core::Result<ClimateCheckResult> r =
        CheckClimate({c.criteria, ClimateException::kNone, "", D("2025-01-01")});
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code_name(), c.code) << c.name;
  }
}

TEST(ClimateTest, ParseWeightPercent) {
  struct Good {
    const char* text;
    std::int64_t bp;
  };
  const Good good[] = {{"30", 3000}, {"12.5", 1250}, {"12,5", 1250},  {"30 %", 3000},
                       {"0", 0},     {"100", 10000}, {"33.33", 3333}, {" 7%", 700}};
  for (const Good& g : good) {
    core::Result<std::int64_t> r = ParseWeightPercent(g.text);
    ASSERT_TRUE(r.ok()) << g.text;
    EXPECT_EQ(*r, g.bp) << g.text;
  }
  for (const char* bad : {"", "%", "abc", "101", "100.01", "-5", "12.345", "1e2", "12."}) {
    EXPECT_EQ(ParseWeightPercent(bad).status().code_name(), "rules.invalid_weight") << bad;
  }
}

TEST(ClimateTest, ParseException) {
  EXPECT_EQ(*ParseClimateException("none"), ClimateException::kNone);
  EXPECT_EQ(*ParseClimateException("spec_requirement_better"),
            ClimateException::kSpecRequirementBetter);
  EXPECT_EQ(*ParseClimateException("insignificant_footprint"),
            ClimateException::kInsignificantFootprint);
  EXPECT_EQ(ParseClimateException("other").status().code_name(), "rules.invalid_exception");
}

}  // namespace
}  // namespace samkjop::rules
