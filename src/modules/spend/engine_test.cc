#include "modules/spend/engine.h"

#include <gtest/gtest.h>

#include <stop_token>
#include <string>
#include <vector>

#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

// The six municipalities of the Kongsvinger region.
constexpr const char* kKongsvinger = "944117784";
constexpr const char* kEidskog = "874602752";
constexpr const char* kGrue = "964948143";
// Suppliers (valid MOD11).
constexpr const char* kSupA = "123456785";
constexpr const char* kSupB = "987654325";
constexpr const char* kSupC = "974760673";

constexpr const char* kHeader =
    "buyer_orgnr,invoice_date,supplier_orgnr,supplier_name,account,amount,invoice_no\n";

const char* kCategories =
    "account,product_area\n"
    "1200,Kontorrekvisita\n"
    "1300,IKT\n"
    "12345678901,Lang konto\n";

// A: Kontorrekvisita for Kongsvinger and Eidskog in the first half of 2025.
// B: IKT for Kongsvinger, open-ended from 2025-03-01.
const char* kAgreements =
    "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
    "A-1,123456785,Kontorrekvisita,944117784|874602752,2025-01-01,2025-06-30\n"
    "B-1,987654325,IKT,944117784,01.03.2025,\n";

Thresholds TestThresholds() {
  return Thresholds{10'000'000, 130'000'000, 230'000'000};  // 100k, 1.3M, 2.3M NOK
}

struct RunConfig {
  unsigned threads = 2;
  size_t chunk_bytes = 1 << 20;
  size_t max_record_bytes = 64 << 20;
  size_t max_read = SIZE_MAX;
  Thresholds thresholds = TestThresholds();
  const char* agreements = kAgreements;
  const char* categories = kCategories;
};

core::Result<SpendReport> RunEngine(const std::vector<std::string>& csvs, RunConfig cfg = {}) {
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(cfg.agreements, "agreements.csv");
  EXPECT_TRUE(agreements.ok()) << agreements.status().message();
  core::Result<AccountMap> accounts = ParseCategoriesCsv(cfg.categories, "categories.csv");
  EXPECT_TRUE(accounts.ok()) << accounts.status().message();
  EngineOptions opt;
  opt.year = 2025;
  opt.thresholds = cfg.thresholds;
  opt.threads = cfg.threads;
  opt.chunk_bytes = cfg.chunk_bytes;
  opt.max_record_bytes = cfg.max_record_bytes;
  SpendEngine engine(*agreements, *accounts, opt);
  for (size_t idx = 0; idx < csvs.size(); ++idx) {
    MemoryByteSource source(csvs[idx], cfg.max_read);
    core::Status st = engine.AddCsv("f" + std::to_string(idx) + ".csv", source);
    if (!st.ok()) return st;
  }
  return engine.Finish();
}

SpendReport MustRun(const std::vector<std::string>& csvs, RunConfig cfg = {}) {
  core::Result<SpendReport> r = RunEngine(csvs, cfg);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SpendReport{};
}

std::string Line(const std::string& buyer, const std::string& date, const std::string& supplier,
                 const std::string& name, const std::string& account, const std::string& amount) {
  return buyer + "," + date + "," + supplier + "," + name + "," + account + "," + amount + ",F1\n";
}

const LoyaltyRow* FindLoyalty(const SpendReport& r, std::string_view buyer, std::string_view area) {
  for (const LoyaltyRow& l : r.loyalty)
    if (l.buyer_orgnr == buyer && l.product_area == area) return &l;
  return nullptr;
}

const RiskRow* FindRisk(const SpendReport& r, std::string_view buyer, std::string_view supplier,
                        std::string_view area) {
  for (const RiskRow& k : r.risks)
    if (k.buyer_orgnr == buyer && k.supplier_orgnr == supplier && k.product_area == area) return &k;
  return nullptr;
}

