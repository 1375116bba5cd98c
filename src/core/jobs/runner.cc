#include "core/jobs/runner.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <date/tz.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/module/module.h"
#include "core/nor/civil_date.h"
#include "core/storage/sql.h"

namespace samkjop::core::jobs {

namespace {

using std::chrono::milliseconds;

const date::time_zone* Oslo() {
  static const date::time_zone* z = date::locate_zone("Europe/Oslo");
  return z;
}

std::string TriggerName(Trigger t) {
  switch (t) {
    case Trigger::kSchedule: return "schedule";
    case Trigger::kManual: return "manual";
    case Trigger::kCli: return "cli";
  }
  return "schedule";
}

std::string DefaultOwner() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  std::random_device rd;
  char rnd[9];
  std::snprintf(rnd, sizeof rnd, "%08x", rd());
  return std::string(host[0] ? host : "host") + ":" + std::to_string(getpid()) + ":" + rnd;
}

bool ValidName(const std::string& n) {
  auto dot = n.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == n.size() || n.size() > 100) return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  return true;
}

std::string Clip(std::string s, std::size_t max = 2000) {
  if (s.size() > max) {
    s.resize(max);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    s += "…";
  }
  return s;
}

// When a job is first due after registration.
std::int64_t FirstDue(const Schedule& s, std::int64_t now) {
  switch (s.kind) {
    case Schedule::Kind::kDaily: return NextOsloTime(s.hour, s.minute, now);
    case Schedule::Kind::kOnce: return OsloTimeOnDayOf(s.hour, s.minute, now);
    case Schedule::Kind::kEvery: return now;
  }
  return now;
}

// When the next occurrence is due after one ended (ok, or out of attempts);
// nullopt: never again (a once job).
std::optional<std::int64_t> NextDue(const Schedule& s, std::int64_t now) {
  switch (s.kind) {
    case Schedule::Kind::kDaily: return NextOsloTime(s.hour, s.minute, now);
    case Schedule::Kind::kOnce: return std::nullopt;
    case Schedule::Kind::kEvery: return now + std::max(1, s.every_seconds) * 1000LL;
  }
  return std::nullopt;
}

std::vector<Run> RunsOf(soci::session& sql, const std::string& job, int limit) {
  std::vector<Run> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, job, started_at, ended_at, outcome, error, attempt, trigger_kind, "
              "runner, today, triggered_by FROM core_job_runs WHERE job = :j "
              "ORDER BY id DESC LIMIT :l",
       soci::use(job), soci::use(limit));
  for (const auto& r : rows) {
    Run run;
    run.id = RowInt(r, 0);
    run.job = r.get<std::string>(1);
    run.started_at = r.get<std::string>(2);
    run.ended_at = r.get_indicator(3) == soci::i_ok ? r.get<std::string>(3) : "";
    run.outcome = r.get<std::string>(4);
    run.error = r.get_indicator(5) == soci::i_ok ? r.get<std::string>(5) : "";
    run.attempt = static_cast<int>(RowInt(r, 6));
    run.trigger = r.get<std::string>(7);
    run.runner = r.get<std::string>(8);
    run.today = r.get<std::string>(9);
    run.triggered_by = r.get<std::string>(10);
    out.push_back(std::move(run));
  }
  return out;
}

}  // namespace

std::int64_t RowInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<std::int64_t>(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: throw std::runtime_error("not an integer column");
  }
}

std::string ScheduleText(const Schedule& s) {
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", s.hour, s.minute);
  switch (s.kind) {
    case Schedule::Kind::kDaily: return std::string("daily ") + hm;
    case Schedule::Kind::kOnce: return std::string("once ") + hm;
    case Schedule::Kind::kEvery: return "every " + std::to_string(s.every_seconds) + "s";
  }
  return "";
}

std::int64_t OsloTimeOnDayOf(int hour, int minute, std::int64_t now_ms) {
  auto now = date::sys_time<milliseconds>(milliseconds(now_ms));
  auto local = Oslo()->to_local(now);
  auto day = date::floor<date::days>(local);
  auto t = day + std::chrono::hours(hour) + std::chrono::minutes(minute);
  auto sys = Oslo()->to_sys(t, date::choose::earliest);
  return std::chrono::duration_cast<milliseconds>(sys.time_since_epoch()).count();
}

std::int64_t NextOsloTime(int hour, int minute, std::int64_t after_ms) {
  auto now = date::sys_time<milliseconds>(milliseconds(after_ms));
  auto day = date::floor<date::days>(Oslo()->to_local(now));
  for (int i = 0; i < 3; ++i) {
    auto t = day + date::days(i) + std::chrono::hours(hour) + std::chrono::minutes(minute);
    auto sys = Oslo()->to_sys(t, date::choose::earliest);
    auto ms = std::chrono::duration_cast<milliseconds>(sys.time_since_epoch()).count();
    if (ms > after_ms) return ms;
  }
  return after_ms + 24LL * 3600 * 1000;  // not reached
}

