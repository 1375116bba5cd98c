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

// Text folded for search, so that both databases find the same hits and a
// search without æ/ø/å finds words with them: case folded (Latin, Greek,
// Cyrillic capitals to lower case), æ→ae, ø→o, å→a, every other accent
// dropped (é→e, ü→u, ä→a, ö→o, č→c, ŋ→n; ß→ss, œ→oe, þ→th), combining accents
// of decomposed text dropped, other characters kept as they are.
// "Møbler" → "mobler", "Ærlig Ås" → "aerlig as".
std::string FoldForSearch(std::string_view utf8);

}  // namespace samkjop::core::nor

#endif  // SAMKJOP_CORE_NOR_COLLATE_H_