TEST(EngineTest, EachRejectionReason) {
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A AS", "1200", "100");       // 2 ok
  csv += "944117784,2025-02-01,123456785,A AS,1200,100\n";                     // 3 field count
  csv += Line("944117785", "2025-02-01", kSupA, "A AS", "1200", "100");        // 4 buyer
  csv += Line("", "2025-02-01", kSupA, "A AS", "1200", "100");                 // 5 buyer empty
  csv += Line(kKongsvinger, "2025-02-30", kSupA, "A AS", "1200", "100");       // 6 date
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A AS", "1200", "1.234.56");  // 7 amount
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A AS", "1200", "99999999999999999999");  // 8
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A AS", "1200", "1,2,3");  // 9 field count
  csv += "944117784,2025-02-01,123456785,\"A AS,1200,100,F1\n";             // 10 open quote
  SpendReport r = MustRun({csv});
  EXPECT_EQ(r.counts.lines_read, 9);
  EXPECT_EQ(r.counts.rejected, 8);
  EXPECT_EQ(r.counts.in_scope, 1);
  struct Want {
    std::uint64_t line;
    RejectReason reason;
  };
  const Want want[] = {{3, RejectReason::kFieldCount},    {4, RejectReason::kInvalidBuyer},
                       {5, RejectReason::kInvalidBuyer},  {6, RejectReason::kInvalidDate},
                       {7, RejectReason::kInvalidAmount}, {8, RejectReason::kAmountOverflow},
                       {9, RejectReason::kFieldCount},    {10, RejectReason::kUnclosedQuote}};
  ASSERT_EQ(r.rejected_examples.size(), std::size(want));
  for (size_t idx = 0; idx < std::size(want); ++idx) {
    EXPECT_EQ(r.rejected_examples[idx].file, "f0.csv");
    EXPECT_EQ(r.rejected_examples[idx].line, want[idx].line) << idx;
    EXPECT_EQ(r.rejected_examples[idx].reason, want[idx].reason) << idx;
  }
}

TEST(EngineTest, ScopeCounts) {
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-01-01", kSupA, "A", "1200", "1");         // in scope
  csv += Line(kKongsvinger, "2024-12-31", kSupA, "A", "1200", "1");         // out of year
  csv += Line(kKongsvinger, "01.01.2026", kSupA, "A", "1200", "1");         // out of year
  csv += Line(kKongsvinger, "2025-05-05", kSupA, "A", "", "1");             // unmapped (empty)
  csv += Line(kKongsvinger, "2025-05-05", kSupA, "A", "9999", "1");         // unmapped
  csv += Line(kKongsvinger, "2025-05-05", kSupA, "A", "01200", "1");        // unmapped: exact match
  csv += Line(kKongsvinger, "2025-05-05", kSupA, "A", "  1200 ", "1");      // in scope (trimmed)
  csv += Line(kKongsvinger, "2025-05-05", "", "", "1200", "1");             // unknown supplier
  csv += Line(kKongsvinger, "2025-05-05", "123", "X", "1200", "1");         // unknown supplier
  csv += Line(kKongsvinger, "2025-05-05", kSupA, "A", "12345678901", "1");  // long account
  SpendReport r = MustRun({csv});
  EXPECT_EQ(r.counts.lines_read, 10);
  EXPECT_EQ(r.counts.rejected, 0);
  EXPECT_EQ(r.counts.out_of_year, 2);
  EXPECT_EQ(r.counts.unmapped_account, 3);
  EXPECT_EQ(r.counts.in_scope, 5);
  EXPECT_EQ(r.counts.unknown_supplier, 2);
  const LoyaltyRow* l = FindLoyalty(r, kKongsvinger, "Kontorrekvisita");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->total, 400);    // 4 in-scope lines of 1 NOK in this area
  EXPECT_EQ(l->covered, 200);  // the unknown suppliers are never covered
  ASSERT_NE(FindLoyalty(r, kKongsvinger, "Lang konto"), nullptr);
}

TEST(EngineTest, BomCrlfBlankLinesAndHeaderOrder) {
  std::string csv =
      "\xEF\xBB\xBF\r\n"
      "Amount;ACCOUNT;Supplier_Name;Invoice_Date;Ekstra;Buyer_Orgnr;Supplier_Orgnr\r\n"
      "\r\n"
      "1 234,56;1200;\"Bakeriet \"\"Brød\"\" AS\";15.03.2025;x;NO 944 117 784 MVA;123 456 785\r\n"
      "   \r\n"
      "\"-34,56\";1200;;2025-03-16;y;944117784;123456785MVA\r\n"
      "12,5;1200;B;2025-03-16;y;944117784\r\n";  // field count
  SpendReport r = MustRun({csv});
  EXPECT_EQ(r.counts.lines_read, 3);
  EXPECT_EQ(r.counts.in_scope, 2);
  ASSERT_EQ(r.rejected_examples.size(), 1u);
  EXPECT_EQ(r.rejected_examples[0].line, 7u);
  const LoyaltyRow* l = FindLoyalty(r, kKongsvinger, "Kontorrekvisita");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->total, 120000);
  EXPECT_EQ(l->covered, 120000);
  ASSERT_TRUE(l->share_micro.has_value());
  EXPECT_EQ(*l->share_micro, 1000000);
}

