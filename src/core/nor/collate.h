// Norwegian alphabetical order: A–Z, then Æ, Ø, Å; case-insensitive;
// accented Latin letters sort with their base letter (é = e, ü = y).
#ifndef SAMKJOP_CORE_NOR_COLLATE_H_
#define SAMKJOP_CORE_NOR_COLLATE_H_

#include <string>
#include <string_view>

namespace samkjop::core::nor {

// A key whose byte order is Norwegian order. Ties broken by the original.
std::string CollationKey(std::string_view utf8);

// a < b in Norwegian order.
bool NorwegianLess(std::string_view a, std::string_view b);

}  // namespace samkjop::core::nor

#endif  // SAMKJOP_CORE_NOR_COLLATE_H_
