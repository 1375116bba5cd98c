// samkjop: one binary, several subcommands (serve, migrate, seed-demo, user,
// backup, restore, openapi, rules, spend). See README "Commands".
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/backup.h"
#include "app/modules.h"
#include "core/http/pipeline.h"
#include "core/http/server.h"
#include "core/nor/civil_date.h"
#include "core/storage/database.h"
#include "modules/org/org_service.h"
#include "modules/rules/rules_cli.h"
#include "modules/spend/spend_cli.h"

#ifndef SAMKJOP_VERSION
#define SAMKJOP_VERSION "0.0.0"
#endif

namespace samkjop::app {
namespace {

namespace fs = std::filesystem;

struct DataOptions {
  std::string db;
  std::string data;
};

void AddDataOptions(CLI::App* cmd, DataOptions* o) {
  cmd->add_option(
      "--db", o->db,
      "Database: sqlite:PATH or postgresql://... (env SAMKJOP_DB; default sqlite:DATA/samkjop.db)");
  cmd->add_option(
      "--data", o->data,
      "Data folder for the database file and documents (env SAMKJOP_DATA; default ./var)");
}

// Flags win over the environment, which wins over the defaults.
void Resolve(DataOptions* o) {
  if (o->data.empty()) {
    const char* env = std::getenv("SAMKJOP_DATA");
    o->data = env && *env ? env : "./var";
  }
  if (o->db.empty()) {
    const char* env = std::getenv("SAMKJOP_DB");
    o->db = env && *env ? env : "sqlite:" + (fs::path(o->data) / "samkjop.db").string();
  }
}

int Fail(const core::Status& st) {
  std::cerr << "samkjop: " << st.message();
  if (!st.detail().empty()) std::cerr << " (" << st.detail() << ")";
  for (const auto& f : st.fields()) std::cerr << "\n  " << f.field << ": " << f.message;
  std::cerr << "\n";
  return st.code() == core::ErrorCode::kInvalidArgument ? 2 : 1;
}

std::vector<core::storage::Migration> AllMigrations(const std::vector<core::Module>& modules) {
  std::vector<core::storage::Migration> out;
  for (const auto& m : modules)
    if (m.migrations)
      for (const auto& mig : m.migrations()) out.push_back(mig);
  return out;
}

// Opens the database (creating the data folder for SQLite) and migrates it.
core::Result<std::unique_ptr<core::storage::Database>> OpenAndMigrate(
    const DataOptions& o, const std::vector<core::Module>& modules, std::size_t pool) {
  std::error_code ec;
  fs::create_directories(o.data, ec);
  if (ec)
    return core::Status::Invalid("app.bad_data_dir",
                                 "Kan ikke opprette datamappen " + o.data + ": " + ec.message());
  auto db = core::storage::Database::Open(o.db, pool);
  if (!db.ok()) return db.status();
  auto applied = (*db)->Migrate(AllMigrations(modules));
  if (!applied.ok()) return applied.status();
  return db;
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

// --today: pins the business date for this process (tests only).
void AddTodayOption(CLI::App* cmd, std::string* today) {
  cmd->add_option(
      "--today", *today,
      "Tests only: pin today's date (YYYY-MM-DD) for this process; logged as a warning");
}

// Pins today when --today was given. False (with a message) when it is not a date.
bool ApplyToday(const std::string& today) {
  if (today.empty()) return true;
  auto d = core::nor::ParseIsoDate(today);
  if (!d) {
    std::cerr << "samkjop: --today must be a date YYYY-MM-DD, got " << today << "\n";
    return false;
  }
  core::nor::PinToday(d);
  spdlog::warn(R"json({{"msg":"today is pinned: --today is for tests only","today":"{}"}})json",
               today);
  return true;
}

core::auth::AuthConfig AuthConfigFrom(const std::string& cost, int max_failures, int lock_seconds,
                                      const std::string& public_url) {
  core::auth::AuthConfig c;
  if (cost == "min") {
    c.hash_opslimit = 1;
    c.hash_memlimit = 8192;
  }
  c.max_failures_per_account = max_failures;
  c.max_failures_per_address = max_failures * 4;
  c.lock_seconds = lock_seconds;
  c.secure_cookie = public_url.rfind("https://", 0) == 0;
  return c;
}

}  // namespace

int Main(int argc, char** argv) {
  auto logger = spdlog::stderr_logger_mt("samkjop");
  // One line per event; access-log events are JSON objects (core/http/server.cc).
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);