TEST(EngineTest, TabDelimiter) {
  std::string csv =
      "buyer_orgnr\tinvoice_date\tsupplier_orgnr\taccount\tamount\n"
      "944117784\t2025-03-01\t123456785\t1200\t10.5\n";
  SpendReport r = MustRun({csv});
  EXPECT_EQ(r.counts.in_scope, 1);
}

TEST(EngineTest, RunStoppingErrors) {
  struct Case {
    std::string name, csv, code, message_part;
  };
  const Case cases[] = {
      {"empty file", "", "spend.missing_column", "tom"},
      {"only blank lines", "\n\r\n  \n", "spend.missing_column", "tom"},
      {"bom only", "\xEF\xBB\xBF", "spend.missing_column", "tom"},
      {"missing amount", "buyer_orgnr,invoice_date,supplier_orgnr,account\n1,2,3,4\n",
       "spend.missing_column", "amount"},
      {"latin-1 header", "buyer_orgnr,invoice_date,supplier_orgnr,account,amount,Kj\xF8per\n",
       "spend.invalid_utf8", "linje 1"},
      {"latin-1 data",
       std::string(kHeader) + Line(kKongsvinger, "2025-01-01", kSupA, "A", "1200", "1") +
           Line(kKongsvinger, "2025-01-01", kSupA, "S\xF8r AS", "1200", "1"),
       "spend.invalid_utf8", "f0.csv linje 3"},
  };
  for (const Case& c : cases) {
    core::Result<SpendReport> r = RunEngine({c.csv});
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code_name(), c.code) << c.name;
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << r.status().message();
  }
}

TEST(EngineTest, HeaderOnlyFileIsFine) {
  SpendReport r = MustRun({kHeader});
  EXPECT_EQ(r.counts.lines_read, 0);
  EXPECT_TRUE(r.loyalty.empty());
  SpendReport r2 = MustRun({"buyer_orgnr,invoice_date,supplier_orgnr,account,amount"});
  EXPECT_EQ(r2.counts.lines_read, 0);
}

// Latin-1 deep in a big file: the run stops naming the exact line, whichever
// chunk and thread saw it.
TEST(EngineTest, Latin1FarIntoTheFileNamesTheLine) {
  std::string csv = kHeader;
  for (int idx = 0; idx < 5000; ++idx)
    csv += Line(kKongsvinger, "2025-01-01", kSupA, "A", "1200", "1");
  csv += Line(kKongsvinger, "2025-01-01", kSupA, "\xC5snes Bygg", "1200", "1");  // line 5002
  for (int idx = 0; idx < 5000; ++idx)
    csv += Line(kKongsvinger, "2025-01-01", kSupA, "\xE6", "1200", "1");
  for (unsigned threads : {1u, 3u}) {
    RunConfig cfg;
    cfg.threads = threads;
    cfg.chunk_bytes = 4096;
    core::Result<SpendReport> r = RunEngine({csv}, cfg);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("f0.csv linje 5002:"), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("Latin-1"), std::string::npos);
  }
}

