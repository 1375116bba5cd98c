// Exports: CSV as Norwegian Excel reads it, xlsx read back with the xlsx
// reader, formula neutralising in both, and the download's file name.
#include "core/export/table_export.h"

#include <gtest/gtest.h>

#include "core/http/http.h"
#include "core/import/xlsx_reader.h"

namespace samkjop::core::exporting {
namespace {

Table Sample() {
  return Table{"Personer",
               {{"Navn", ColumnType::kText},
                {"Antall", ColumnType::kInteger},
                {"Beløp", ColumnType::kMoneyOre},
                {"Dato", ColumnType::kDate},
                {"Orgnr", ColumnType::kOrgnr}},
               {{std::string("Åse Ødegård"), std::int64_t{3}, std::int64_t{123450},
                 std::string("2027-03-15"), std::string("944117784")},
                {std::string("=HYPERLINK(\"http://x\";\"klikk\")"), std::int64_t{-2},
                 std::int64_t{-5}, Value{}, std::string("")},
                {std::string("semi;kolon \"sitat\"\nny linje"), Value{}, std::int64_t{0},
                 std::string("ikke-dato"), std::string("123")}}};
}

TEST(NeutraliseFormula, PrefixesDangerousStarts) {
  for (std::string s : {"=1+1", "+47 123", "-2", "@SUM(A1)", "\tx", "\rx"})
    EXPECT_EQ(NeutraliseFormula(s), "'" + s) << s;
  for (std::string s : {"", "Ola", "1=1", " =x", "'=x"}) EXPECT_EQ(NeutraliseFormula(s), s) << s;
}

TEST(OreAsDecimalComma, KronerWithTwoDecimals) {
  EXPECT_EQ(OreAsDecimalComma(123450), "1234,50");
  EXPECT_EQ(OreAsDecimalComma(5), "0,05");
  EXPECT_EQ(OreAsDecimalComma(-5), "-0,05");
  EXPECT_EQ(OreAsDecimalComma(0), "0,00");
  EXPECT_EQ(OreAsDecimalComma(INT64_MIN), "-92233720368547758,08");
}

TEST(ToCsv, NorwegianExcelShape) {
  std::string csv = ToCsv(Sample());
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3),
            "Navn;Antall;Beløp;Dato;Orgnr\r\n"
            "Åse Ødegård;3;1234,50;15.03.2027;944 117 784\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\";\"\"klikk\"\")\";-2;-0,05;;\r\n"
            "\"semi;kolon \"\"sitat\"\"\nny linje\";;0,00;ikke-dato;123\r\n");
}

TEST(ToXlsx, TypedCellsReadBack) {
  auto bytes = ToXlsx(Sample());
  ASSERT_TRUE(bytes.ok()) << bytes.status().detail();
  auto reader = import::XlsxReader::FromBytes(*bytes);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->SheetNames(), std::vector<std::string>{"Personer"});
  std::vector<import::XlsxRow> rows;
  Status st = (*reader)->ForEachRow("", [&](const import::XlsxRow& r) {
    rows.push_back(r);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(rows.size(), 4u);
  using T = import::XlsxCell::Type;
  EXPECT_EQ(rows[0].cells[2].text, "Beløp");
  const auto& a = rows[1].cells;
  EXPECT_EQ(a[0].type, T::kText);
  EXPECT_EQ(a[0].text, "Åse Ødegård");
  EXPECT_EQ(a[1].type, T::kNumber);
  EXPECT_EQ(a[1].number, 3);
  EXPECT_EQ(a[2].type, T::kNumber);
  EXPECT_DOUBLE_EQ(a[2].number, 1234.5);
  EXPECT_EQ(a[3].type, T::kDate);  // a number with the dd.mm.yyyy style
  EXPECT_EQ(a[3].text, "2027-03-15");
  EXPECT_EQ(a[4].type, T::kText);
  EXPECT_EQ(a[4].text, "944 117 784");
  const auto& b = rows[2].cells;
  EXPECT_EQ(b[0].text, "'=HYPERLINK(\"http://x\";\"klikk\")");  // neutralised in xlsx too
  EXPECT_DOUBLE_EQ(b[2].number, -0.05);
  ASSERT_GE(b.size(), 3u);
  EXPECT_TRUE(b.size() == 3 || b[3].type == T::kEmpty);  // the empty date is no cell
  EXPECT_EQ(rows[3].cells[3].text, "ikke-dato");         // not a date: text as given
}

TEST(ContentDisposition, AsciiFallbackAndUtf8Name) {
  EXPECT_EQ(http::ContentDisposition("revisjonslogg.xlsx"),
            "attachment; filename=\"revisjonslogg.xlsx\"; filename*=UTF-8''revisjonslogg.xlsx");
  EXPECT_EQ(http::ContentDisposition("Personer på Åsnes (2027).csv"),
            "attachment; filename=\"Personer pa Asnes (2027).csv\"; "
            "filename*=UTF-8''Personer%20p%C3%A5%20%C3%85snes%20%282027%29.csv");
  // Quotes, backslashes, slashes and controls never reach the header.
  EXPECT_EQ(http::ContentDisposition("a\"b\\c/d\r\n.txt"),
            "attachment; filename=\"a_b_c_d__.txt\"; filename*=UTF-8''a%22b%5Cc%2Fd%0D%0A.txt");
  auto r = http::Response::Download("text/csv", "x", "kjøp.csv");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Content-Disposition");
  EXPECT_EQ(r.headers[0].second,
            "attachment; filename=\"kjop.csv\"; filename*=UTF-8''kj%C3%B8p.csv");
}

}  // namespace
}  // namespace samkjop::core::exporting
