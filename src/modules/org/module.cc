#include "modules/org/module.h"

#include <memory>

#include <soci/soci.h>

#include "modules/org/assignment_service.h"
#include "modules/org/municipality_service.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_routes.h"
#include "modules/org/people_service.h"
#include "modules/org/people_store.h"
#include "modules/org/permissions.h"
#include "modules/org/product_area_service.h"
#include "modules/org/user_service.h"

namespace samkjop::org {

// Generated from migrations/ by cmake/embed_migrations.cmake.
const std::vector<core::storage::Migration>& Migrations();

core::Module OrgModule() {
  core::Module m;
  m.name = "org";
  m.migrations = []() -> const std::vector<core::storage::Migration>& { return Migrations(); };
  m.grants = perm::Grants;
  m.start = [](core::Services& sv) {
    sv.Provide(std::make_shared<MunicipalityService>(sv.db));
    sv.Provide(std::make_shared<ProductAreaService>(sv.db));
    sv.Provide(std::make_shared<PeopleService>(sv.db));
    sv.Provide(std::make_shared<AssignmentService>(sv.db));
    sv.Provide(std::make_shared<UserService>(sv.db, sv.auth));
    sv.auth.SetPersonLoader(&AssignmentService::LoadPerson);
    // Rows written before migration 0002 get their sort key and search text.
    core::storage::Session s = sv.db.Acquire();
    core::storage::WriteTx tx(s);
    store::BackfillSearch(s.sql());
    tx.Commit();
  };
  m.routes = [](core::http::Router& router, core::Services& sv) {
    AddMunicipalityRoutes(router, sv);
    AddProductAreaRoutes(router, sv);
    AddPeopleRoutes(router, sv);
    AddAssignmentRoutes(router, sv);
    AddUserRoutes(router, sv);
    AddRegistryRoutes(router, sv);
  };
  m.cli = AddCli;
  m.has_data = [](core::Services& sv) {
    core::storage::Session s = sv.db.Acquire();
    return store::CountMunicipalities(s.sql()) > 0;
  };
  m.seed_demo = SeedDemo;
  return m;
}

}  // namespace samkjop::org
