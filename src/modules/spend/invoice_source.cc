#include "modules/spend/invoice_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace samkjop::spend {

core::Result<std::unique_ptr<FdByteSource>> FdByteSource::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return core::Status::InvalidField("spend.unreadable", path,
                                      "kan ikke lese filen " + path + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return core::Status::InvalidField("spend.unreadable", path,
                                      "kan ikke lese filen " + path + ": ikke en vanlig fil");
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  const std::int64_t size = S_ISREG(st.st_mode) ? static_cast<std::int64_t>(st.st_size) : -1;
  return std::unique_ptr<FdByteSource>(new FdByteSource(fd, true, size, path));
}

std::unique_ptr<FdByteSource> FdByteSource::Stdin() {
  return std::unique_ptr<FdByteSource>(new FdByteSource(0, false, -1, "-"));
}

FdByteSource::~FdByteSource() {
  if (owned_) ::close(fd_);
}

core::Result<size_t> FdByteSource::Read(char* buffer, size_t capacity) {
  while (true) {
    const ssize_t n = ::read(fd_, buffer, capacity);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    return core::Status::InvalidField("spend.unreadable", name_,
                                      "lesefeil i " + name_ + ": " + std::strerror(errno));
  }
}

std::string FormatMiB(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " byte";
}

core::Result<size_t> MemoryByteSource::Read(char* buffer, size_t capacity) {
  const size_t n = std::min({capacity, data_.size() - pos_, max_read_});
  std::memcpy(buffer, data_.data() + pos_, n);
  pos_ += n;
  return n;
}

}  // namespace samkjop::spend
