#include "core/auth/throttle.h"

#include <algorithm>

#include <soci/soci.h>

namespace samkjop::core::auth::throttle {
namespace {

struct Row {
  int failures = 0;
  std::int64_t last_ms = 0;
};

// The row as the rule sees it now: a quiet key starts again at 0.
Row Effective(const Rule& rule, Row row, std::int64_t now_ms) {
  if (now_ms - row.last_ms > rule.quiet_ms) row.failures = 0;
  return row;
}

std::int64_t Remaining(const Rule& rule, const Row& row, std::int64_t now_ms) {
  std::int64_t lock = LockMs(rule, row.failures);
  if (lock == 0) return 0;
  return std::max<std::int64_t>(0, row.last_ms + lock - now_ms);
}

}  // namespace

std::int64_t LockMs(const Rule& rule, int failures) {
  if (failures < rule.limit) return 0;
  int doublings = std::min(failures - rule.limit, 40);  // 2^40 s is past any cap
  std::int64_t lock = rule.first_lock_ms;
  for (int step = 0; step < doublings && lock < rule.max_lock_ms; ++step) lock *= 2;
  return std::min(lock, rule.max_lock_ms);
}

Counted CountAttempt(soci::session& sql, bool postgres, const std::vector<Key>& keys,
                     std::int64_t now_ms) {
  Counted out;
  std::vector<Row> rows;
  const std::string select =
      std::string("SELECT failures, last_ms FROM auth_throttle WHERE key = :k") +
      (postgres ? " FOR UPDATE" : "");
  for (const auto& k : keys) {
    // The row must exist to be locked; a parallel first attempt waits here on
    // PostgreSQL until the other transaction ends, then does nothing.
    sql << "INSERT INTO auth_throttle (key, failures, last_ms) VALUES (:k, 0, 0) "
           "ON CONFLICT (key) DO NOTHING",
        soci::use(k.key);
    Row r;
    long long last = 0;
    sql << select, soci::use(k.key), soci::into(r.failures), soci::into(last);
    r.last_ms = last;
    Row eff = Effective(k.rule, r, now_ms);
    out.retry_after_ms = std::max(out.retry_after_ms, Remaining(k.rule, eff, now_ms));
    rows.push_back(eff);
    out.previous_last_ms.push_back(r.last_ms);
  }
  if (out.retry_after_ms > 0) {
    // Nothing counted: drop the rows this attempt created just to lock them.
    for (const auto& k : keys)
      sql << "DELETE FROM auth_throttle WHERE key = :k AND failures = 0 AND last_ms = 0",
          soci::use(k.key);
    out.previous_last_ms.clear();
    return out;
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    int failures = rows[i].failures + 1;
    long long now = now_ms;
    sql << "UPDATE auth_throttle SET failures = :f, last_ms = :n WHERE key = :k",
        soci::use(failures), soci::use(now), soci::use(keys[i].key);
    out.failures.push_back(failures);
  }
  return out;
}

void Refund(soci::session& sql, const std::string& key, std::int64_t counted_ms,
            std::int64_t previous_last_ms) {
  long long ours = counted_ms, prev = previous_last_ms;
  sql << "UPDATE auth_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, "
         "last_ms = CASE WHEN last_ms = :ours THEN :prev ELSE last_ms END WHERE key = :k",
      soci::use(ours), soci::use(prev), soci::use(key);
  sql << "DELETE FROM auth_throttle WHERE key = :k AND failures = 0", soci::use(key);
}

void Clear(soci::session& sql, const std::string& key) {
  sql << "DELETE FROM auth_throttle WHERE key = :k", soci::use(key);
}

std::int64_t LockedFor(soci::session& sql, const Rule& rule, const std::string& key,
                       std::int64_t now_ms) {
  Row r;
  long long last = 0;
  sql << "SELECT failures, last_ms FROM auth_throttle WHERE key = :k", soci::use(key),
      soci::into(r.failures), soci::into(last);
  if (!sql.got_data()) return 0;
  r.last_ms = last;
  return Remaining(rule, Effective(rule, r, now_ms), now_ms);
}

}  // namespace samkjop::core::auth::throttle