// Sums beyond 64 bits never wrap: each line is at most INT64_MAX øre
// (larger ones are rejected as amount_overflow), and the 64-bit cell sums
// carry into 128 bits, on any number of threads and chunks.
TEST(EngineTest, SumsBeyondInt64AreExact) {
  const std::string max = "92233720368547758.07";   // INT64_MAX øre
  const std::string min = "-92233720368547758.07";  // -INT64_MAX øre (INT64_MIN is rejected)
  std::string csv = kHeader;
  constexpr int kLines = 3000;
  for (int idx = 0; idx < kLines; ++idx) {
    csv += Line(kKongsvinger, "2025-02-01", kSupA, "", "1200", max);  // covered by A-1
    csv += Line(kKongsvinger, "2025-02-01", kSupC, "", "1200", max);  // uncovered
    csv += Line(kEidskog, "2025-02-01", kSupC, "", "1200", min);      // credit notes
  }
  csv += Line(kKongsvinger, "2025-02-01", kSupC, "", "1200", "92233720368547758.08");  // 2^63
  const OreSum n = kLines;
  for (unsigned threads : {1u, 2u, 3u}) {
    for (size_t chunk : {size_t{1} << 20, size_t{4096}}) {
      RunConfig cfg;
      cfg.threads = threads;
      cfg.chunk_bytes = chunk;
      const SpendReport r = MustRun({csv}, cfg);
      EXPECT_EQ(r.counts.rejected, 1);  // the 2^63 line
      EXPECT_EQ(r.rejected_examples.at(0).reason, RejectReason::kAmountOverflow);
      const LoyaltyRow* k = FindLoyalty(r, kKongsvinger, "Kontorrekvisita");
      ASSERT_NE(k, nullptr);
      EXPECT_EQ(k->total, n * 2 * INT64_MAX) << threads << "/" << chunk;
      EXPECT_EQ(k->covered, n * INT64_MAX) << threads << "/" << chunk;
      const LoyaltyRow* e = FindLoyalty(r, kEidskog, "Kontorrekvisita");
      ASSERT_NE(e, nullptr);
      EXPECT_EQ(e->total, -n * INT64_MAX) << threads << "/" << chunk;
      const RiskRow* risk = FindRisk(r, kKongsvinger, kSupC, "Kontorrekvisita");
      ASSERT_NE(risk, nullptr);
      EXPECT_EQ(risk->uncovered, n * INT64_MAX);
      EXPECT_EQ(risk->estimated_value, n * 4 * INT64_MAX);
    }
  }
}

TEST(EngineTest, CoverageEdgeDates) {
  // Agreement A covers Kontorrekvisita for Kongsvinger and Eidskog 2025-01-01..2025-06-30.
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-01-01", kSupA, "A", "1200", "1");   // covered (first day)
  csv += Line(kKongsvinger, "2025-06-30", kSupA, "A", "1200", "2");   // covered (last day)
  csv += Line(kKongsvinger, "2025-07-01", kSupA, "A", "1200", "4");   // after
  csv += Line(kEidskog, "2025-03-01", kSupA, "A", "1200", "8");       // covered
  csv += Line(kGrue, "2025-03-01", kSupA, "A", "1200", "16");         // not a participant
  csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1300", "32");  // other area
  // B: IKT, Kongsvinger, open-ended from 2025-03-01.
  csv += Line(kKongsvinger, "2025-02-28", kSupB, "B", "1300", "64");   // before
  csv += Line(kKongsvinger, "2025-03-01", kSupB, "B", "1300", "128");  // covered
  csv += Line(kKongsvinger, "2025-12-31", kSupB, "B", "1300", "256");  // covered (open end)
  SpendReport r = MustRun({csv});
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "Kontorrekvisita")->covered, 300);
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "Kontorrekvisita")->total, 700);
  EXPECT_EQ(FindLoyalty(r, kEidskog, "Kontorrekvisita")->covered, 800);
  EXPECT_EQ(FindLoyalty(r, kGrue, "Kontorrekvisita")->covered, 0);
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "IKT")->covered, 38400);
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "IKT")->total, 48000);
}

TEST(EngineTest, OverlappingAgreementsCountOnce) {
  const char* agreements =
      "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
      "A-1,123456785,Kontorrekvisita,944117784,2025-01-01,2025-06-30\n"
      "A-2,123456785,Kontorrekvisita,944117784|874602752,2025-06-01,2025-12-31\n";
  std::string csv =
      std::string(kHeader) + Line(kKongsvinger, "2025-06-15", kSupA, "A", "1200", "10");
  RunConfig cfg;
  cfg.agreements = agreements;
  SpendReport r = MustRun({csv}, cfg);
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "Kontorrekvisita")->covered, 1000);
}

TEST(EngineTest, CreditNotesNetAndShareIsNullWhenTotalNotPositive) {
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A", "1200", "1000");
  csv += Line(kKongsvinger, "2025-02-02", kSupA, "A", "1200", "-1000");
  csv += Line(kEidskog, "2025-02-01", kSupC, "C", "1200", "-50");
  csv += Line(kGrue, "2025-02-01", kSupC, "C", "1300", "3");
  csv += Line(kGrue, "2025-02-01", kSupA, "A", "1300", "-1");  // area without agreement for Grue
  SpendReport r = MustRun({csv});
  const LoyaltyRow* k = FindLoyalty(r, kKongsvinger, "Kontorrekvisita");
  EXPECT_EQ(k->total, 0);
  EXPECT_FALSE(k->share_micro.has_value());
  EXPECT_FALSE(FindLoyalty(r, kEidskog, "Kontorrekvisita")->share_micro.has_value());
  const LoyaltyRow* g = FindLoyalty(r, kGrue, "IKT");
  EXPECT_EQ(g->total, 200);
  EXPECT_EQ(g->covered, 0);
  EXPECT_EQ(*g->share_micro, 0);
}

