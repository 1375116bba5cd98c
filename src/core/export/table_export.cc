#include "core/export/table_export.h"

#include <cstdlib>

#include "core/module/xlsx.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"

namespace samkjop::core::exporting {

std::string NeutraliseFormula(std::string_view text) {
  if (!text.empty()) {
    char c = text.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
      return "'" + std::string(text);
  }
  return std::string(text);
}

std::string OreAsDecimalComma(std::int64_t ore) {
  // Unsigned arithmetic so that INT64_MIN has a magnitude.
  std::uint64_t mag =
      ore < 0 ? 0 - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
  std::string cents = std::to_string(mag % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return (ore < 0 ? "-" : "") + std::to_string(mag / 100) + "," + cents;
}

namespace {

// The text shown for a value in a column (CSV, and xlsx where the value is
// not a number): dates dd.mm.åååå, orgnr grouped, money with a comma.
std::string DisplayText(const Column& col, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    if (col.type == ColumnType::kMoneyOre) return OreAsDecimalComma(*i);
    return std::to_string(*i);
  }
  const std::string& s = std::get<std::string>(v);
  if (col.type == ColumnType::kDate) {
    if (auto d = nor::ParseIsoDate(s)) return nor::FormatNorwegianDate(*d);
  } else if (col.type == ColumnType::kOrgnr) {
    if (nor::IsValidOrgnr(s)) return nor::FormatOrgnr(s);
  }
  return NeutraliseFormula(s);
}

void AppendCsvField(std::string* out, const std::string& field) {
  bool quote = field.find_first_of(";\"\r\n") != std::string::npos;
  if (!quote) {
    *out += field;
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

// Days from 1899-12-30 (Excel's day 0 in the 1900 system, past the leap bug).
std::int64_t ExcelSerial(const nor::Date& d) {
  return std::chrono::sys_days(d).time_since_epoch().count() + 25569;  // 1970-01-01 is 25569
}

}  // namespace

std::string ToCsv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += ';';
    AppendCsvField(&out, NeutraliseFormula(table.columns[i].title));
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (i) out += ';';
      if (i < row.size()) AppendCsvField(&out, DisplayText(table.columns[i], row[i]));
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> ToXlsx(const Table& table) {
  xlsx::Sheet sheet;
  sheet.name = table.sheet_name.substr(0, 31);
  for (const auto& c : table.columns) {
    sheet.header.push_back(NeutraliseFormula(c.title));
    sheet.column_widths.push_back(c.width > 0 ? c.width : 8.43);
  }
  sheet.rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<xlsx::Cell> cells;
    cells.reserve(table.columns.size());
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& col = table.columns[i];
      const Value v = i < row.size() ? row[i] : Value{};
      const auto* n = std::get_if<std::int64_t>(&v);
      constexpr std::int64_t kExact = 1'000'000'000'000'000;  // 15 significant digits
      if (n && col.type == ColumnType::kInteger && *n > -kExact && *n < kExact) {
        cells.emplace_back(static_cast<double>(*n));
      } else if (n && col.type == ColumnType::kMoneyOre && *n > -kExact && *n < kExact) {
        cells.emplace_back(xlsx::Formatted{static_cast<double>(*n) / 100.0, "#,##0.00"});
      } else if (const auto* s = std::get_if<std::string>(&v);
                 s && col.type == ColumnType::kDate && nor::ParseIsoDate(*s)) {
        cells.emplace_back(xlsx::Formatted{static_cast<double>(ExcelSerial(*nor::ParseIsoDate(*s))),
                                           "dd.mm.yyyy"});
      } else if (std::holds_alternative<std::monostate>(v)) {
        cells.emplace_back(std::monostate{});
      } else {
        cells.emplace_back(DisplayText(col, v));
      }
    }
    sheet.rows.push_back(std::move(cells));
  }
  return xlsx::WriteBytes({sheet});
}

}  // namespace samkjop::core::exporting
