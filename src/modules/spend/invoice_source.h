// Where invoice lines come from. The engine does not care: a CSV byte stream
// (a file, standard input, an upload held in memory or streamed from a
// socket) or rows already split into fields (PEPPOL invoices, the register).
#ifndef SAMKJOP_MODULES_SPEND_INVOICE_SOURCE_H_
#define SAMKJOP_MODULES_SPEND_INVOICE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error/status.h"
#include "modules/spend/report.h"

namespace samkjop::spend {

// A stream of bytes read front to back, once.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer`. Returns how many were read;
  // 0 means the end. Error "spend.unreadable" when the source fails.
  // Called from one thread at a time.
  virtual core::Result<size_t> Read(char* buffer, size_t capacity) = 0;

  // The total size when known (for progress), else -1.
  virtual std::int64_t SizeHint() const { return -1; }
};

// A file or standard input, read with read(2) into the caller's buffer (no
// mmap: mapped input would count in the process's resident memory).
class FdByteSource : public ByteSource {
 public:
  // Opens `path` for reading. Error "spend.unreadable" naming the file (not
  // found, no permission, a folder).
  static core::Result<std::unique_ptr<FdByteSource>> Open(const std::string& path);
  // Standard input (not closed on destruction).
  static std::unique_ptr<FdByteSource> Stdin();

  ~FdByteSource() override;
  FdByteSource(const FdByteSource&) = delete;
  FdByteSource& operator=(const FdByteSource&) = delete;

  core::Result<size_t> Read(char* buffer, size_t capacity) override;
  std::int64_t SizeHint() const override { return size_; }

 private:
  FdByteSource(int fd, bool owned, std::int64_t size, std::string name)
      : fd_(fd), owned_(owned), size_(size), name_(std::move(name)) {}
  int fd_;
  bool owned_;
  std::int64_t size_;
  std::string name_;
};

// Bytes held by the caller (tests, uploads already in memory). The view must
// outlive the source.
class MemoryByteSource : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view data, size_t max_read = SIZE_MAX)
      : data_(data), max_read_(max_read) {}
  core::Result<size_t> Read(char* buffer, size_t capacity) override;
  std::int64_t SizeHint() const override { return static_cast<std::int64_t>(data_.size()); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  size_t max_read_;  // at most this many bytes per Read (to test short reads)
};

// "32 MiB" for a whole number of MiB, else "N byte": a size limit in messages.
std::string FormatMiB(size_t bytes);

// One invoice line whose fields a source has already separated. The texts
// follow the CSV rules (the same parsers run on them); `rejected` is set when
// the source already knows the line cannot be used (PEPPOL: currency,
// buyer without a Norwegian organisation number).
struct InvoiceRow {
  std::uint64_t line = 0;  // position in the source, for rejected examples
  std::string buyer_orgnr;
  std::string invoice_date;
  std::string supplier_orgnr;
  std::string supplier_name;
  std::string account;
  std::string amount;
  std::optional<RejectReason> rejected;
};

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_INVOICE_SOURCE_H_
