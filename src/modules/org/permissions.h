// The organisation module's permissions and its grant table (role →
// permission → scope): the only statement of who may do what here. The
// pipeline checks a route's permission; stores filter by the Scope; the
// services refine where a rule needs more than scope (which role someone may
// appoint; the central staff's records). GET /api/permissions shows it.
#ifndef SAMKJOP_MODULES_ORG_PERMISSIONS_H_
#define SAMKJOP_MODULES_ORG_PERMISSIONS_H_

#include "core/auth/grants.h"

namespace samkjop::org::perm {

inline constexpr char kMunicipalitiesRead[] = "org.municipalities.read";
inline constexpr char kMunicipalitiesWrite[] = "org.municipalities.write";
inline constexpr char kProductAreasRead[] = "org.product_areas.read";
inline constexpr char kProductAreasWrite[] = "org.product_areas.write";
inline constexpr char kPeopleRead[] = "org.people.read";
inline constexpr char kPeopleWrite[] = "org.people.write";
// Refines kPeopleWrite: the records of central staff (who hold an admin,
// director, staff or auditor role on the day of the edit).
inline constexpr char kPeopleWriteCentral[] = "org.people.write_central";
inline constexpr char kRolesRead[] = "org.roles.read";
// The route permission for appointing and ending: held by anyone who may
// appoint some role somewhere. Refined per appointed role by the four below.
inline constexpr char kRolesAppoint[] = "org.roles.appoint";
inline constexpr char kAppointAdmin[] = "org.roles.appoint_admin";
inline constexpr char kAppointCentral[] = "org.roles.appoint_central";
inline constexpr char kAppointOfficer[] = "org.roles.appoint_officer";
inline constexpr char kAppointLocal[] = "org.roles.appoint_local";
inline constexpr char kCouncilsRead[] = "org.councils.read";
inline constexpr char kUsersRead[] = "org.users.read";
inline constexpr char kUsersWrite[] = "org.users.write";
// Look a unit up in Enhetsregisteret (GET /api/enhetsregisteret/{orgnr}).
inline constexpr char kRegistryLookup[] = "org.registry.lookup";

// The permission that lets a caller appoint or end `role` (refining
// kRolesAppoint): admin → kAppointAdmin; officer → kAppointOfficer;
// product_manager, employee → kAppointLocal (IA-5); every other role →
// kAppointCentral.
inline const char* AppointPermissionFor(core::auth::Role role) {
  using core::auth::Role;
  switch (role) {
    case Role::kAdmin: return kAppointAdmin;
    case Role::kOfficer: return kAppointOfficer;
    case Role::kProductManager:
    case Role::kEmployee: return kAppointLocal;
    default: return kAppointCentral;
  }
}

inline core::auth::GrantTable Grants() {
  using core::auth::Role;
  using core::auth::ScopeKind;
  core::auth::GrantTable t;
  t.permissions = {
      {kMunicipalitiesRead, false, "Se kommunene i samarbeidet",
       "See the cooperation's municipalities"},
      {kMunicipalitiesWrite, true, "Registrere og endre kommuner, flytte vertskapet",
       "Register and change municipalities, move the host"},
      {kProductAreasRead, false, "Se produktområdene", "See the product areas"},
      {kProductAreasWrite, true, "Opprette produktområder", "Create product areas"},
      {kPeopleRead, false, "Se kontaktkatalogen (personer)", "See the contact directory (people)"},
      {kPeopleWrite, true, "Registrere og endre personer", "Register and change people"},
      {kPeopleWriteCentral, true,
       "Endre personopplysninger for sentral stab (admin, daglig leder, stab, revisor)",
       "Change the records of central staff (admin, director, staff, auditor)"},
      {kRolesRead, false, "Se hvem som har hvilke roller, med historikk",
       "See who holds which roles, with history"},
      {kRolesAppoint, true, "Utnevne og avslutte roller (hvilke, avgjøres av de fire under)",
       "Appoint and end roles (which ones: the four below)"},
      {kAppointAdmin, true, "Utnevne og avslutte administratorer",
       "Appoint and end administrators"},
      {kAppointCentral, true,
       "Utnevne og avslutte daglig leder, stab, revisor, rådmann og rådsmedlemmer",
       "Appoint and end the director, staff, auditors, chief executives and council members"},
      {kAppointOfficer, true, "Utnevne og avslutte innkjøpsansvarlig (R-1)",
       "Appoint and end procurement officers (R-1)"},
      {kAppointLocal, true, "Utnevne og avslutte produktansvarlige og ansatte (IA-5)",
       "Appoint and end product managers and employees (IA-5)"},
      {kCouncilsRead, false, "Se samarbeidsrådet og innkjøpsrådet", "See the councils"},
      {kUsersRead, false, "Se brukerkontoene", "See the user accounts"},
      {kUsersWrite, true, "Opprette, deaktivere og låse opp brukerkontoer, sette nytt passord",
       "Create, deactivate and unlock accounts, reset passwords"},
      {kRegistryLookup, false, "Slå opp enheter i Enhetsregisteret",
       "Look units up in the Central Coordinating Register"},
  };
  // Reading the organisation is for everyone in the cooperation: it is the
  // contact directory and the answer to "who is responsible for what".
  for (Role r : core::auth::kAllRoles)
    for (const char* p :
         {kMunicipalitiesRead, kProductAreasRead, kPeopleRead, kRolesRead, kCouncilsRead})
      t.grants.push_back({r, p, ScopeKind::kRegion});
  const ScopeKind region = ScopeKind::kRegion, own = ScopeKind::kOwnMunicipality;
  t.grants.insert(t.grants.end(), {
                                      {Role::kAdmin, kMunicipalitiesWrite, region},
                                      {Role::kDirector, kMunicipalitiesWrite, region},
                                      {Role::kAdmin, kProductAreasWrite, region},
                                      {Role::kDirector, kProductAreasWrite, region},
                                      {Role::kAdmin, kPeopleWrite, region},
                                      {Role::kDirector, kPeopleWrite, region},
                                      {Role::kStaff, kPeopleWrite, region},
                                      {Role::kChiefExecutive, kPeopleWrite, own},
                                      {Role::kOfficer, kPeopleWrite, own},
                                      {Role::kAdmin, kPeopleWriteCentral, region},
                                      {Role::kDirector, kPeopleWriteCentral, region},
                                      {Role::kAdmin, kRolesAppoint, region},
                                      {Role::kDirector, kRolesAppoint, region},
                                      {Role::kChiefExecutive, kRolesAppoint, own},
                                      {Role::kOfficer, kRolesAppoint, own},
                                      {Role::kAdmin, kAppointAdmin, region},
                                      {Role::kAdmin, kAppointCentral, region},
                                      {Role::kDirector, kAppointCentral, region},
                                      {Role::kAdmin, kAppointOfficer, region},
                                      {Role::kDirector, kAppointOfficer, region},
                                      {Role::kChiefExecutive, kAppointOfficer, own},
                                      {Role::kAdmin, kAppointLocal, region},
                                      {Role::kDirector, kAppointLocal, region},
                                      {Role::kOfficer, kAppointLocal, own},
                                      {Role::kAdmin, kUsersRead, region},
                                      {Role::kAdmin, kUsersWrite, region},
                                      {Role::kAdmin, kRegistryLookup, region},
                                      {Role::kDirector, kRegistryLookup, region},
                                      {Role::kOfficer, kRegistryLookup, region},
                                  });
  return t;
}

}  // namespace samkjop::org::perm

#endif  // SAMKJOP_MODULES_ORG_PERMISSIONS_H_
