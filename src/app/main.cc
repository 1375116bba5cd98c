// samkjop: one binary, several subcommands. The core's commands are here
// (serve, migrate, seed-demo, backup, restore, openapi, modules); every
// module adds its own through Module::cli (user, rules, spend, …). Nothing
// here names a module: the list is src/app/modules.cc. See README "Commands".
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/backup.h"
#include "app/modules.h"
#include "core/http/client_address.h"
#include "core/http/pipeline.h"
#include "core/http/server.h"
#include "core/jobs/runner.h"
#include "core/mail/mail.h"
#include "core/nor/civil_date.h"
#include "core/notify/demo_data.h"
#include "core/storage/database.h"

#ifndef SAMKJOP_VERSION
#define SAMKJOP_VERSION "0.0.0"
#endif

namespace samkjop::app {
namespace {

namespace fs = std::filesystem;
using core::DataOptions;

void AddDataOptions(CLI::App* cmd, DataOptions* o) {
  cmd->add_option("--db", o->db,
                  "Database: sqlite:PATH or postgresql://... (env SAMKJOP_DB; default "
                  "sqlite:DATA/samkjop.db)");
  cmd->add_option(
      "--data", o->data,
      "Data folder for the database file and documents (env SAMKJOP_DATA; default ./var)");
}

// Flags win over the environment, which wins over the defaults.
DataOptions Resolve(DataOptions o) {
  if (o.data.empty()) {
    const char* env = std::getenv("SAMKJOP_DATA");
    o.data = env && *env ? env : "./var";
  }
  if (o.db.empty()) {
    const char* env = std::getenv("SAMKJOP_DB");
    o.db = env && *env ? env : "sqlite:" + (fs::path(o.data) / "samkjop.db").string();
  }
  return o;
}

int Fail(const core::Status& st) {
  std::cerr << "samkjop: " << st.message();
  if (!st.detail().empty() && st.detail() != st.message()) std::cerr << " (" << st.detail() << ")";
  for (const auto& f : st.fields()) std::cerr << "\n  " << f.field << ": " << f.message;
  std::cerr << "\n";
  return st.code() == core::ErrorCode::kInvalidArgument ? 2 : 1;
}

// --today: pins the business date for this process (tests only).
void AddTodayOption(CLI::App* cmd, std::string* today) {
  cmd->add_option(
      "--today", *today,
      "Tests only: pin today's date (YYYY-MM-DD) for this process; logged as a warning");
}

// Pins today when --today was given. Not a date: kInvalidArgument.
core::Status ApplyToday(const std::string& today) {
  if (today.empty()) return core::Status::Ok();
  auto d = core::nor::ParseIsoDate(today);
  if (!d)
    return core::Status::InvalidField("app.bad_today", "--today",
                                      "--today må være en dato ÅÅÅÅ-MM-DD, ikke «" + today + "».");
  core::nor::PinToday(d);
  spdlog::warn(R"json({{"msg":"today is pinned: --today is for tests only","today":"{}"}})json",
               today);
  return core::Status::Ok();
}

std::string ReadPassword(const std::string& prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios noecho = old;
    noecho.c_lflag &= ~ECHO;
    tcsetattr(STDIN_FILENO, TCSANOW, &noecho);
  }
  std::string pw;
  std::getline(std::cin, pw);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

bool ParseListen(const std::string& s, std::string* host, std::uint16_t* port) {
  size_t colon = s.rfind(':');
  if (colon == std::string::npos) return false;
  *host = s.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']')
    *host = host->substr(1, host->size() - 2);
  try {
    size_t used = 0;
    int p = std::stoi(s.substr(colon + 1), &used);
    if (used != s.size() - colon - 1 || p < 0 || p > 65535) return false;
    *port = static_cast<std::uint16_t>(p);
  } catch (...) {
    return false;
  }
  return !host->empty();
}

std::string DefaultWebDir(const char* argv0) {
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::path(argv0);
  for (fs::path p : {exe.parent_path() / ".." / "web" / "dist", fs::path("web/dist")})
    if (fs::exists(p / "index.html", ec)) return fs::weakly_canonical(p).string();
  return "";
}

core::auth::AuthConfig AuthConfigFrom(const std::string& cost, const std::string& public_url) {
  core::auth::AuthConfig c;
  if (cost == "min") {
    c.hash_opslimit = 1;
    c.hash_memlimit = 8192;
  }
  c.secure_cookie = public_url.rfind("https://", 0) == 0;
  return c;
}

// Password hashes at once: one per two cores by default, always fewer than
// the worker threads, so hashing never takes every thread.
void SizeHashGate(core::auth::AuthConfig* c, int threads, int concurrency) {
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  c->hash_concurrency =
      concurrency > 0 ? concurrency : std::max(1, std::min(cores / 2, threads - 1));
  c->hash_queue = std::max(0, threads - c->hash_concurrency - 1);
}

// Everything a command needs from the module list, built once.
struct App {
  std::vector<core::Module> modules;
  std::unique_ptr<core::auth::AccessControl> access;
};

std::vector<core::storage::Migration> AllMigrations(const App& a) {
  std::vector<core::storage::Migration> out;
  for (const auto& m : a.modules)
    if (m.migrations)
      for (const auto& mig : m.migrations()) out.push_back(mig);
  return out;
}

struct RuntimeConfig {
  std::size_t pool = 1;
  core::auth::AuthConfig auth;
};

// Applies --today, opens the database (creating the data folder for SQLite),
// migrates it, builds the services and runs every module's start hook.
core::Result<std::unique_ptr<core::Runtime>> OpenRuntime(const App& a, const DataOptions& in,
                                                         const std::string& today,
                                                         const RuntimeConfig& cfg) {
  SAMKJOP_RETURN_IF_ERROR(ApplyToday(today));
  DataOptions o = Resolve(in);
  if (o.db.rfind("sqlite:", 0) == 0 && o.db != "sqlite::memory:") {
    std::error_code ec;
    fs::create_directories(o.data, ec);
    if (ec)
      return core::Status::Invalid("app.bad_data_dir",
                                   "Kan ikke opprette datamappen " + o.data + ": " + ec.message());
  }
  auto db = core::storage::Database::Open(o.db, cfg.pool);
  if (!db.ok()) return db.status();
  auto applied = (*db)->Migrate(AllMigrations(a));
  if (!applied.ok()) return applied.status();
  auto rt = std::make_unique<core::Runtime>();
  rt->db = std::move(db).value();
  rt->auth = std::make_unique<core::auth::AuthService>(*rt->db, cfg.auth);
  rt->services = std::make_unique<core::Services>(*rt->db, *rt->auth, *a.access, SAMKJOP_VERSION);
  rt->services->data_dir = o.data;
  for (const auto& m : a.modules)
    if (m.start) m.start(*rt->services);
  for (const auto& m : a.modules)
    for (const auto& j : m.jobs) rt->services->jobs.push_back(j);
  return rt;
}

core::Status BuildRouter(const App& a, core::Services& sv, core::http::Router* router) {
  for (const auto& m : a.modules)
    if (m.routes) m.routes(*router, sv);
  return router->Validate(*a.access);
}

nlohmann::json ModulesJson(const App& a, const core::http::Router& router) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : a.modules) {
    int migrations = m.migrations ? static_cast<int>(m.migrations().size()) : 0;
    int permissions = 0;
    if (m.grants) permissions = static_cast<int>(m.grants().permissions.size());
    int routes = 0;
    std::string prefix = m.name + ".";
    for (const auto& r : router.routes())
      if (r.access.kind == core::http::Access::Kind::kPermission &&
          r.access.permission.rfind(prefix, 0) == 0)
        ++routes;
    out.push_back({{"name", m.name},
                   {"depends_on", m.depends_on},
                   {"migrations", migrations},
                   {"permissions", permissions},
                   {"routes", routes},
                   {"cli", static_cast<bool>(m.cli)},
                   {"demo_data", static_cast<bool>(m.seed_demo)},
                   {"duty_indicators", m.duty_indicators.size()}});
  }
  return out;
}

}  // namespace

