// The core's permissions and grant table (see core/auth/grants.h): the
// caller's own session, the audit log, the grant table itself.
#ifndef SAMKJOP_CORE_MODULE_PERMISSIONS_H_
#define SAMKJOP_CORE_MODULE_PERMISSIONS_H_

#include "core/auth/grants.h"

namespace samkjop::core::perm {

inline constexpr char kSessionOwn[] = "core.session.own";
inline constexpr char kAuditRead[] = "core.audit.read";
inline constexpr char kPermissionsRead[] = "core.permissions.read";
inline constexpr char kJobsRead[] = "core.jobs.read";
inline constexpr char kJobsRun[] = "core.jobs.run";
inline constexpr char kMailRead[] = "core.mail.read";
inline constexpr char kMailSend[] = "core.mail.send";

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
          {kJobsRead, false, "Se planlagte jobber og kjøringene deres",
           "See scheduled jobs and their runs"},
          {kJobsRun, true, "Kjøre en jobb nå", "Run a job now"},
          {kMailRead, false, "Se utgående e-post (utboksen)", "See outgoing mail (the outbox)"},
          {kMailSend, true, "Sende en test-e-post", "Send a test mail"},
      },
      {
          {std::nullopt, kSessionOwn, ScopeKind::kOwnRecords},
          {Role::kAdmin, kAuditRead, ScopeKind::kRegion},
          {Role::kDirector, kAuditRead, ScopeKind::kRegion},
          {Role::kAuditor, kAuditRead, ScopeKind::kRegion},
          {Role::kAdmin, kPermissionsRead, ScopeKind::kRegion},
          {Role::kDirector, kPermissionsRead, ScopeKind::kRegion},
          {Role::kAuditor, kPermissionsRead, ScopeKind::kRegion},
          {Role::kAdmin, kJobsRead, ScopeKind::kRegion},
          {Role::kAuditor, kJobsRead, ScopeKind::kRegion},
          {Role::kAdmin, kJobsRun, ScopeKind::kRegion},
          {Role::kAdmin, kMailRead, ScopeKind::kRegion},
          {Role::kAuditor, kMailRead, ScopeKind::kRegion},
          {Role::kAdmin, kMailSend, ScopeKind::kRegion},
      },
  };
}

}  // namespace samkjop::core::perm

#endif  // SAMKJOP_CORE_MODULE_PERMISSIONS_H_
