// Byte-level CSV machinery shared by the invoice engine and the small
// reference files: UTF-8 validation, quote-aware record boundaries, record
// iteration with exact line numbers, and a simple reader for small files.
//
// Quoting rule (RFC 4180, applied the same way everywhere): every '"' toggles
// "inside quotes"; delimiters and newlines inside quotes are data; a record
// ends at a '\n' outside quotes (a '\r' right before it belongs to the line
// end). "" inside quotes is one literal quote (see FieldValue).
#ifndef SAMKJOP_MODULES_SPEND_CSV_SCAN_H_
#define SAMKJOP_MODULES_SPEND_CSV_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samkjop::spend {

// Bytes that CSV buffers must have readable past their end, so the scanners
// can load whole 64-byte blocks.
inline constexpr size_t kScanPadding = 64;

// True when [data, data+len) is valid UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF). On false, *bad_offset is the offset of the
// first byte of the first invalid sequence.
// Uses SSSE3 (Keiser-Lemire) when the CPU has it, the scalar check otherwise
// and to find the offset.
bool ValidateUtf8(const char* data, size_t len, size_t* bad_offset);

// The plain byte-by-byte check (reference for tests).
bool ValidateUtf8Scalar(const char* data, size_t len, size_t* bad_offset);

// Counts '\n' in [data, data+len).
std::uint64_t CountNewlines(const char* data, size_t len);

// Where a buffer that starts at a record boundary (outside quotes) can be cut.
struct Boundary {
  bool found = false;          // false: no '\n' outside quotes in the buffer
  size_t end = 0;              // one past the last '\n' outside quotes
  std::uint64_t newlines = 0;  // '\n' count in [0, end), quoted ones included
};

// Finds the last record boundary in [data, data+len). `data` must have
// kScanPadding readable bytes after len.
Boundary FindLastBoundary(const char* data, size_t len);

// For a buffer that starts inside an over-long record: the state carried
// across buffers while skipping it.
struct SkipState {
  bool in_quotes = false;
};
// Finds the first '\n' outside quotes, given the quote state at data[0].
// Returns its offset + 1, or 0 if there is none (then *state is the quote
// state at the end and *newlines counts every '\n' in the buffer); on success
// *newlines counts the '\n' before the returned offset (not the boundary).
size_t FindFirstBoundary(const char* data, size_t len, SkipState* state, std::uint64_t* newlines);

// One record's fields as offsets into the chunk (field k is
// [starts[k], ends[k])). Only the first `capacity` fields are stored;
// `count` is the true number of fields.
struct RecordFields {
  std::vector<std::uint32_t> starts, ends;
  std::uint32_t count = 0;
  std::uint64_t quoted = 0;  // bit k: field k (k < 64) contains a '"'

  // True when field k may contain a quote (always for k >= 64).
  bool MayBeQuoted(std::uint32_t k) const { return k >= 64 || (quoted >> k) & 1; }
};

// Iterates the records of a chunk that starts at a record boundary. For each
// non-blank record calls `on_record(fields, line, unclosed_quote)`; `line` is
// the 1-based line where the record starts (first_line for the first one).
// A record left without a final '\n' is delivered too; `unclosed_quote` is
// true for it when the chunk ends inside quotes (only meaningful for the last
// chunk of a source). Blank records (only spaces/tabs) are skipped.
// Requires kScanPadding readable bytes after `len` and len < 4 GiB.
template <typename OnRecord>
void ForEachRecord(const char* data, size_t len, char delim, std::uint64_t first_line,
                   std::uint32_t capacity, RecordFields* fields, OnRecord&& on_record);

// A record of a small file, fields already unquoted and trimmed.
struct CsvRow {
  std::uint64_t line = 0;  // where it starts, 1-based
  std::vector<std::string> fields;
  bool unclosed_quote = false;
};

// Splits a whole small CSV text (no BOM) into rows with `delim`, skipping
// blank lines. For reference files and headers; not for the hot path.
std::vector<CsvRow> ParseSmallCsv(std::string_view text, char delim);

// Picks the delimiter of a header record: the one among ',', ';' and tab
// whose split contains every name in `required` (case-insensitive); if none
// does, the one that splits the header into most fields (',' on a tie).
char DetectDelimiter(std::string_view header_record, const std::vector<std::string_view>& required);

// ASCII lower-case copy (header names are matched case-insensitively).
std::string AsciiLower(std::string_view s);

// Removes a leading UTF-8 byte order mark, if any.
std::string_view StripBom(std::string_view text);

}  // namespace samkjop::spend

#include "modules/spend/csv_scan_inl.h"  // IWYU pragma: export

#endif  // SAMKJOP_MODULES_SPEND_CSV_SCAN_H_
