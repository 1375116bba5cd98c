// The xlsx reader on files from two producers: libxlsxwriter (through our
// writer, and directly for shared strings and booleans) and a file made by
// hand (tests/data/import/handmade.xlsx, see make_files.py); and on broken
// ones.
#include "core/import/xlsx_reader.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "core/module/xlsx.h"

namespace samkjop::core::import {
namespace {

using T = XlsxCell::Type;

std::string DataFile(const std::string& name) {
  return std::string(SAMKJOP_SOURCE_DIR) + "/tests/data/import/" + name;
}

std::vector<XlsxRow> Rows(const XlsxReader& r, const std::string& sheet = "") {
  std::vector<XlsxRow> out;
  Status st = r.ForEachRow(sheet, [&](const XlsxRow& row) {
    out.push_back(row);
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

TEST(SerialToIso, LeapBugAnd1904) {
  std::string iso;
  ASSERT_TRUE(SerialToIso(1, false, &iso));
  EXPECT_EQ(iso, "1900-01-01");
  ASSERT_TRUE(SerialToIso(59, false, &iso));
  EXPECT_EQ(iso, "1900-02-28");
  EXPECT_FALSE(SerialToIso(60, false, &iso));  // 1900-02-29 does not exist
  ASSERT_TRUE(SerialToIso(61, false, &iso));
  EXPECT_EQ(iso, "1900-03-01");
  ASSERT_TRUE(SerialToIso(46461, false, &iso));
  EXPECT_EQ(iso, "2027-03-15");
  ASSERT_TRUE(SerialToIso(46461.75, false, &iso));
  EXPECT_EQ(iso, "2027-03-15T18:00:00");
  ASSERT_TRUE(SerialToIso(0, true, &iso));
  EXPECT_EQ(iso, "1904-01-01");
  ASSERT_TRUE(SerialToIso(45999, true, &iso));
  EXPECT_EQ(iso, "2029-12-09");
  EXPECT_FALSE(SerialToIso(-1, false, &iso));
  EXPECT_FALSE(SerialToIso(3e6, false, &iso));
  EXPECT_EQ(CellRef(7, 1), "B7");
  EXPECT_EQ(CellRef(1, 26), "AA1");
  EXPECT_EQ(CellRef(3, 16383), "XFD3");
}

TEST(XlsxReader, HandmadeFile) {
  auto r = XlsxReader::FromFile(DataFile("handmade.xlsx"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)->SheetNames(), (std::vector<std::string>{"Leverandører", "Andre ark"}));
  auto rows = Rows(**r);
  ASSERT_EQ(rows.size(), 3u);  // the empty row 5 is left out
  EXPECT_EQ(rows[0].number, 1);
  EXPECT_EQ(rows[0].cells[1].text, "Beløp");
  EXPECT_EQ(rows[0].cells[3].type, T::kText);  // inline string
  EXPECT_EQ(rows[0].cells[3].text, "Aktiv");
  const auto& b = rows[1].cells;
  EXPECT_EQ(b[0].text, "Møbelhuset AS");  // rich text runs joined, phonetic run left out
  EXPECT_EQ(b[1].type, T::kNumber);       // a money format is not a date
  EXPECT_DOUBLE_EQ(b[1].number, 1234.5);
  EXPECT_EQ(b[2].type, T::kDate);  // custom dd.mm.yyyy
  EXPECT_EQ(b[2].text, "2027-03-15");
  EXPECT_EQ(b[3].type, T::kBool);
  EXPECT_TRUE(b[3].boolean);
  EXPECT_EQ(rows[2].number, 4);
  const auto& d = rows[2].cells;
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[0].text, "ab");  // a formula's cached string
  EXPECT_DOUBLE_EQ(d[1].number, -0.5);
  EXPECT_EQ(d[2].text, "1900-02-28T12:00:00");  // built-in format 14, before the leap bug
  EXPECT_EQ(d[3].type, T::kError);
  EXPECT_EQ(d[3].text, "#N/A");
  EXPECT_EQ(d[4].type, T::kEmpty);  // the gap at E4
  EXPECT_EQ(d[5].text, "1900-03-01");
}

TEST(XlsxReader, NamedSheetAndErrorsNameTheCell) {
  auto r = XlsxReader::FromFile(DataFile("handmade.xlsx"));
  ASSERT_TRUE(r.ok());
  std::vector<XlsxRow> seen;
  Status st = (*r)->ForEachRow("Andre ark", [&](const XlsxRow& row) {
    seen.push_back(row);
    return Status::Ok();
  });
  ASSERT_FALSE(st.ok());  // its A2 is serial 60 with a date format
  EXPECT_EQ(st.code_name(), "import.xlsx_invalid_date");
  EXPECT_EQ(st.fields().at(0).field, "Andre ark!A2");
  EXPECT_NE(st.message().find("Ark «Andre ark», celle A2"), std::string::npos);
  ASSERT_EQ(seen.size(), 1u);  // rows without r attributes are numbered in order
  EXPECT_EQ(seen[0].cells[0].text, "uten referanser");
  EXPECT_EQ(seen[0].cells[1].number, 7);

  Status missing = (*r)->ForEachRow("Finnes ikke", [](const XlsxRow&) { return Status::Ok(); });
  EXPECT_EQ(missing.code_name(), "import.xlsx_no_such_sheet");
  EXPECT_NE(missing.message().find("«Leverandører», «Andre ark»"), std::string::npos);

  // A caller's own validation error stops the walk and comes back as it is.
  Status own = (*r)->ForEachRow("", [](const XlsxRow& row) {
    if (row.number == 2)
      return XlsxReader::CellError("import.bad_amount", "Leverandører", 2, 1, "for stort beløp.");
    return Status::Ok();
  });
  EXPECT_EQ(own.code_name(), "import.bad_amount");
  EXPECT_EQ(own.fields().at(0).field, "Leverandører!B2");
}

TEST(XlsxReader, LibxlsxwriterWithSharedStrings) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("xlsx-reader-" + std::to_string(getpid()) + ".xlsx"))
                         .string();
  lxw_workbook* wb = workbook_new(path.c_str());  // not constant-memory: shared strings
  lxw_worksheet* one = workbook_add_worksheet(wb, "Første");
  lxw_worksheet* two = workbook_add_worksheet(wb, "Andre");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  worksheet_write_string(one, 0, 0, "bare første", nullptr);
  worksheet_write_string(two, 0, 0, "Navn", nullptr);
  worksheet_write_string(two, 0, 2, "Dato", nullptr);
  worksheet_write_string(two, 1, 0, "Navn", nullptr);  // a repeated shared string
  worksheet_write_boolean(two, 1, 1, 0, nullptr);
  lxw_datetime dt = {2026, 1, 1, 0, 0, 0};
  worksheet_write_datetime(two, 1, 2, &dt, date);
  worksheet_write_number(two, 2, 3, 1e15, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto r = XlsxReader::FromFile(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto first = Rows(**r);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].cells[0].text, "bare første");
  auto rows = Rows(**r, "Andre");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells[0].text, "Navn");
  EXPECT_EQ(rows[1].cells[1].type, T::kBool);
  EXPECT_FALSE(rows[1].cells[1].boolean);
  EXPECT_EQ(rows[1].cells[2].type, T::kDate);
  EXPECT_EQ(rows[1].cells[2].text, "2026-01-01");
  EXPECT_EQ(rows[2].number, 3);
  EXPECT_EQ(rows[2].cells.size(), 4u);
  EXPECT_EQ(rows[2].cells[3].number, 1e15);
}

TEST(XlsxReader, AHundredThousandRows) {
  xlsx::Sheet sheet{"Stor", {"Nr", "Tekst", "Beløp"}, {}, {}};
  const int n = 100000;
  sheet.rows.reserve(n);
  for (int i = 0; i < n; ++i)
    sheet.rows.push_back({static_cast<double>(i), "rad " + std::to_string(i),
                          xlsx::Formatted{i * 1.25, "#,##0.00"}});
  auto bytes = xlsx::WriteBytes({sheet});
  ASSERT_TRUE(bytes.ok());
  auto r = XlsxReader::FromBytes(std::move(bytes).value());
  ASSERT_TRUE(r.ok()) << r.status().message();
  int count = 0;
  bool in_order = true;
  Status st = (*r)->ForEachRow("", [&](const XlsxRow& row) {
    if (row.number > 1) {
      int i = row.number - 2;
      in_order = in_order && row.cells.size() == 3 && row.cells[0].number == i &&
                 row.cells[1].text == "rad " + std::to_string(i) && row.cells[2].number == i * 1.25;
    }
    ++count;
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(count, n + 1);
  EXPECT_TRUE(in_order);
}

// An archive with these parts, as bytes.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("xlsx-bad-" + std::to_string(getpid()) + ".zip"))
          .string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : parts)
    zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0), 0);
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

