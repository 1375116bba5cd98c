// Inline part of field_parse.h (the hot-path parsers). Include
// field_parse.h, not this file.
#ifndef SAMKJOP_MODULES_SPEND_FIELD_PARSE_INL_H_
#define SAMKJOP_MODULES_SPEND_FIELD_PARSE_INL_H_

#include <cstring>
#include <limits>

namespace samkjop::spend {
namespace parse_detail {

inline bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Length of a removable space at s[idx]: ' ', '\t' (1), U+00A0 (2), U+202F (3), else 0.
inline size_t SpaceLen(std::string_view s, size_t idx, bool allow_tab) {
  const unsigned char c = static_cast<unsigned char>(s[idx]);
  if (c == ' ' || (allow_tab && c == '\t')) return 1;
  if (c == 0xC2 && idx + 1 < s.size() && static_cast<unsigned char>(s[idx + 1]) == 0xA0) return 2;
  if (c == 0xE2 && idx + 2 < s.size() && static_cast<unsigned char>(s[idx + 1]) == 0x80 &&
      static_cast<unsigned char>(s[idx + 2]) == 0xAF)
    return 3;
  return 0;
}

inline std::uint32_t Mod11(const char* d) {
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  std::uint32_t value = 0;
  for (int idx = 0; idx < 8; ++idx) {
    if (!IsDigit(d[idx])) return kNoOrgnr;
    const int digit = d[idx] - '0';
    sum += digit * kWeights[idx];
    value = value * 10 + static_cast<std::uint32_t>(digit);
  }
  if (!IsDigit(d[8])) return kNoOrgnr;
  const int check = (11 - sum % 11) % 11;
  if (check == 10 || check != d[8] - '0') return kNoOrgnr;
  return value * 10 + static_cast<std::uint32_t>(check);
}

inline constexpr unsigned kDaysInMonth[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

inline bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline bool Num(const char* p, int n, int* out) {
  int v = 0;
  for (int idx = 0; idx < n; ++idx) {
    if (!IsDigit(p[idx])) return false;
    v = v * 10 + (p[idx] - '0');
  }
  *out = v;
  return true;
}

}  // namespace parse_detail

inline std::string_view FieldValue(std::string_view raw, std::string* scratch) {
  std::string_view t = TrimBlank(raw);
  if (t.find('"') == std::string_view::npos) return t;
  scratch->clear();
  bool quoted = false;
  for (size_t idx = 0; idx < t.size(); ++idx) {
    const char c = t[idx];
    if (c != '"') {
      scratch->push_back(c);
    } else if (quoted && idx + 1 < t.size() && t[idx + 1] == '"') {
      scratch->push_back('"');  // "" inside quotes
      ++idx;
    } else {
      quoted = !quoted;
    }
  }
  return TrimBlank(*scratch);
}

inline std::uint32_t ParseOrgnr(std::string_view s) {
  // Fast path: the plain nine digits most files carry.
  if (s.size() == 9) return parse_detail::Mod11(s.data());
  // General path: drop spaces, then the affixes. Longer than "NO" + 9 + "MVA"
  // after dropping spaces cannot be valid.
  char buf[16];
  size_t n = 0;
  for (size_t idx = 0; idx < s.size();) {
    const size_t skip = parse_detail::SpaceLen(s, idx, /*allow_tab=*/true);
    if (skip) {
      idx += skip;
      continue;
    }
    if (n == 14) return kNoOrgnr;
    buf[n++] = s[idx++];
  }
  const char* p = buf;
  if (n >= 2 && (p[0] | 0x20) == 'n' && (p[1] | 0x20) == 'o') {
    p += 2;
    n -= 2;
  }
  if (n >= 3 && (p[n - 3] | 0x20) == 'm' && (p[n - 2] | 0x20) == 'v' && (p[n - 1] | 0x20) == 'a')
    n -= 3;
  if (n != 9) return kNoOrgnr;
  return parse_detail::Mod11(p);
}

inline bool ParseDate(std::string_view s, std::int32_t* days) {
  if (s.size() != 10) return false;
  int y, m, d;
  const char* p = s.data();
  if (p[4] == '-' && p[7] == '-') {
    if (!parse_detail::Num(p, 4, &y) || !parse_detail::Num(p + 5, 2, &m) ||
        !parse_detail::Num(p + 8, 2, &d))
      return false;
  } else if (p[2] == '.' && p[5] == '.') {
    if (!parse_detail::Num(p, 2, &d) || !parse_detail::Num(p + 3, 2, &m) ||
        !parse_detail::Num(p + 6, 4, &y))
      return false;
  } else {
    return false;
  }
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  const unsigned dim = (m == 2 && parse_detail::IsLeap(y)) ? 29 : parse_detail::kDaysInMonth[m];
  if (static_cast<unsigned>(d) > dim) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

inline AmountParse ParseAmount(std::string_view s, std::int64_t* ore) {
  // Fast path for the common shape "-?digits([.,]d{1,2})?" of at most 16
  // integer digits (no overflow possible); anything else takes the general
  // path below, which gives the same answer.
  {
    const char* p = s.data();
    const char* end = p + s.size();
    const bool negative = p < end && *p == '-';
    p += negative;
    const char* digits = p;
    std::uint64_t whole = 0;
    while (p < end && parse_detail::IsDigit(*p) && p - digits < 16)
      whole = whole * 10 + static_cast<std::uint64_t>(*p++ - '0');
    if (p > digits) {
      std::uint64_t cents = 0;
      bool shape_ok = true;
      if (p < end && (*p == '.' || *p == ',')) {
        if (end - p == 2 && parse_detail::IsDigit(p[1])) {
          cents = static_cast<std::uint64_t>(p[1] - '0') * 10;
          p = end;
        } else if (end - p == 3 && parse_detail::IsDigit(p[1]) && parse_detail::IsDigit(p[2])) {
          cents =
              static_cast<std::uint64_t>(p[1] - '0') * 10 + static_cast<std::uint64_t>(p[2] - '0');
          p = end;
        } else {
          shape_ok = false;
        }
      }
      if (shape_ok && p == end) {
        const std::int64_t total = static_cast<std::int64_t>(whole * 100 + cents);
        *ore = negative ? -total : total;
        return AmountParse::kOk;
      }
    }
  }
  bool negative = false;
  size_t idx = 0;
  const size_t n = s.size();
  auto skip_spaces = [&] {
    while (idx < n) {
      const size_t k = parse_detail::SpaceLen(s, idx, /*allow_tab=*/false);
      if (!k) break;
      idx += k;
    }
  };
  skip_spaces();
  if (idx < n && s[idx] == '-') {
    negative = true;
    ++idx;
  }
  // Integer part: accumulate in unsigned 64 bits with an overflow check.
  constexpr std::uint64_t kMax =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::uint64_t whole = 0;
  int int_digits = 0;
  bool overflow = false;
  while (true) {
    skip_spaces();
    if (idx >= n || !parse_detail::IsDigit(s[idx])) break;
    const std::uint64_t digit = static_cast<std::uint64_t>(s[idx] - '0');
    if (whole > (kMax - digit) / 10)
      overflow = true;  // keep scanning for syntax
    else
      whole = whole * 10 + digit;
    ++int_digits;
    ++idx;
  }
  if (int_digits == 0) return AmountParse::kInvalid;
  std::uint64_t cents = 0;
  if (idx < n && (s[idx] == ',' || s[idx] == '.')) {
    ++idx;
    int dec_digits = 0;
    while (true) {
      skip_spaces();
      if (idx >= n || !parse_detail::IsDigit(s[idx])) break;
      if (++dec_digits > 2) return AmountParse::kInvalid;
      cents = cents * 10 + static_cast<std::uint64_t>(s[idx] - '0');
      ++idx;
    }
    if (dec_digits == 0) return AmountParse::kInvalid;
    if (dec_digits == 1) cents *= 10;
  }
  skip_spaces();
  if (idx != n) return AmountParse::kInvalid;
  if (overflow || whole > (kMax - cents) / 100) return AmountParse::kOverflow;
  const std::uint64_t total = whole * 100 + cents;
  *ore = negative ? -static_cast<std::int64_t>(total) : static_cast<std::int64_t>(total);
  return AmountParse::kOk;
}

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_FIELD_PARSE_INL_H_
