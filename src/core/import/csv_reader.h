// A CSV reader for imports. It detects the encoding (UTF-8 with or without a
// BOM; anything that is not valid UTF-8 is read as Windows-1252, a superset
// of ISO-8859-1 for printable text, and converted to UTF-8) and the delimiter
// (';', ',' or tab: the one that occurs most often outside quotes on the
// first line; ';' on a tie, as Norwegian Excel writes). Fields may be quoted,
// with "" for a quote and line breaks inside quotes. Lines end in LF or CRLF;
// blank lines are skipped.
//
// Errors are Status kInvalidArgument "import.csv_*", with a Norwegian message
// and a field "linje L, kolonne K" (1-based; the column is the field number).
#ifndef SAMKJOP_CORE_IMPORT_CSV_READER_H_
#define SAMKJOP_CORE_IMPORT_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"

namespace samkjop::core::import {

struct CsvOptions {
  char delimiter = 0;  // 0 = detect
  // Every row must have as many fields as the header (else an error).
  bool require_header_width = true;
  std::size_t max_field_bytes = 64 * 1024;
};

struct CsvRow {
  int line = 0;  // the line the row starts on, 1-based
  std::vector<std::string> fields;
};

struct CsvTable {
  char delimiter = ';';
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)" or "Windows-1252"
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

// Parses `bytes`: the first non-blank row is the header.
Result<CsvTable> ReadCsv(std::string_view bytes, const CsvOptions& options = {});

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Windows-1252 bytes as UTF-8 (undefined bytes 0x81 0x8D 0x8F 0x90 0x9D
// become U+FFFD).
std::string Cp1252ToUtf8(std::string_view s);

}  // namespace samkjop::core::import

#endif  // SAMKJOP_CORE_IMPORT_CSV_READER_H_
