// Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a
// MOD11 check digit with weights 3,2,7,6,5,4,3,2 (DOMAIN.md §10).
#ifndef SAMKJOP_CORE_NOR_ORGNR_H_
#define SAMKJOP_CORE_NOR_ORGNR_H_

#include <optional>
#include <string>
#include <string_view>

namespace samkjop::core::nor {

// True when `digits` is exactly nine ASCII digits with a valid check digit.
bool IsValidOrgnr(std::string_view digits);

// Strips spaces (also no-break spaces), an optional leading "NO" and a
// trailing "MVA" (any case), then validates. Returns the nine digits, or
// nullopt when the result is not a valid organisation number.
std::optional<std::string> NormalizeOrgnr(std::string_view input);

// "944117784" -> "944 117 784". Input that is not nine digits is returned as is.
std::string FormatOrgnr(std::string_view digits);

}  // namespace samkjop::core::nor

#endif  // SAMKJOP_CORE_NOR_ORGNR_H_
