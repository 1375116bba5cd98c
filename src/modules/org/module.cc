#include "modules/org/module.h"

#include <memory>

#include "modules/org/org_service.h"

namespace samkjop::org {

// Generated from migrations/ by cmake/embed_migrations.cmake.
const std::vector<core::storage::Migration>& Migrations();

core::Module OrgModule() {
  core::Module m;
  m.name = "org";
  m.migrations = []() -> const std::vector<core::storage::Migration>& { return Migrations(); };
  m.start = [](core::Services& sv) { sv.auth.SetPersonLoader(&OrgService::LoadPerson); };
  m.routes = [](core::http::Router& router, core::Services& sv) {
    AddRoutes(router, sv, std::make_shared<OrgService>(sv.db, sv.auth));
  };
  m.seed_demo = SeedDemo;
  return m;
}

}  // namespace samkjop::org
