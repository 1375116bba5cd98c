// User accounts (logins) for people: create (one per person, enforced by a
// row lock and a unique index), deactivate and activate (never the caller's
// own, never the last administrator), reset password, release a lockout.
// Accounts live in core's auth tables; this service owns the rules.
#ifndef SAMKJOP_MODULES_ORG_USER_SERVICE_H_
#define SAMKJOP_MODULES_ORG_USER_SERVICE_H_

#include <cstdint>
#include <string>

#include "core/auth/auth_service.h"
#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/org.h"

namespace samkjop::org {

class UserService {
 public:
  UserService(core::storage::Database& db, core::auth::AuthService& auth) : db_(db), auth_(auth) {}

  // A page of accounts in `scope`, by username, with the lock state.
  PageOf<UserView> List(const core::auth::Scope& scope, std::int64_t offset, int limit);
  // 400 org.invalid_user (username 2–50 of a–z, 0–9, . _ -; the password
  // policy; person_id); 409 org.person_has_user, auth.username_taken.
  core::Result<UserView> Create(const core::auth::Caller& caller, const std::string& username,
                                const std::string& password, std::int64_t person_id);
  // 404 auth.user_not_found; 409 org.cannot_deactivate_self,
  // org.last_admin (no other active account would hold the admin role
  // tomorrow).
  core::Result<UserView> SetActive(const core::auth::Caller& caller, std::int64_t id, bool active);
  // Sets a password the user must change at next sign-in. 404; 400 policy.
  core::Result<UserView> ResetPassword(const core::auth::Caller& caller, std::int64_t id,
                                       const std::string& password);
  // Releases a login lockout. 404.
  core::Result<UserView> Unlock(const core::auth::Caller& caller, std::int64_t id);

 private:
  core::Result<UserView> Get(soci::session& sql, std::int64_t id);
  core::storage::Database& db_;
  core::auth::AuthService& auth_;
};

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_USER_SERVICE_H_
