// Where file contents (blobs) live, behind one interface: a folder under the
// data folder now (LocalFileStore), an S3-compatible object store as the
// scale-out path. Blobs are named by a key the caller generates (the files
// service uses the content's SHA-256 in hex); nothing outside a FileStore may
// assume a blob has a local path.
#ifndef SAMKJOP_CORE_FILES_FILE_STORE_H_
#define SAMKJOP_CORE_FILES_FILE_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/error/status.h"

namespace samkjop::core::files {

// A blob opened for reading, read in pieces (never whole into memory).
class BlobReader {
 public:
  virtual ~BlobReader() = default;
  // Up to `n` bytes into `buf`; 0 at the end. Throws std::runtime_error on a
  // read error.
  virtual std::size_t Read(char* buf, std::size_t n) = 0;
  // The blob's size in bytes.
  virtual std::uint64_t size() const = 0;
};

class FileStore {
 public:
  virtual ~FileStore() = default;
  // Stores the contents of the temporary file `temp_path` (the transport's
  // streamed request body) under `key`, replacing a blob with that key. The
  // temporary file may be consumed (moved). Durable when it returns OK.
  virtual Status PutFile(const std::string& key, const std::string& temp_path) = 0;
  // Stores what `in` yields under `key`.
  virtual Status Put(const std::string& key, BlobReader& in) = 0;
  // The blob under `key`; kNotFound when there is none.
  virtual Result<std::unique_ptr<BlobReader>> Open(const std::string& key) const = 0;
  // Removes the blob under `key` (OK when there was none).
  virtual Status Remove(const std::string& key) = 0;
  virtual bool Exists(const std::string& key) const = 0;
};

// Blobs as files under `root` (DATA/files), sharded by the key's first two
// pairs of characters: root/ab/cd/abcd…. Keys are [0-9a-f]{64} (anything else
// is refused), so no user-supplied text ever becomes a path.
class LocalFileStore : public FileStore {
 public:
  explicit LocalFileStore(std::string root) : root_(std::move(root)) {}
  Status PutFile(const std::string& key, const std::string& temp_path) override;
  Status Put(const std::string& key, BlobReader& in) override;
  Result<std::unique_ptr<BlobReader>> Open(const std::string& key) const override;
  Status Remove(const std::string& key) override;
  bool Exists(const std::string& key) const override;
  const std::string& root() const { return root_; }

 private:
  // The path of `key`, or "" for a malformed key.
  std::string PathOf(const std::string& key) const;
  std::string root_;
};

// Whether `key` is a valid blob key (64 lower-case hex digits).
bool IsBlobKey(const std::string& key);

}  // namespace samkjop::core::files

#endif  // SAMKJOP_CORE_FILES_FILE_STORE_H_
