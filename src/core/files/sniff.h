// What a file is, told from its bytes (magic numbers, a ZIP's entry names,
// UTF-8 validity), never from its name; and the checks on a file's name.
#ifndef SAMKJOP_CORE_FILES_SNIFF_H_
#define SAMKJOP_CORE_FILES_SNIFF_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <sodium.h>

#include "core/error/status.h"

namespace samkjop::core::files {

inline constexpr char kPdf[] = "application/pdf";
inline constexpr char kPng[] = "image/png";
inline constexpr char kJpeg[] = "image/jpeg";
inline constexpr char kZip[] = "application/zip";
inline constexpr char kXml[] = "application/xml";
inline constexpr char kCsv[] = "text/csv; charset=utf-8";
inline constexpr char kText[] = "text/plain; charset=utf-8";
inline constexpr char kDocx[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr char kPptx[] =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

// What the content is: one of the k… types above, or "" (not accepted).
struct Detected {
  std::string content_type;    // "" when not accepted
  bool legacy_office = false;  // an OLE2 compound file (.doc, .xls, .ppt)
};

// Streams through a file's bytes once: keeps the first bytes for the magic
// numbers, checks UTF-8, and computes the SHA-256.
class Sniffer {
 public:
  Sniffer();
  void Feed(const char* data, std::size_t n);
  // The hex SHA-256 of everything fed; call once, after the last Feed.
  std::string FinishSha256();
  std::uint64_t size() const { return size_; }
  const std::string& head() const { return head_; }
  // Every byte fed so far is UTF-8 text without NUL or control characters
  // other than tab, CR, LF and form feed (a sequence cut at the end counts
  // as invalid).
  bool text() const { return text_ && pending_ == 0; }

 private:
  std::string head_;
  std::uint64_t size_ = 0;
  bool text_ = true;
  int pending_ = 0;       // continuation bytes still expected
  std::uint32_t cp_ = 0;  // the code point being decoded
  int seq_len_ = 0;       // its sequence length
  crypto_hash_sha256_state state_;
};

// Names of a ZIP's entries from its central directory, given a way to read
// bytes at an offset (pread on a file). Empty when the directory cannot be
// read (then the file is classed as a plain ZIP at most).
using ReadAt = std::function<std::size_t(std::uint64_t offset, char* buf, std::size_t n)>;
std::vector<std::string> ZipEntryNames(std::uint64_t size, const ReadAt& read_at,
                                       std::size_t max_entries = 10000);

// The type of a file from its first bytes, whether it is all text, and its
// ZIP entry names (when it starts as a ZIP).
Detected Detect(std::string_view head, bool text, const std::vector<std::string>& zip_entries);

// Sniffs the file at `path` (the transport's temporary body file): size,
// SHA-256 and type.
struct Inspection {
  std::uint64_t size = 0;
  std::string sha256;
  Detected detected;
};
Result<Inspection> InspectFile(const std::string& path);

// Whether a declared Content-Type (from the request) agrees with the
// detected one. An absent or generic declaration (application/octet-stream)
// agrees with anything.
bool DeclaredTypeAgrees(std::string_view declared, std::string_view detected);

// Checks an uploaded file's name: not empty, at most 255 characters of
// valid UTF-8, no control characters (NUL, CR, LF, …), no '/' or '\', not
// "." or "..". Returns the name trimmed, or 400 naming the field `filename`.
Result<std::string> CheckFilename(std::string_view name);

}  // namespace samkjop::core::files

#endif  // SAMKJOP_CORE_FILES_SNIFF_H_