TEST(EngineTest, ShareRoundsHalfAwayFromZero) {
  // covered 1, total 3 -> 0.333333; covered 2 of 3 -> 0.666667; 1 of 8 -> 0.125.
  const char* agreements =
      "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
      "A,123456785,Kontorrekvisita,944117784|874602752|964948143,2025-01-01,\n";
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-02-01", kSupA, "A", "1200", "0.01");
  csv += Line(kKongsvinger, "2025-02-01", kSupC, "C", "1200", "0.02");
  csv += Line(kEidskog, "2025-02-01", kSupA, "A", "1200", "0.02");
  csv += Line(kEidskog, "2025-02-01", kSupC, "C", "1200", "0.01");
  // Grue: covered 0.000001 of 1 would be below an øre; use 1 of 2000000 øre -> 0.0000005 ->
  // 0.000001
  csv += Line(kGrue, "2025-02-01", kSupA, "A", "1200", "0.01");
  csv += Line(kGrue, "2025-02-01", kSupC, "C", "1200", "19999.99");
  RunConfig cfg;
  cfg.agreements = agreements;
  SpendReport r = MustRun({csv}, cfg);
  EXPECT_EQ(*FindLoyalty(r, kKongsvinger, "Kontorrekvisita")->share_micro, 333333);
  EXPECT_EQ(*FindLoyalty(r, kEidskog, "Kontorrekvisita")->share_micro, 666667);
  EXPECT_EQ(*FindLoyalty(r, kGrue, "Kontorrekvisita")->share_micro, 1);  // 0.5 -> 1
}

TEST(EngineTest, RiskLevelsAtThresholds) {
  // Grue has no agreements, so everything it buys is uncovered. Thresholds
  // (estimated value = 4 × uncovered): protocol 100 000, national 1 300 000, EEA 2 300 000.
  const std::string sups[] = {"123456785", "987654325", "974760673",
                              "944117784", "874602752", "964950768"};
  struct Case {
    std::string uncovered;  // NOK
    std::optional<RiskLevel> want;
  };
  const Case cases[] = {
      {"575000", RiskLevel::kEea},          // 2 300 000.00 exactly
      {"574999.99", RiskLevel::kNational},  // 2 299 999.96
      {"325000", RiskLevel::kNational},     // 1 300 000.00
      {"324999.99", RiskLevel::kProtocol},  // 1 299 999.96
      {"25000", RiskLevel::kProtocol},      // 100 000.00
      {"24999.99", std::nullopt},           //  99 999.96: not listed
  };
  std::string csv = kHeader;
  for (size_t idx = 0; idx < std::size(cases); ++idx)
    csv += Line(kGrue, "2025-04-01", sups[idx], "S" + std::to_string(idx), "1200",
                cases[idx].uncovered);
  SpendReport r = MustRun({csv});
  for (size_t idx = 0; idx < std::size(cases); ++idx) {
    const RiskRow* k = FindRisk(r, kGrue, sups[idx], "Kontorrekvisita");
    if (!cases[idx].want) {
      EXPECT_EQ(k, nullptr) << cases[idx].uncovered;
      continue;
    }
    ASSERT_NE(k, nullptr) << cases[idx].uncovered;
    EXPECT_EQ(k->level, *cases[idx].want) << cases[idx].uncovered;
    EXPECT_EQ(k->estimated_value, k->uncovered * 4);
    EXPECT_EQ(k->supplier_name, "S" + std::to_string(idx));
  }
  EXPECT_EQ(r.risks.size(), 5u);
}

// One øre below a threshold exactly: thresholds of 4n+1 øre.
TEST(EngineTest, RiskOneOreBelowThreshold) {
  RunConfig cfg;
  cfg.thresholds = Thresholds{10'000'001, 130'000'001, 230'000'001};
  std::string csv = kHeader;
  csv += Line(kGrue, "2025-04-01", kSupA, "A", "1200", "25000");     // 100 000.00 = floor - 1 øre
  csv += Line(kGrue, "2025-04-01", kSupB, "B", "1200", "25000.01");  // 100 000.04
  csv += Line(kGrue, "2025-04-01", kSupC, "C", "1200", "575000");    // 2 300 000.00 = EEA - 1 øre
  SpendReport r = MustRun({csv}, cfg);
  EXPECT_EQ(FindRisk(r, kGrue, kSupA, "Kontorrekvisita"), nullptr);
  ASSERT_NE(FindRisk(r, kGrue, kSupB, "Kontorrekvisita"), nullptr);
  EXPECT_EQ(FindRisk(r, kGrue, kSupB, "Kontorrekvisita")->level, RiskLevel::kProtocol);
  EXPECT_EQ(FindRisk(r, kGrue, kSupC, "Kontorrekvisita")->level, RiskLevel::kNational);
}

