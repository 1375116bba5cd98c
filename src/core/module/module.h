// What a business module gives the application. A module is a folder under
// src/modules/<name>/ with module.{h,cc} returning a Module; src/app/modules.cc
// is the one ordered list of modules (CMake globs the folders, and a test
// fails when the two disagree). See docs/adding-a-module.md.
#ifndef SAMKJOP_CORE_MODULE_MODULE_H_
#define SAMKJOP_CORE_MODULE_MODULE_H_

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <vector>

#include "core/audit/audit.h"
#include "core/auth/auth_service.h"
#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/http/router.h"
#include "core/jobs/job.h"
#include "core/mail/mail.h"
#include "core/net/http_client.h"
#include "core/storage/database.h"

namespace CLI {
class App;
}

namespace samkjop::core {

// Shared services, constructed once by app/ and handed to modules. Modules
// offer services to each other through Provide/Get (in their `start` hook),
// typed by the service class of the providing module's *_service.h.
class Services {
 public:
  Services(storage::Database& db, auth::AuthService& auth, const auth::AccessControl& access,
           std::string version)
      : db(db), auth(auth), access(access), version(std::move(version)) {}

  storage::Database& db;
  auth::AuthService& auth;
  const auth::AccessControl& access;
  const std::string version;
  // `serve --test-gauges`: expose GET /api/test/gauges (tests only; not in
  // the OpenAPI document).
  bool test_gauges = false;
  // The data folder (--data): core/files keeps its blobs under DATA/files.
  std::string data_dir = "./var";
  // `serve --max-upload-mib`: the largest upload (POST /api/files), in bytes.
  std::size_t max_upload_bytes = std::size_t{100} << 20;
  // HTTP clients of the integrations, by name ("enhetsregisteret"), from
  // `serve --enhetsregisteret-url …`; an integration without a base_url is off.
  std::map<std::string, net::HttpClientOptions> integrations;
  // Every module's jobs (core/jobs), in module order; filled at start-up.
  std::vector<jobs::JobSpec> jobs;
  // Where the job core.send_mail sends the outbox (serve --smtp-url); empty: nowhere.
  mail::SmtpConfig smtp;

  // Offers `service` to modules that come later in the module list.
  template <typename T>
  void Provide(std::shared_ptr<T> service) {
    provided_[std::type_index(typeid(T))] = std::move(service);
  }
  // A service offered by an earlier module. Throws std::logic_error when none
  // was offered: a module uses a module it does not depend on (a bug).
  template <typename T>
  T& Get() const {
    auto it = provided_.find(std::type_index(typeid(T)));
    if (it == provided_.end())
      throw std::logic_error(std::string("no module offers service ") + typeid(T).name());
    return *static_cast<T*>(it->second.get());
  }

 private:
  std::map<std::type_index, std::shared_ptr<void>> provided_;
};

// A duty of the customer's instructions (../shared/seed/DUTIES.md, e.g. "R-1")
// whose fulfilment a module can tell per municipality, for the governance
// dashboard. Modules contribute these; the dashboard reads them all.
struct DutyStatus {
  std::string municipality;  // orgnr
  bool carried_out = false;
  std::string reason_nb;  // why (not), in Norwegian
};
struct DutyIndicator {
  std::string duty;  // "R-1"
  std::string title_nb, title_en;
  std::function<std::vector<DutyStatus>(Services&, const std::string& date)> evaluate;
};

// What the command line hands a module's `cli` hook.
struct DataOptions {
  std::string db;    // --db URL ("" = $SAMKJOP_DB, else sqlite:DATA/samkjop.db)
  std::string data;  // --data DIR ("" = $SAMKJOP_DATA, else ./var)
};
// A migrated database with the services built and every module started, for
// one command-line command.
struct Runtime {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<auth::AuthService> auth;
  std::unique_ptr<Services> services;
};
struct CliEnv {
  int* exit_code = nullptr;  // the process's exit code
  // Adds --db and --data to a command.
  std::function<void(CLI::App*, DataOptions*)> add_data_options;
  // Adds the test-only --today to a command that reads today.
  std::function<void(CLI::App*, std::string*)> add_today_option;
  // Applies --today (if set), resolves the data options, opens and migrates
  // the database, builds the services and starts every module. On failure it
  // prints the error, sets the exit code and returns null.
  std::function<std::unique_ptr<Runtime>(const DataOptions&, const std::string& today)> open;
  // Prints a Status to stderr; returns the exit code for it (2 for bad input).
  std::function<int(const Status&)> fail;
  // Reads a password from standard input (no echo on a terminal).
  std::function<std::string(const std::string& prompt)> read_password;
};

struct Module {
  std::string name;  // the folder, namespace, URL segment, table prefix, web feature
  // Modules this one uses (through their <module>.h and *_service.h only).
  // They come earlier in the module list.
  std::vector<std::string> depends_on;
  std::function<const std::vector<storage::Migration>&()> migrations;  // may be empty
  // The module's permissions and grant table (its permissions.h); may be empty.
  std::function<auth::GrantTable()> grants;
  // Offers services to later modules and wires hooks into core (at start-up
  // of every command that opens the database, before `routes`).
  std::function<void(Services&)> start;
  // Adds routes and schemas (serve, and `openapi`).
  std::function<void(http::Router&, Services&)> routes;
  // Adds command-line commands.
  std::function<void(CLI::App&, const CliEnv&)> cli;
  // Whether the module holds data already (seed-demo refuses then).
  std::function<bool(Services&)> has_data;
  // Loads this module's demo data into an empty database (seed-demo), dated
  // relative to today.
  std::function<Status(Services&, const audit::Actor&)> seed_demo;
  // Duties whose fulfilment this module can tell (the governance dashboard).
  std::vector<DutyIndicator> duty_indicators;
  // The module's jobs, named "<module>.<job>" (core/jobs/job.h).
  std::vector<jobs::JobSpec> jobs;
};

// The core's own module: health, OpenAPI, sign-in, audit log, permissions.
Module CoreModule();

// Checks a module list: unique names, every dependency known and listed
// earlier. kInternal naming the fault.
Status ValidateModules(const std::vector<Module>& modules);

// Builds the access control from every module's grant table.
Result<std::unique_ptr<auth::AccessControl>> BuildAccessControl(const std::vector<Module>& modules);

}  // namespace samkjop::core

#endif  // SAMKJOP_CORE_MODULE_MODULE_H_
