// A zip archive read with limits, over libzip: nothing is trusted that the
// archive declares. Opening refuses an archive with too many entries, a
// declared total size over the limit, an entry that compresses better than
// the ratio limit (a zip bomb), a name that would leave the archive
// (zip-slip: absolute, "..", backslash, drive letter, NUL), a symbolic link,
// or an encrypted entry. Reading an entry stops at its declared size and at
// the limits, whatever the compressed stream says.
//
// Errors are Status kInvalidArgument with codes "zip.*", a Norwegian message
// and the entry's name as the field. Used by the xlsx reader and for invoice
// batches.
#ifndef SAMKJOP_CORE_ARCHIVE_ZIP_READER_H_
#define SAMKJOP_CORE_ARCHIVE_ZIP_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"

namespace samkjop::core::archive {

struct ZipLimits {
  std::uint64_t max_entries = 10000;
  std::uint64_t max_total_bytes = std::uint64_t{1} << 30;  // uncompressed, all entries
  std::uint64_t max_entry_bytes = std::uint64_t{512} << 20;
  // Uncompressed / compressed, checked for entries over `ratio_floor_bytes`
  // (a small file may compress very well without being a bomb).
  std::uint64_t max_ratio = 100;
  std::uint64_t ratio_floor_bytes = std::uint64_t{1} << 20;
};

struct ZipEntry {
  std::string name;                   // as in the archive, checked: relative, '/'-separated
  std::uint64_t size = 0;             // declared uncompressed size
  std::uint64_t compressed_size = 0;  // declared compressed size
  bool is_directory = false;          // name ends in '/'
  std::uint64_t index = 0;
};

// Whether `name` stays inside the archive; the reason in Norwegian otherwise.
std::optional<std::string> UnsafeEntryName(std::string_view name);

class ZipReader {
 public:
  // Opens the archive in `bytes` (kept by the reader) or at `path`, checking
  // every entry against `limits`.
  static Result<std::unique_ptr<ZipReader>> FromBytes(std::string bytes, ZipLimits limits = {});
  static Result<std::unique_ptr<ZipReader>> FromFile(const std::string& path,
                                                     ZipLimits limits = {});
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  const std::vector<ZipEntry>& entries() const { return entries_; }
  // The entry with this exact name, or null.
  const ZipEntry* Find(std::string_view name) const;
  // Streams the entry's bytes to `sink` in chunks; `sink` returns false to
  // stop early (then OK). zip.too_large past min(declared size, limits).
  Status Stream(const ZipEntry& entry, const std::function<bool(std::string_view)>& sink) const;
  // The whole entry, at most `max_bytes` (zip.too_large beyond).
  Result<std::string> Read(const ZipEntry& entry, std::uint64_t max_bytes) const;

 private:
  ZipReader() = default;
  static Result<std::unique_ptr<ZipReader>> Open(std::unique_ptr<ZipReader> r, void* source,
                                                 ZipLimits limits);
  std::string bytes_;
  void* zip_ = nullptr;  // zip_t*
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
};

}  // namespace samkjop::core::archive

#endif  // SAMKJOP_CORE_ARCHIVE_ZIP_READER_H_
