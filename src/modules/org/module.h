// The organisation module (org): municipalities, product areas, people,
// role assignments (R-1, IA-5), councils, user accounts. See README.md.
// Only src/app/modules.cc includes this header.
#ifndef SAMKJOP_MODULES_ORG_MODULE_H_
#define SAMKJOP_MODULES_ORG_MODULE_H_

#include "core/module/module.h"

namespace samkjop::org {

core::Module OrgModule();

// Loads the RIIK demo data (demo_data.cc), dated relative to today.
core::Status SeedDemo(core::Services& sv, const core::audit::Actor& actor);
// Adds `user add` and `user passwd` (org_cli.cc).
void AddCli(CLI::App& app, const core::CliEnv& env);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_MODULE_H_
