// The core's permissions and grant table (see core/auth/grants.h): the
// caller's own session, the audit log, the grant table itself, one's own
// notifications.
#ifndef SAMKJOP_CORE_MODULE_PERMISSIONS_H_
#define SAMKJOP_CORE_MODULE_PERMISSIONS_H_

#include "core/auth/grants.h"

namespace samkjop::core::perm {

inline constexpr char kSessionOwn[] = "core.session.own";
inline constexpr char kAuditRead[] = "core.audit.read";
inline constexpr char kPermissionsRead[] = "core.permissions.read";
inline constexpr char kNotificationsRead[] = "core.notifications.read";
inline constexpr char kNotificationsWrite[] = "core.notifications.write";

inline auth::GrantTable Grants() {
  using auth::Role;
  using auth::ScopeKind;
  return {
      {
          {kSessionOwn, true, "Egen økt: se seg selv, logge ut, bytte eget passord",
           "Own session: see oneself, sign out, change one's password"},
          {kAuditRead, false, "Lese revisjonsloggen og eksportere den",
           "Read and export the audit log"},
          {kPermissionsRead, false, "Lese tilgangstabellen (roller og tillatelser)",
           "Read the grant table (roles and permissions)"},
          {kNotificationsRead, false, "Lese egne varsler og varselinnstillinger",
           "Read one's own notifications and notification settings"},
          {kNotificationsWrite, true,
           "Merke egne varsler som lest, bekrefte dem og endre egne varselinnstillinger",
           "Mark one's own notifications read, confirm them, change one's notification settings"},
      },
      {
          {std::nullopt, kSessionOwn, ScopeKind::kOwnRecords},
          {Role::kAdmin, kAuditRead, ScopeKind::kRegion},
          {Role::kDirector, kAuditRead, ScopeKind::kRegion},
          {Role::kAuditor, kAuditRead, ScopeKind::kRegion},
          {Role::kAdmin, kPermissionsRead, ScopeKind::kRegion},
          {Role::kDirector, kPermissionsRead, ScopeKind::kRegion},
          {Role::kAuditor, kPermissionsRead, ScopeKind::kRegion},
          {std::nullopt, kNotificationsRead, ScopeKind::kOwnRecords},
          {std::nullopt, kNotificationsWrite, ScopeKind::kOwnRecords},
      },
  };
}

}  // namespace samkjop::core::perm

#endif  // SAMKJOP_CORE_MODULE_PERMISSIONS_H_
