// What a module registers as a job (core::Module::jobs): a name, a schedule in
// Europe/Oslo local time and a function. The scheduler (core/jobs/runner.h)
// runs due jobs inside `serve`, one server at a time (a lease), retries a
// failure with backoff and records every run. Light on purpose: module.h
// includes it.
#ifndef SAMKJOP_CORE_JOBS_JOB_H_
#define SAMKJOP_CORE_JOBS_JOB_H_

#include <functional>
#include <stop_token>
#include <string>

#include "core/error/status.h"

namespace samkjop::core {
class Services;
}

namespace samkjop::core::jobs {

struct JobContext {
  Services& services;
  std::string today;     // YYYY-MM-DD, Oslo (core::nor::TodayIso(); pinned in tests)
  std::stop_token stop;  // set when the server stops: finish soon, leave the rest for next time
  // Run by hand (`jobs run`, POST /api/jobs/{name}/run): work that waits for a
  // backoff (a mail to retry) is done now.
  bool manual = false;
};

struct Schedule {
  // kDaily: every day at hour:minute Oslo time. kOnce: once, at hour:minute
  // Oslo time of the day it was first registered (at once if that has
  // passed). kEvery: every `every_seconds` while a server runs.
  enum class Kind { kDaily, kOnce, kEvery } kind = Kind::kDaily;
  int hour = 3, minute = 0;  // Oslo local time
  int every_seconds = 0;     // kEvery only
};

struct JobSpec {
  std::string name;  // "<module>.<job>", e.g. core.purge_sessions
  std::string description_nb, description_en;
  Schedule schedule;
  // An error Status, or an exception, is a failed run: recorded and retried
  // with backoff (1 min, doubling, at most 1 h) up to max_attempts times.
  std::function<Status(JobContext&)> run;
  int max_attempts = 5;
};

}  // namespace samkjop::core::jobs

#endif  // SAMKJOP_CORE_JOBS_JOB_H_
