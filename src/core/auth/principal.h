// Who is calling: the signed-in user and the roles they hold today.
// Roles are server-enforced; every scope check goes through these methods.
#ifndef SAMKJOP_CORE_AUTH_PRINCIPAL_H_
#define SAMKJOP_CORE_AUTH_PRINCIPAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samkjop::core::auth {

// The roles of ARCHITECTURE.md. When adding one, also update kAllRoles and
// RoleName()/ParseRole() in principal.cc and the web's role labels.
enum class Role {
  kAdmin,           // system administrator
  kDirector,        // procurement director (daglig leder): region-wide write
  kStaff,           // procurement office staff (innkjøpskontoret)
  kChiefExecutive,  // rådmann/kommunedirektør: own municipality (host's: region)
  kOfficer,         // innkjøpsansvarlig: own municipality write, region read
  kProductManager,  // produktansvarlig: own municipality × product area
  kCouncilMember,   // member of a council
  kEmployee,        // municipal staff: find agreements, order
  kAuditor,         // read-only, whole region (control committees, audit)
};
inline constexpr Role kAllRoles[] = {Role::kAdmin,          Role::kDirector, Role::kStaff,
                                     Role::kChiefExecutive, Role::kOfficer,  Role::kProductManager,
                                     Role::kCouncilMember,  Role::kEmployee, Role::kAuditor};

std::string_view RoleName(Role r);                  // "product_manager"
std::optional<Role> ParseRole(std::string_view s);  // inverse; nullopt if unknown
// Whether the role is held per municipality (chief_executive, officer,
// product_manager, employee) — then an assignment must name one.
bool RoleNeedsMunicipality(Role r);

// One role held by a person, valid [valid_from, valid_to] (dates YYYY-MM-DD,
// valid_to empty = open-ended).
struct RoleAssignment {
  std::int64_t id = 0;
  Role role = Role::kEmployee;
  std::string municipality;  // orgnr, or empty
  std::string product_area;  // code, or empty (product_manager only)
  std::string valid_from;
  std::string valid_to;
};

struct Principal {
  std::int64_t user_id = 0;
  std::int64_t person_id = 0;  // 0 when the user has no person record
  std::string username;
  std::string name;
  std::string email;
  std::string session_id_hash;  // which session this is (for logout)
  std::string csrf_token;
  bool must_change_password = false;
  std::vector<RoleAssignment> roles;  // those in force today
  std::string host_orgnr;             // the host municipality, for scope rules
  // The system itself (CLI commands, jobs, seed-demo): every scope is the
  // region. Never set for a request.
  bool system = false;

  // The system principal, for commands run from the command line.
  static Principal System(std::string name = "system");
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_PRINCIPAL_H_
