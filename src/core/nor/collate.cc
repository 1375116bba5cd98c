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

// Latin-1 Supplement U+00C0..U+00FF folded: lower case, accent dropped;
// nullptr keeps the character (×, ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0

// Latin Extended-A U+0100..U+017F (upper and lower case alternate): the base
// letter(s) of each run.
struct Run {
  char32_t last;
  const char* base;
};
constexpr Run kLatinExtA[] = {
    {0x105, "a"}, {0x10D, "c"},  {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
    {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
    {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
    {0x175, "w"}, {0x178, "y"},  {0x17E, "z"}, {0x17F, "s"}};

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
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

// The folded form of one code point (lower case, accents dropped, æ→ae,
// ø→o, å→a), as UTF-8.
void AppendFolded(char32_t cp, std::string* out) {
  if (cp >= 'A' && cp <= 'Z') {
    out->push_back(static_cast<char>(cp - 'A' + 'a'));
    return;
  }
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != nullptr) {
    *out += kLatin1[cp - 0xC0];
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    for (const Run& r : kLatinExtA) {
      if (cp <= r.last) {
        *out += r.base;
        return;
      }
    }
  }
  if (cp >= 0x300 && cp <= 0x36F) return;  // a combining accent (decomposed text): dropped
  if (cp == 0x1E6 || cp == 0x1E7) {        // Ǧ ǧ (Sámi)
    *out += "g";
    return;
  }
  if (cp == 0x1E8 || cp == 0x1E9) {  // Ǩ ǩ (Sámi)
    *out += "k";
    return;
  }
  // Greek and Cyrillic capitals to lower case.
  if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
    AppendUtf8(cp + 0x20, out);
    return;
  }
  if (cp >= 0x400 && cp <= 0x40F) {
    AppendUtf8(cp + 0x50, out);
    return;
  }
  AppendUtf8(cp, out);  // any other character unchanged
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
