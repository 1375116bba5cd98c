// The audit log: every write records who, when, what, before and after, in
// the same transaction as the write (call Record inside the WriteTx).
#ifndef SAMKJOP_CORE_AUDIT_AUDIT_H_
#define SAMKJOP_CORE_AUDIT_AUDIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"

namespace soci {
class session;
}

namespace samkjop::core::audit {

// Who acts: a signed-in user (from the request) or the system (CLI, jobs).
struct Actor {
  std::int64_t user_id = 0;  // 0 for the system
  std::string username = "system";
  std::string request_id = "cli";
};

struct Entry {
  std::string action;     // "create", "update", "make_host", "end", "login"...
  std::string entity;     // "org.municipality"
  std::string entity_id;  // "944117784"
  nlohmann::json before;  // null when created
  nlohmann::json after;   // null when deleted
};

// Inserts one entry. Throws (soci) on database failure, so the caller's
// transaction rolls back and the write is not kept without its entry.
void Record(soci::session& sql, const Actor& actor, const Entry& entry);

// The most rows one read returns (the Excel export's cap).
inline constexpr int kMaxExportRows = 100000;  // = http::kMaxExportRows

struct Filter {
  std::string entity;  // exact, or prefix ending in '.' ("org.")
  std::string entity_id;
  std::string username;
  std::string from;  // YYYY-MM-DD, inclusive (UTC date of `at`)
  std::string to;    // YYYY-MM-DD, inclusive
  int limit = 50;    // 1..kMaxExportRows
  std::int64_t offset = 0;
};

struct Row {
  std::int64_t id = 0;
  std::string at, username, action, entity, entity_id, request_id;
  nlohmann::json before, after;
};

// Newest first. `total` is the count before limit/offset.
std::vector<Row> Find(soci::session& sql, const Filter& f, std::int64_t* total);

nlohmann::json RowToJson(const Row& r);

}  // namespace samkjop::core::audit

#endif  // SAMKJOP_CORE_AUDIT_AUDIT_H_
