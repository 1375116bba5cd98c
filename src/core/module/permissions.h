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
inline constexpr char kFilesUpload[] = "core.files.upload";
inline constexpr char kFilesRead[] = "core.files.read";
inline constexpr char kNotificationsRead[] = "core.notifications.read";
inline constexpr char kNotificationsWrite[] = "core.notifications.write";
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
          {kFilesUpload, true, "Laste opp filer (egne opplastinger)", "Upload files (own uploads)"},
          {kFilesRead, false,
           "Lese filer: egne opplastinger som ikke er knyttet til noe ennå, og filer knyttet til "
           "saker en kan lese",
           "Read files: own uploads not yet attached, and files attached to records one may read"},
          {kNotificationsRead, false, "Lese egne varsler og varselinnstillinger",
           "Read one's own notifications and notification settings"},
          {kNotificationsWrite, true,
           "Merke egne varsler som lest, bekrefte dem og endre egne varselinnstillinger",
           "Mark one's own notifications read, confirm them, change one's notification settings"},
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
          // Every signed-in user uploads, except the auditor (who only reads).
          {Role::kAdmin, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kDirector, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kStaff, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kChiefExecutive, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kOfficer, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kProductManager, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kCouncilMember, kFilesUpload, ScopeKind::kOwnRecords},
          {Role::kEmployee, kFilesUpload, ScopeKind::kOwnRecords},
          // Own uploads; a file attached to a record: whoever may read the record
          // (the owner registry of core/files).
          {std::nullopt, kFilesRead, ScopeKind::kOwnRecords},
          {std::nullopt, kNotificationsRead, ScopeKind::kOwnRecords},
          {std::nullopt, kNotificationsWrite, ScopeKind::kOwnRecords},
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
