#include "core/storage/database.h"

#include <optional>
#include <sstream>

#include <soci/connection-pool.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

namespace samkjop::core::storage {

Session::Session(Database* db, std::size_t pos) : db_(db), pos_(pos) {}

Session::~Session() {
  if (db_) db_->pool_->give_back(pos_);
}

Session::Session(Session&& o) noexcept : db_(o.db_), pos_(o.pos_) { o.db_ = nullptr; }

soci::session& Session::sql() { return db_->pool_->at(pos_); }

DbKind Session::kind() const { return db_->kind(); }

WriteTx::WriteTx(Session& s) : s_(s) {
  s_.sql() << (s_.kind() == DbKind::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTx::~WriteTx() {
  if (done_) return;
  try {
    s_.sql() << "ROLLBACK";
  } catch (const std::exception& e) {
    spdlog::warn("rollback failed: {}", e.what());
  }
}

void WriteTx::Commit() {
  s_.sql() << "COMMIT";
  done_ = true;
}

namespace {
// libpq key=value form of a postgresql:// URL (SOCI mangles URIs it is given).
// postgresql://user:password@host:port/dbname?sslmode=require
std::optional<std::string> PgKeywords(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string userinfo, hostport, dbname;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = rest.substr(slash + 1);
    hostport = rest.substr(0, slash);
  } else {
    hostport = rest;
  }
  auto quote = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out.push_back('\\');
      out.push_back(c);
    }
    return out + "'";
  };
  std::string out;
  auto add = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : " ") + k + "=" + quote(v);
  };
  std::string host = hostport, port;
  if (!hostport.empty() && hostport.front() == '[') {
    auto close = hostport.find(']');
    if (close == std::string::npos) return std::nullopt;
    host = hostport.substr(1, close - 1);
    if (close + 1 < hostport.size() && hostport[close + 1] == ':')
      port = hostport.substr(close + 2);
  } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  std::string user = userinfo, password;
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
  }
  add("host", host);
  add("port", port);
  add("dbname", dbname);
  add("user", user);
  add("password", password);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string kv = query.substr(0, amp);
    if (auto eq = kv.find('='); eq != std::string::npos) add(kv.substr(0, eq), kv.substr(eq + 1));
    if (amp == std::string::npos) break;
    query = query.substr(amp + 1);
  }
  return out;
}
}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<Database> db(new Database());
  db->url_ = url;
  std::string backend, conn;
  if (url.rfind("sqlite:", 0) == 0) {
    db->kind_ = DbKind::kSqlite;
    db->sqlite_path_ = url.substr(7);
    if (db->sqlite_path_.rfind("//", 0) == 0) db->sqlite_path_ = db->sqlite_path_.substr(2);
    if (db->sqlite_path_.empty())
      return Status::Invalid("storage.bad_url", "Tom SQLite-sti i --db.");
    if (db->sqlite_path_ == ":memory:") pool_size = 1;
    backend = "sqlite3";
    conn = "db=" + db->sqlite_path_ + " timeout=10 shared_cache=false";
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db->kind_ = DbKind::kPostgres;
    backend = "postgresql";
    auto kw = PgKeywords(url);
    if (!kw) return Status::Invalid("storage.bad_url", "Ugyldig PostgreSQL-URL.");
    conn = *kw;
  } else {
    return Status::Invalid("storage.bad_url",
                           "Ukjent database-URL: bruk sqlite:STI eller postgresql://...");
  }
  db->pool_size_ = pool_size;
  db->pool_ = std::make_unique<soci::connection_pool>(pool_size);
  try {
    for (std::size_t idx = 0; idx < pool_size; ++idx) {
      soci::session& s = db->pool_->at(idx);
      s.open(backend, conn);
      if (db->kind_ == DbKind::kSqlite) {
        s << "PRAGMA busy_timeout = 10000";
        s << "PRAGMA journal_mode = WAL";
        s << "PRAGMA synchronous = FULL";
        s << "PRAGMA foreign_keys = ON";
      } else {
        s << "SET client_min_messages = WARNING";
      }
    }
  } catch (const std::exception& e) {
    return Status(ErrorCode::kUnavailable, "storage.unavailable", "Kan ikke åpne databasen.", {},
                  e.what());
  }
  return db;
}

