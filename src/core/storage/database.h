// One interface over SQLite and PostgreSQL (SOCI). Stores take a
// soci::session& from a pooled Session; writes run inside a WriteTx.
#ifndef SAMKJOP_CORE_STORAGE_DATABASE_H_
#define SAMKJOP_CORE_STORAGE_DATABASE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/error/status.h"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace samkjop::core::storage {

enum class DbKind { kSqlite, kPostgres };

// One numbered migration of one module. SQL may hold several statements
// separated by ";" at line ends, and these placeholders:
//   {{id}}   -> an auto-increment BIGINT primary key
//   {{blob}} -> BLOB (SQLite) / BYTEA (PostgreSQL)
// Lines starting "-- sqlite:" / "-- postgres:" hold a statement for one
// dialect only (the rest of the line, after the prefix).
struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sql;
};

class Database;

// A pooled connection; returned to the pool on destruction. Not thread-safe:
// one request, one Session.
class Session {
 public:
  Session(Database* db, std::size_t pos);
  ~Session();
  Session(Session&& other) noexcept;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  soci::session& sql();
  DbKind kind() const;

 private:
  Database* db_;
  std::size_t pos_;
};

// A write transaction: BEGIN IMMEDIATE on SQLite (so two writers never
// deadlock on lock upgrade), BEGIN on PostgreSQL. Rolls back unless Commit()
// ran.
class WriteTx {
 public:
  explicit WriteTx(Session& s);
  ~WriteTx();
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  void Commit();

 private:
  Session& s_;
  bool done_ = false;
};

class Database {
 public:
  // Opens `url`: "sqlite:PATH" (PATH ":memory:" allowed only with pool 1) or
  // "postgresql://..." (libpq URI). SQLite gets WAL, synchronous=FULL,
  // foreign_keys=ON and a busy timeout on every pooled connection.
  // Errors: kInvalidArgument for an unknown scheme, kUnavailable when the
  // database cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, std::size_t pool_size);
  ~Database();

  DbKind kind() const { return kind_; }
  std::string KindName() const { return kind_ == DbKind::kSqlite ? "sqlite" : "postgresql"; }
  const std::string& url() const { return url_; }
  // SQLite file path ("" for PostgreSQL).
  const std::string& sqlite_path() const { return sqlite_path_; }

  // Blocks until a connection is free.
  Session Acquire();
  // A trivial query; kUnavailable on failure.
  Status Ping();

  // Applies every migration not yet applied, in the given order, each in its
  // own transaction, recording it in core_migrations. Returns the number
  // applied.
  Result<int> Migrate(const std::vector<Migration>& migrations);

  // Replaces the placeholders of Migration for this dialect.
  std::string Dialect(const std::string& sql) const;

 private:
  friend class Session;
  Database() = default;
  DbKind kind_ = DbKind::kSqlite;
  std::string url_;
  std::string sqlite_path_;
  std::size_t pool_size_ = 0;
  std::unique_ptr<soci::connection_pool> pool_;
};

// True when a database error message means a unique/foreign-key constraint
// was violated (both dialects' wordings).
bool IsConstraintViolation(const std::string& what);

}  // namespace samkjop::core::storage

#endif  // SAMKJOP_CORE_STORAGE_DATABASE_H_
