#include "core/http/http.h"

namespace samkjop::core::http {

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kGet: return "GET";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kHead: return "HEAD";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

std::optional<std::string> Request::Header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

const std::string& Request::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = path_params.find(name);
  return it == path_params.end() ? kEmpty : it->second;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  auto header = Header("cookie");
  if (!header) return std::nullopt;
  std::string_view h = *header;
  while (!h.empty()) {
    size_t semi = h.find(';');
    std::string_view part = h.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    h.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

Response Response::Json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

namespace {
// An ASCII stand-in for a file name: æ ø å (and Æ Ø Å) spelt out, other
// non-ASCII, controls, quotes, backslashes and slashes as '_'.
std::string AsciiFilename(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kNorwegian[] = {
      {"\xC3\xA6", "ae"}, {"\xC3\xB8", "o"}, {"\xC3\xA5", "a"},
      {"\xC3\x86", "AE"}, {"\xC3\x98", "O"}, {"\xC3\x85", "A"}};
  std::string out;
  for (size_t i = 0; i < name.size();) {
    bool done = false;
    for (const auto& [utf8, ascii] : kNorwegian) {
      if (name.substr(i, utf8.size()) == utf8) {
        out += ascii;
        i += utf8.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    auto c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {  // skip the whole UTF-8 sequence
      ++i;
      while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
      out += '_';
      continue;
    }
    out +=
        (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '/') ? '_' : static_cast<char>(c);
    ++i;
  }
  return out.empty() ? "download" : out;
}

// RFC 8187 ext-value: UTF-8 bytes, everything but attr-char percent-encoded.
std::string Rfc8187(std::string_view name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (unsigned char c : name) {
    bool attr =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (attr) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string ContentDisposition(std::string_view filename) {
  return "attachment; filename=\"" + AsciiFilename(filename) + "\"; filename*=" + Rfc8187(filename);
}

Response Response::Download(std::string content_type, std::string body, std::string filename) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", ContentDisposition(filename));
  return r;
}

namespace {
int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t idx = 0; idx < s.size(); ++idx) {
    char c = s[idx];
    if (c == '%') {
      if (idx + 2 >= s.size()) return std::nullopt;
      int hi = Hex(s[idx + 1]), lo = Hex(s[idx + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      idx += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view qs) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!qs.empty()) {
    size_t amp = qs.find('&');
    std::string_view part = qs.substr(0, amp);
    if (!part.empty()) {
      size_t eq = part.find('=');
      auto k = UrlDecode(part.substr(0, eq), true);
      auto v = eq == std::string_view::npos ? std::optional<std::string>("")
                                            : UrlDecode(part.substr(eq + 1), true);
      if (k && v) out.emplace_back(std::move(*k), std::move(*v));
    }
    if (amp == std::string_view::npos) break;
    qs.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace samkjop::core::http