Database::~Database() = default;

Session Database::Acquire() { return Session(this, pool_->lease()); }

Status Database::Ping() {
  try {
    Session s = Acquire();
    int one = 0;
    s.sql() << "SELECT 1", soci::into(one);
    if (one != 1)
      return Status(ErrorCode::kUnavailable, "storage.unavailable", "Databasen svarer ikke.");
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status(ErrorCode::kUnavailable, "storage.unavailable", "Databasen svarer ikke.", {},
                  e.what());
  }
}

std::string Database::Dialect(const std::string& sql) const {
  std::string out;
  std::istringstream in(sql);
  std::string line;
  const bool lite = kind_ == DbKind::kSqlite;
  while (std::getline(in, line)) {
    if (line.rfind("-- sqlite:", 0) == 0) {
      if (lite) out += line.substr(10) + "\n";
      continue;
    }
    if (line.rfind("-- postgres:", 0) == 0) {
      if (!lite) out += line.substr(12) + "\n";
      continue;
    }
    out += line + "\n";
  }
  auto replace = [&out](const std::string& from, const std::string& to) {
    for (size_t pos = out.find(from); pos != std::string::npos;
         pos = out.find(from, pos + to.size()))
      out.replace(pos, from.size(), to);
  };
  replace("{{id}}", lite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                         : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  replace("{{blob}}", lite ? "BLOB" : "BYTEA");
  return out;
}

namespace {
// Splits on ';' at the end of a line (our migrations never put ';' there
// inside a string literal).
std::vector<std::string> Statements(const std::string& sql) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(sql);
  std::string line;
  while (std::getline(in, line)) {
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r'))
      trimmed.pop_back();
    if (trimmed.rfind("--", 0) == 0) continue;
    cur += line + "\n";
    if (!trimmed.empty() && trimmed.back() == ';') {
      cur.erase(cur.find_last_of(';'));
      out.push_back(cur);
      cur.clear();
    }
  }
  if (cur.find_first_not_of(" \n\r\t") != std::string::npos) out.push_back(cur);
  return out;
}
}  // namespace

Result<int> Database::Migrate(const std::vector<Migration>& migrations) {
  int applied = 0;
  Session s = Acquire();
  auto& sql = s.sql();
  try {
    sql << "CREATE TABLE IF NOT EXISTS core_migrations ("
           "module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, "
           "applied_at TEXT NOT NULL, PRIMARY KEY (module, version))";
    for (const auto& m : migrations) {
      int count = 0;
      sql << "SELECT COUNT(*) FROM core_migrations WHERE module = :m AND version = :v",
          soci::use(m.module), soci::use(m.version), soci::into(count);
      if (count > 0) continue;
      WriteTx tx(s);
      for (const auto& stmt : Statements(Dialect(m.sql))) sql << stmt;
      std::string now;
      {
        std::time_t t = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        now = buf;
      }
      sql << "INSERT INTO core_migrations (module, version, name, applied_at) VALUES (:m, :v, :n, "
             ":a)",
          soci::use(m.module), soci::use(m.version), soci::use(m.name), soci::use(now);
      tx.Commit();
      spdlog::info("migration applied: {} {:04d} {}", m.module, m.version, m.name);
      ++applied;
    }
  } catch (const std::exception& e) {
    return Status(ErrorCode::kInternal, "storage.migration_failed", "En databasemigrering feilet.",
                  {}, e.what());
  }
  return applied;
}

bool IsConstraintViolation(const std::string& what) {
  return what.find("UNIQUE constraint") != std::string::npos ||
         what.find("FOREIGN KEY constraint") != std::string::npos ||
         what.find("duplicate key") != std::string::npos ||
         what.find("violates foreign key") != std::string::npos ||
         what.find("violates unique") != std::string::npos;
}

}  // namespace samkjop::core::storage
