// A list endpoint's rows as a download: one table (typed columns, rows of
// values) written as xlsx (core/module/xlsx.h) or as CSV the way Norwegian
// Excel opens it: UTF-8 with BOM, ';' between fields, CRLF, decimal comma.
//
// Column types: text; integer; money in øre (kroner with two decimals: a
// number formatted "# ##0,00" in xlsx, "1234,50" in CSV); date (an ISO
// "YYYY-MM-DD" value shown dd.mm.åååå; a date cell in xlsx); orgnr (nine
// digits shown "944 117 784", as text).
//
// Formula neutralising: a text cell that starts with '=', '+', '-', '@', a
// tab or a CR gets a leading "'" in both formats, so a spreadsheet never runs
// what a user typed ("=HYPERLINK(...)").
#ifndef SAMKJOP_CORE_EXPORT_TABLE_EXPORT_H_
#define SAMKJOP_CORE_EXPORT_TABLE_EXPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error/status.h"

namespace samkjop::core::exporting {

enum class ColumnType { kText, kInteger, kMoneyOre, kDate, kOrgnr };

struct Column {
  std::string title;  // the header cell
  ColumnType type = ColumnType::kText;
  double width = 0;  // xlsx column width in characters; 0 = default
};

// Empty, text (kText, kDate as ISO, kOrgnr as digits) or an integer
// (kInteger, kMoneyOre). A value of the wrong kind for its column is written
// as text.
using Value = std::variant<std::monostate, std::string, std::int64_t>;

struct Table {
  std::string sheet_name;  // the xlsx sheet (at most 31 characters)
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
};

// `text` with a leading "'" when it starts with = + - @ TAB or CR.
std::string NeutraliseFormula(std::string_view text);
// 123450 → "1234,50"; -5 → "-0,05".
std::string OreAsDecimalComma(std::int64_t ore);

// The CSV bytes (BOM, header line, one line per row, CRLF line ends).
std::string ToCsv(const Table& table);
// The xlsx bytes; kInternal when libxlsxwriter fails.
Result<std::string> ToXlsx(const Table& table);

enum class Format { kCsv, kXlsx };
inline constexpr char kCsvType[] = "text/csv; charset=utf-8";
inline constexpr char kXlsxType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace samkjop::core::exporting

#endif  // SAMKJOP_CORE_EXPORT_TABLE_EXPORT_H_