  CLI::App app{
      "Samkjøp — procurement management for RIIK (Regionalt innkjøp i Kongsvingerregionen)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", SAMKJOP_VERSION);
  int exit_code = 0;
  const std::vector<core::Module> modules = AllModules();

  // --- serve ---
  DataOptions serve_data;
  std::string listen = "127.0.0.1:8080", public_url, web_dir, hash_cost = "interactive",
              serve_today;
  std::size_t threads = 4, max_body_kib = 1024;
  int login_max_failures = 5, login_lock_seconds = 900;
  bool test_gauges = false;
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
      ->add_option("--password-hash-cost", hash_cost,
                   "argon2id cost: interactive (production) or min (tests only)")
      ->capture_default_str()
      ->check(CLI::IsMember({"interactive", "min"}));
  serve
      ->add_option("--login-max-failures", login_max_failures,
                   "Failed logins per account before a lock (x4 per address)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  serve->add_option("--login-lock-seconds", login_lock_seconds, "How long a lock lasts")
      ->capture_default_str()
      ->check(CLI::Range(1, 86400));
  AddTodayOption(serve, &serve_today);
  serve->add_flag("--test-gauges", test_gauges,
                  "Tests only: expose GET /api/test/gauges (bytes buffered, hashes running)");
  serve->callback([&] {
    Resolve(&serve_data);
    if (!ApplyToday(serve_today)) {
      exit_code = 2;
      return;
    }
    core::http::ServerOptions so;
    if (!ParseListen(listen, &so.host, &so.port)) {
      std::cerr << "samkjop: --listen must be HOST:PORT, got " << listen << "\n";
      exit_code = 2;
      return;
    }
    so.threads = threads;
    so.temp_dir = (fs::path(serve_data.data) / "tmp").string();  // stream_to_file bodies
    auto db = OpenAndMigrate(serve_data, modules, threads + 2);
    if (!db.ok()) {
      exit_code = Fail(db.status());
      return;
    }
    core::auth::AuthService auth(
        **db, AuthConfigFrom(hash_cost, login_max_failures, login_lock_seconds, public_url));
    core::Services sv{**db, auth, SAMKJOP_VERSION};
    sv.test_gauges = test_gauges;
    core::http::Router router;
    for (const auto& m : modules) {
      if (m.start) m.start(sv);
      if (m.routes) m.routes(router, sv);
    }
    core::http::PipelineOptions po;
    po.max_body_bytes = max_body_kib * 1024;
    po.static_dir = web_dir.empty() ? DefaultWebDir(argv[0]) : web_dir;
    po.hsts = public_url.rfind("https://", 0) == 0;
    core::http::Pipeline pipeline(
        router, [&auth](const std::string& t) { return auth.Resolve(t); }, po);
    core::Status st = core::http::RunServer(pipeline, so, [&] {
      spdlog::info(R"({{"msg":"listening","url":"http://{}:{}","database":"{}","web":"{}"}})",
                   so.host, so.port, (*db)->KindName(),
                   po.static_dir.empty() ? "(not built)" : po.static_dir);
      std::cout << "Samkjøp kjører på http://" << so.host << ":" << so.port
                << "/  (Ctrl+C stopper)\n"
                << std::flush;
    });
    if (!st.ok()) exit_code = Fail(st);
    db->reset();  // close the database cleanly before exit
  });

  // --- migrate ---
  DataOptions mig_data;
  auto* migrate = app.add_subcommand("migrate", "Apply database migrations");
  AddDataOptions(migrate, &mig_data);
  migrate->callback([&] {
    Resolve(&mig_data);
    auto db = OpenAndMigrate(mig_data, modules, 1);
    if (!db.ok())
      exit_code = Fail(db.status());
    else
      std::cout << "Databasen er oppdatert (" << (*db)->KindName() << ").\n";
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
    Resolve(&seed_data);
    if (!ApplyToday(seed_today)) {
      exit_code = 2;
      return;
    }
    auto db = OpenAndMigrate(seed_data, modules, 1);
    if (!db.ok()) {
      exit_code = Fail(db.status());
      return;
    }
    core::auth::AuthService auth(**db, AuthConfigFrom(seed_cost, 5, 900, ""));
    core::Services sv{**db, auth, SAMKJOP_VERSION};
    for (const auto& m : modules)
      if (m.start) m.start(sv);
    if (org::HasData(**db)) {
      std::cout << "Databasen har allerede data; demodata ble ikke lastet.\n";
      return;
    }
    core::audit::Actor actor{0, "system", "seed-demo"};
    for (const auto& m : modules) {
      if (!m.seed_demo) continue;
      core::Status st = m.seed_demo(sv, actor);
      if (!st.ok()) {
        exit_code = Fail(st);
        return;
      }
    }
    std::cout << "Demodata for RIIK er lastet.\n";
  });

  // --- user add / passwd ---
  auto* user = app.add_subcommand("user", "Manage local user accounts");
  user->require_subcommand(1);
  DataOptions user_data;
  std::string ua_username, ua_role, ua_muni, ua_area, ua_name, ua_today;
  auto* user_add = user->add_subcommand(
      "add", "Create a user with one role; the password is read from standard input");
  AddDataOptions(user_add, &user_data);
  user_add->add_option("USERNAME", ua_username, "Username")->required();
  user_add
      ->add_option("--role", ua_role,
                   "Role: admin, director, staff, chief_executive, officer, product_manager, "
                   "council_member, employee, auditor")
      ->required();
  user_add->add_option("--municipality", ua_muni,
                       "Organisation number of the municipality (roles held per municipality)");
  user_add->add_option("--product-area", ua_area, "Product area code (product_manager)");
  user_add->add_option("--name", ua_name, "Full name (default: the username)");
  AddTodayOption(user_add, &ua_today);
  user_add->callback([&] {
    Resolve(&user_data);
    if (!ApplyToday(ua_today)) {
      exit_code = 2;
      return;
    }
    auto db = OpenAndMigrate(user_data, modules, 1);
    if (!db.ok()) {
      exit_code = Fail(db.status());
      return;
    }
    core::auth::AuthService auth(**db, {});
    std::string pw = ReadPassword("Passord: ");
    core::audit::Actor actor{0, "system", "cli"};
    auto r = org::AddUserWithRole(**db, auth, actor, ua_username, pw, ua_role, ua_muni, ua_area,
                                  ua_name.empty() ? ua_username : ua_name);
    if (!r.ok())
      exit_code = Fail(r.status());
    else
      std::cout << "Brukeren «" << ua_username << "» er opprettet (id " << *r << ").\n";
  });
  DataOptions up_data;
  std::string up_username;
  auto* user_passwd =
      user->add_subcommand("passwd", "Set a user's password (read from standard input)");
  AddDataOptions(user_passwd, &up_data);
  user_passwd->add_option("USERNAME", up_username, "Username")->required();
  user_passwd->callback([&] {
    Resolve(&up_data);
    auto db = OpenAndMigrate(up_data, modules, 1);
    if (!db.ok()) {
      exit_code = Fail(db.status());
      return;
    }
    core::auth::AuthService auth(**db, {});
    std::string pw = ReadPassword("Nytt passord: ");
    core::audit::Actor actor{0, "system", "cli"};
    core::Status st = org::SetUserPassword(**db, auth, actor, up_username, pw);
    if (!st.ok())
      exit_code = Fail(st);
    else
      std::cout << "Passordet er endret.\n";
  });

  // --- backup / restore ---
  DataOptions bk_data;
  std::string bk_to;
  auto* backup =
      app.add_subcommand("backup", "Back up the database (SQLite online backup, or pg_dump)");
  AddDataOptions(backup, &bk_data);
  backup->add_option("--to", bk_to, "Backup file to write")->required();
  backup->callback([&] {
    Resolve(&bk_data);
    core::Status st = Backup(bk_data.db, bk_to);
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
    Resolve(&rs_data);
    std::error_code ec;
    fs::create_directories(rs_data.data, ec);
    core::Status st = Restore(rs_data.db, rs_from);
    if (!st.ok())
      exit_code = Fail(st);
    else
      std::cout << "Databasen er gjenopprettet fra " << rs_from << "\n";
  });

  // --- openapi ---
  auto* openapi = app.add_subcommand("openapi", "Print the OpenAPI document (no database needed)");
  openapi->callback([&] {
    auto db = core::storage::Database::Open("sqlite::memory:", 1);
    if (!db.ok()) {
      exit_code = Fail(db.status());
      return;
    }
    core::auth::AuthService auth(**db, AuthConfigFrom("min", 5, 900, ""));
    core::Services sv{**db, auth, SAMKJOP_VERSION};
    core::http::Router router;
    for (const auto& m : modules)
      if (m.routes) m.routes(router, sv);
    std::cout << router.OpenApi(SAMKJOP_VERSION).dump(2) << "\n";
  });

  // --- pure command-line modules ---
  rules::RegisterCli(app, exit_code);
  spend::RegisterCli(app, exit_code);

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
