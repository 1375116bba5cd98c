// An xlsx reader for imports, over the zip reader (with its limits) and
// pugixml. Reads the first sheet or a named one, row by row: a sheet's XML is
// streamed out of the archive and parsed one <row> at a time, so a 100,000-row
// sheet needs memory for one row plus the shared strings.
//
// Cells: shared and inline strings (rich text joined), numbers, booleans,
// errors ("#N/A"), formula results, ISO dates (t="d"), and numbers with a
// date format (built-in ids 14–22, 45–47, or a custom code with d/m/y/h)
// turned into ISO dates "YYYY-MM-DD" (with "THH:MM:SS" when there is a time
// of day), honouring the 1904 date system and the 1900 leap-year bug (serial
// 60, 1900-02-29, does not exist and is an error).
//
// Errors are Status kInvalidArgument "import.xlsx_*" with a Norwegian message
// naming the sheet, row and column ("Ark «Personer», celle B7: …") and the
// field "Personer!B7"; archive faults are the zip reader's "zip.*".
#ifndef SAMKJOP_CORE_IMPORT_XLSX_READER_H_
#define SAMKJOP_CORE_IMPORT_XLSX_READER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/archive/zip_reader.h"
#include "core/error/status.h"

namespace samkjop::core::import {

struct XlsxCell {
  enum class Type { kEmpty, kText, kNumber, kBool, kDate, kError };
  Type type = Type::kEmpty;
  // kText: the string; kNumber: the number as written ("12.5"); kBool
  // "TRUE"/"FALSE"; kDate: ISO; kError: "#N/A" etc.
  std::string text;
  double number = 0;  // kNumber (and the serial of a kDate from a number)
  bool boolean = false;
};

struct XlsxRow {
  int number = 0;               // 1-based, as in the sheet
  std::vector<XlsxCell> cells;  // cells[0] is column A; trailing empties omitted
};

struct XlsxLimits {
  archive::ZipLimits zip;
  std::uint64_t max_part_bytes = std::uint64_t{256} << 20;  // one XML part, uncompressed
  int max_columns = 16384;                                  // XFD
};

// "A1" for row 1, column 0.
std::string CellRef(int row, int column);

class XlsxReader {
 public:
  static Result<std::unique_ptr<XlsxReader>> FromBytes(std::string bytes, XlsxLimits limits = {});
  static Result<std::unique_ptr<XlsxReader>> FromFile(const std::string& path,
                                                      XlsxLimits limits = {});

  // The sheet names in workbook order.
  std::vector<std::string> SheetNames() const;
  // Calls `fn` for each row of `sheet` ("" = the first) that has a cell;
  // stops at the first error (the reader's, or the one `fn` returns).
  Status ForEachRow(const std::string& sheet,
                    const std::function<Status(const XlsxRow&)>& fn) const;
  // The error Status for a cell of `sheet`, for callers validating values.
  static Status CellError(const std::string& code, const std::string& sheet, int row, int column,
                          const std::string& message);

 private:
  struct SheetInfo {
    std::string name, part;
  };
  XlsxReader() = default;
  Status Load();
  Result<std::string> Part(const std::string& name) const;

  std::unique_ptr<archive::ZipReader> zip_;
  XlsxLimits limits_;
  std::vector<SheetInfo> sheets_;
  std::vector<std::string> shared_;
  std::vector<bool> date_styles_;  // by cellXfs index
  bool date1904_ = false;
};

// An Excel serial date as ISO ("2027-03-15", or "2027-03-15T12:00:00");
// false for serials that are no date (negative, 60 in the 1900 system, past
// 9999-12-31).
bool SerialToIso(double serial, bool date1904, std::string* iso);

}  // namespace samkjop::core::import

#endif  // SAMKJOP_CORE_IMPORT_XLSX_READER_H_
