// The result of a spend analysis and its two written forms: the JSON report
// (issue 3's shape) and an xlsx workbook with one sheet per section.
#ifndef SAMKJOP_MODULES_SPEND_REPORT_H_
#define SAMKJOP_MODULES_SPEND_REPORT_H_

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"

namespace samkjop::spend {

// Sums of øre. 128 bits, so no number of lines can overflow a sum.
using OreSum = __int128;

// Risk thresholds in øre (NOK excl. VAT × 100).
struct Thresholds {
  std::int64_t protocol_ore = 0;  // documentation floor (threshold.floor)
  std::int64_t national_ore = 0;  // threshold.national
  std::int64_t eea_ore = 0;       // threshold.eea.goods_services
};

// Why a record was rejected. When adding a reason, also update ReasonCode()
// and ReasonTextNb() in report.cc and the README.
enum class RejectReason : std::uint8_t {
  kFieldCount,         // field count differs from the header's
  kInvalidBuyer,       // buyer_orgnr is not a valid organisation number
  kInvalidDate,        // invoice_date is not YYYY-MM-DD / DD.MM.YYYY, a real date
  kInvalidAmount,      // amount does not parse
  kAmountOverflow,     // amount does not fit in 64-bit øre
  kUnclosedQuote,      // a quote is still open at the end of the file
  kRecordTooLong,      // one record longer than the engine's record limit
  kCurrencyNotNok,     // PEPPOL: the line's currency is not NOK
  kBuyerNotNorwegian,  // PEPPOL: the buyer has no Norwegian organisation number
};

// The machine code written in JSON ("field_count", "invalid_buyer_orgnr", ...).
std::string_view ReasonCode(RejectReason reason);
// A Norwegian explanation for people (xlsx, messages).
std::string_view ReasonTextNb(RejectReason reason);

struct SpendCounts {
  std::int64_t lines_read = 0;
  std::int64_t rejected = 0;
  std::int64_t out_of_year = 0;
  std::int64_t unmapped_account = 0;
  std::int64_t in_scope = 0;
  std::int64_t unknown_supplier = 0;  // part of in_scope
};

struct RejectedExample {
  std::string file;
  std::uint64_t line = 0;  // where the record starts; the header is line 1
  RejectReason reason = RejectReason::kFieldCount;
};

struct LoyaltyRow {
  std::string buyer_orgnr;
  std::string product_area;
  OreSum total = 0;
  OreSum covered = 0;
  std::optional<std::int64_t> share_micro;  // covered/total × 10^6, rounded half away
                                            // from zero; nullopt when total <= 0
};

enum class RiskLevel : std::uint8_t { kProtocol, kNational, kEea };
std::string_view RiskLevelCode(RiskLevel level);  // "protocol", "national", "eea"

struct RiskRow {
  std::string buyer_orgnr;
  std::string supplier_orgnr;
  std::string supplier_name;  // first non-empty name in file order; may be empty
  std::string product_area;
  OreSum uncovered = 0;
  OreSum estimated_value = 0;  // 4 × uncovered
  RiskLevel level = RiskLevel::kProtocol;
};

// An input file that could not be used at all while the run went on (a
// broken PEPPOL file).
struct FileError {
  std::string file;
  std::string message;
};

struct SpendReport {
  int year = 0;
  Thresholds thresholds;
  SpendCounts counts;
  std::vector<RejectedExample> rejected_examples;  // the first 100, in file order
  std::vector<LoyaltyRow> loyalty;                 // sorted by buyer, product area
  std::vector<RiskRow> risks;  // sorted by estimated_value desc, buyer, supplier, area
  std::vector<FileError> file_errors;
};

// "-1234.50": øre as NOK with two decimals (exact, any size).
std::string FormatOre(OreSum ore);

// `ore` in NOK as a spreadsheet number, when that is exact: |ore| < 10^15
// (at most 15 significant digits, which libxlsxwriter's "%.16G" and every
// spreadsheet keep, so the cell reads back as the same øre). nullopt beyond
// (above 10 000 milliarder NOK); WriteXlsx then writes FormatOre() as text.
std::optional<double> OreAsSpreadsheetNok(OreSum ore);

// The JSON report: {"year", "thresholds", "counts", "rejected_examples",
// "loyalty", "risks", "file_errors"}. Every amount is integer øre in a key
// ending in "_ore" (thresholds.protocol_ore/national_ore/eea_ore,
// loyalty total_ore/covered_ore, risks uncovered_ore/estimated_value_ore),
// written exactly at any size: beyond ±(2^63 − 1) a sum is still a JSON
// integer, which readers without big integers may round. share is a number
// with six decimals or null.
std::string ToJson(const SpendReport& report);

// Writes the same JSON to `file` in 1 MiB pieces (no copy of the whole
// report in memory). Error "spend.write_failed" naming `name`.
core::Status WriteJson(const SpendReport& report, std::FILE* file, const std::string& name);

// Writes an xlsx workbook with the sheets "counts", "rejected", "loyalty" and
// "risks". Amounts are numbers in NOK (format #,##0.00) where
// OreAsSpreadsheetNok() is exact, else right-aligned text with the exact NOK
// value; counts are numbers up to 15 digits, else text. Error
// "spend.xlsx_write" naming the path.
core::Status WriteXlsx(const SpendReport& report, const std::string& path);

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_REPORT_H_