TEST(EngineTest, UnknownSupplierNeverARisk) {
  std::string csv = kHeader;
  csv += Line(kGrue, "2025-04-01", "", "Ukjent", "1200", "9000000");
  csv += Line(kGrue, "2025-04-01", "999999990", "Ugyldig", "1200", "9000000");
  SpendReport r = MustRun({csv});
  EXPECT_TRUE(r.risks.empty());
  EXPECT_EQ(r.counts.unknown_supplier, 2);
  EXPECT_EQ(FindLoyalty(r, kGrue, "Kontorrekvisita")->total, 1800000000);
}

TEST(EngineTest, Sorting) {
  std::string csv = kHeader;
  // Same estimated value for three keys: ties broken by buyer, supplier, area.
  csv += Line(kGrue, "2025-04-01", kSupB, "B", "1300", "30000");
  csv += Line(kGrue, "2025-04-01", kSupB, "B", "1200", "30000");
  csv += Line(kEidskog, "2025-04-01", kSupC, "C", "1200", "30000");
  csv += Line(kGrue, "2025-04-01", kSupA, "A", "1200", "30000");
  csv += Line(kGrue, "2025-04-01", kSupC, "C", "1200", "900000");  // largest first
  SpendReport r = MustRun({csv});
  ASSERT_EQ(r.risks.size(), 5u);
  EXPECT_EQ(r.risks[0].supplier_orgnr, kSupC);
  EXPECT_EQ(r.risks[0].level, RiskLevel::kEea);
  EXPECT_EQ(r.risks[1].buyer_orgnr, kEidskog);
  EXPECT_EQ(r.risks[2].supplier_orgnr, kSupA);
  EXPECT_EQ(r.risks[3].product_area, "IKT");
  EXPECT_EQ(r.risks[3].supplier_orgnr, kSupB);
  EXPECT_EQ(r.risks[4].product_area, "Kontorrekvisita");
  ASSERT_EQ(r.loyalty.size(), 3u);
  EXPECT_EQ(r.loyalty[0].buyer_orgnr, kEidskog);
  EXPECT_EQ(r.loyalty[1].product_area, "IKT");
  EXPECT_EQ(r.loyalty[2].product_area, "Kontorrekvisita");
}

// A big file cut into many small chunks and spread over threads must give
// exactly the single-threaded answer: line numbers, first names, first 100
// rejections.
TEST(EngineTest, DeterministicAcrossThreadsAndChunks) {
  std::string csv = kHeader;
  std::uint64_t line = 1;
  std::vector<std::uint64_t> rejected_lines;
  for (int idx = 0; idx < 6000; ++idx) {
    const std::string sup = idx % 2 ? kSupA : kSupC;
    // The first names are empty until record 3000; then names vary.
    std::string name = idx < 3000 ? "" : "Navn " + std::to_string(idx);
    if (idx % 7 == 0) {
      csv += "\"" + std::string(kGrue) + "\",2025-03-01," + sup + "," + name + ",1200,100,\"F\n" +
             std::to_string(idx) + "\"\n";  // quoted newline: two lines
      line += 2;
    } else if (idx % 37 == 0) {
      csv += Line(kGrue, "2025-13-01", sup, name, "1200", "100");
      rejected_lines.push_back(++line);
    } else {
      csv += Line(kGrue, "2025-03-01", sup, name, "1200", "100");
      ++line;
    }
  }
  RunConfig base;
  base.threads = 1;
  SpendReport want = MustRun({csv}, base);
  ASSERT_EQ(want.rejected_examples.size(), 100u);
  for (size_t idx = 0; idx < 100; ++idx)
    EXPECT_EQ(want.rejected_examples[idx].line, rejected_lines[idx]);
  for (unsigned threads : {2u, 4u}) {
    for (size_t chunk : {4096u, 10000u}) {
      for (size_t max_read : {SIZE_MAX, size_t{777}}) {
        RunConfig cfg;
        cfg.threads = threads;
        cfg.chunk_bytes = chunk;
        cfg.max_read = max_read;
        SpendReport got = MustRun({csv}, cfg);
        EXPECT_EQ(ToJson(got), ToJson(want)) << threads << " " << chunk << " " << max_read;
      }
    }
  }
  // Names: the first non-empty one in file order (records 3000 and 3001;
  // 3034 is divisible by 37 but not the first).
  ASSERT_EQ(want.risks.size(), 2u);
  EXPECT_EQ(FindRisk(want, kGrue, kSupC, "Kontorrekvisita")->supplier_name, "Navn 3000");
  EXPECT_EQ(FindRisk(want, kGrue, kSupA, "Kontorrekvisita")->supplier_name, "Navn 3001");
}

