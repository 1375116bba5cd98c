// Business rules for role assignments: who may appoint whom (org.roles.* in
// permissions.h), R-1 (exactly one procurement officer per municipality:
// appointing a new one ends the previous one the day before), no duplicate
// assignments, ending only shortens an assignment, the last administrator
// stays, and the councils derived from the roles. Each rule that reads then
// writes locks the row that owns it (the municipality, the person, the admin
// assignments), so it holds on PostgreSQL under concurrency too.
#ifndef SAMKJOP_MODULES_ORG_ASSIGNMENT_SERVICE_H_
#define SAMKJOP_MODULES_ORG_ASSIGNMENT_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/auth_service.h"
#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/assignment_store.h"
#include "modules/org/org.h"

namespace samkjop::org {

class AssignmentService {
 public:
  explicit AssignmentService(core::storage::Database& db) : db_(db) {}

  // A page of assignments in `scope` matching `f`, newest start first.
  PageOf<Assignment> List(const core::auth::Scope& scope, const store::AssignmentFilter& f,
                          std::int64_t offset, int limit);

  // Appoints. For an officer, ends the previous officer the day before.
  // 400 org.invalid_assignment (fields); 403 org.not_allowed_to_appoint when
  // the caller's permission for this role (perm::AppointPermissionFor) does
  // not reach the municipality; 409 org.officer_overlap when another officer
  // starts on or after valid_from, org.duplicate_assignment.
  core::Result<Assignment> Appoint(const core::auth::Caller& caller, Assignment a);

  // Ends an assignment on `valid_to`. Ending only shortens: a later
  // valid_to than the current one is 409 org.end_would_extend (extending or
  // re-opening is a new appointment). 404 outside the read scope; 403 as
  // Appoint; 400 org.bad_end_date before valid_from; 409 org.last_admin when
  // no active account would hold the admin role the day after.
  core::Result<Assignment> End(const core::auth::Caller& caller, std::int64_t id,
                               const std::string& valid_to);

  // The cooperation council (chief executives) and the procurement council
  // (officers) in force today, members in scope, in municipality order.
  std::vector<Council> Councils(const core::auth::Scope& scope);

  // The procurement officer of `orgnr` on `date`, if any.
  std::optional<Officer> OfficerOn(const std::string& orgnr, const std::string& date);

  // For core auth: a person's name, e-mail and roles in force on `date`.
  static core::auth::PersonInfo LoadPerson(soci::session& sql, std::int64_t person_id,
                                           const std::string& date);

  // The active user accounts (auth_users ids) of the people who hold `role` on `date`, in id
  // order: whom a module notifies ("every procurement officer"). Runs in the caller's session,
  // so a notification is written in the transaction of the change that causes it.
  static std::vector<std::int64_t> ActiveUsersWithRole(soci::session& sql, core::auth::Role role,
                                                       const std::string& date);

 private:
  core::storage::Database& db_;
};

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ASSIGNMENT_SERVICE_H_
