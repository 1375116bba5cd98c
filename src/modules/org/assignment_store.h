// SQL for role assignments (org_role_assignments). Reads take the caller's
// Scope (the assignment's municipality; assignments without one are reached
// only by a region scope) and filter in SQL.
#ifndef SAMKJOP_MODULES_ORG_ASSIGNMENT_STORE_H_
#define SAMKJOP_MODULES_ORG_ASSIGNMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/auth/grants.h"
#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

using core::auth::Scope;

struct AssignmentFilter {
  std::int64_t person_id = 0;  // 0 = any
  std::string role;            // "" = any
  std::string municipality;    // "" = any
  std::string product_area;    // "" = any
  std::string at;              // in force on this date; "" = no date filter
  bool include_ended = true;   // false: only those in force on `today` or later
  std::string today;           // for include_ended = false
};

// A page of assignments in `scope`, newest start first; `total` before paging.
PageOf<Assignment> ListAssignments(soci::session& sql, const Scope& scope,
                                   const AssignmentFilter& f, std::int64_t offset, int limit);
// Every matching assignment, unscoped and unpaged: for the service's rules
// (R-1, councils, a person's roles), never for answering a caller's list.
std::vector<Assignment> FindAssignments(soci::session& sql, const AssignmentFilter& f);
// Of `person_ids`, those who hold a central role (admin, director, staff, auditor) on `date`.
// Active accounts of the people holding `role` on `date`, in id order.
std::vector<std::int64_t> ActiveUsersWithRole(soci::session& sql, const std::string& role,
                                              const std::string& date);
std::set<std::int64_t> CentralStaffAmong(soci::session& sql,
                                         const std::vector<std::int64_t>& person_ids,
                                         const std::string& date);
std::optional<Assignment> GetAssignment(soci::session& sql, const Scope& scope, std::int64_t id);
std::int64_t InsertAssignment(soci::session& sql, const Assignment& a);
void SetAssignmentEnd(soci::session& sql, std::int64_t id, const std::string& valid_to);
// Locks every assignment of `role` until the transaction ends (PostgreSQL):
// serialises the last-admin rule.
void LockRole(soci::session& sql, core::auth::Role role);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_ASSIGNMENT_STORE_H_
