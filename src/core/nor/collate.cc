#include "core/nor/collate.h"

namespace samkjop::core::nor {
namespace {

// Weight for a code point: letters map to 'a'..'z' then '{' (æ), '|' (ø), '}' (å).
char Weight(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if (cp < 0x80) return static_cast<char>(cp);
  switch (cp) {
    case U'æ':
    case U'Æ':
    case U'ä':
    case U'Ä': return '{';
    case U'ø':
    case U'Ø':
    case U'ö':
    case U'Ö': return '|';
    case U'å':
    case U'Å': return '}';
    case U'é':
    case U'É':
    case U'è':
    case U'È':
    case U'ê':
    case U'Ê': return 'e';
    case U'á':
    case U'Á':
    case U'à':
    case U'À':
    case U'â': return 'a';
    case U'ó':
    case U'Ó':
    case U'ò':
    case U'ô': return 'o';
    case U'ü':
    case U'Ü': return 'y';
    case U'í':
    case U'ì': return 'i';
    case U'ú':
    case U'ù': return 'u';
    case U'ç': return 'c';
    case U'ñ': return 'n';
    default: return '~';
  }
}

}  // namespace

std::string CollationKey(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (size_t idx = 0; idx < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[idx]);
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0 && idx + 3 < s.size()) {
      cp = ((c & 0x07) << 18) | ((s[idx + 1] & 0x3F) << 12) | ((s[idx + 2] & 0x3F) << 6) |
           (s[idx + 3] & 0x3F);
      len = 4;
    } else if (c >= 0xE0 && idx + 2 < s.size()) {
      cp = ((c & 0x0F) << 12) | ((s[idx + 1] & 0x3F) << 6) | (s[idx + 2] & 0x3F);
      len = 3;
    } else if (c >= 0xC0 && idx + 1 < s.size()) {
      cp = ((c & 0x1F) << 6) | (s[idx + 1] & 0x3F);
      len = 2;
    }
    key.push_back(Weight(cp));
    idx += len;
  }
  return key;
}

bool NorwegianLess(std::string_view a, std::string_view b) {
  std::string ka = CollationKey(a), kb = CollationKey(b);
  if (ka != kb) return ka < kb;
  return a < b;
}

}  // namespace samkjop::core::nor
