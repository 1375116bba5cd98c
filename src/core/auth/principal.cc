#include "core/auth/principal.h"

#include <algorithm>

namespace samkjop::core::auth {

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kDirector: return "director";
    case Role::kStaff: return "staff";
    case Role::kChiefExecutive: return "chief_executive";
    case Role::kOfficer: return "officer";
    case Role::kProductManager: return "product_manager";
    case Role::kCouncilMember: return "council_member";
    case Role::kEmployee: return "employee";
    case Role::kAuditor: return "auditor";
  }
  return "employee";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : kAllRoles)
    if (RoleName(r) == s) return r;
  return std::nullopt;
}

bool RoleNeedsMunicipality(Role r) {
  return r == Role::kChiefExecutive || r == Role::kOfficer || r == Role::kProductManager ||
         r == Role::kEmployee;
}

Principal Principal::System(std::string name) {
  Principal p;
  p.username = name;
  p.name = std::move(name);
  p.system = true;
  return p;
}

}  // namespace samkjop::core::auth
