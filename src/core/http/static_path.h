// Mapping a decoded URL path onto the web app's folder without leaving it.
#ifndef SAMKJOP_CORE_HTTP_STATIC_PATH_H_
#define SAMKJOP_CORE_HTTP_STATIC_PATH_H_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace samkjop::core::http {

// Longest path segment a file name may have (NAME_MAX on Linux).
inline constexpr std::size_t kMaxPathSegmentBytes = 255;

// True when some '/'-separated segment of `path` is longer than `max_bytes`.
bool HasOverlongSegment(std::string_view path, std::size_t max_bytes = kMaxPathSegmentBytes);

// The relative file path for a decoded URL path ("/assets/app.js" ->
// "assets/app.js"; "/" -> ""), with empty segments dropped. nullopt when the
// path could name something outside the folder or no file at all: a "." or
// ".." segment, a NUL or backslash, or a segment over kMaxPathSegmentBytes.
std::optional<std::string> SafeRelativePath(std::string_view decoded_path);

// True when `candidate` is `root` or lies below it, comparing whole path
// components (so "/srv/dist-private" is not inside "/srv/dist"). Both should
// be canonical (weakly_canonical); a trailing separator on either is ignored.
bool IsWithinRoot(const std::filesystem::path& root, const std::filesystem::path& candidate);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_STATIC_PATH_H_
