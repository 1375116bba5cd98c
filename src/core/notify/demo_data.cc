#include "core/notify/demo_data.h"

#include <vector>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/notify/notify.h"
#include "core/storage/database.h"

namespace samkjop::core::notify {

Status SeedDemo(Services& sv, const audit::Actor& actor) {
  auto s = sv.db.Acquire();
  auto& sql = s.sql();
  storage::WriteTx tx(s);
  std::vector<std::int64_t> users;
  {
    long long id = 0;
    soci::statement st =
        (sql.prepare << "SELECT id FROM auth_users WHERE active = 1 ORDER BY id", soci::into(id));
    st.execute(false);
    while (st.fetch()) users.push_back(id);
  }
  if (users.empty()) return Status::Ok();
  const std::string today = nor::TodayIso();
  struct Demo {
    NotificationInput in;
    int days_ago;
    bool read;
  };
  const std::vector<Demo> demo = {
      {{kRulesChange, users, "Nye terskelverdier for EØS-kunngjøring fra 1. januar 2026",
        "New EEA thresholds from 1 January 2026",
        "EUs nye terskelverdier gjelder fra 1. januar 2026. Innkjøpskontoret har lagt dem inn i "
        "regelverkstabellen. Bekreft at du har lest endringen.",
        "/"},
       3,
       false},
      {{kMessage, users, "Velkommen til Samkjøp", "Welcome to Samkjøp",
        "Her ser du varsler om avtaler, regelendringer og oppgaver.", "/"},
       7,
       true},
      {{kMessage, users, "Innkjøpsrådet møtes neste uke", "The procurement council meets next week",
        "Sakslisten kommer i god tid før møtet.", "/"},
       0,
       false},
  };
  for (const auto& d : demo) {
    std::vector<std::int64_t> ids;
    SAMKJOP_RETURN_IF_ERROR(Notify(sql, d.in, &ids));
    const std::string on = nor::AddDaysIso(today, -d.days_ago);
    const std::string at = on + "T08:00:00Z";
    for (long long id : ids) {
      // Demo only: dated back, and never mailed (the demo has no mail server).
      sql << "UPDATE notify_notifications SET created_on = :o, created_at = :a, "
             "mail_state = 'none' WHERE id = :id",
          soci::use(on), soci::use(at), soci::use(id);
      if (d.read)
        sql << "UPDATE notify_notifications SET read_at = :a WHERE id = :id", soci::use(at),
            soci::use(id);
    }
  }
  audit::Record(sql, actor,
                {"seed",
                 "notify.notification",
                 "demo",
                 nullptr,
                 {{"users", users.size()}, {"per_user", demo.size()}}});
  tx.Commit();
  return Status::Ok();
}

}  // namespace samkjop::core::notify
