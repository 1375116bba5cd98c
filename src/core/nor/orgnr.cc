#include "core/nor/orgnr.h"

#include <cctype>

namespace samkjop::core::nor {

bool IsValidOrgnr(std::string_view d) {
  if (d.size() != 9) return false;
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int idx = 0; idx < 9; ++idx) {
    if (d[idx] < '0' || d[idx] > '9') return false;
    if (idx < 8) sum += (d[idx] - '0') * kWeights[idx];
  }
  int check = (11 - sum % 11) % 11;
  if (check == 10) return false;
  return check == d[8] - '0';
}

std::optional<std::string> NormalizeOrgnr(std::string_view in) {
  std::string s;
  s.reserve(in.size());
  for (size_t idx = 0; idx < in.size(); ++idx) {
    unsigned char c = static_cast<unsigned char>(in[idx]);
    if (c == ' ' || c == '\t') continue;
    // U+00A0 no-break space (C2 A0) and U+202F narrow no-break space (E2 80 AF).
    if (c == 0xC2 && idx + 1 < in.size() && static_cast<unsigned char>(in[idx + 1]) == 0xA0) {
      ++idx;
      continue;
    }
    if (c == 0xE2 && idx + 2 < in.size() && static_cast<unsigned char>(in[idx + 1]) == 0x80 &&
        static_cast<unsigned char>(in[idx + 2]) == 0xAF) {
      idx += 2;
      continue;
    }
    s.push_back(static_cast<char>(c));
  }
  if (s.size() >= 2 && std::toupper(static_cast<unsigned char>(s[0])) == 'N' &&
      std::toupper(static_cast<unsigned char>(s[1])) == 'O')
    s.erase(0, 2);
  if (s.size() >= 3) {
    std::string tail = s.substr(s.size() - 3);
    for (auto& c : tail) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (tail == "MVA") s.resize(s.size() - 3);
  }
  if (!IsValidOrgnr(s)) return std::nullopt;
  return s;
}

std::string FormatOrgnr(std::string_view d) {
  if (d.size() != 9) return std::string(d);
  std::string out;
  out.reserve(11);
  out.append(d.substr(0, 3)).push_back(' ');
  out.append(d.substr(3, 3)).push_back(' ');
  out.append(d.substr(6, 3));
  return out;
}

}  // namespace samkjop::core::nor
