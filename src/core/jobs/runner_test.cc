// The scheduler on SQLite (in memory, and a file with several connections for
// the lease race): Oslo times across the clock changes, backoff, due runs on
// a test clock, retries, a throwing job beside a good one, leases (a second
// runner is refused; an expired lease is taken over and its run marked
// abandoned), and the record of every run. PostgreSQL's SKIP LOCKED path is
// covered by tests/api/core/jobs.test.mjs (two processes on one database).
#include "core/jobs/runner.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/module/module.h"
#include "core/nor/civil_date.h"

namespace samkjop::core::jobs {
namespace {

// 2027-01-10T12:00:00Z
constexpr std::int64_t kJan10Noon = 1799582400000;

std::int64_t Ms(const std::string& iso) {
  // "2027-01-10T12:00:00Z" -> epoch ms, via the runner's own formatter's inverse.
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

TEST(ScheduleTest, OsloTimesAcrossTheClockChanges) {
  EXPECT_EQ(Ms("2027-01-10T12:00:00Z"), kJan10Noon);
  EXPECT_EQ(IsoUtc(kJan10Noon), "2027-01-10T12:00:00Z");
  // Winter: 03:00 Oslo is 02:00 UTC; after today's, tomorrow's.
  EXPECT_EQ(IsoUtc(NextOsloTime(3, 0, Ms("2027-01-10T01:00:00Z"))), "2027-01-10T02:00:00Z");
  EXPECT_EQ(IsoUtc(NextOsloTime(3, 0, Ms("2027-01-10T02:00:00Z"))), "2027-01-11T02:00:00Z");
  EXPECT_EQ(IsoUtc(NextOsloTime(3, 0, kJan10Noon)), "2027-01-11T02:00:00Z");
  // Summer time starts 2027-03-28 at 02:00: 03:00 that day is 01:00 UTC.
  EXPECT_EQ(IsoUtc(NextOsloTime(3, 0, Ms("2027-03-27T12:00:00Z"))), "2027-03-28T01:00:00Z");
  // 02:30 does not exist that day: the change itself (01:00 UTC).
  EXPECT_EQ(IsoUtc(NextOsloTime(2, 30, Ms("2027-03-27T12:00:00Z"))), "2027-03-28T01:00:00Z");
  // Late in the Oslo day (23:30 local = 22:30 UTC) the Oslo date is already the next one.
  EXPECT_EQ(IsoUtc(OsloTimeOnDayOf(23, 45, Ms("2027-01-10T23:30:00Z"))), "2027-01-11T22:45:00Z");
  EXPECT_EQ(ScheduleText({Schedule::Kind::kDaily, 3, 5}), "daily 03:05");
  EXPECT_EQ(ScheduleText({Schedule::Kind::kEvery, 0, 0, 60}), "every 60s");
}

TEST(ScheduleTest, BackoffDoublesUpToAnHour) {
  EXPECT_EQ(BackoffMs(1), 60'000);
  EXPECT_EQ(BackoffMs(2), 120'000);
  EXPECT_EQ(BackoffMs(3), 240'000);
  EXPECT_EQ(BackoffMs(7), 3'600'000);
  EXPECT_EQ(BackoffMs(50), 3'600'000);
}

class RunnerTest : public ::testing::Test {
 protected:
  void Open(const std::string& url, std::size_t pool) {
    nor::PinToday(nor::ParseIsoDate("2027-01-10"));
    auto db = storage::Database::Open(url, pool);
    ASSERT_TRUE(db.ok()) << db.status().detail();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
    auto access = BuildAccessControl({CoreModule()});
    ASSERT_TRUE(access.ok());
    access_ = std::move(access).value();
    auth::AuthConfig cfg;
    cfg.hash_opslimit = 1;
    cfg.hash_memlimit = 8192;
    auth_ = std::make_unique<auth::AuthService>(*db_, cfg);
    sv_ = std::make_unique<Services>(*db_, *auth_, *access_, "test");
  }
  void SetUp() override { Open("sqlite::memory:", 1); }
  void TearDown() override { nor::PinToday(std::nullopt); }

  std::unique_ptr<Runner> Make(std::vector<JobSpec> specs, const std::string& owner = "a") {
    auto r = std::make_unique<Runner>(*sv_, specs, owner);
    r->now_ms = [this] { return now_; };
    return r;
  }
  JobSpec Every(const std::string& name, std::function<Status(JobContext&)> fn, int seconds = 60) {
    JobSpec j;
    j.name = name;
    j.description_nb = j.description_en = name;
    j.schedule.kind = Schedule::Kind::kEvery;
    j.schedule.every_seconds = seconds;
    j.run = std::move(fn);
    j.max_attempts = 3;
    return j;
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<auth::AccessControl> access_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<Services> sv_;
  std::int64_t now_ = kJan10Noon;
};

TEST_F(RunnerTest, RefusesBadSpecs) {
  EXPECT_FALSE(Make({Every("nodot", [](JobContext&) { return Status::Ok(); })})->Sync().ok());
  EXPECT_FALSE(Make({Every("a.b", [](JobContext&) { return Status::Ok(); }),
                     Every("a.b", [](JobContext&) { return Status::Ok(); })})
                   ->Sync()
                   .ok());
  EXPECT_FALSE(Make({Every("a.b", nullptr)})->Sync().ok());
  EXPECT_FALSE(Make({Every(
                        "a.b", [](JobContext&) { return Status::Ok(); }, 0)})
                   ->Sync()
                   .ok());
}

TEST_F(RunnerTest, RunsDueJobsOnScheduleAndRecordsEachRun) {
  int every = 0, daily = 0;
  std::string seen_today;
  JobSpec d;
  d.name = "test.daily";
  d.schedule = {Schedule::Kind::kDaily, 3, 0};
  d.run = [&](JobContext& ctx) {
    ++daily;
    seen_today = ctx.today;
    EXPECT_FALSE(ctx.manual);
    return Status::Ok();
  };
  auto r = Make({Every("test.every",
                       [&](JobContext&) {
                         ++every;
                         return Status::Ok();
                       }),
                 d});
  ASSERT_TRUE(r->Sync().ok());
  EXPECT_EQ(r->RunDue({}), 1);  // the interval job at once; the daily one tomorrow at 03:00
  EXPECT_EQ(r->RunDue({}), 0);
  now_ += 59'000;
  EXPECT_EQ(r->RunDue({}), 0);
  now_ += 1'000;
  EXPECT_EQ(r->RunDue({}), 1);
  EXPECT_EQ(every, 2);
  EXPECT_EQ(daily, 0);
  now_ = Ms("2027-01-11T02:00:00Z");
  EXPECT_EQ(r->RunDue({}), 2);
  EXPECT_EQ(daily, 1);
  EXPECT_EQ(seen_today, "2027-01-10");  // the pinned business date, not the clock
  auto list = r->List(10);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].last_runs.size(), 3u);
  EXPECT_EQ(list[0].last_runs[0].outcome, "ok");
  EXPECT_EQ(list[0].last_runs[0].trigger, "schedule");
  EXPECT_FALSE(list[0].last_runs[0].ended_at.empty());
  EXPECT_EQ(list[1].next_run_at, "2027-01-12T02:00:00Z");
  EXPECT_FALSE(list[1].running);
}

TEST_F(RunnerTest, FailuresAreRetriedWithBackoffAndOthersStillRun) {
  int bad = 0, good = 0;
  auto r = Make({Every("test.throws",
                       [&](JobContext&) -> Status {
                         ++bad;
                         throw std::runtime_error("boom");
                       }),
                 Every("test.good", [&](JobContext&) {
                   ++good;
                   return Status::Ok();
                 })});
  ASSERT_TRUE(r->Sync().ok());
  EXPECT_EQ(r->RunDue({}), 2);
  EXPECT_EQ(bad, 1);
  EXPECT_EQ(good, 1);
  auto list = r->List(5);
  EXPECT_EQ(list[0].last_runs[0].outcome, "failed");
  EXPECT_NE(list[0].last_runs[0].error.find("boom"), std::string::npos);
  EXPECT_EQ(list[0].attempts, 1);
  EXPECT_EQ(list[0].next_run_at, IsoUtc(now_ + 60'000));  // first retry after a minute
  now_ += 60'000;
  r->RunDue({});
  EXPECT_EQ(bad, 2);
  EXPECT_EQ(r->List(5)[0].next_run_at, IsoUtc(now_ + 120'000));  // doubled
  EXPECT_EQ(r->List(5)[0].last_runs[0].attempt, 2);
  now_ += 120'000;
  r->RunDue({});
  EXPECT_EQ(bad, 3);
  // Third of max_attempts 3: given up for this occurrence, back on its schedule, counter reset.
  auto j = r->List(5)[0];
  EXPECT_EQ(j.attempts, 0);
  EXPECT_EQ(j.next_run_at, IsoUtc(now_ + 60'000));
  EXPECT_EQ(j.last_runs.size(), 3u);
  // A Status error counts as a failure too.
  auto s = Make({Every("test.status", [](JobContext&) {
    return Status(ErrorCode::kUnavailable, "x.down", "nede");
  })});
  auto run = s->RunNow("test.status", Trigger::kCli, audit::Actor{});
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->outcome, "failed");
  EXPECT_EQ(run->error, "x.down: nede");
}

TEST_F(RunnerTest, RunNowFindsTheJobIsAuditedAndRespectsTheLease) {
  bool manual = false;
  auto a = Make({Every("test.job",
                       [&](JobContext& ctx) {
                         manual = ctx.manual;
                         return Status::Ok();
                       })},
                "server-a");
  auto none = a->RunNow("test.nope", Trigger::kManual, audit::Actor{});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code_name(), "jobs.not_found");
  auto ok = a->RunNow("test.job", Trigger::kManual, audit::Actor{1, "admin", "req-1"});
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(manual);
  EXPECT_EQ(ok->outcome, "ok");
  EXPECT_EQ(ok->trigger, "manual");
  EXPECT_EQ(ok->triggered_by, "admin");
  {
    auto s = db_->Acquire();
    std::int64_t total = 0;
    audit::Filter f;
    f.entity = "core.job";
    auto rows = audit::Find(s.sql(), f, &total);
    ASSERT_EQ(total, 1);
    EXPECT_EQ(rows[0].action, "run");
    EXPECT_EQ(rows[0].entity_id, "test.job");
    EXPECT_EQ(rows[0].username, "admin");
    // Another server holds the lease: a run is refused.
    long long until = now_ + 60'000;
    s.sql() << "UPDATE core_jobs SET lease_owner = 'server-b', lease_until_ms = :u, run_id = "
               ":r WHERE name = 'test.job'",
        soci::use(until), soci::use(static_cast<long long>(ok->id));
    s.sql() << "UPDATE core_job_runs SET outcome = 'running', ended_at = NULL WHERE id = :r",
        soci::use(static_cast<long long>(ok->id));
  }
  auto busy = a->RunNow("test.job", Trigger::kManual, audit::Actor{});
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.status().code_name(), "jobs.running");
  EXPECT_EQ(busy.status().code(), ErrorCode::kConflict);
  EXPECT_TRUE(a->List()[0].running);
  // Server b died; once its lease runs out the job is taken over and b's run is abandoned.
  now_ += 60'001;
  auto again = a->RunNow("test.job", Trigger::kManual, audit::Actor{});
  ASSERT_TRUE(again.ok());
  auto runs = a->List(5)[0].last_runs;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].outcome, "abandoned");
  EXPECT_FALSE(runs[1].error.empty());
  EXPECT_EQ(runs[0].outcome, "ok");
}

TEST_F(RunnerTest, AStopRequestEndsTheSchedulerAndTheRunningJobFinishes) {
  std::atomic<bool> started{false}, saw_stop{false};
  auto r = Make({Every("test.slow", [&](JobContext& ctx) {
    started = true;
    while (!ctx.stop.stop_requested()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    saw_stop = true;
    return Status::Ok();
  })});
  std::jthread t([&](std::stop_token st) { RunScheduler(*r, st, std::chrono::milliseconds(10)); });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  t.request_stop();
  t.join();
  EXPECT_TRUE(saw_stop);
  auto j = r->List(5)[0];
  EXPECT_FALSE(j.running);  // the lease is released
  EXPECT_EQ(j.last_runs[0].outcome, "ok");
}

class RunnerFileTest : public RunnerTest {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("samkjop-jobs-" + std::to_string(getpid()) + ".db");
    std::filesystem::remove(path_);
    Open("sqlite:" + path_.string(), 4);
  }
  void TearDown() override {
    sv_.reset();
    auth_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
    RunnerTest::TearDown();
  }
  std::filesystem::path path_;
};

TEST_F(RunnerFileTest, TwoRunnersNeverRunOneJobAtOnce) {
  std::atomic<int> running{0}, peak{0}, runs{0};
  auto job = Every("test.race", [&](JobContext&) {
    int now = ++running;
    peak = std::max(peak.load(), now);
    ++runs;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    --running;
    return Status::Ok();
  });
  auto a = std::make_unique<Runner>(*sv_, std::vector<JobSpec>{job}, "server-a");
  auto b = std::make_unique<Runner>(*sv_, std::vector<JobSpec>{job}, "server-b");
  ASSERT_TRUE(a->Sync().ok());
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&, i] {
      auto r = (i % 2 ? a : b)->RunNow("test.race", Trigger::kCli, audit::Actor{});
      if (!r.ok()) {
        EXPECT_EQ(r.status().code_name(), "jobs.running");
        ++refused;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(peak.load(), 1);
  EXPECT_GE(refused.load(), 1);
  EXPECT_EQ(runs.load() + refused.load(), 6);
}

}  // namespace
}  // namespace samkjop::core::jobs
