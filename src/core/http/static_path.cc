#include "core/http/static_path.h"

namespace samkjop::core::http {

bool HasOverlongSegment(std::string_view path, std::size_t max_bytes) {
  std::size_t run = 0;
  for (char c : path) {
    run = c == '/' ? 0 : run + 1;
    if (run > max_bytes) return true;
  }
  return false;
}

std::optional<std::string> SafeRelativePath(std::string_view decoded_path) {
  if (HasOverlongSegment(decoded_path)) return std::nullopt;
  if (decoded_path.find('\0') != std::string_view::npos ||
      decoded_path.find('\\') != std::string_view::npos)
    return std::nullopt;
  std::string out;
  std::size_t start = 0;
  while (start <= decoded_path.size()) {
    std::size_t slash = decoded_path.find('/', start);
    if (slash == std::string_view::npos) slash = decoded_path.size();
    std::string_view seg = decoded_path.substr(start, slash - start);
    if (seg == "." || seg == "..") return std::nullopt;
    if (!seg.empty()) {
      if (!out.empty()) out.push_back('/');
      out.append(seg);
    }
    start = slash + 1;
  }
  return out;
}

bool IsWithinRoot(const std::filesystem::path& root, const std::filesystem::path& candidate) {
  auto c = candidate.begin(), ce = candidate.end();
  for (const auto& part : root) {
    if (part.empty()) continue;  // a trailing separator yields an empty element
    while (c != ce && c->empty()) ++c;
    if (c == ce || part != *c) return false;
    ++c;
  }
  return true;
}

}  // namespace samkjop::core::http
