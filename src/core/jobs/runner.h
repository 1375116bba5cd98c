// The job scheduler: the job table (core_jobs), leases, retries with backoff
// and the record of every run (core_job_runs). `serve` runs RunScheduler on
// its own thread (unless today is pinned); `samkjop jobs run` and
// POST /api/jobs/{name}/run call RunNow. A job is taken with a lease in a
// write transaction (FOR UPDATE SKIP LOCKED on PostgreSQL; BEGIN IMMEDIATE on
// SQLite), so two servers on one database never run the same job at once.
// See docs/services/jobs.md.
#ifndef SAMKJOP_CORE_JOBS_RUNNER_H_
#define SAMKJOP_CORE_JOBS_RUNNER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/audit/audit.h"
#include "core/error/status.h"
#include "core/jobs/job.h"

namespace soci {
class row;
}

namespace samkjop::core::jobs {

// Column `i` of a fetched row as an integer, whatever integer type the
// backend reports (SQLite: int or long long by the declared type; PostgreSQL
// int4/int8). 0 when NULL.
std::int64_t RowInt(const soci::row& r, std::size_t i);

// "daily 03:00", "once 03:00", "every 60s".
std::string ScheduleText(const Schedule& s);
// The first instant (epoch ms) strictly after `after_ms` when the Oslo wall
// clock shows hour:minute (a time skipped by the spring change: the change).
std::int64_t NextOsloTime(int hour, int minute, std::int64_t after_ms);
// Today's hour:minute Oslo (the day of `now_ms`), as epoch ms.
std::int64_t OsloTimeOnDayOf(int hour, int minute, std::int64_t now_ms);
// Backoff before retry number `attempts` (1-based): 1 min, doubling, at most 1 h.
std::int64_t BackoffMs(int attempts);
// Epoch ms as ISO 8601 UTC ("2027-03-15T03:00:00Z").
std::string IsoUtc(std::int64_t ms);
std::int64_t NowMs();

enum class Trigger { kSchedule, kManual, kCli };

// One run of a job, as recorded.
struct Run {
  std::int64_t id = 0;
  std::string job, started_at, ended_at;  // ended_at "" while running
  std::string outcome;                    // running | ok | failed | abandoned
  std::string error;
  int attempt = 1;
  std::string trigger;  // schedule | manual | cli
  std::string runner, today, triggered_by;
};

// A job as the admin sees it.
struct JobStatus {
  std::string name, description_nb, description_en;
  Schedule schedule;
  std::string schedule_text;
  std::string next_run_at;  // "" when not scheduled (a once job that ran)
  int attempts = 0;         // failed attempts of the current occurrence
  int max_attempts = 5;
  bool running = false;
  std::vector<Run> last_runs;  // newest first
};

class Runner {
 public:
  // `owner` names this process in leases and runs ("" = host:pid:random).
  Runner(Services& services, const std::vector<JobSpec>& specs, std::string owner = "");

  // Checks the names (unique, "<module>.<job>", a function), adds a row for
  // each new job and reschedules a job whose schedule changed. kInternal.
  Status Sync();
  // Runs each due job whose lease is free, one after the other, until `stop`.
  // Returns how many ran.
  int RunDue(std::stop_token stop);
  // Runs job `name` now, whether due or not. 404 jobs.not_found; 409
  // jobs.running when another run holds its lease. The run's record (ok or
  // failed). Audited as `run` of core.job when `actor` is given.
  Result<Run> RunNow(const std::string& name, Trigger trigger, const audit::Actor& actor,
                     std::stop_token stop = {});
  // Every registered job with its last `runs` runs.
  std::vector<JobStatus> List(int runs = 5);
  const std::vector<JobSpec>& specs() const { return specs_; }
  const std::string& owner() const { return owner_; }

  // Tests: the clock of leases and schedules, and the lease's length.
  std::function<std::int64_t()> now_ms = NowMs;
  std::int64_t lease_ms = 10 * 60 * 1000;

 private:
  struct Claim;
  const JobSpec* Find(const std::string& name) const;
  void Ensure(const JobSpec& spec);
  std::optional<Claim> Take(const JobSpec& spec, bool due_only, Trigger trigger,
                            const audit::Actor* actor, bool* busy);
  Run Execute(const JobSpec& spec, const Claim& claim, Trigger trigger, std::stop_token stop);

  Services& sv_;
  std::vector<JobSpec> specs_;
  std::string owner_;
};

// serve's scheduler thread: Sync, then RunDue every `tick` until `stop`.
// A job running at stop finishes (its context's stop token is set) and its
// lease is released.
void RunScheduler(Runner& runner, std::stop_token stop, std::chrono::milliseconds tick);

}  // namespace samkjop::core::jobs

#endif  // SAMKJOP_CORE_JOBS_RUNNER_H_