std::int64_t BackoffMs(int attempts) {
  std::int64_t ms = 60'000;
  for (int i = 1; i < attempts && ms < 3'600'000; ++i) ms *= 2;
  return std::min<std::int64_t>(ms, 3'600'000);
}

std::string IsoUtc(std::int64_t ms) {
  auto tp = date::sys_time<milliseconds>(milliseconds(ms));
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(tp));
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Runner::Claim {
  std::int64_t run_id = 0;
  int attempt = 1;
  std::string today;
};

Runner::Runner(Services& services, const std::vector<JobSpec>& specs, std::string owner)
    : sv_(services), specs_(specs), owner_(owner.empty() ? DefaultOwner() : std::move(owner)) {}

const JobSpec* Runner::Find(const std::string& name) const {
  for (const auto& s : specs_)
    if (s.name == name) return &s;
  return nullptr;
}

Status Runner::Sync() {
  std::set<std::string> seen;
  for (const auto& s : specs_) {
    if (!ValidName(s.name))
      return Status::Internal("job name " + s.name + " is not <module>.<job> in [a-z0-9_]");
    if (!seen.insert(s.name).second) return Status::Internal("job " + s.name + " registered twice");
    if (!s.run) return Status::Internal("job " + s.name + " has no function");
    if (s.schedule.kind == Schedule::Kind::kEvery && s.schedule.every_seconds < 1)
      return Status::Internal("job " + s.name + " runs every " +
                              std::to_string(s.schedule.every_seconds) + " s");
    if (s.schedule.hour < 0 || s.schedule.hour > 23 || s.schedule.minute < 0 ||
        s.schedule.minute > 59)
      return Status::Internal("job " + s.name + " has no valid time of day");
    if (s.max_attempts < 1) return Status::Internal("job " + s.name + " has max_attempts < 1");
  }
  for (const auto& s : specs_) Ensure(s);
  return Status::Ok();
}

void Runner::Ensure(const JobSpec& spec) {
  auto session = sv_.db.Acquire();
  auto& sql = session.sql();
  storage::WriteTx tx(session);
  std::string text = ScheduleText(spec.schedule);
  std::string stored;
  soci::indicator ind = soci::i_null;
  sql << "SELECT schedule FROM core_jobs WHERE name = :n", soci::use(spec.name),
      soci::into(stored, ind);
  long long due = FirstDue(spec.schedule, now_ms());
  if (!sql.got_data()) {
    sql << "INSERT INTO core_jobs (name, schedule, next_run_ms, attempts) VALUES (:n, :s, :d, 0) "
           "ON CONFLICT (name) DO NOTHING",
        soci::use(spec.name), soci::use(text), soci::use(due);
  } else if (stored != text) {
    // A new schedule starts afresh (a once job that ran runs again only if its time changed).
    sql << "UPDATE core_jobs SET schedule = :s, next_run_ms = :d, attempts = 0 WHERE name = :n",
        soci::use(text), soci::use(due), soci::use(spec.name);
  }
  tx.Commit();
}

