// LocalFileStore: blobs as files in a sharded folder tree, written through a
// temporary name, fsynced, then renamed into place (a reader never sees half
// a blob; a blob answered 201 survives a power failure).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/files/file_store.h"

namespace samkjop::core::files {
namespace {

namespace fs = std::filesystem;

Status IoError(const std::string& what, const std::string& path) {
  return Status::Internal("file store: " + what + " " + path + ": " + std::strerror(errno));
}

// fsync a file or folder by path.
bool SyncPath(const std::string& path, bool dir) {
  int fd = ::open(path.c_str(), (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string TempName(const std::string& path) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return path + ".tmp" + std::to_string(rng());
}

class LocalReader : public BlobReader {
 public:
  LocalReader(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  ~LocalReader() override { ::close(fd_); }
  std::size_t Read(char* buf, std::size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw std::runtime_error(std::string("read: ") + std::strerror(errno));
    }
  }
  std::uint64_t size() const override { return size_; }

 private:
  int fd_;
  std::uint64_t size_;
};

}  // namespace

bool IsBlobKey(const std::string& key) {
  if (key.size() != 64) return false;
  for (char c : key)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string LocalFileStore::PathOf(const std::string& key) const {
  if (!IsBlobKey(key)) return "";
  return (fs::path(root_) / key.substr(0, 2) / key.substr(2, 2) / key).string();
}

Status LocalFileStore::PutFile(const std::string& key, const std::string& temp_path) {
  std::string path = PathOf(key);
  if (path.empty()) return Status::Internal("file store: bad key");
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  fs::create_directories(dir, ec);
  if (ec) return Status::Internal("file store: mkdir " + dir.string() + ": " + ec.message());
  if (!SyncPath(temp_path, false)) return IoError("fsync", temp_path);
  if (::rename(temp_path.c_str(), path.c_str()) != 0) {
    if (errno != EXDEV) return IoError("rename", temp_path);
    // Another file system: copy instead.
    int fd = ::open(temp_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError("open", temp_path);
    struct stat st {};
    ::fstat(fd, &st);
    LocalReader in(fd, static_cast<std::uint64_t>(st.st_size));
    return Put(key, in);
  }
  if (!SyncPath(dir.string(), true)) return IoError("fsync", dir.string());
  return Status::Ok();
}

Status LocalFileStore::Put(const std::string& key, BlobReader& in) {
  std::string path = PathOf(key);
  if (path.empty()) return Status::Internal("file store: bad key");
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  fs::create_directories(dir, ec);
  if (ec) return Status::Internal("file store: mkdir " + dir.string() + ": " + ec.message());
  std::string tmp = TempName(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return IoError("create", tmp);
  std::vector<char> buf(64 * 1024);
  try {
    for (;;) {
      std::size_t n = in.Read(buf.data(), buf.size());
      if (n == 0) break;
      std::size_t off = 0;
      while (off < n) {
        ssize_t w = ::write(fd, buf.data() + off, n - off);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) throw std::runtime_error(std::string("write: ") + std::strerror(errno));
        off += static_cast<std::size_t>(w);
      }
    }
    if (::fsync(fd) != 0) throw std::runtime_error(std::string("fsync: ") + std::strerror(errno));
  } catch (const std::exception& e) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return Status::Internal(std::string("file store: ") + e.what());
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = IoError("rename", tmp);
    ::unlink(tmp.c_str());
    return st;
  }
  if (!SyncPath(dir.string(), true)) return IoError("fsync", dir.string());
  return Status::Ok();
}

Result<std::unique_ptr<BlobReader>> LocalFileStore::Open(const std::string& key) const {
  std::string path = PathOf(key);
  if (path.empty()) return Status::NotFound("files.not_found", "Filen finnes ikke.");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("files.not_found", "Filen finnes ikke.");
    return IoError("open", path);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    Status s = IoError("stat", path);
    ::close(fd);
    return s;
  }
  return std::unique_ptr<BlobReader>(
      std::make_unique<LocalReader>(fd, static_cast<std::uint64_t>(st.st_size)));
}

Status LocalFileStore::Remove(const std::string& key) {
  std::string path = PathOf(key);
  if (path.empty()) return Status::Internal("file store: bad key");
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return IoError("remove", path);
  return Status::Ok();
}

bool LocalFileStore::Exists(const std::string& key) const {
  std::string path = PathOf(key);
  struct stat st {};
  return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace samkjop::core::files
