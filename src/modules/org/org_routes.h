// The org module's route tables, one function per entity (internal to the
// module; module.cc calls them). Each handler parses, calls one service
// function and replies.
#ifndef SAMKJOP_MODULES_ORG_ORG_ROUTES_H_
#define SAMKJOP_MODULES_ORG_ORG_ROUTES_H_

#include "core/http/router.h"
#include "core/module/module.h"

namespace samkjop::org {

void AddMunicipalityRoutes(core::http::Router& router, core::Services& sv);
void AddProductAreaRoutes(core::http::Router& router, core::Services& sv);
void AddPeopleRoutes(core::http::Router& router, core::Services& sv);
void AddAssignmentRoutes(core::http::Router& router, core::Services& sv);
void AddUserRoutes(core::http::Router& router, core::Services& sv);
void AddRegistryRoutes(core::http::Router& router, core::Services& sv);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ORG_ROUTES_H_
