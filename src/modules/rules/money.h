// NOK amounts as the user types them, read exactly into integer øre.
// Never goes through floating point.
#ifndef SAMKJOP_MODULES_RULES_MONEY_H_
#define SAMKJOP_MODULES_RULES_MONEY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error/status.h"

namespace samkjop::rules {

// The largest estimated value the engine accepts: NOK 10^13 (in øre).
inline constexpr std::int64_t kMaxValueOre = 10'000'000'000'000LL * 100;

// Parses a NOK amount into øre. Accepts digits with an optional decimal part
// of one or two digits after '.' or ',' ("1300000", "1299999.99",
// "1299999,9"), and digit groups of three separated by spaces, no-break
// spaces (U+00A0) or narrow no-break spaces (U+202F) ("1 299 999,99").
// Leading and trailing whitespace is ignored.
// Errors (InvalidArgument, Norwegian message, field `field`):
//   "rules.negative_value" — a leading '-';
//   "rules.invalid_value"  — anything else that is not such a number;
//   "rules.value_too_large" — more than kMaxValueOre.
core::Result<std::int64_t> ParseNokToOre(std::string_view text, std::string_view field = "value");

// 130000000 -> "1 300 000,00" (Norwegian grouping with a normal space).
std::string FormatOreNb(std::int64_t ore);

// 130000000 -> "1,300,000.00".
std::string FormatOreEn(std::int64_t ore);

// For sentences: 130000000 -> "1 300 000 kr"; 129999999 -> "1 299 999,99 kr".
std::string FormatKrNb(std::int64_t ore);

// For sentences: 130000000 -> "NOK 1,300,000"; 129999999 -> "NOK 1,299,999.99".
std::string FormatNokEn(std::int64_t ore);

// 130000000 -> "1300000.00": the machine form used in JSON strings.
std::string FormatOrePlain(std::int64_t ore);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_MONEY_H_