TEST(XlsxReader, BrokenFiles) {
  auto not_zip = XlsxReader::FromBytes("Navn;Kommune\n");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().code_name(), "zip.invalid");
  auto no_workbook = XlsxReader::FromBytes(Zip({{"a.txt", "x"}}));
  ASSERT_FALSE(no_workbook.ok());
  EXPECT_EQ(no_workbook.status().code_name(), "import.xlsx_invalid");
  const std::string wb = "<workbook><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>";
  auto bad_ref = XlsxReader::FromBytes(
      Zip({{"xl/workbook.xml", wb},
           {"xl/worksheets/sheet1.xml",
            "<worksheet><sheetData><row r=\"3\"><c r=\"C3\" t=\"s\"><v>5</v></c></row>"
            "</sheetData></worksheet>"}}));
  ASSERT_TRUE(bad_ref.ok()) << bad_ref.status().message();
  Status st = (*bad_ref)->ForEachRow("", [](const XlsxRow&) { return Status::Ok(); });
  EXPECT_EQ(st.code_name(), "import.xlsx_invalid");
  EXPECT_EQ(st.fields().at(0).field, "S!C3");  // a shared string that does not exist
  auto unclosed = XlsxReader::FromBytes(
      Zip({{"xl/workbook.xml", wb},
           {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c>"}}));
  ASSERT_TRUE(unclosed.ok());
  st = (*unclosed)->ForEachRow("", [](const XlsxRow&) { return Status::Ok(); });
  EXPECT_EQ(st.code_name(), "import.xlsx_invalid");
  auto not_number = XlsxReader::FromBytes(
      Zip({{"xl/workbook.xml", wb},
           {"xl/worksheets/sheet1.xml",
            "<worksheet><sheetData><row r=\"2\"><c r=\"B2\"><v>12abc</v></c></row></sheetData>"
            "</worksheet>"}}));
  ASSERT_TRUE(not_number.ok());
  st = (*not_number)->ForEachRow("", [](const XlsxRow&) { return Status::Ok(); });
  EXPECT_EQ(st.fields().at(0).field, "S!B2");
  // A zip-slip entry makes the whole file unreadable, before any XML is read.
  auto slip = XlsxReader::FromBytes(Zip({{"xl/workbook.xml", wb}, {"../evil", "x"}}));
  ASSERT_FALSE(slip.ok());
  EXPECT_EQ(slip.status().code_name(), "zip.unsafe_path");
}

}  // namespace
}  // namespace samkjop::core::import
