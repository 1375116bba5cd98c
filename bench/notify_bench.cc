// Notifications at volume: the list page with its unread count for one user among many, and
// TakeMails over many pending notifications. Plain timing (no framework), so it runs anywhere.
//
//   build/notify_bench [DB_URL]   (default: sqlite:<temp file>; a postgresql:// URL must name an
//                                  empty database)
// Prints one line per measurement; scripts/bench-notify.sh runs it for `make bench`.
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/auth/grants.h"
#include "core/module/module.h"
#include "core/module/permissions.h"
#include "core/notify/mail.h"
#include "core/notify/notify.h"
#include "core/storage/database.h"

using namespace samkjop::core;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kUsers = 1000;
constexpr int kPerUser = 100;  // 100,000 notifications in all
constexpr int kHeavyUser = 1;  // and 10,000 more for user 1
constexpr int kHeavyExtra = 10000;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * (v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string url = argc > 1 ? argv[1] : "";
  std::filesystem::path tmp;
  if (url.empty()) {
    tmp = std::filesystem::temp_directory_path() / "samkjop-notify-bench.db";
    std::filesystem::remove(tmp);
    url = "sqlite:" + tmp.string();
  }
  auto db = storage::Database::Open(url, 1);
  if (!db.ok()) {
    std::fprintf(stderr, "open %s: %s\n", url.c_str(), db.status().message().c_str());
    return 1;
  }
  if (!(*db)->Migrate(CoreModule().migrations()).ok()) return 1;
  auto access = BuildAccessControl({CoreModule()});
  auto t0 = Clock::now();
  {
    auto s = (*db)->Acquire();
    auto& sql = s.sql();
    storage::WriteTx tx(s);
    for (int u = 1; u <= kUsers; ++u)
      sql << "INSERT INTO auth_users (username, password_hash, created_at) "
             "VALUES (:u, 'x', '2027-01-01T00:00:00Z')",
          soci::use("user" + std::to_string(u));
    std::vector<std::int64_t> everyone;
    for (int u = 1; u <= kUsers; ++u) everyone.push_back(u);
    for (int i = 0; i < kPerUser; ++i)
      if (!notify::Notify(sql, {notify::kRulesChange, everyone, "Varsel " + std::to_string(i), "",
                                "Tekst", "/regelverk"})
               .ok())
        return 1;
    for (int i = 0; i < kHeavyExtra; ++i)
      if (!notify::Notify(sql,
                          {notify::kMessage, {kHeavyUser}, "Mye " + std::to_string(i), "", "", ""})
               .ok())
        return 1;
    tx.Commit();
    // Statistics for the planner (PostgreSQL), as autovacuum would gather them.
    if ((*db)->kind() == storage::DbKind::kPostgres) sql << "ANALYZE";
  }
  std::printf("seeded %d notifications for %d users in %.0f ms (%s)\n",
              kUsers * kPerUser + kHeavyExtra, kUsers, Ms(Clock::now() - t0),
              (*db)->KindName().c_str());

  notify::NotificationService svc(**db);
  auto run = [&](const char* what, std::int64_t user, bool unread_only) {
    auth::Principal p;
    p.user_id = user;
    p.username = "user" + std::to_string(user);
    auth::Caller caller(p, **access, "bench");
    auth::Scope scope = caller.ScopeFor(perm::kNotificationsRead);
    std::vector<double> ms;
    std::int64_t total = 0;
    for (int i = 0; i < 300; ++i) {
      auto a = Clock::now();
      auto page = svc.List(scope, unread_only, 0, 50);
      ms.push_back(Ms(Clock::now() - a));
      total = page.total;
    }
    std::printf("GET /api/notifications %s (total %lld): p50 %.2f ms, p99 %.2f ms\n", what,
                static_cast<long long>(total), Percentile(ms, 0.5), Percentile(ms, 0.99));
  };
  run("user with 100", 2, false);
  run("user with 10100", kHeavyUser, false);
  run("user with 10100, unread only", kHeavyUser, true);

  {
    auto s = (*db)->Acquire();
    storage::WriteTx tx(s);
    notify::TakeOptions o{"2027-03-15", true, "https://samkjop.example.no",
                          [](soci::session&, std::int64_t uid) {
                            return notify::Recipient{"user" + std::to_string(uid) + "@x.no", "U"};
                          }};
    auto a = Clock::now();
    auto mails = notify::TakeMails(s.sql(), o);
    tx.Commit();
    std::printf(
        "TakeMails over %d pending (immediate rule changes, off messages): %zu mails in "
        "%.0f ms\n",
        kUsers * kPerUser + kHeavyExtra, mails.size(), Ms(Clock::now() - a));
  }
  if (!tmp.empty()) std::filesystem::remove(tmp);
  return 0;
}
