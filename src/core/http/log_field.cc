#include "core/http/log_field.h"

namespace samkjop::core::http {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendEscape(std::string* out, unsigned cp) {
  out->append("\\u");
  out->push_back(kHex[(cp >> 12) & 0xf]);
  out->push_back(kHex[(cp >> 8) & 0xf]);
  out->push_back(kHex[(cp >> 4) & 0xf]);
  out->push_back(kHex[cp & 0xf]);
}

bool IsCont(unsigned char c) { return (c & 0xc0) == 0x80; }

// Length of the valid UTF-8 sequence at s[idx] and its code point, or 0.
std::size_t DecodeUtf8(std::string_view s, std::size_t idx, unsigned* cp) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[idx + k]); };
  unsigned char c = at(0);
  std::size_t left = s.size() - idx;
  if (c >= 0xc2 && c <= 0xdf && left >= 2 && IsCont(at(1))) {
    *cp = ((c & 0x1fu) << 6) | (at(1) & 0x3fu);
    return 2;
  }
  if (c >= 0xe0 && c <= 0xef && left >= 3 && IsCont(at(1)) && IsCont(at(2))) {
    unsigned v = ((c & 0x0fu) << 12) | ((at(1) & 0x3fu) << 6) | (at(2) & 0x3fu);
    if (v < 0x800 || (v >= 0xd800 && v <= 0xdfff)) return 0;  // overlong, surrogate
    *cp = v;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4 && left >= 4 && IsCont(at(1)) && IsCont(at(2)) && IsCont(at(3))) {
    unsigned v =
        ((c & 0x07u) << 18) | ((at(1) & 0x3fu) << 12) | ((at(2) & 0x3fu) << 6) | (at(3) & 0x3fu);
    if (v < 0x10000 || v > 0x10ffff) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

}  // namespace

void AppendLogString(std::string* out, std::string_view s) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  std::size_t idx = 0;
  while (idx < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[idx]);
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            AppendEscape(out, c);
          else
            out->push_back(static_cast<char>(c));
      }
      ++idx;
      continue;
    }
    unsigned cp = 0;
    std::size_t len = DecodeUtf8(s, idx, &cp);
    if (len == 0) {
      out->append("\\ufffd");
      ++idx;
    } else if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) {
      AppendEscape(out, cp);
      idx += len;
    } else {
      out->append(s.substr(idx, len));
      idx += len;
    }
  }
  out->push_back('"');
}

std::string LogString(std::string_view s) {
  std::string out;
  AppendLogString(&out, s);
  return out;
}

std::string SanitiseClientRequestId(std::string_view s, std::size_t max_len) {
  std::string out(s.substr(0, max_len));
  for (char& c : out)
    if (c < 0x20 || c > 0x7e) c = '?';
  return out;
}

}  // namespace samkjop::core::http
