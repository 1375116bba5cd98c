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
#include "core/auth/principal.h"
#include "core/error/status.h"
#include "core/storage/database.h"

namespace samkjop::core::auth {

struct AuthConfig {
  int max_failures_per_account = 5;   // then the account is locked
  int max_failures_per_address = 20;  // then the client address is locked
  int failure_window_seconds = 900;
  int lock_seconds = 900;
  int session_idle_seconds = 8 * 3600;
  int session_absolute_seconds = 12 * 3600;
  bool secure_cookie = false;  // set when --public-url is https
  // argon2id cost; "min" is for tests only (libsodium's minimum).
  unsigned long long hash_opslimit = 2;           // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t hash_memlimit = 64u * 1024 * 1024;  // crypto_pwhash_MEMLIMIT_INTERACTIVE
  int min_password_length = 10;
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
  // Errors: 401 auth.invalid_credentials (same for unknown user and wrong
  // password), 401 auth.account_disabled, 429 auth.throttled (Retry-After).
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& remote_ip, const std::string& request_id);

  // The principal for a session token; nullopt when unknown or expired.
  std::optional<Principal> Resolve(const std::string& session_token);

  Status Logout(const Principal& p);

  // Errors: 400 on new_password (too short, same as current), 400 on
  // current_password when wrong.
  Status ChangePassword(const Principal& p, const std::string& current, const std::string& next,
                        const std::string& request_id);

  // --- Account administration (used by org's user routes and the CLI). ---
  // Inside the caller's transaction. 409 auth.username_taken.
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
  // 400 when the password breaks the policy (field `field`); `username` is
  // the account's, when known.
  Status CheckPasswordPolicy(const std::string& password, const std::string& field,
                             const std::string& username = "") const;

  std::string HashPassword(const std::string& password) const;
  static bool VerifyPassword(const std::string& hash, const std::string& password);

  // The body of login and /api/auth/me.
  static nlohmann::json PrincipalJson(const Principal& p);
  // Constant-time comparison of the request's CSRF header with the session's.
  static bool CsrfMatches(const Principal& p, const std::string& header_value);

 private:
  Principal Load(soci::session& sql, std::int64_t user_id);
  Status CheckThrottle(soci::session& sql, const std::string& key, long long now);
  void RecordFailure(soci::session& sql, const std::string& key, int max, long long now);

  storage::Database& db_;
  AuthConfig config_;
  PersonLoader person_loader_;
  std::string dummy_hash_;  // verified against for unknown users (timing)
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_AUTH_SERVICE_H_
