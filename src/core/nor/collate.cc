#include "core/nor/collate.h"

namespace samkjop::core::nor {
namespace {

// The code point at s[*idx] (lenient: a truncated sequence reads as its first byte); advances *idx.
char32_t NextCodePoint(std::string_view s, size_t* idx) {
  size_t i = *idx;
  unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp = c;
  size_t len = 1;
  if (c >= 0xF0 && i + 3 < s.size()) {
    cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
         (s[i + 3] & 0x3F);
    len = 4;
  } else if (c >= 0xE0 && i + 2 < s.size()) {
    cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    len = 3;
  } else if (c >= 0xC0 && i + 1 < s.size()) {
    cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    len = 2;
  }
  *idx = i + len;
  return cp;
}

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
  for (size_t idx = 0; idx < s.size();) key.push_back(Weight(NextCodePoint(s, &idx)));
  return key;
}

namespace {

// The folded form of one code point (lower case, base letter), as UTF-8.
void AppendFolded(char32_t cp, std::string* out) {
  if (cp >= 'A' && cp <= 'Z') {
    out->push_back(static_cast<char>(cp - 'A' + 'a'));
    return;
  }
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  switch (cp) {
    case U'æ':
    case U'Æ':
    case U'ä':
    case U'Ä': *out += "ae"; return;
    case U'ø':
    case U'Ø':
    case U'ö':
    case U'Ö':
    case U'ó':
    case U'Ó':
    case U'ò':
    case U'Ò':
    case U'ô':
    case U'Ô': *out += "o"; return;
    case U'å':
    case U'Å':
    case U'á':
    case U'Á':
    case U'à':
    case U'À':
    case U'â':
    case U'Â': *out += "a"; return;
    case U'é':
    case U'É':
    case U'è':
    case U'È':
    case U'ê':
    case U'Ê':
    case U'ë':
    case U'Ë': *out += "e"; return;
    case U'ü':
    case U'Ü':
    case U'ú':
    case U'Ú':
    case U'ù':
    case U'Ù': *out += "u"; return;
    case U'í':
    case U'Í':
    case U'ì':
    case U'Ì':
    case U'ï': *out += "i"; return;
    case U'ç':
    case U'Ç': *out += "c"; return;
    case U'ñ':
    case U'Ñ': *out += "n"; return;
    default: break;
  }
  // Any other character unchanged, re-encoded.
  if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string FoldForSearch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t idx = 0; idx < s.size();) AppendFolded(NextCodePoint(s, &idx), &out);
  return out;
}

bool NorwegianLess(std::string_view a, std::string_view b) {
  std::string ka = CollationKey(a), kb = CollationKey(b);
  if (ka != kb) return ka < kb;
  return a < b;
}

}  // namespace samkjop::core::nor