std::optional<Runner::Claim> Runner::Take(const JobSpec& spec, bool due_only, Trigger trigger,
                                          const audit::Actor* actor, bool* busy) {
  *busy = false;
  auto session = sv_.db.Acquire();
  auto& sql = session.sql();
  storage::WriteTx tx(session);
  const std::int64_t now = now_ms();
  long long next = 0, lease_until = 0, run_id = 0;
  int attempts = 0;
  soci::indicator next_ind = soci::i_null, lease_ind = soci::i_null, run_ind = soci::i_null;
  std::string lock = storage::IsPostgres(sql) ? " FOR UPDATE SKIP LOCKED" : "";
  sql << "SELECT next_run_ms, attempts, lease_until_ms, run_id FROM core_jobs WHERE name = :n" +
             lock,
      soci::use(spec.name), soci::into(next, next_ind), soci::into(attempts),
      soci::into(lease_until, lease_ind), soci::into(run_id, run_ind);
  if (!sql.got_data()) {  // locked by another server's transaction this instant
    *busy = true;
    return std::nullopt;
  }
  if (lease_ind == soci::i_ok && lease_until > now) {
    *busy = true;
    return std::nullopt;
  }
  if (due_only && (next_ind != soci::i_ok || next > now)) return std::nullopt;
  std::string at = IsoUtc(now);
  if (run_ind == soci::i_ok) {
    // The lease ran out with a run still open: its server stopped without ending it.
    const std::string why = "Kjøringen ble ikke avsluttet: tjeneren stoppet (leasen gikk ut).";
    sql << "UPDATE core_job_runs SET outcome = 'abandoned', ended_at = :e, error = :m "
           "WHERE id = :id AND outcome = 'running'",
        soci::use(at), soci::use(why), soci::use(run_id);
  }
  Claim c;
  c.attempt = trigger == Trigger::kSchedule ? attempts + 1 : 1;
  c.today = nor::TodayIso();
  std::string trig = TriggerName(trigger);
  std::string by = actor ? actor->username : "system";
  long long id = 0;
  sql << "INSERT INTO core_job_runs (job, started_at, outcome, attempt, trigger_kind, runner, "
         "today, triggered_by) VALUES (:j, :s, 'running', :a, :t, :r, :d, :b) RETURNING id",
      soci::use(spec.name), soci::use(at), soci::use(c.attempt), soci::use(trig), soci::use(owner_),
      soci::use(c.today), soci::use(by), soci::into(id);
  c.run_id = id;
  long long until = now + lease_ms;
  sql << "UPDATE core_jobs SET lease_owner = :o, lease_until_ms = :u, run_id = :r WHERE name = :n",
      soci::use(owner_), soci::use(until), soci::use(id), soci::use(spec.name);
  if (actor)
    audit::Record(sql, *actor,
                  {"run",
                   "core.job",
                   spec.name,
                   nullptr,
                   {{"run_id", id}, {"trigger", trig}, {"today", c.today}}});
  tx.Commit();
  return c;
}

Run Runner::Execute(const JobSpec& spec, const Claim& claim, Trigger trigger,
                    std::stop_token stop) {
  // Keeps the lease while the job runs (a quarter of its length between renewals).
  std::jthread heartbeat([this, &spec](std::stop_token hb) {
    std::mutex mu;
    std::condition_variable_any cv;
    std::unique_lock lock(mu);
    while (!cv.wait_for(lock, hb, milliseconds(std::max<std::int64_t>(lease_ms / 4, 10)),
                        [] { return false; })) {
      if (hb.stop_requested()) break;
      try {
        auto session = sv_.db.Acquire();
        long long until = now_ms() + lease_ms;
        session.sql() << "UPDATE core_jobs SET lease_until_ms = :u WHERE name = :n AND "
                         "lease_owner = :o",
            soci::use(until), soci::use(spec.name), soci::use(owner_);
      } catch (const std::exception& e) {
        spdlog::warn(R"({{"msg":"job lease renewal failed","job":"{}","error":{}}})", spec.name,
                     nlohmann::json(e.what()).dump());
      }
    }
  });
  Status st;
  try {
    JobContext ctx{sv_, claim.today, stop, trigger != Trigger::kSchedule};
    st = spec.run(ctx);
  } catch (const std::exception& e) {
    st = Status::Internal(std::string("exception: ") + e.what());
  } catch (...) {
    st = Status::Internal("exception of unknown type");
  }
  heartbeat.request_stop();
  heartbeat.join();

  Run run;
  run.id = claim.run_id;
  run.outcome = st.ok() ? "ok" : "failed";
  if (!st.ok()) {
    std::string e = st.code_name() + ": " + st.message();
    if (!st.detail().empty() && st.detail() != st.message()) e += " (" + st.detail() + ")";
    run.error = Clip(e);
  }
  const std::int64_t now = now_ms();
  std::string at = IsoUtc(now);
  // Recording the end must not be lost to a passing database error: a few tries.
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      auto session = sv_.db.Acquire();
      auto& sql = session.sql();
      storage::WriteTx tx(session);
      storage::Nullable err(run.error);
      sql << "UPDATE core_job_runs SET ended_at = :e, outcome = :o, error = :m WHERE id = :id",
          soci::use(at), soci::use(run.outcome), storage::Use(err), soci::use(run.id);
      if (trigger == Trigger::kSchedule) {
        long long next = 0;
        soci::indicator next_ind = soci::i_ok;
        int attempts = 0;
        if (st.ok() || claim.attempt >= spec.max_attempts) {
          auto n = NextDue(spec.schedule, now);
          if (n)
            next = *n;
          else
            next_ind = soci::i_null;
        } else {
          attempts = claim.attempt;
          next = now + BackoffMs(claim.attempt);
        }
        sql << "UPDATE core_jobs SET lease_owner = NULL, lease_until_ms = NULL, run_id = NULL, "
               "next_run_ms = :x, attempts = :a WHERE name = :n AND lease_owner = :o",
            soci::use(next, next_ind), soci::use(attempts), soci::use(spec.name), soci::use(owner_);
      } else {
        sql << "UPDATE core_jobs SET lease_owner = NULL, lease_until_ms = NULL, run_id = NULL "
               "WHERE name = :n AND lease_owner = :o",
            soci::use(spec.name), soci::use(owner_);
      }
      tx.Commit();
      break;
    } catch (const std::exception& e) {
      spdlog::error(R"({{"msg":"job end not recorded","job":"{}","error":{}}})", spec.name,
                    nlohmann::json(e.what()).dump());
      std::this_thread::sleep_for(milliseconds(200));
    }
  }
  if (st.ok())
    spdlog::info(R"({{"msg":"job ran","job":"{}","run":{},"trigger":"{}"}})", spec.name, run.id,
                 TriggerName(trigger));
  else
    spdlog::error(R"({{"msg":"job failed","job":"{}","run":{},"attempt":{},"error":{}}})",
                  spec.name, run.id, claim.attempt, nlohmann::json(run.error).dump());
  auto session = sv_.db.Acquire();
  auto runs = RunsOf(session.sql(), spec.name, 50);
  for (auto& r : runs)
    if (r.id == run.id) return r;
  run.job = spec.name;
  return run;
}

