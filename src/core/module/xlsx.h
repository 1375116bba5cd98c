// A minimal spreadsheet writer over libxlsxwriter for exports: one or more
// sheets of text/number rows, bold header row, returned as bytes. Rows are
// written in order with libxlsxwriter's constant-memory mode, so a large
// export does not hold the workbook's XML in memory (strings are then
// written inline, not as shared strings).
#ifndef SAMKJOP_CORE_MODULE_XLSX_H_
#define SAMKJOP_CORE_MODULE_XLSX_H_

#include <string>
#include <variant>
#include <vector>

#include "core/error/status.h"

namespace samkjop::core::xlsx {

// A number shown with an Excel number format ("#,##0.00", "dd.mm.yyyy").
struct Formatted {
  double value = 0;
  std::string num_format;
};
// A cell: text (written as text, never as a formula), a plain number, a
// formatted number, or empty (std::monostate).
using Cell = std::variant<std::string, double, Formatted, std::monostate>;
struct Sheet {
  std::string name;  // max 31 chars, no []:*?/\ .
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<double> column_widths;  // optional
};

// Writes `sheets` to `path`. kInternal on failure.
Status WriteFile(const std::string& path, const std::vector<Sheet>& sheets);
// The same, returned as the bytes of an .xlsx file.
Result<std::string> WriteBytes(const std::vector<Sheet>& sheets);

}  // namespace samkjop::core::xlsx

#endif  // SAMKJOP_CORE_MODULE_XLSX_H_
