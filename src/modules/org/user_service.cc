#include "modules/org/user_service.h"

#include <regex>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "modules/org/assignment_store.h"
#include "modules/org/org_rules.h"
#include "modules/org/people_store.h"
#include "modules/org/permissions.h"
#include "modules/org/user_store.h"

namespace samkjop::org {

using core::FieldError;
using core::Status;
using core::auth::Caller;
using core::auth::Role;
using core::auth::Scope;
using core::storage::Session;
using core::storage::WriteTx;

namespace {

Status MayManage(const Caller& caller) {
  if (caller.ScopeFor(perm::kUsersWrite).is_region()) return Status::Ok();
  return Status::Forbidden("org.not_allowed", "Bare administrator kan endre brukerkontoer.");
}

Status NotFound() { return Status::NotFound("auth.user_not_found", "Brukeren finnes ikke."); }

}  // namespace

core::Result<UserView> UserService::Get(soci::session& sql, std::int64_t id) {
  auto u = store::GetUser(sql, Scope::Region(), id);
  if (!u) return NotFound();
  u->locked = auth_.IsLocked(sql, u->username);
  return *u;
}

PageOf<UserView> UserService::List(const Scope& scope, std::int64_t offset, int limit) {
  Session s = db_.Acquire();
  auto page = store::ListUsers(s.sql(), scope, offset, limit);
  for (auto& u : page.items) u.locked = auth_.IsLocked(s.sql(), u.username);
  return page;
}

core::Result<UserView> UserService::Create(const Caller& caller, const std::string& username,
                                           const std::string& password, std::int64_t person_id) {
  SAMKJOP_RETURN_IF_ERROR(MayManage(caller));
  std::vector<FieldError> errors;
  static const std::regex kUser("^[a-z0-9][a-z0-9._-]{1,49}$");
  if (!std::regex_match(username, kUser))
    errors.push_back(
        {"username",
         "Brukernavnet må være 2–50 tegn: små bokstaver a–z, sifre, punktum, - eller _."});
  Status pw = auth_.CheckPasswordPolicy(password, username, "password");
  if (!pw.ok()) errors.push_back(pw.fields()[0]);
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  // One account per person: lock the person's row, then check (a unique
  // index on auth_users.person_id backs this up).
  if (!store::LockPerson(sql, person_id)) errors.push_back({"person_id", "Personen finnes ikke."});
  if (!errors.empty()) return internal::Invalid("org.invalid_user", errors);
  if (auto existing = store::UsernameOfPerson(sql, person_id))
    return Status::Conflict("org.person_has_user",
                            "Personen har allerede brukernavnet «" + *existing + "».",
                            {{"person_id", "Har allerede en bruker."}});
  auto id = auth_.CreateUser(sql, caller.actor(), username, password, person_id, true);
  if (!id.ok()) return id.status();
  auto out = Get(sql, *id);
  tx.Commit();
  return out;
}

core::Result<UserView> UserService::SetActive(const Caller& caller, std::int64_t id, bool active) {
  SAMKJOP_RETURN_IF_ERROR(MayManage(caller));
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  store::LockRole(sql, Role::kAdmin);
  auto u = Get(sql, id);
  if (!u.ok()) return u.status();
  if (!active && id == caller.principal().user_id)
    return Status::Precondition("org.cannot_deactivate_self",
                                "Du kan ikke deaktivere din egen bruker.");
  // As for ending a role: someone else must hold it on the day after.
  if (!active && u->active &&
      store::CountActiveAdmins(sql, core::nor::AddDaysIso(core::nor::TodayIso(), 1), id, 0) == 0)
    return Status::Conflict("org.last_admin",
                            "Da ville ingen aktiv bruker være administrator. Utnevn en annen "
                            "administrator først.");
  SAMKJOP_RETURN_IF_ERROR(auth_.SetActive(sql, caller.actor(), id, active));
  auto out = Get(sql, id);
  tx.Commit();
  return out;
}

core::Result<UserView> UserService::ResetPassword(const Caller& caller, std::int64_t id,
                                                  const std::string& password) {
  SAMKJOP_RETURN_IF_ERROR(MayManage(caller));
  Session s = db_.Acquire();
  auto& sql = s.sql();
  auto u = Get(sql, id);
  if (!u.ok()) return u.status();
  SAMKJOP_RETURN_IF_ERROR(auth_.CheckPasswordPolicy(password, u->username, "new_password"));
  WriteTx tx(s);
  SAMKJOP_RETURN_IF_ERROR(auth_.SetPassword(sql, caller.actor(), id, password, true));
  auto out = Get(sql, id);
  tx.Commit();
  return out;
}

core::Result<UserView> UserService::Unlock(const Caller& caller, std::int64_t id) {
  SAMKJOP_RETURN_IF_ERROR(MayManage(caller));
  Session s = db_.Acquire();
  auto& sql = s.sql();
  if (auto u = Get(sql, id); !u.ok()) return u.status();
  WriteTx tx(s);
  SAMKJOP_RETURN_IF_ERROR(auth_.Unlock(sql, caller.actor(), id));
  auto out = Get(sql, id);
  tx.Commit();
  return out;
}

}  // namespace samkjop::org
