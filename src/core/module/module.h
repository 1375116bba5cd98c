// What a business module gives the application: its migrations, routes,
// start-up hooks and demo data. app/modules.cc lists the modules in
// dependency order; nothing else knows the list.
#ifndef SAMKJOP_CORE_MODULE_MODULE_H_
#define SAMKJOP_CORE_MODULE_MODULE_H_

#include <functional>
#include <string>
#include <vector>

#include "core/audit/audit.h"
#include "core/auth/auth_service.h"
#include "core/error/status.h"
#include "core/http/router.h"
#include "core/storage/database.h"

namespace samkjop::core {

// Shared services, constructed once by app/ and handed to modules.
struct Services {
  storage::Database& db;
  auth::AuthService& auth;
  std::string version;
  // `serve --test-gauges`: expose GET /api/test/gauges (tests only; not in
  // the OpenAPI document).
  bool test_gauges = false;
};

struct Module {
  std::string name;  // same as folder, namespace, URL segment, table prefix
  std::function<const std::vector<storage::Migration>&()> migrations;  // may be empty
  // Adds routes and schemas; called once at start of `serve` (and for `openapi`).
  std::function<void(http::Router&, Services&)> routes;
  // Wires hooks into core services (e.g. org's PersonLoader for auth).
  std::function<void(Services&)> start;
  // Loads this module's demo data into an empty database (seed-demo).
  std::function<Status(Services&, const audit::Actor&)> seed_demo;
};

// The core's own module: health, OpenAPI, sign-in, audit log.
Module CoreModule();

}  // namespace samkjop::core

#endif  // SAMKJOP_CORE_MODULE_MODULE_H_
