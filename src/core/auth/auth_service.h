// Local accounts (argon2id), sessions, CSRF tokens and login throttling.
// Sessions and throttling live in the database, so app servers stay stateless.
#ifndef SAMKJOP_CORE_AUTH_AUTH_SERVICE_H_
#define SAMKJOP_CORE_AUTH_AUTH_SERVICE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/audit/audit.h"
#include "core/auth/hash_gate.h"
#include "core/auth/password_policy.h"
#include "core/auth/principal.h"
#include "core/auth/throttle.h"
#include "core/error/status.h"
#include "core/storage/database.h"

namespace samkjop::core::auth {

struct AuthConfig {
  // Throttling of password guesses (core/auth/throttle.h): failed attempts
  // per account and per client address before a lock; the first lock lasts
  // first_lock_seconds and doubles with every further failure, up to
  // max_lock_seconds; a key with no counted failure for quiet_seconds starts
  // again at 0. first_lock_seconds is a test knob (the API suite sets it
  // long so a lock outlasts its requests).
  int account_limit = 5;
  int address_limit = 100;
  int first_lock_seconds = 1;
  int max_lock_seconds = 900;
  int quiet_seconds = 3600;
  int session_idle_seconds = 8 * 3600;
  int session_absolute_seconds = 12 * 3600;
  bool secure_cookie = false;  // set when --public-url is https
  // argon2id cost; "min" is for tests only (libsodium's minimum).
  unsigned long long hash_opslimit = 2;           // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t hash_memlimit = 64u * 1024 * 1024;  // crypto_pwhash_MEMLIMIT_INTERACTIVE
  // The hash gate (core/auth/hash_gate.h): hashes at once, requests waiting
  // for one, and how long they wait; serve sizes these from --threads.
  int hash_concurrency = 1;
  int hash_queue = 2;
  int hash_wait_ms = 5000;
  // Tests only: the clock for throttling, ms since the epoch (default: the
  // system clock).
  std::function<std::int64_t()> now_ms_for_test;
};

// What the org module tells auth about a person: their name and the roles in
// force on a date. Registered by org at start-up (core knows no org tables).
struct PersonInfo {
  std::string name;
  std::string email;
  std::vector<RoleAssignment> roles;
  std::string host_orgnr;
};
using PersonLoader =
    std::function<PersonInfo(soci::session& sql, std::int64_t person_id, const std::string& date)>;

inline constexpr char kSessionCookie[] = "samkjop_session";

class AuthService {
 public:
  AuthService(storage::Database& db, AuthConfig config);

  void SetPersonLoader(PersonLoader loader) { person_loader_ = std::move(loader); }
  const AuthConfig& config() const { return config_; }

  struct LoginResult {
    Principal principal;
    std::string session_token;  // goes in the cookie; only its hash is stored
  };
  // Signs in from `client_ip` (Request::client_ip: the client behind a
  // trusted proxy). The attempt is counted against the account and the
  // address before the password is verified (throttle.h).
  // Errors: 401 auth.invalid_credentials — the same for an unknown user, a
  // wrong password and a disabled account (right password or not; the
  // refusal of a disabled account's right password is in the audit log),
  // 429 auth.throttled (Retry-After), 503 auth.busy (hash gate full).
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& client_ip, const std::string& request_id);

  // The principal for a session token; nullopt when unknown or expired.
  std::optional<Principal> Resolve(const std::string& session_token);

  Status Logout(const Principal& p);

  // Deletes sessions past their idle or absolute limit and throttle rows
  // quiet for longer than quiet_seconds (which count nothing any more).
  // Run at the start of `serve` and hourly. Returns the rows deleted.
  struct Purged {
    std::int64_t sessions = 0, throttle_rows = 0;
  };
  Purged PurgeExpired();

  // Throttled like login, per account (the same count: both guess the same
  // password). Errors: 400 auth.wrong_password on current_password, 429
  // auth.throttled on current_password (Retry-After), 400 auth.weak_password
  // or auth.same_password on new_password, 503 auth.busy.
  Status ChangePassword(const Principal& p, const std::string& current, const std::string& next,
                        const std::string& client_ip, const std::string& request_id);

  // --- Account administration (used by org's user routes and the CLI). ---
  // Inside the caller's transaction. 409 auth.username_taken, 503 auth.busy.
  // The caller checks the password policy first (CheckPasswordPolicy).
  Result<std::int64_t> CreateUser(soci::session& sql, const audit::Actor& actor,
                                  const std::string& username, const std::string& password,
                                  std::int64_t person_id, bool must_change);
  Status SetPassword(soci::session& sql, const audit::Actor& actor, std::int64_t user_id,
                     const std::string& password, bool must_change);
  Status SetActive(soci::session& sql, const audit::Actor& actor, std::int64_t user_id,
                   bool active);
  Status Unlock(soci::session& sql, const audit::Actor& actor, std::int64_t user_id);
  struct UserRow {
    std::int64_t id = 0;
    std::string username;
    std::int64_t person_id = 0;  // 0 = none
    bool active = true;
    bool must_change_password = false;
    bool locked = false;
  };
  // Every account, by username. `id` filter: 0 = all.
  std::vector<UserRow> ListUsers(soci::session& sql, std::int64_t id = 0);
  // The account id for a username, or 0.
  std::int64_t FindUserId(soci::session& sql, const std::string& username);
  // Whether the account is locked by throttling now.
  bool IsLocked(soci::session& sql, const std::string& username);
  // 400 auth.weak_password on `field` when the password breaks the policy
  // for this username (password_policy.h); 503 when it cannot be checked.
  Status CheckPasswordPolicy(const std::string& password, const std::string& username,
                             const std::string& field) const;
  const PasswordPolicy& password_policy() const { return policy_; }

  // argon2id through the hash gate. Errors: 503 auth.busy (Retry-After).
  Result<std::string> HashPassword(const std::string& password) const;
  Result<bool> VerifyPassword(const std::string& hash, const std::string& password) const;

  // The body of login and /api/auth/me.
  static nlohmann::json PrincipalJson(const Principal& p);
  // Constant-time comparison of the request's CSRF header with the session's.
  static bool CsrfMatches(const Principal& p, const std::string& header_value);

  // Tests only: the gate every hash passes.
  HashGate& HashGateForTest() { return gate_; }

  // The user as a request would see them (name and e-mail from the person
  // record, roles in force today), in the caller's session; for services
  // that address a user who is not the caller (notification mail).
  Principal Describe(soci::session& sql, std::int64_t user_id) { return Load(sql, user_id); }

 private:
  Principal Load(soci::session& sql, std::int64_t user_id);
  std::int64_t NowMs() const;
  throttle::Rule AccountRule() const;
  throttle::Rule AddressRule() const;
  // Logs every key this failed attempt has locked (JSON line, no password).
  void LogLocks(const char* what, const std::vector<throttle::Key>& keys,
                const throttle::Counted& counted, const std::string& username,
                const std::string& client_ip, const std::string& request_id) const;

  storage::Database& db_;
  AuthConfig config_;
  PersonLoader person_loader_;
  PasswordPolicy policy_;
  mutable HashGate gate_;
  std::string dummy_hash_;  // verified against for unknown users (timing)
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_AUTH_SERVICE_H_
