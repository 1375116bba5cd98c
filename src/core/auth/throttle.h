// Throttling of password guesses, per key: "u:<username>" for an account,
// "ip:<address group>" for a client address (core/http/client_address.h).
// Each key counts failed attempts; once the count n reaches the key's limit,
// the key is locked for min(first_lock × 2^(n − limit), max_lock) from its
// last counted attempt, and an attempt on a locked key is refused at once
// (429 with Retry-After; the server never sleeps) without being counted.
//
// The attempt is counted BEFORE the password is verified, inside a write
// transaction that locks the key's row (SQLite: BEGIN IMMEDIATE serialises
// writers; PostgreSQL: INSERT ... ON CONFLICT DO NOTHING, then SELECT ... FOR
// UPDATE), so parallel attempts cannot all slip past the check: at most
// `limit` verifications happen before the first lock, and one per lock
// period after it. A right password then gives its count back (Refund) or
// clears the account (Clear).
//
// Resets: a right password clears its account's count; an administrator's
// unlock clears an account; a key with no counted attempt for `quiet` starts
// again at 0. An address is never cleared by a right password (one valid
// account must not reset an attacker's address); it only gets that attempt
// back.
#ifndef SAMKJOP_CORE_AUTH_THROTTLE_H_
#define SAMKJOP_CORE_AUTH_THROTTLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace samkjop::core::auth::throttle {

struct Rule {
  int limit = 5;                      // failures before the first lock
  std::int64_t first_lock_ms = 1000;  // the lock at n == limit; doubles per further failure
  std::int64_t max_lock_ms = 900'000;
  std::int64_t quiet_ms = 3'600'000;  // longer than max_lock_ms, or the backoff would undo itself
};

// How long a key with `failures` counted failures is locked after its last
// one: 0 below the limit.
std::int64_t LockMs(const Rule& rule, int failures);

struct Key {
  std::string key;
  Rule rule;
};

struct Counted {
  // > 0: a key was locked for this much longer; nothing was counted.
  std::int64_t retry_after_ms = 0;
  // Per key, as given: the failures counted with this attempt, and the key's
  // previous last_ms (for Refund).
  std::vector<int> failures;
  std::vector<std::int64_t> previous_last_ms;
};

// Inside the caller's write transaction: locks every key's row in the order
// given (callers keep one order, account before address, so PostgreSQL
// cannot deadlock) and, unless one of them is locked, counts one attempt on
// each. `postgres` adds FOR UPDATE.
Counted CountAttempt(soci::session& sql, bool postgres, const std::vector<Key>& keys,
                     std::int64_t now_ms);

// Gives back one attempt counted at `counted_ms` (the password was right, or
// was never checked). A later attempt's timestamp is kept.
void Refund(soci::session& sql, const std::string& key, std::int64_t counted_ms,
            std::int64_t previous_last_ms);

// Forgets the key: a right password for an account, an administrator's unlock.
void Clear(soci::session& sql, const std::string& key);

// How much longer the key is locked, in ms (0: not locked).
std::int64_t LockedFor(soci::session& sql, const Rule& rule, const std::string& key,
                       std::int64_t now_ms);

}  // namespace samkjop::core::auth::throttle

#endif  // SAMKJOP_CORE_AUTH_THROTTLE_H_
