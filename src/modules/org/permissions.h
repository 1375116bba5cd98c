// Who may do what in the organisation module. Route-level role lists (the
// first gate, checked by the pipeline) and the scope rules the service
// applies per municipality.
//
// | action                         | admin | director | chief_executive     | officer          |
// others |
// |--------------------------------|-------|----------|---------------------|------------------|--------|
// | read municipalities, areas,    |  yes  |   yes    | yes                 | yes              |
// yes (signed in) | |   people, roles, councils      |       |          |                     | | |
// | create/edit municipality, host |  yes  |   yes    | no                  | no               | no
// | | create product area            |  yes  |   yes    | no                  | no               |
// no     | | create/edit person             |  yes  |   yes    | own municipality    | own
// municipality | staff: yes | | appoint/end officer            |  yes  |   yes    | own
// municipality    | no               | no     | | appoint/end product manager    |  yes  |   yes |
// no                  | own municipality (IA-5) | no | | appoint/end other roles        |  yes  |
// all but admin | no             | no               | no     | | users (accounts)               |
// yes  |   no     | no                  | no               | no     |
#ifndef SAMKJOP_MODULES_ORG_PERMISSIONS_H_
#define SAMKJOP_MODULES_ORG_PERMISSIONS_H_

#include "core/http/router.h"

namespace samkjop::org::perm {

using core::auth::Role;
using core::http::Access;

inline Access Read() { return Access::SignedIn(); }
inline Access WriteMunicipalities() { return Access::Roles({Role::kAdmin, Role::kDirector}); }
inline Access WriteProductAreas() { return Access::Roles({Role::kAdmin, Role::kDirector}); }
inline Access WritePeople() {
  return Access::Roles(
      {Role::kAdmin, Role::kDirector, Role::kStaff, Role::kChiefExecutive, Role::kOfficer});
}
inline Access Appoint() {
  return Access::Roles({Role::kAdmin, Role::kDirector, Role::kChiefExecutive, Role::kOfficer});
}
inline Access Users() { return Access::Roles({Role::kAdmin}); }

}  // namespace samkjop::org::perm

#endif  // SAMKJOP_MODULES_ORG_PERMISSIONS_H_
