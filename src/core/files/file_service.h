// The files service: uploads (checked by content, stored once per content),
// downloads for callers who may read the file, links from module records to
// files, and the clean-up of files nothing refers to.
//
// How a module uses it (in its `start` hook):
//   auto& files = sv.Get<core::files::FileService>();
//   files.RegisterOwner("agreements.agreement",
//       [svc](const core::auth::Caller& c, const std::string& id) { return svc->MayRead(c, id); });
// and, in the transaction that saves its record:
//   SAMKJOP_RETURN_IF_ERROR(files.Attach(sql, caller, file_id, "agreements.agreement", id));
#ifndef SAMKJOP_CORE_FILES_FILE_SERVICE_H_
#define SAMKJOP_CORE_FILES_FILE_SERVICE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/audit.h"
#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/files/file_store.h"
#include "core/storage/database.h"

namespace soci {
class session;
}

namespace samkjop::core::files {

struct FileMeta {
  std::int64_t id = 0;
  std::string sha256;
  std::int64_t size = 0;
  std::string content_type;  // detected from the content
  std::string filename;      // as uploaded, checked (CheckFilename)
  std::int64_t uploaded_by = 0;
  std::string uploaded_by_name;  // username
  std::string uploaded_at;       // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::int64_t links = 0;        // records it is attached to
};

// Whether the caller may read the record `owner_id` of one owner kind.
using MayRead = std::function<bool(const auth::Caller&, const std::string& owner_id)>;

class FileService {
 public:
  FileService(storage::Database& db, std::shared_ptr<FileStore> store)
      : db_(db), store_(std::move(store)) {}

  // Registers who may read files attached to records of `owner_kind`
  // ("agreements.agreement"). At start-up only (module `start` hooks): the
  // registry is read without a lock afterwards.
  void RegisterOwner(const std::string& owner_kind, MayRead may_read);

  // Stores the upload in `temp_path` (the transport's streamed body) as the
  // caller's file `filename`. Errors: 400 files.empty (field file) and the
  // filename errors (field filename); 415 files.legacy_format,
  // files.unsupported_type, files.type_mismatch (the declared type
  // disagrees with the content); 403 without core.files.upload.
  Result<FileMeta> Upload(const auth::Caller& caller, const std::string& temp_path,
                          std::string_view filename, std::string_view declared_type);

  // The file's metadata, when the caller may read it: the uploader of a file
  // not yet attached, or anyone who may read a record it is attached to (the
  // owner registry). 404 files.not_found otherwise.
  Result<FileMeta> Get(const auth::Caller& caller, std::int64_t id);
  // The file's metadata and its contents as a stream (same access as Get).
  struct Opened {
    FileMeta meta;
    std::unique_ptr<BlobReader> reader;
  };
  Result<Opened> Open(const auth::Caller& caller, std::int64_t id);

  // The caller's own uploads, newest first. `scope`: the caller's scope for
  // core.files.read (own records), applied in SQL.
  struct Page {
    std::vector<FileMeta> items;
    std::int64_t total = 0;
  };
  Page ListMine(const auth::Scope& scope, std::int64_t offset, int limit);

  // Attaches file `file_id` to a record, inside the caller's write
  // transaction on `sql` (audited there). The caller must be allowed to read
  // the file (so nobody can attach, and so read, another's file). 404
  // files.not_found; kInternal for an owner kind nobody registered.
  Status Attach(soci::session& sql, const auth::Caller& caller, std::int64_t file_id,
                const std::string& owner_kind, const std::string& owner_id);
  // Removes that link (OK when there was none). A file left without links is
  // removed by RemoveUnreferencedFiles once it is old enough.
  Status Detach(soci::session& sql, const audit::Actor& actor, std::int64_t file_id,
                const std::string& owner_kind, const std::string& owner_id);
  // The ids of the files attached to one record, in id order.
  std::vector<std::int64_t> AttachedTo(soci::session& sql, const std::string& owner_kind,
                                       const std::string& owner_id);

  FileStore& store() { return *store_; }
  storage::Database& db() { return db_; }

 private:
  bool MayReadFile(const auth::Caller& caller, const FileMeta& meta,
                   const std::vector<std::pair<std::string, std::string>>& links) const;
  Result<FileMeta> Load(const auth::Caller& caller, std::int64_t id);

  storage::Database& db_;
  std::shared_ptr<FileStore> store_;
  std::map<std::string, MayRead> owners_;
};

// What RemoveUnreferencedFiles did.
struct CleanupResult {
  int files = 0;  // core_files rows removed
  int blobs = 0;  // blobs removed from the store
};
// Removes the files no record refers to (no link) uploaded before
// `now - older_than`, and each blob no file row uses any more, one file per
// transaction under a row lock (safe beside uploads and attaches on another
// app server). Audited as the system. The job core.remove_orphan_files.
Result<CleanupResult> RemoveUnreferencedFiles(
    storage::Database& db, FileStore& store, std::chrono::seconds older_than,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace samkjop::core::files

#endif  // SAMKJOP_CORE_FILES_FILE_SERVICE_H_
