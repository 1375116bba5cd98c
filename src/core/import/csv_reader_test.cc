// The CSV reader on real files (tests/data/import: UTF-8, UTF-8 with BOM,
// Windows-1252) and on crafted bad input.
#include "core/import/csv_reader.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace samkjop::core::import {
namespace {

std::string File(const std::string& name) {
  std::ifstream in(std::string(SAMKJOP_SOURCE_DIR) + "/tests/data/import/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectPeople(const CsvTable& t) {
  ASSERT_EQ(t.header, (std::vector<std::string>{"Navn", "Kommune", "Notat"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].fields[0], "Åse Ødegård");
  EXPECT_EQ(t.rows[0].fields[2], "Linje én\nlinje to");
  EXPECT_EQ(t.rows[1].line, 4);  // the quoted line break took line 3
  EXPECT_EQ(t.rows[1].fields[0], "Per \"Pelle\" Ås");
}

TEST(ReadCsv, Utf8WithoutBomSemicolon) {
  auto t = ReadCsv(File("people-utf8.csv"));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->delimiter, ';');
  EXPECT_EQ(t->encoding, "UTF-8");
  ExpectPeople(*t);
  EXPECT_EQ(t->rows[1].fields[2], "blåbærsyltetøy");
}

TEST(ReadCsv, Utf8WithBomComma) {
  std::string bytes = File("people-bom.csv");
  ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  auto t = ReadCsv(bytes);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->delimiter, ',');
  EXPECT_EQ(t->encoding, "UTF-8 (BOM)");
  ExpectPeople(*t);
  EXPECT_EQ(t->header[0], "Navn");  // no BOM left in the first name
}

TEST(ReadCsv, Cp1252TabConvertedToUtf8) {
  auto t = ReadCsv(File("people-cp1252.csv"));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->delimiter, '\t');
  EXPECT_EQ(t->encoding, "Windows-1252");
  ExpectPeople(*t);
  EXPECT_EQ(t->rows[1].fields[2], "pris 5 € – æøå");
}

TEST(ReadCsv, ExcelShapeFromTheExporter) {
  auto t = ReadCsv("\xEF\xBB\xBFNavn;Beløp\r\n\"a;b\";1234,50\r\n\r\nc;\r\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields, (std::vector<std::string>{"a;b", "1234,50"}));
  EXPECT_EQ(t->rows[1].fields, (std::vector<std::string>{"c", ""}));
  EXPECT_EQ(t->rows[1].line, 4);  // the blank line 3 is skipped
}

TEST(ReadCsv, ErrorsNameLineAndColumn) {
  auto open = ReadCsv("a;b\n1;\"never closed\n2;3\n");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code_name(), "import.csv_quote");
  EXPECT_EQ(open.status().fields().at(0).field, "linje 2, kolonne 2");
  EXPECT_NE(open.status().message().find("Linje 2, kolonne 2"), std::string::npos);

  auto after = ReadCsv("a;b;c\n1;\"x\"y;3\n");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status().fields().at(0).field, "linje 2, kolonne 2");

  auto middle = ReadCsv("a;b\nx;ab\"c\n");
  ASSERT_FALSE(middle.ok());
  EXPECT_EQ(middle.status().fields().at(0).field, "linje 2, kolonne 2");

  auto width = ReadCsv("a;b;c\n1;2;3\n1;2\n");
  ASSERT_FALSE(width.ok());
  EXPECT_EQ(width.status().code_name(), "import.csv_width");
  EXPECT_EQ(width.status().fields().at(0).field, "linje 3, kolonne 2");

  auto empty = ReadCsv("\n\n");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code_name(), "import.csv_empty");

  auto bad_bom = ReadCsv(
      "\xEF\xBB\xBF"
      "a\nb\xE6\n");
  ASSERT_FALSE(bad_bom.ok());
  EXPECT_EQ(bad_bom.status().code_name(), "import.csv_encoding");
  EXPECT_EQ(bad_bom.status().fields().at(0).field, "linje 2, kolonne 1");

  CsvOptions small;
  small.max_field_bytes = 4;
  auto long_field = ReadCsv("a\n12345\n", small);
  ASSERT_FALSE(long_field.ok());
  EXPECT_EQ(long_field.status().code_name(), "import.csv_field_too_long");
}

TEST(ReadCsv, LastLineWithoutNewlineAndFixedDelimiter) {
  CsvOptions o;
  o.delimiter = ',';
  auto t = ReadCsv("a;x,b\n1;2,3", o);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header, (std::vector<std::string>{"a;x", "b"}));
  EXPECT_EQ(t->rows.at(0).fields, (std::vector<std::string>{"1;2", "3"}));
}

TEST(Utf8, ValidationAndCp1252) {
  EXPECT_TRUE(IsValidUtf8("blåbær €"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_EQ(Cp1252ToUtf8("\xE6\xF8\xE5\xC6\xD8\xC5\x80\x81"), "æøåÆØÅ€\xEF\xBF\xBD");
}

}  // namespace
}  // namespace samkjop::core::import