int Runner::RunDue(std::stop_token stop) {
  int ran = 0;
  for (const auto& spec : specs_) {
    if (stop.stop_requested()) break;
    try {
      bool busy = false;
      auto claim = Take(spec, true, Trigger::kSchedule, nullptr, &busy);
      if (!claim) continue;
      Execute(spec, *claim, Trigger::kSchedule, stop);
      ++ran;
    } catch (const std::exception& e) {
      spdlog::error(R"({{"msg":"scheduler could not take a job","job":"{}","error":{}}})",
                    spec.name, nlohmann::json(e.what()).dump());
    }
  }
  return ran;
}

Result<Run> Runner::RunNow(const std::string& name, Trigger trigger, const audit::Actor& actor,
                           std::stop_token stop) {
  const JobSpec* spec = Find(name);
  if (!spec)
    return Status(ErrorCode::kNotFound, "jobs.not_found",
                  "Fant ingen jobb som heter «" + name + "».", {{"name", "Ukjent jobb."}});
  Ensure(*spec);
  bool busy = false;
  auto claim = Take(*spec, false, trigger, &actor, &busy);
  if (!claim)
    return Status(ErrorCode::kConflict, "jobs.running",
                  "Jobben «" + name + "» kjører allerede (på denne eller en annen tjener).",
                  {{"name", "Jobben kjører allerede."}});
  return Execute(*spec, *claim, trigger, stop);
}

std::vector<JobStatus> Runner::List(int runs) {
  std::vector<JobStatus> out;
  auto session = sv_.db.Acquire();
  auto& sql = session.sql();
  const std::int64_t now = now_ms();
  for (const auto& spec : specs_) {
    JobStatus j;
    j.name = spec.name;
    j.description_nb = spec.description_nb;
    j.description_en = spec.description_en;
    j.schedule = spec.schedule;
    j.schedule_text = ScheduleText(spec.schedule);
    j.max_attempts = spec.max_attempts;
    long long next = 0, lease_until = 0;
    soci::indicator next_ind = soci::i_null, lease_ind = soci::i_null;
    int attempts = 0;
    sql << "SELECT next_run_ms, attempts, lease_until_ms FROM core_jobs WHERE name = :n",
        soci::use(spec.name), soci::into(next, next_ind), soci::into(attempts),
        soci::into(lease_until, lease_ind);
    if (sql.got_data()) {
      if (next_ind == soci::i_ok) j.next_run_at = IsoUtc(next);
      j.attempts = attempts;
      j.running = lease_ind == soci::i_ok && lease_until > now;
    } else {
      j.next_run_at = IsoUtc(FirstDue(spec.schedule, now));
    }
    j.last_runs = RunsOf(sql, spec.name, runs);
    out.push_back(std::move(j));
  }
  return out;
}

void RunScheduler(Runner& runner, std::stop_token stop, std::chrono::milliseconds tick) {
  if (Status st = runner.Sync(); !st.ok()) {
    spdlog::error(R"({{"msg":"jobs not scheduled","error":{}}})",
                  nlohmann::json(st.detail()).dump());
    return;
  }
  std::mutex mu;
  std::condition_variable_any cv;
  while (!stop.stop_requested()) {
    try {
      runner.RunDue(stop);
    } catch (const std::exception& e) {
      spdlog::error(R"({{"msg":"scheduler tick failed","error":{}}})",
                    nlohmann::json(e.what()).dump());
    }
    std::unique_lock lock(mu);
    cv.wait_for(lock, stop, tick, [] { return false; });
  }
}

}  // namespace samkjop::core::jobs
