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

bool Principal::Has(Role r) const {
  return std::any_of(roles.begin(), roles.end(),
                     [r](const RoleAssignment& a) { return a.role == r; });
}

bool Principal::HasIn(Role r, std::string_view orgnr) const {
  return std::any_of(roles.begin(), roles.end(), [&](const RoleAssignment& a) {
    return a.role == r && a.municipality == orgnr;
  });
}

bool Principal::HasAny(std::initializer_list<Role> rs) const {
  for (Role r : rs)
    if (Has(r)) return true;
  return false;
}

bool Principal::ReadsWholeRegion() const {
  if (HasAny({Role::kAdmin, Role::kDirector, Role::kStaff, Role::kAuditor, Role::kOfficer}))
    return true;
  return !host_orgnr.empty() && HasIn(Role::kChiefExecutive, host_orgnr);
}

std::vector<std::string> Principal::Municipalities() const {
  std::vector<std::string> out;
  for (const auto& a : roles)
    if (!a.municipality.empty() && std::find(out.begin(), out.end(), a.municipality) == out.end())
      out.push_back(a.municipality);
  return out;
}

}  // namespace samkjop::core::auth
