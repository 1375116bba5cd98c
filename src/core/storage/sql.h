// Small helpers every store uses with SOCI: nullable text binds, dialect
// differences that belong in a statement (row locks), and counting.
#ifndef SAMKJOP_CORE_STORAGE_SQL_H_
#define SAMKJOP_CORE_STORAGE_SQL_H_

#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace samkjop::core::storage {

// A text value bound as NULL when empty. soci::use needs lvalues that live
// until the statement runs: keep a Nullable as a named local.
struct Nullable {
  explicit Nullable(const std::string& v) : value(v), ind(v.empty() ? soci::i_null : soci::i_ok) {}
  std::string value;
  soci::indicator ind;
  std::string name;  // soci::use keeps a reference to the bind name: it must outlive the statement
};
// soci::use(value, indicator) for a Nullable. (soci::use's own default name
// argument is a temporary, so it cannot be returned from a helper.)
inline auto Use(Nullable& n) { return soci::use(n.value, n.ind, n.name); }

// A fetched nullable text column: "" when NULL.
inline std::string OrEmpty(const std::string& v, soci::indicator ind) {
  return ind == soci::i_ok ? v : std::string();
}

inline bool IsPostgres(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

// " FOR UPDATE" on PostgreSQL, "" on SQLite (where a write transaction —
// BEGIN IMMEDIATE — already holds the database's write lock). Append to a
// SELECT inside a WriteTx to serialise a read-then-write rule on the rows it
// reads; the rows stay locked until the transaction ends.
inline const char* ForUpdate(soci::session& sql) { return IsPostgres(sql) ? " FOR UPDATE" : ""; }

// The first column of the first row as an integer (COUNT(*) and the like).
inline std::int64_t ScalarInt(soci::session& sql, const std::string& query) {
  long long n = 0;
  sql << query, soci::into(n);
  return n;
}

}  // namespace samkjop::core::storage

#endif  // SAMKJOP_CORE_STORAGE_SQL_H_
