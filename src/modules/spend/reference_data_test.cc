#include "modules/spend/reference_data.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

namespace samkjop::spend {
namespace {

constexpr const char* kAgreementHeader =
    "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n";

TEST(AgreementsCsvTest, ParsesRows) {
  const std::string text = std::string("\xEF\xBB\xBF") +
                           "Valid_To;valid_from;BUYERS;product_area;supplier_orgnr;agreement_id;x\n"
                           ";01.01.2025;944117784 | 874 602 752;Møbler;NO123456785MVA;R-1;y\n"
                           "2025-12-31;2025-01-01;944117784;IKT;987654325;R-2;y\n";
  core::Result<AgreementSet> set = ParseAgreementsCsv(text, "agreements.csv");
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->agreements().size(), 2u);
  const Agreement& a = set->agreements()[0];
  EXPECT_EQ(a.agreement_id, "R-1");
  EXPECT_EQ(a.supplier, 123456785u);
  EXPECT_EQ(a.product_area, "Møbler");
  EXPECT_EQ(a.buyers, (std::vector<std::uint32_t>{874602752, 944117784}));
  EXPECT_EQ(a.valid_to, INT32_MAX);  // open-ended
  EXPECT_EQ(set->agreements()[1].valid_to - set->agreements()[1].valid_from, 364);
}

TEST(AgreementsCsvTest, ErrorsNameTheRow) {
  struct Case {
    std::string name, text, code, where;
  };
  const Case cases[] = {
      {"valid_to before valid_from",
       std::string(kAgreementHeader) + "A,123456785,IKT,944117784,2025-01-01,2025-12-31\n" +
           "B,123456785,IKT,944117784,2025-06-01,2025-05-31\n",
       "spend.agreement_dates", "agreements.csv linje 3"},
      {"bad supplier", std::string(kAgreementHeader) + "A,123456789,IKT,944117784,2025-01-01,\n",
       "spend.agreement_orgnr", "agreements.csv linje 2"},
      {"bad buyer", std::string(kAgreementHeader) + "A,123456785,IKT,944117784|1,2025-01-01,\n",
       "spend.agreement_orgnr", "agreements.csv linje 2"},
      {"no buyers", std::string(kAgreementHeader) + "A,123456785,IKT,,2025-01-01,\n",
       "spend.agreement_orgnr", "agreements.csv linje 2"},
      {"bad date", std::string(kAgreementHeader) + "\nA,123456785,IKT,944117784,2025-02-30,\n",
       "spend.agreement_row", "agreements.csv linje 3"},
      {"missing column", "agreement_id,supplier_orgnr,product_area,buyers,valid_from\n",
       "spend.missing_column", "valid_to"},
      {"empty file", "", "spend.missing_column", "tom"},
      {"latin-1",
       std::string(kAgreementHeader) + "A,123456785,M\xF8"
                                       "bler,944117784,2025-01-01,\n",
       "spend.invalid_utf8", "agreements.csv linje 2"},
      {"short row", std::string(kAgreementHeader) + "A,123456785\n", "spend.agreement_row",
       "agreements.csv linje 2"},
  };
  for (const Case& c : cases) {
    core::Result<AgreementSet> set = ParseAgreementsCsv(c.text, "agreements.csv");
    ASSERT_FALSE(set.ok()) << c.name;
    EXPECT_EQ(set.status().code_name(), c.code) << c.name;
    EXPECT_NE(set.status().message().find(c.where), std::string::npos)
        << c.name << ": " << set.status().message();
  }
}

TEST(CategoriesCsvTest, ParsesAndTrims) {
  core::Result<AccountMap> map =
      ParseCategoriesCsv("product_area;account\n Møbler ; 1200 \nIKT;1300\nMøbler;1210\n", "c.csv");
  ASSERT_TRUE(map.ok()) << map.status().message();
  EXPECT_EQ(map->areas(), (std::vector<std::string>{"Møbler", "IKT"}));
  EXPECT_EQ(map->accounts().at("1200"), 0u);
  EXPECT_EQ(map->accounts().at("1210"), 0u);
  EXPECT_EQ(map->AreaId("IKT"), 1);
  EXPECT_EQ(map->AreaId("x"), -1);
}

TEST(CategoriesCsvTest, Errors) {
  struct Case {
    std::string name, text, code, where;
  };
  const Case cases[] = {
      {"duplicate account", "account,product_area\n1200,IKT\n1300,IKT\n 1200 ,Møbler\n",
       "spend.account_duplicate", "categories.csv linje 4"},
      {"duplicate same area", "account,product_area\n1200,IKT\n1200,IKT\n",
       "spend.account_duplicate", "categories.csv linje 3"},
      {"empty area", "account,product_area\n1200,\n", "spend.account_empty",
       "categories.csv linje 2"},
      {"missing column", "account,area\n1200,IKT\n", "spend.missing_column", "product_area"},
  };
  for (const Case& c : cases) {
    core::Result<AccountMap> map = ParseCategoriesCsv(c.text, "categories.csv");
    ASSERT_FALSE(map.ok()) << c.name;
    EXPECT_EQ(map.status().code_name(), c.code) << c.name;
    EXPECT_NE(map.status().message().find(c.where), std::string::npos)
        << c.name << ": " << map.status().message();
  }
}

TEST(AgreementSetTest, BuildFromRegisterRows) {
  AgreementRow row;
  row.agreement_id = "42";
  row.supplier_orgnr = "123 456 785";
  row.product_area = "IKT";
  row.buyers = {"944117784"};
  row.valid_from =
      core::nor::Date{std::chrono::year{2025}, std::chrono::month{1}, std::chrono::day{1}};
  row.valid_to =
      core::nor::Date{std::chrono::year{2024}, std::chrono::month{12}, std::chrono::day{31}};
  row.origin = "avtale 42";
  core::Result<AgreementSet> set = AgreementSet::Build({row});
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().fields().at(0).field, "avtale 42");
}

// Issue 8, defect 21: a reference file of unknown size (a pipe) is read only
// up to the limit (16 MiB), then refused naming the file and the limit.
TEST(ReadSmallFileTest, PipeOverTheLimitIsRefused) {
  std::signal(SIGPIPE, SIG_IGN);
  const std::string fifo =
      (std::filesystem::temp_directory_path() / ("spend_fifo_" + std::to_string(::getpid())))
          .string();
  ::unlink(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  size_t written = 0;
  std::thread writer([&] {
    std::FILE* f = std::fopen(fifo.c_str(), "wb");
    if (!f) return;
    const std::string block(1 << 20, 'x');
    for (int idx = 0; idx < 64; ++idx) {
      if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) break;
      written += block.size();
    }
    std::fclose(f);
  });
  core::Result<std::string> text = ReadSmallFile(fifo);
  writer.join();
  ::unlink(fifo.c_str());
  ASSERT_FALSE(text.ok()) << "read " << text->size() << " bytes";
  EXPECT_EQ(text.status().code_name(), "spend.file_too_large");
  EXPECT_NE(text.status().message().find(fifo), std::string::npos) << text.status().message();
  EXPECT_NE(text.status().message().find("16 MiB"), std::string::npos) << text.status().message();
  EXPECT_LT(written, size_t{64} << 20);  // the reader stopped early
}

}  // namespace
}  // namespace samkjop::spend
