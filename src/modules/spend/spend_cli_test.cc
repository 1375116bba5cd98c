#include "modules/spend/spend_cli.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

namespace samkjop::spend {
namespace {

namespace fs = std::filesystem;

class SpendCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("spend_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    Write("agreements.csv",
          "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
          "A,123456785,IKT,944117784,2025-01-01,\n");
    Write("categories.csv", "account,product_area\n1200,IKT\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(Path(name), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }

  AnalyzeArgs Args(std::vector<std::string> invoices) const {
    AnalyzeArgs a;
    a.invoices = std::move(invoices);
    a.agreements = Path("agreements.csv");
    a.categories = Path("categories.csv");
    a.year = 2025;
    a.out = Path("report.json");
    a.quiet = true;
    return a;
  }

  // Runs and returns {exit code, stderr text}.
  std::pair<int, std::string> RunWithErr(const AnalyzeArgs& a) const {
    std::FILE* err = std::tmpfile();
    const int code = RunAnalyze(a, stdout, err);
    std::rewind(err);
    std::string text;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, err)) > 0) text.append(buf, n);
    std::fclose(err);
    return {code, text};
  }

  // Writes `head` and extends the file to `size` bytes with a hole (no disk
  // space, reads as zeros).
  void WriteSparse(const std::string& name, const std::string& head, std::uintmax_t size) const {
    Write(name, head);
    fs::resize_file(Path(name), size);
  }

  fs::path dir_;
};

// The process's peak resident memory so far, in bytes (ctest runs each test
// in its own process).
std::int64_t PeakRssBytes() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
}

