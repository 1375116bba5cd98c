#include "modules/rules/money.h"

#include <string>

namespace samkjop::rules {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a digit-group separator at `s[pos]`, or 0.
size_t SeparatorLength(std::string_view s, size_t pos) {
  if (s[pos] == ' ') return 1;
  if (s.substr(pos, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
  if (s.substr(pos, 3) == "\xE2\x80\xAF") return 3;  // U+202F narrow no-break space
  return 0;
}

core::Status Invalid(std::string_view field, std::string_view text) {
  return core::Status::InvalidField(
      "rules.invalid_value", std::string(field),
      "Beløpet «" + std::string(text) +
          "» er ikke et gyldig kronebeløp. Skriv for eksempel 1300000, 1299999.99 eller "
          "1 299 999,99.");
}

std::string Group(std::int64_t ore, char thousands, char decimal) {
  bool negative = ore < 0;
  // Work in unsigned to be safe for INT64_MIN.
  unsigned long long u =
      negative ? 0ULL - static_cast<unsigned long long>(ore) : static_cast<unsigned long long>(ore);
  std::string whole = std::to_string(u / 100);
  unsigned cents = static_cast<unsigned>(u % 100);
  std::string grouped;
  for (size_t idx = 0; idx < whole.size(); ++idx) {
    if (idx > 0 && (whole.size() - idx) % 3 == 0 && thousands != '\0') grouped += thousands;
    grouped += whole[idx];
  }
  std::string out = negative ? "-" : "";
  out += grouped;
  out += decimal;
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

}  // namespace

core::Result<std::int64_t> ParseNokToOre(std::string_view text, std::string_view field) {
  std::string_view s = text;
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  if (s.empty()) {
    return core::Status::InvalidField("rules.invalid_value", std::string(field),
                                      "Beløpet mangler.");
  }
  if (s.front() == '-' || s.substr(0, 3) == "\xE2\x88\x92") {  // '-' or U+2212 minus
    return core::Status::InvalidField("rules.negative_value", std::string(field),
                                      "Beløpet kan ikke være negativt.");
  }

  // Integer part: digits, optionally in groups of three after the first.
  std::string digits;
  size_t pos = 0;
  bool grouped = false;
  size_t group_len = 0;
  size_t first_group_len = 0;
  while (pos < s.size()) {
    if (IsDigit(s[pos])) {
      digits += s[pos];
      ++group_len;
      ++pos;
      continue;
    }
    size_t sep = SeparatorLength(s, pos);
    if (sep == 0) break;
    // A separator must follow a complete group and be followed by a digit.
    if (group_len == 0) return Invalid(field, text);
    if (!grouped) {
      first_group_len = group_len;
      if (first_group_len > 3) return Invalid(field, text);
      grouped = true;
    } else if (group_len != 3) {
      return Invalid(field, text);
    }
    group_len = 0;
    pos += sep;
    if (pos >= s.size() || !IsDigit(s[pos])) return Invalid(field, text);
  }
  if (digits.empty()) return Invalid(field, text);
  if (grouped && group_len != 3) return Invalid(field, text);

  // Decimal part: one or two digits after '.' or ','.
  int cents = 0;
  if (pos < s.size()) {
    if (s[pos] != '.' && s[pos] != ',') return Invalid(field, text);
    ++pos;
    size_t decimals = s.size() - pos;
    if (decimals < 1 || decimals > 2) return Invalid(field, text);
    for (size_t idx = pos; idx < s.size(); ++idx) {
      if (!IsDigit(s[idx])) return Invalid(field, text);
    }
    cents = (s[pos] - '0') * 10 + (decimals == 2 ? s[pos + 1] - '0' : 0);
  }

  // Leading zeros carry no value; more than 14 significant digits is
  // certainly over 10^13 NOK (and avoids overflow below).
  size_t first_nonzero = digits.find_first_not_of('0');
  std::string_view significant = first_nonzero == std::string::npos
                                     ? std::string_view()
                                     : std::string_view(digits).substr(first_nonzero);
  core::Status too_large =
      core::Status::InvalidField("rules.value_too_large", std::string(field),
                                 "Beløpet er urimelig stort (over 10 000 000 000 000 kroner).");
  if (significant.size() > 14) return too_large;
  std::int64_t kroner = 0;
  for (char c : significant) kroner = kroner * 10 + (c - '0');
  std::int64_t ore = kroner * 100 + cents;
  if (ore > kMaxValueOre) return too_large;
  return ore;
}

std::string FormatOreNb(std::int64_t ore) { return Group(ore, ' ', ','); }
std::string FormatOreEn(std::int64_t ore) { return Group(ore, ',', '.'); }
std::string FormatOrePlain(std::int64_t ore) { return Group(ore, '\0', '.'); }

std::string FormatKrNb(std::int64_t ore) {
  std::string s = FormatOreNb(ore);
  if (ore % 100 == 0) s.resize(s.size() - 3);
  return s + " kr";
}

std::string FormatNokEn(std::int64_t ore) {
  std::string s = FormatOreEn(ore);
  if (ore % 100 == 0) s.resize(s.size() - 3);
  return "NOK " + s;
}

}  // namespace samkjop::rules
