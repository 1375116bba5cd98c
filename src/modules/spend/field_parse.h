// Hot-path parsers for one invoice field each: organisation numbers, dates and
// NOK amounts, straight from the bytes of a CSV field (no allocation). They
// implement the definitions of issue 3 exactly and agree with the slower,
// general functions in core/nor (see field_parse_test.cc, which checks both).
#ifndef SAMKJOP_MODULES_SPEND_FIELD_PARSE_H_
#define SAMKJOP_MODULES_SPEND_FIELD_PARSE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace samkjop::spend {

// Sentinel for "no valid organisation number". A valid one is < 10^9 < 2^30
// (000000000 is valid MOD11, so 0 cannot be the sentinel).
inline constexpr std::uint32_t kNoOrgnr = 0xFFFFFFFFu;

// Trims ASCII spaces and tabs at both ends. Every CSV field is trimmed.
inline std::string_view TrimBlank(std::string_view s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && (s[begin] == ' ' || s[begin] == '\t')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return s.substr(begin, end - begin);
}

// The value of one raw CSV field: trimmed, RFC 4180 quotes removed ("" inside
// quotes is one quote; every other quote toggles quoting, the same rule that
// split the record), trimmed again. Returns a view into `raw` when the field
// has no quotes, else a view into `*scratch` (valid until its next use).
inline std::string_view FieldValue(std::string_view raw, std::string* scratch);

// Parses an organisation number as NormalizeOrgnr in core/nor does: spaces,
// tabs, U+00A0 and U+202F anywhere are removed, then one leading "NO" and one
// trailing "MVA" (any case), then nine digits with a valid MOD11 check digit.
// Returns the number (e.g. 944117784), or kNoOrgnr when it is not valid.
inline std::uint32_t ParseOrgnr(std::string_view field);

// Formats a parsed organisation number as its nine digits ("000000000" style).
std::string OrgnrToString(std::uint32_t orgnr);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil). Valid for the years 1000-9999 used here.
constexpr std::int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

// Parses `YYYY-MM-DD` or `DD.MM.YYYY` (exactly ten characters, a real
// calendar date, years 1000-9999) into days since 1970-01-01. Returns false,
// leaving *days alone, for anything else ("2025-02-29", "1.3.2025", "").
inline bool ParseDate(std::string_view field, std::int32_t* days);

// The outcome of ParseAmount.
enum class AmountParse { kOk, kInvalid, kOverflow };

// Parses a NOK amount excluding VAT into integer øre: an optional '-',
// digits, and an optional ',' or '.' followed by one or two decimals.
// Spaces, U+00A0 and U+202F anywhere are ignored ("1 234,56" -> 123456,
// "- 12.5" -> -1250). kInvalid for any other text (empty, "1.234,56",
// "12.", ".5", "+3", "1e5", "12.345"); kOverflow when |øre| > INT64_MAX.
inline AmountParse ParseAmount(std::string_view field, std::int64_t* ore);

// FieldValue for a field whose record scan already knows whether it holds a
// quote: without one, only trimming is needed (no search).
inline std::string_view FieldValue(std::string_view raw, bool may_be_quoted, std::string* scratch) {
  return may_be_quoted ? FieldValue(raw, scratch) : TrimBlank(raw);
}

}  // namespace samkjop::spend

#include "modules/spend/field_parse_inl.h"  // IWYU pragma: export

#endif  // SAMKJOP_MODULES_SPEND_FIELD_PARSE_H_