std::string Testdata(const std::string& name) {
  std::ifstream in(std::string(SPEND_TESTDATA_DIR) + "/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

TEST_F(SpendCliTest, FolderWithCsvAndPeppol) {
  Write("in/a.csv",
        "buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n"
        "944117784,2025-02-01,123456785,1200,100\n");
  Write("in/b.xml", Testdata("vat-category-O.xml"));
  Write("in/c.xml", "<Invoice><broken");
  Write("in/notes.md", "ignored");
  AnalyzeArgs a = Args({Path("in")});
  a.xlsx = Path("report.xlsx");
  auto [code, err] = RunWithErr(a);
  ASSERT_EQ(code, 0) << err;
  nlohmann::json j = nlohmann::json::parse(Read("report.json"));
  EXPECT_EQ(j["counts"]["lines_read"], 2);
  EXPECT_EQ(j["counts"]["rejected"], 1);
  EXPECT_EQ(j["rejected_examples"][0]["reason"], "currency_not_nok");
  EXPECT_EQ(j["rejected_examples"][0]["file"], Path("in/b.xml"));
  EXPECT_EQ(j["file_errors"].size(), 1u);
  EXPECT_NE(err.find("c.xml"), std::string::npos);
  EXPECT_DOUBLE_EQ(j["loyalty"][0]["share"].get<double>(), 1.0);
  EXPECT_EQ(j["thresholds"]["eea_ore"], 230000000);  // table, 31.12.2025
  EXPECT_TRUE(fs::file_size(Path("report.xlsx")) > 0);
}

TEST_F(SpendCliTest, ExitCodes) {
  Write("ok.csv", "buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n");
  Write("latin1.csv",
        "buyer_orgnr,invoice_date,supplier_orgnr,account,amount,supplier_name\n"
        "944117784,2025-02-01,123456785,1200,100,Hamar\n"
        "944117784,2025-02-01,123456785,1200,100,S\xF8r-Odal\n");
  Write("nocol.csv", "buyer_orgnr,invoice_date,account,amount\n");
  Write("empty.csv", "");
  Write("bad_agreements.csv",
        "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
        "A,123456785,IKT,944117784,2025-06-01,2025-01-01\n");
  Write("dup_categories.csv", "account,product_area\n1200,IKT\n1200,Møbler\n");
  struct Case {
    std::string name;
    AnalyzeArgs args;
    int code;
    std::string err_part;
  };
  std::vector<Case> cases;
  cases.push_back({"header only", Args({Path("ok.csv")}), 0, ""});
  cases.push_back({"latin-1", Args({Path("ok.csv"), Path("latin1.csv")}), 2, "latin1.csv linje 3"});
  cases.push_back({"missing column", Args({Path("nocol.csv")}), 2, "supplier_orgnr"});
  cases.push_back({"empty file", Args({Path("empty.csv")}), 2, "tom"});
  cases.push_back({"unreadable", Args({Path("nope.csv")}), 2, "nope.csv"});
  {
    AnalyzeArgs a = Args({Path("ok.csv")});
    a.agreements = Path("bad_agreements.csv");
    cases.push_back({"agreement dates", a, 2, "bad_agreements.csv linje 2"});
  }
  {
    AnalyzeArgs a = Args({Path("ok.csv")});
    a.categories = Path("dup_categories.csv");
    cases.push_back({"duplicate account", a, 2, "dup_categories.csv linje 3"});
  }
  {
    AnalyzeArgs a = Args({Path("ok.csv")});
    a.thresholds.eea = "2,3 mill";
    cases.push_back({"bad threshold", a, 2, "--eea-threshold"});
  }
  for (const Case& c : cases) {
    auto [code, err] = RunWithErr(c.args);
    EXPECT_EQ(code, c.code) << c.name << ": " << err;
    EXPECT_NE(err.find(c.err_part), std::string::npos) << c.name << ": " << err;
  }
}

TEST_F(SpendCliTest, ThresholdFlagsAndCommandLine) {
  Write("in.csv",
        "buyer_orgnr;invoice_date;supplier_orgnr;account;amount\n"
        "964948143;01.02.2025;123456785;1200;25 000,01\n");
  CLI::App app;
  int exit_code = -1;
  RegisterCli(app, exit_code);
  std::vector<std::string> argv = {"samkjop",
                                   "spend",
                                   "analyze",
                                   "--invoices",
                                   Path("in.csv"),
                                   "--agreements",
                                   Path("agreements.csv"),
                                   "--categories",
                                   Path("categories.csv"),
                                   "--year",
                                   "2025",
                                   "--protocol-threshold",
                                   "100000,04",
                                   "--national-threshold",
                                   "1 300 000",
                                   "--eea-threshold",
                                   "2300000.5",
                                   "--out",
                                   Path("r.json"),
                                   "--quiet"};
  std::vector<char*> raw;
  for (std::string& s : argv) raw.push_back(s.data());
  app.parse(static_cast<int>(raw.size()), raw.data());
  ASSERT_EQ(exit_code, 0);
  nlohmann::json j = nlohmann::json::parse(Read("r.json"));
  EXPECT_EQ(j["risks"].size(), 1u);
  EXPECT_EQ(j["risks"][0]["level"], "protocol");  // 100 000.04 >= 100 000.04
  EXPECT_NE(Read("r.json").find("\"eea_ore\": 230000050"), std::string::npos);
}

// Issue 8, defect 8: many PEPPOL documents in a folder are each parsed, one
// at a time; one over the per-document limit (32 MiB) among them is a file
// error naming the file and the limit, and the run goes on.
TEST_F(SpendCliTest, ManyPeppolDocumentsEachParsedAndAnOversizeOneRefused) {
  const std::string example = Testdata("Norwegian-example-1.xml");  // 5 InvoiceLines
  ASSERT_FALSE(example.empty());
  constexpr int kDocs = 200;
  for (int idx = 0; idx < kDocs; ++idx) {
    char name[32];
    std::snprintf(name, sizeof name, "in/doc-%03d.xml", idx);
    Write(name, example);
  }
  WriteSparse("in/doc-100-huge.xml", "<?xml version=\"1.0\"?>\n<Invoice>",
              std::uintmax_t{33} << 20);
  auto [code, err] = RunWithErr(Args({Path("in")}));
  ASSERT_EQ(code, 0) << err;
  nlohmann::json j = nlohmann::json::parse(Read("report.json"));
  EXPECT_EQ(j["counts"]["lines_read"], kDocs * 5);
  EXPECT_EQ(j["counts"]["out_of_year"], kDocs * 5);  // the example is dated 2013
  ASSERT_EQ(j["file_errors"].size(), 1u);
  EXPECT_EQ(j["file_errors"][0]["file"], Path("in/doc-100-huge.xml"));
  const std::string message = j["file_errors"][0]["message"];
  EXPECT_NE(message.find("doc-100-huge.xml"), std::string::npos) << message;
  EXPECT_NE(message.find("32 MiB"), std::string::npos) << message;
  EXPECT_NE(err.find(message), std::string::npos) << err;
}

// The oversize document is refused by its size, before it is read: peak
// memory does not grow by anything near its size.
TEST_F(SpendCliTest, OversizePeppolDocumentIsNotRead) {
  WriteSparse("in/huge.xml", "<Invoice>", std::uintmax_t{1} << 30);  // 1 GiB
  const std::int64_t before = PeakRssBytes();
  auto [code, err] = RunWithErr(Args({Path("in/huge.xml")}));
  const std::int64_t grew = PeakRssBytes() - before;
  ASSERT_EQ(code, 0) << err;
  EXPECT_NE(err.find("huge.xml"), std::string::npos) << err;
  EXPECT_NE(err.find("32 MiB"), std::string::npos) << err;
  EXPECT_LT(grew, std::int64_t{16} << 20) << "peak RSS grew by " << grew << " bytes";
}

// A document's rows go to the engine in batches, not all at once: a
// document of a million empty InvoiceLines (15 MB) held them as rows in
// about 330 MB; now its memory is pugixml's tree (64 bytes an element).
TEST_F(SpendCliTest, PeppolRowsAreStreamedNotHeld) {
  std::string xml = "<Invoice><cbc:IssueDate>2025-02-01</cbc:IssueDate>\n";
  constexpr int kLines = 1'000'000;
  xml.reserve(xml.size() + kLines * 15 + 16);
  for (int idx = 0; idx < kLines; ++idx) xml += "<InvoiceLine/>\n";
  xml += "</Invoice>\n";
  Write("in/lines.xml", xml);
  xml = std::string();
  const std::int64_t before = PeakRssBytes();
  auto [code, err] = RunWithErr(Args({Path("in/lines.xml")}));
  const std::int64_t grew = PeakRssBytes() - before;
  ASSERT_EQ(code, 0) << err;
  nlohmann::json j = nlohmann::json::parse(Read("report.json"));
  EXPECT_EQ(j["counts"]["lines_read"], kLines);
  EXPECT_EQ(j["counts"]["rejected"], kLines);  // no buyer
  EXPECT_LT(grew, std::int64_t{160} << 20) << "peak RSS grew by " << grew << " bytes";
}

// Issue 8, defect 21: --threads is clamped to the cores, with a note.
TEST_F(SpendCliTest, ThreadsAreClampedToTheCores) {
  Write("in.csv",
        "buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n"
        "944117784,2025-02-01,123456785,1200,100\n");
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  AnalyzeArgs a = Args({Path("in.csv")});
  a.threads = 5000;
  auto [code, err] = RunWithErr(a);
  ASSERT_EQ(code, 0) << err;
  EXPECT_NE(err.find("--threads 5000"), std::string::npos) << err;
  EXPECT_NE(err.find("bruker " + std::to_string(cores)), std::string::npos) << err;
  nlohmann::json j = nlohmann::json::parse(Read("report.json"));
  EXPECT_EQ(j["counts"]["in_scope"], 1);

  // At or below the cores: no note.
  a.threads = cores;
  std::tie(code, err) = RunWithErr(a);
  ASSERT_EQ(code, 0) << err;
  EXPECT_EQ(err.find("--threads"), std::string::npos) << err;
}

TEST_F(SpendCliTest, HelpSaysThreadsAreClamped) {
  CLI::App app;
  int exit_code = -1;
  RegisterCli(app, exit_code);
  const std::string help = app.get_subcommand("spend")->get_subcommand("analyze")->help();
  const size_t at = help.find("--threads");
  ASSERT_NE(at, std::string::npos) << help;
  EXPECT_NE(help.find("høyst antall kjerner", at), std::string::npos) << help;
}

// Issue 8, defect 21: agreements.csv and categories.csv over 16 MiB stop the
// run (exit 2) with a message naming the file and the limit, without being
// read.
TEST_F(SpendCliTest, OversizeReferenceFilesStopTheRun) {
  Write("in.csv", "buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n");
  const std::uintmax_t size = std::uintmax_t{64} << 20;
  WriteSparse("big_agreements.csv",
              "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n", size);
  WriteSparse("big_categories.csv", "account,product_area\n", size);
  const std::int64_t before = PeakRssBytes();
  for (const char* which : {"agreements", "categories"}) {
    AnalyzeArgs a = Args({Path("in.csv")});
    const std::string file = Path(std::string("big_") + which + ".csv");
    (std::string(which) == "agreements" ? a.agreements : a.categories) = file;
    auto [code, err] = RunWithErr(a);
    EXPECT_EQ(code, 2) << which << ": " << err;
    EXPECT_NE(err.find(file), std::string::npos) << which << ": " << err;
    EXPECT_NE(err.find("16 MiB"), std::string::npos) << which << ": " << err;
  }
  const std::int64_t grew = PeakRssBytes() - before;
  EXPECT_LT(grew, std::int64_t{16} << 20) << "peak RSS grew by " << grew << " bytes";
}

// Issue 8, defect 22: øre sums are JSON integers, exact beyond 2^53 and 2^63.
TEST_F(SpendCliTest, LargeSumsAreExactIntegerOre) {
  // Three lines of INT64_MAX øre; the two from supplier A are covered (2^64 − 2 øre).
  Write("in.csv",
        "buyer_orgnr,invoice_date,supplier_orgnr,account,amount\n"
        "944117784,2025-02-01,123456785,1200,92233720368547758.07\n"
        "944117784,2025-03-01,123456785,1200,92233720368547758.07\n"
        "944117784,2025-03-01,964948143,1200,92233720368547758.07\n");
  auto [code, err] = RunWithErr(Args({Path("in.csv")}));
  ASSERT_EQ(code, 0) << err;
  const std::string text = Read("report.json");
  EXPECT_NE(text.find("\"total_ore\": 27670116110564327421, \"covered_ore\": 18446744073709551614"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"uncovered_ore\": 9223372036854775807, \"estimated_value_ore\": "
                      "36893488147419103228"),
            std::string::npos)
      << text;
  nlohmann::json j = nlohmann::json::parse(text);
  ASSERT_TRUE(j["loyalty"][0]["covered_ore"].is_number_unsigned()) << j["loyalty"][0];
  EXPECT_EQ(j["loyalty"][0]["covered_ore"].get<std::uint64_t>(), 18446744073709551614u);
  ASSERT_TRUE(j["risks"][0]["uncovered_ore"].is_number_integer()) << j["risks"][0];
  EXPECT_EQ(j["risks"][0]["uncovered_ore"].get<std::int64_t>(), INT64_MAX);
  EXPECT_EQ(j["thresholds"]["eea_ore"], 230000000);
}

}  // namespace
}  // namespace samkjop::spend
