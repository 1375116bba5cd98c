// SQL for user accounts as org shows them: core's auth_users joined with the
// person (org_people). Accounts are scoped by their person's municipality
// (an account without a person is reached only by a region scope).
#ifndef SAMKJOP_MODULES_ORG_USER_STORE_H_
#define SAMKJOP_MODULES_ORG_USER_STORE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/auth/grants.h"
#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

using core::auth::Scope;

// A page of accounts in `scope`, by username (`locked` is not filled here).
PageOf<UserView> ListUsers(soci::session& sql, const Scope& scope, std::int64_t offset, int limit);
std::optional<UserView> GetUser(soci::session& sql, const Scope& scope, std::int64_t id);
// The username of the person's account, if any.
std::optional<std::string> UsernameOfPerson(soci::session& sql, std::int64_t person_id);
// Active accounts whose person holds the admin role on `date`, leaving out
// account `except_user` and assignment `except_assignment` (0 = none).
std::int64_t CountActiveAdmins(soci::session& sql, const std::string& date,
                               std::int64_t except_user, std::int64_t except_assignment);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_USER_STORE_H_