TEST(EngineTest, FirstNonEmptySupplierNameInFileOrder) {
  std::string early = kHeader;
  early += Line(kGrue, "2025-04-01", kSupA, "", "1200", "10");
  early += Line(kGrue, "2024-04-01", kSupA, "  ", "1200", "10");  // out of year, blank name
  std::string big;
  for (int idx = 0; idx < 3000; ++idx) big += Line(kGrue, "2025-04-01", kSupA, "", "1200", "10");
  early += big;
  early += Line(kGrue, "2024-04-01", kSupA, "Første Navn AS", "1300", "10");  // out of year counts
  early += big;
  early += Line(kGrue, "2025-04-01", kSupA, "Andre Navn AS", "1200", "10");
  early += big;
  for (unsigned threads : {1u, 2u, 4u}) {
    RunConfig cfg;
    cfg.threads = threads;
    cfg.chunk_bytes = 4096;
    // Two files: the name comes from the first file even though the second is tiny.
    std::string second =
        std::string(kHeader) + Line(kGrue, "2025-04-01", kSupA, "Feil AS", "1200", "1");
    SpendReport r = MustRun({early, second}, cfg);
    const RiskRow* k = FindRisk(r, kGrue, kSupA, "Kontorrekvisita");
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->supplier_name, "Første Navn AS") << threads;
  }
}

TEST(EngineTest, QuotedNewlinesAcrossChunkBoundaries) {
  std::string csv = kHeader;
  for (int idx = 0; idx < 2000; ++idx) {
    csv += "944117784,2025-03-01,123456785,\"Navn\n" +
           std::string(static_cast<size_t>(idx % 50), 'x') + "\n,\",1200,1,F\n";
  }
  csv += "944117784,2025-03-01,123456785,A,1200,abc,F\n";  // rejected at line 2 + 3*2000
  for (size_t chunk : {4096u, 5000u, 1u << 20}) {
    RunConfig cfg;
    cfg.chunk_bytes = chunk;
    cfg.threads = 3;
    SpendReport r = MustRun({csv}, cfg);
    EXPECT_EQ(r.counts.lines_read, 2001);
    EXPECT_EQ(r.counts.in_scope, 2000);
    ASSERT_EQ(r.rejected_examples.size(), 1u);
    EXPECT_EQ(r.rejected_examples[0].line, 6002u) << chunk;
  }
}

TEST(EngineTest, UnclosedQuoteAtEndOfBigFile) {
  std::string csv = kHeader;
  for (int idx = 0; idx < 3000; ++idx)
    csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "1");
  csv += "944117784,2025-03-01,123456785,\"never closed,1200,1,F\n";
  for (int idx = 0; idx < 500; ++idx)
    csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "1");
  RunConfig cfg;
  cfg.chunk_bytes = 4096;
  SpendReport r = MustRun({csv}, cfg);
  EXPECT_EQ(r.counts.lines_read, 3001);
  EXPECT_EQ(r.counts.rejected, 1);
  ASSERT_EQ(r.rejected_examples.size(), 1u);
  EXPECT_EQ(r.rejected_examples[0].line, 3002u);
  EXPECT_EQ(r.rejected_examples[0].reason, RejectReason::kUnclosedQuote);
}

