// The organisation module (org): municipalities, product areas, people,
// role assignments, councils, user accounts. See README.md.
#ifndef SAMKJOP_MODULES_ORG_MODULE_H_
#define SAMKJOP_MODULES_ORG_MODULE_H_

#include <memory>

#include "core/module/module.h"

namespace samkjop::org {

class OrgService;

core::Module OrgModule();

// Registers the routes (org_routes.cc); each handler shares ownership of the service.
void AddRoutes(core::http::Router& router, core::Services& sv, std::shared_ptr<OrgService> org);
// Loads the RIIK demo data (demo_data.cc).
core::Status SeedDemo(core::Services& sv, const core::audit::Actor& actor);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_MODULE_H_