int Main(int argc, char** argv) {
  auto logger = spdlog::stderr_logger_mt("samkjop");
  // One line per event; access-log events are JSON objects (core/http/server.cc).
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);

  App a;
  a.modules = AllModules();
  if (core::Status st = core::ValidateModules(a.modules); !st.ok()) return Fail(st);
  auto access = core::BuildAccessControl(a.modules);
  if (!access.ok()) return Fail(access.status());
  a.access = std::move(access).value();

  CLI::App app{
      "Samkjøp — procurement management for RIIK (Regionalt innkjøp i Kongsvingerregionen)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", SAMKJOP_VERSION);
  int exit_code = 0;

  core::CliEnv env;
  env.exit_code = &exit_code;
  env.add_data_options = AddDataOptions;
  env.add_today_option = AddTodayOption;
  env.fail = Fail;
  env.read_password = ReadPassword;
  env.open = [&a, &exit_code](const DataOptions& o,
                              const std::string& today) -> std::unique_ptr<core::Runtime> {
    auto rt = OpenRuntime(a, o, today, {});
    if (!rt.ok()) {
      exit_code = Fail(rt.status());
      return nullptr;
    }
    return std::move(rt).value();
  };

  // --- serve ---
  DataOptions serve_data;
  std::string listen = "127.0.0.1:8080", public_url, web_dir, hash_cost = "interactive",
              serve_today;
  std::size_t threads = 4, max_body_kib = 1024, max_upload_mib = 100;
  int account_limit = 5, address_limit = 100, first_lock_seconds = 1, hash_concurrency = 0;
  std::vector<std::string> trusted_proxy_list;
  bool test_gauges = false;
  std::string enhetsregisteret_url, integration_ca_file;
  std::string smtp_url, mail_from;
  auto* serve = app.add_subcommand("serve", "Run the web server (migrates the database first)");
  AddDataOptions(serve, &serve_data);
  serve->add_option("--listen", listen, "Address to listen on, HOST:PORT")->capture_default_str();
  serve->add_option("--public-url", public_url,
                    "The address users see; https:// makes the session cookie Secure");
  serve->add_option("--web", web_dir,
                    "Folder with the built web app (default: web/dist beside the binary)");
  serve->add_option("--threads", threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--max-body-kib", max_body_kib,
                   "Largest request body accepted (KiB); larger gets 413")
      ->capture_default_str()
      ->check(CLI::Range(1, 65536));
  serve
      ->add_option("--max-upload-mib", max_upload_mib,
                   "Largest file upload accepted (MiB, POST /api/files); larger gets 413")
      ->capture_default_str()
      ->check(CLI::Range(1, 1048576));
  serve
      ->add_option("--password-hash-cost", hash_cost,
                   "argon2id cost: interactive (production) or min (tests only)")
      ->capture_default_str()
      ->check(CLI::IsMember({"interactive", "min"}));
  serve
      ->add_option("--trusted-proxy", trusted_proxy_list,
                   "A reverse proxy (ADDRESS or ADDRESS/PREFIX, IPv4 or IPv6; repeatable) whose "
                   "X-Forwarded-For names the client; from any other peer the header is ignored")
      ->type_name("ADDRESS/CIDR");
  serve
      ->add_option("--login-account-limit", account_limit,
                   "Failed password attempts per account before it is locked")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  serve
      ->add_option("--login-address-limit", address_limit,
                   "Failed logins per client address before it is locked")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option(
          "--login-first-lock-seconds", first_lock_seconds,
          "Tests only: the first lock at a limit; it doubles per further failure, up to 900 s")
      ->capture_default_str()
      ->check(CLI::Range(1, 900));
  serve
      ->add_option("--hash-concurrency", hash_concurrency,
                   "Password hashes at once (default: one per two cores, fewer than --threads)")
      ->check(CLI::Range(1, 64));
  AddTodayOption(serve, &serve_today);
  serve
      ->add_option("--enhetsregisteret-url", enhetsregisteret_url,
                   "Base address of Enhetsregisteret's API, e.g. "
                   "https://data.brreg.no/enhetsregisteret/api (off when unset)")
      ->envname("SAMKJOP_ENHETSREGISTERET_URL");
  serve->add_option("--integration-ca-file", integration_ca_file,
                    "Extra CA certificates (PEM) the integrations' TLS trusts (tests)");
  serve->add_flag("--test-gauges", test_gauges,
                  "Tests only: expose GET /api/test/gauges (bytes buffered, hashes running)");
  serve->add_option("--smtp-url", smtp_url,
                    "SMTP server for outgoing mail: smtp://HOST:PORT (STARTTLS when offered) or "
                    "smtps://HOST:PORT (env SAMKJOP_SMTP_URL; login from SAMKJOP_SMTP_USER and "
                    "SAMKJOP_SMTP_PASSWORD); without it mail stays in the outbox");
  serve->add_option("--mail-from", mail_from,
                    "Sender address of outgoing mail (env SAMKJOP_MAIL_FROM)");
  serve->callback([&] {
    core::mail::SmtpConfig smtp = core::mail::ResolveSmtp(smtp_url, mail_from);
    if (core::Status st = core::mail::CheckConfig(smtp); !st.ok()) {
      exit_code = Fail(st);
      return;
    }
    core::http::ServerOptions so;
    if (!ParseListen(listen, &so.host, &so.port)) {
      std::cerr << "samkjop: --listen must be HOST:PORT, got " << listen << "\n";
      exit_code = 2;
      return;
    }
    so.threads = threads;
    so.temp_dir = (fs::path(Resolve(serve_data).data) / "tmp").string();  // stream_to_file bodies
    auto proxies = core::http::TrustedProxies::Parse(trusted_proxy_list);
    if (!proxies.ok()) {
      exit_code = Fail(proxies.status());
      return;
    }
    core::auth::AuthConfig ac = AuthConfigFrom(hash_cost, public_url);
    ac.account_limit = account_limit;
    ac.address_limit = address_limit;
    ac.first_lock_seconds = first_lock_seconds;
    SizeHashGate(&ac, static_cast<int>(threads), hash_concurrency);
    auto rt = OpenRuntime(a, serve_data, serve_today, {threads + 2, ac});
    if (!rt.ok()) {
      exit_code = Fail(rt.status());
      return;
    }
    auto& auth = *(*rt)->auth;
    std::string dictionary;
    if (!auth.password_policy().DictionaryAvailable(&dictionary)) {
      std::cerr
          << "samkjop: cracklib's dictionary " << dictionary
          << ".pwd is missing or unreadable; install cracklib-runtime (scripts/install-deps.sh)\n";
      exit_code = 1;
      return;
    }
    spdlog::info(
        R"({{"msg":"auth","trusted_proxies":"{}","account_limit":{},"address_limit":{},"first_lock_seconds":{},"hash_concurrency":{},"hash_queue":{},"dictionary":"{}"}})",
        proxies->ToString(), ac.account_limit, ac.address_limit, ac.first_lock_seconds,
        ac.hash_concurrency, ac.hash_queue, dictionary);
    core::Services& sv = *(*rt)->services;
    sv.test_gauges = test_gauges;
    sv.max_upload_bytes = max_upload_mib << 20;
    {
      core::net::HttpClientOptions er;
      er.base_url = enhetsregisteret_url;
      er.ca_file = integration_ca_file;
      er.user_agent = "samkjop/" + sv.version;
      sv.integrations["enhetsregisteret"] = er;
    }
    core::http::Router router;
    if (core::Status st = BuildRouter(a, sv, &router); !st.ok()) {
      exit_code = Fail(st);
      return;
    }
    core::http::PipelineOptions po;
    po.max_body_bytes = max_body_kib * 1024;
    po.static_dir = web_dir.empty() ? DefaultWebDir(argv[0]) : web_dir;
    po.trusted_proxies = *proxies;
    po.hsts = public_url.rfind("https://", 0) == 0;
    core::http::Pipeline pipeline(
        router, *a.access, [&auth](const std::string& t) { return auth.Resolve(t); }, po);
    // The jobs (core/jobs): checked and registered now; run by the scheduler thread, which
    // never starts when today is pinned (tests run jobs with POST /api/jobs/{name}/run).
    sv.smtp = smtp;
    spdlog::info(R"({{"msg":"mail","smtp":"{}","from":"{}","login":{}}})",
                 smtp.configured() ? smtp.url : "(none: mail stays in the outbox)", smtp.from,
                 smtp.user.empty() ? "false" : "true");
    core::jobs::Runner job_runner(sv, sv.jobs);
    if (core::Status st = job_runner.Sync(); !st.ok()) {
      exit_code = Fail(st);
      return;
    }
    std::jthread scheduler;
    if (core::nor::TodayIsPinned())
      spdlog::warn(R"({"msg":"today is pinned: the job scheduler does not run"})");
    else
      scheduler = std::jthread([&job_runner](std::stop_token stop) {
        core::jobs::RunScheduler(job_runner, stop, std::chrono::seconds(15));
      });
    core::Status st = core::http::RunServer(pipeline, so, [&] {
      spdlog::info(R"({{"msg":"listening","url":"http://{}:{}","database":"{}","web":"{}"}})",
                   so.host, so.port, (*rt)->db->KindName(),
                   po.static_dir.empty() ? "(not built)" : po.static_dir);
      std::cout << "Samkjøp kjører på http://" << so.host << ":" << so.port
                << "/  (Ctrl+C stopper)\n"
                << std::flush;
    });
    // A running job is told to stop, finishes, and its lease is released.
    if (scheduler.joinable()) {
      scheduler.request_stop();
      scheduler.join();
    }
    if (!st.ok()) exit_code = Fail(st);
  });

  // --- migrate ---
  DataOptions mig_data;
  auto* migrate = app.add_subcommand("migrate", "Apply database migrations");
  AddDataOptions(migrate, &mig_data);
  migrate->callback([&] {
    auto rt = env.open(mig_data, "");
    if (rt) std::cout << "Databasen er oppdatert (" << rt->db->KindName() << ").\n";
  });

  // --- seed-demo ---
  DataOptions seed_data;
  std::string seed_cost = "interactive", seed_today;
  auto* seed = app.add_subcommand("seed-demo", "Load the RIIK demo data into an empty database");
  AddDataOptions(seed, &seed_data);
  seed->add_option("--password-hash-cost", seed_cost,
                   "argon2id cost for the demo accounts (min: tests only)")
      ->check(CLI::IsMember({"interactive", "min"}));
  AddTodayOption(seed, &seed_today);
  seed->callback([&] {
    auto rt = OpenRuntime(a, seed_data, seed_today, {1, AuthConfigFrom(seed_cost, "")});
    if (!rt.ok()) {
      exit_code = Fail(rt.status());
      return;
    }
    core::Services& sv = *(*rt)->services;
    for (const auto& m : a.modules)
      if (m.has_data && m.has_data(sv)) {
        std::cout << "Databasen har allerede data; demodata ble ikke lastet.\n";
        return;
      }
    core::audit::Actor actor{0, "system", "seed-demo"};
    for (const auto& m : a.modules) {
      if (!m.seed_demo) continue;
      if (core::Status st = m.seed_demo(sv, actor); !st.ok()) {
        exit_code = Fail(st);
        return;
      }
    }
    // Notifications for the demo accounts, after every module (org makes the accounts).
    if (core::Status st = core::notify::SeedDemo(sv, actor); !st.ok()) {
      exit_code = Fail(st);
      return;
    }
    std::cout << "Demodata for RIIK er lastet.\n";
  });

  // --- backup / restore ---
  DataOptions bk_data;
  std::string bk_to;
  auto* backup =
      app.add_subcommand("backup", "Back up the database (SQLite online backup, or pg_dump)");
  AddDataOptions(backup, &bk_data);
  backup->add_option("--to", bk_to, "Backup file to write")->required();
  backup->callback([&] {
    core::Status st = Backup(Resolve(bk_data).db, bk_to);
    if (!st.ok())
      exit_code = Fail(st);
    else
      std::cout << "Sikkerhetskopi skrevet til " << bk_to << "\n";
  });
  DataOptions rs_data;
  std::string rs_from;
  auto* restore =
      app.add_subcommand("restore", "Restore the database from a backup (stop the server first)");
  AddDataOptions(restore, &rs_data);
  restore->add_option("--from", rs_from, "Backup file to read")
      ->required()
      ->check(CLI::ExistingFile);
  restore->callback([&] {
    DataOptions o = Resolve(rs_data);
    std::error_code ec;
    fs::create_directories(o.data, ec);
    core::Status st = Restore(o.db, rs_from);
    if (!st.ok())
      exit_code = Fail(st);
    else
      std::cout << "Databasen er gjenopprettet fra " << rs_from << "\n";
  });

  // --- openapi, modules: the route table on a throwaway in-memory database ---
  auto with_router = [&](const std::function<void(const core::http::Router&)>& fn) {
    spdlog::set_level(spdlog::level::warn);  // the throwaway database's migrations are noise here
    auto rt = OpenRuntime(a, {"sqlite::memory:", ""}, "", {1, AuthConfigFrom("min", "")});
    if (!rt.ok()) {
      exit_code = Fail(rt.status());
      return;
    }
    core::http::Router router;
    if (core::Status st = BuildRouter(a, *(*rt)->services, &router); !st.ok()) {
      exit_code = Fail(st);
      return;
    }
    fn(router);
  };
  auto* openapi = app.add_subcommand("openapi", "Print the OpenAPI document (no database needed)");
  openapi->callback([&] {
    with_router([](const core::http::Router& r) {
      std::cout << r.OpenApi(SAMKJOP_VERSION).dump(2) << "\n";
    });
  });
  auto* modules_cmd = app.add_subcommand(
      "modules", "List the modules: dependencies, migrations, permissions, routes (JSON)");
  modules_cmd->callback([&] {
    with_router(
        [&](const core::http::Router& r) { std::cout << ModulesJson(a, r).dump(2) << "\n"; });
  });

  // --- every module's own commands ---
  for (const auto& m : a.modules)
    if (m.cli) m.cli(app, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}

}  // namespace samkjop::app

int main(int argc, char** argv) { return samkjop::app::Main(argc, argv); }