TEST(EngineTest, RecordLongerThanTheLimit) {
  std::string csv = kHeader;
  csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "1");
  csv += "944117784,2025-03-01,123456785,\"" + std::string(20000, 'x') + "\n" +
         std::string(20000, 'y') + "\",1200,1,F\n";                    // lines 3-4
  csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "abc");  // line 5, rejected
  csv += "944117784,2025-03-01,123456785,\"" + std::string(30000, 'z') + "\n\n";  // never closed
  RunConfig cfg;
  cfg.chunk_bytes = 4096;
  cfg.max_record_bytes = 8192;
  SpendReport r = MustRun({csv}, cfg);
  EXPECT_EQ(r.counts.lines_read, 4);
  EXPECT_EQ(r.counts.in_scope, 1);
  ASSERT_EQ(r.rejected_examples.size(), 3u);
  EXPECT_EQ(r.rejected_examples[0].line, 3u);
  EXPECT_EQ(r.rejected_examples[0].reason, RejectReason::kRecordTooLong);
  EXPECT_EQ(r.rejected_examples[1].line, 5u);
  EXPECT_EQ(r.rejected_examples[1].reason, RejectReason::kInvalidAmount);
  EXPECT_EQ(r.rejected_examples[2].line, 6u);
  EXPECT_EQ(r.rejected_examples[2].reason, RejectReason::kUnclosedQuote);
}

TEST(EngineTest, SeveralFilesEachWithItsOwnHeader) {
  std::string a = std::string(kHeader) + Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "1");
  std::string b =
      "amount;buyer_orgnr;invoice_date;supplier_orgnr;account\n"
      "2,50;944117784;01.03.2025;123456785;1200\n"
      "x;944117784;01.03.2025;123456785;1200\n";
  SpendReport r = MustRun({a, b});
  EXPECT_EQ(r.counts.lines_read, 3);
  EXPECT_EQ(FindLoyalty(r, kKongsvinger, "Kontorrekvisita")->total, 350);
  ASSERT_EQ(r.rejected_examples.size(), 1u);
  EXPECT_EQ(r.rejected_examples[0].file, "f1.csv");
  EXPECT_EQ(r.rejected_examples[0].line, 3u);
}

TEST(EngineTest, RowsFromAStructuredSource) {
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(kAgreements, "a");
  core::Result<AccountMap> accounts = ParseCategoriesCsv(kCategories, "c");
  EngineOptions opt;
  opt.year = 2025;
  opt.thresholds = TestThresholds();
  SpendEngine engine(*agreements, *accounts, opt);
  std::vector<InvoiceRow> rows(3);
  rows[0] = {10, kKongsvinger, "2025-02-01", kSupA, "A AS", "1200", "-12.50", std::nullopt};
  rows[1] = {20,     kKongsvinger, "2025-02-01", kSupA,
             "A AS", "1200",       "100",        RejectReason::kCurrencyNotNok};
  rows[2] = {30, "", "2025-02-01", kSupA, "A AS", "1200", "100", std::nullopt};
  ASSERT_TRUE(engine.AddRows("x.xml", rows).ok());
  core::Result<SpendReport> r = engine.Finish();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counts.lines_read, 3);
  EXPECT_EQ(r->counts.rejected, 2);
  EXPECT_EQ(r->rejected_examples[0].line, 20u);
  EXPECT_EQ(r->rejected_examples[0].reason, RejectReason::kCurrencyNotNok);
  EXPECT_EQ(r->rejected_examples[1].reason, RejectReason::kInvalidBuyer);
  EXPECT_EQ(FindLoyalty(*r, kKongsvinger, "Kontorrekvisita")->covered, -1250);
}

TEST(EngineTest, Cancellation) {
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(kAgreements, "a");
  core::Result<AccountMap> accounts = ParseCategoriesCsv(kCategories, "c");
  std::stop_source stop;
  EngineOptions opt;
  opt.year = 2025;
  opt.stop = stop.get_token();
  opt.chunk_bytes = 4096;
  int progress_calls = 0;
  opt.on_progress = [&](const Progress& p) {
    if (++progress_calls == 3) stop.request_stop();
    EXPECT_EQ(p.source, "big.csv");
  };
  SpendEngine engine(*agreements, *accounts, opt);
  std::string csv = kHeader;
  for (int idx = 0; idx < 20000; ++idx)
    csv += Line(kKongsvinger, "2025-03-01", kSupA, "A", "1200", "1");
  MemoryByteSource source(csv);
  core::Status st = engine.AddCsv("big.csv", source);
  EXPECT_EQ(st.code_name(), "spend.cancelled");
  EXPECT_EQ(engine.Finish().status().code_name(), "spend.cancelled");
  EXPECT_EQ(progress_calls, 3);
}

}  // namespace
}  // namespace samkjop::spend
