#include "core/files/file_service.h"

#include <ctime>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "core/files/sniff.h"
#include "core/module/permissions.h"
#include "core/nor/civil_date.h"
#include "core/storage/sql.h"

namespace samkjop::core::files {
namespace {

constexpr char kEntity[] = "core.file";

Status NotFound() { return Status::NotFound("files.not_found", "Filen finnes ikke."); }

Status UnsupportedError(std::string code, std::string message) {
  return Status(ErrorCode::kUnsupportedMedia, std::move(code), std::move(message),
                {{"file", "Filtypen godtas ikke."}});
}

nlohmann::json AuditJson(const FileMeta& m) {
  return {{"id", m.id},
          {"sha256", m.sha256},
          {"size", m.size},
          {"filename", m.filename},
          {"content_type", m.content_type}};
}

constexpr char kColumns[] =
    "SELECT f.id, f.sha256, f.size, f.content_type, f.filename, f.uploaded_by, f.uploaded_at, "
    "COALESCE(u.username, ''), (SELECT COUNT(*) FROM core_file_links l WHERE l.file_id = f.id) "
    "FROM core_files f LEFT JOIN auth_users u ON u.id = f.uploaded_by ";

std::vector<FileMeta> FetchAll(soci::session& sql, const std::string& query,
                               std::vector<long long> params) {
  FileMeta m;
  long long id = 0, size = 0, by = 0, links = 0;
  soci::statement st(sql);
  st.exchange(soci::into(id));
  st.exchange(soci::into(m.sha256));
  st.exchange(soci::into(size));
  st.exchange(soci::into(m.content_type));
  st.exchange(soci::into(m.filename));
  st.exchange(soci::into(by));
  st.exchange(soci::into(m.uploaded_at));
  st.exchange(soci::into(m.uploaded_by_name));
  st.exchange(soci::into(links));
  for (auto& p : params) st.exchange(soci::use(p));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
  std::vector<FileMeta> out;
  while (st.fetch()) {
    m.id = id, m.size = size, m.uploaded_by = by, m.links = links;
    out.push_back(m);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> LinksOf(soci::session& sql, std::int64_t id) {
  long long fid = id;
  std::string kind, owner;
  soci::statement st = (sql.prepare << "SELECT owner_kind, owner_id FROM core_file_links WHERE "
                                       "file_id = :f ORDER BY owner_kind, owner_id",
                        soci::use(fid), soci::into(kind), soci::into(owner));
  st.execute(false);
  std::vector<std::pair<std::string, std::string>> out;
  while (st.fetch()) out.emplace_back(kind, owner);
  return out;
}

std::string IsoUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

void FileService::RegisterOwner(const std::string& owner_kind, MayRead may_read) {
  owners_[owner_kind] = std::move(may_read);
}

Result<FileMeta> FileService::Upload(const auth::Caller& caller, const std::string& temp_path,
                                     std::string_view filename, std::string_view declared_type) {
  if (caller.ScopeFor(perm::kFilesUpload).is_empty())
    return Status::Forbidden("auth.forbidden", "Du har ikke tilgang til å laste opp filer.");
  auto name = CheckFilename(filename);
  if (!name.ok()) return name.status();
  auto inspected = InspectFile(temp_path);
  if (!inspected.ok()) return inspected.status();
  const Inspection& in = *inspected;
  if (in.size == 0) return Status::InvalidField("files.empty", "file", "Filen er tom.");
  if (in.detected.legacy_office)
    return UnsupportedError("files.legacy_format",
                            "Eldre Office-formater (.doc, .xls, .ppt) godtas ikke. Lagre filen som "
                            ".docx, .xlsx, .pptx eller PDF.");
  if (in.detected.content_type.empty())
    return UnsupportedError("files.unsupported_type",
                            "Filtypen godtas ikke. Godtatt er PDF, PNG, JPEG, Office Open XML "
                            "(.docx, .xlsx, .pptx), CSV/tekst, XML og ZIP.");
  if (!DeclaredTypeAgrees(declared_type, in.detected.content_type))
    return UnsupportedError("files.type_mismatch", "Innholdet stemmer ikke med oppgitt filtype (" +
                                                       std::string(declared_type) +
                                                       "); innholdet er " +
                                                       in.detected.content_type + ".");

  FileMeta m;
  m.sha256 = in.sha256;
  m.size = static_cast<std::int64_t>(in.size);
  m.content_type = in.detected.content_type;
  m.filename = *name;
  m.uploaded_by = caller.principal().user_id;
  m.uploaded_by_name = caller.principal().username;
  m.uploaded_at = nor::NowUtcIso();

  auto s = db_.Acquire();
  auto& sql = s.sql();
  storage::WriteTx tx(s);
  long long size = m.size;
  sql << "INSERT INTO core_file_blobs (sha256, size, created_at) VALUES (:s, :z, :c) "
         "ON CONFLICT (sha256) DO NOTHING",
      soci::use(m.sha256), soci::use(size), soci::use(m.uploaded_at);
  // The blob's row lock: the clean-up removes a blob only under it, so the
  // blob seen here stays until this upload's row refers to it.
  long long locked = 0;
  sql << std::string("SELECT size FROM core_file_blobs WHERE sha256 = :s") +
             storage::ForUpdate(sql),
      soci::use(m.sha256), soci::into(locked);
  if (!store_->Exists(m.sha256)) SAMKJOP_RETURN_IF_ERROR(store_->PutFile(m.sha256, temp_path));
  long long id = 0, by = m.uploaded_by;
  sql << "INSERT INTO core_files (sha256, size, content_type, filename, uploaded_by, uploaded_at) "
         "VALUES (:s, :z, :t, :n, :b, :a) RETURNING id",
      soci::use(m.sha256), soci::use(size), soci::use(m.content_type), soci::use(m.filename),
      soci::use(by), soci::use(m.uploaded_at), soci::into(id);
  m.id = id;
  audit::Record(sql, caller.actor(),
                {"create", kEntity, std::to_string(m.id), nullptr, AuditJson(m)});
  tx.Commit();
  return m;
}

bool FileService::MayReadFile(const auth::Caller& caller, const FileMeta& meta,
                              const std::vector<std::pair<std::string, std::string>>& links) const {
  if (caller.principal().system) return true;
  auth::Scope own = caller.ScopeFor(perm::kFilesRead);
  if (own.is_empty()) return false;
  if (links.empty()) return own.owner_user_id() != 0 && own.owner_user_id() == meta.uploaded_by;
  for (const auto& [kind, owner] : links) {
    auto it = owners_.find(kind);
    if (it == owners_.end()) continue;  // a kind no module registers (any more): nobody
    if (it->second(caller, owner)) return true;
  }
  return false;
}

Result<FileMeta> FileService::Load(const auth::Caller& caller, std::int64_t id) {
  if (id <= 0) return NotFound();
  std::vector<FileMeta> rows;
  std::vector<std::pair<std::string, std::string>> links;
  {
    auto s = db_.Acquire();
    rows = FetchAll(s.sql(), std::string(kColumns) + "WHERE f.id = :id", {id});
    if (rows.empty()) return NotFound();
    links = LinksOf(s.sql(), id);
  }
  // The owner checks run with the connection given back: they may take their own.
  if (!MayReadFile(caller, rows[0], links)) return NotFound();
  return rows[0];
}

Result<FileMeta> FileService::Get(const auth::Caller& caller, std::int64_t id) {
  return Load(caller, id);
}

Result<FileService::Opened> FileService::Open(const auth::Caller& caller, std::int64_t id) {
  auto meta = Load(caller, id);
  if (!meta.ok()) return meta.status();
  auto reader = store_->Open(meta->sha256);
  if (!reader.ok()) {
    if (reader.status().code() == ErrorCode::kNotFound)
      return Status::Internal("file " + std::to_string(id) + ": blob " + meta->sha256 +
                              " is missing from the store");
    return reader.status();
  }
  return Opened{std::move(meta).value(), std::move(reader).value()};
}

FileService::Page FileService::ListMine(const auth::Scope& scope, std::int64_t offset, int limit) {
  // Own uploads only, whatever else the scope reaches.
  auth::Scope own;
  own.SetOwner(scope.owner_user_id());
  std::string where = "WHERE " + own.Sql({.owner = "f.uploaded_by"}) + " ";
  auto s = db_.Acquire();
  Page page;
  page.total = storage::ScalarInt(s.sql(), "SELECT COUNT(*) FROM core_files f " + where);
  page.items = FetchAll(s.sql(),
                        std::string(kColumns) + where + "ORDER BY f.id DESC LIMIT " +
                            std::to_string(limit) + " OFFSET " + std::to_string(offset),
                        {});
  return page;
}

Status FileService::Attach(soci::session& sql, const auth::Caller& caller, std::int64_t file_id,
                           const std::string& owner_kind, const std::string& owner_id) {
  if (!owners_.count(owner_kind))
    return Status::Internal("files: no module registered owner kind " + owner_kind);
  long long fid = file_id, got = 0;
  // Locks the file against the clean-up until this transaction ends.
  sql << std::string("SELECT id FROM core_files WHERE id = :id") + storage::ForUpdate(sql),
      soci::use(fid), soci::into(got);
  if (!sql.got_data()) return NotFound();
  auto rows = FetchAll(sql, std::string(kColumns) + "WHERE f.id = :id", {fid});
  if (rows.empty()) return NotFound();
  if (!MayReadFile(caller, rows[0], LinksOf(sql, file_id))) return NotFound();
  std::string now = nor::NowUtcIso();
  sql << "INSERT INTO core_file_links (file_id, owner_kind, owner_id, linked_at) "
         "VALUES (:f, :k, :o, :a) ON CONFLICT (file_id, owner_kind, owner_id) DO NOTHING",
      soci::use(fid), soci::use(owner_kind), soci::use(owner_id), soci::use(now);
  audit::Record(sql, caller.actor(),
                {"attach",
                 kEntity,
                 std::to_string(file_id),
                 nullptr,
                 {{"owner_kind", owner_kind}, {"owner_id", owner_id}}});
  return Status::Ok();
}

Status FileService::Detach(soci::session& sql, const audit::Actor& actor, std::int64_t file_id,
                           const std::string& owner_kind, const std::string& owner_id) {
  long long fid = file_id;
  soci::statement st = (sql.prepare << "DELETE FROM core_file_links WHERE file_id = :f AND "
                                       "owner_kind = :k AND owner_id = :o",
                        soci::use(fid), soci::use(owner_kind), soci::use(owner_id));
  st.execute(true);
  if (st.get_affected_rows() > 0)
    audit::Record(sql, actor,
                  {"detach",
                   kEntity,
                   std::to_string(file_id),
                   {{"owner_kind", owner_kind}, {"owner_id", owner_id}},
                   nullptr});
  return Status::Ok();
}

std::vector<std::int64_t> FileService::AttachedTo(soci::session& sql, const std::string& owner_kind,
                                                  const std::string& owner_id) {
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT file_id FROM core_file_links WHERE owner_kind = :k "
                                       "AND owner_id = :o ORDER BY file_id",
                        soci::use(owner_kind), soci::use(owner_id), soci::into(id));
  st.execute(false);
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

Result<CleanupResult> RemoveUnreferencedFiles(storage::Database& db, FileStore& store,
                                              std::chrono::seconds older_than,
                                              std::chrono::system_clock::time_point now) {
  std::string cutoff = IsoUtc(now - older_than);
  std::vector<long long> candidates;
  {
    auto s = db.Acquire();
    long long id = 0;
    soci::statement st =
        (s.sql().prepare << "SELECT f.id FROM core_files f WHERE f.uploaded_at < :c AND NOT "
                            "EXISTS (SELECT 1 FROM core_file_links l WHERE l.file_id = f.id) "
                            "ORDER BY f.id",
         soci::use(cutoff), soci::into(id));
    st.execute(false);
    while (st.fetch()) candidates.push_back(id);
  }
  CleanupResult out;
  audit::Actor system;
  system.request_id = "job:core.remove_orphan_files";
  for (long long id : candidates) {
    auto s = db.Acquire();
    auto& sql = s.sql();
    storage::WriteTx tx(s);
    std::string sha;
    long long size = 0;
    // Re-checked under the file's lock: an attach may have come in between.
    sql << std::string("SELECT sha256, size FROM core_files WHERE id = :id") +
               storage::ForUpdate(sql),
        soci::use(id), soci::into(sha), soci::into(size);
    if (!sql.got_data()) continue;
    if (storage::ScalarInt(
            sql, "SELECT COUNT(*) FROM core_file_links WHERE file_id = " + std::to_string(id)) > 0)
      continue;
    sql << "DELETE FROM core_files WHERE id = :id", soci::use(id);
    audit::Record(
        sql, system,
        {"delete", kEntity, std::to_string(id), {{"sha256", sha}, {"size", size}}, nullptr});
    ++out.files;
    long long blob_size = 0;
    sql << std::string("SELECT size FROM core_file_blobs WHERE sha256 = :s") +
               storage::ForUpdate(sql),
        soci::use(sha), soci::into(blob_size);
    long long users = 0;
    sql << "SELECT COUNT(*) FROM core_files WHERE sha256 = :s", soci::use(sha), soci::into(users);
    if (users == 0) {
      sql << "DELETE FROM core_file_blobs WHERE sha256 = :s", soci::use(sha);
      // Removed under the blob's lock, before the commit: an upload of the same
      // content waits for this transaction and then finds no blob, so stores it
      // again. (Should the commit fail after this, the blob row stays without a
      // blob, and the next upload of that content stores it again.)
      Status st = store.Remove(sha);
      if (!st.ok()) return st;  // rolls back
      ++out.blobs;
    }
    tx.Commit();
  }
  if (out.files > 0)
    spdlog::info(R"({{"msg":"removed unreferenced files","files":{},"blobs":{}}})", out.files,
                 out.blobs);
  return out;
}

}  // namespace samkjop::core::files
