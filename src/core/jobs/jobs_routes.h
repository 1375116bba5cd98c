// The core's routes and commands for jobs and mail (see jobs_routes.cc).
#ifndef SAMKJOP_CORE_JOBS_JOBS_ROUTES_H_
#define SAMKJOP_CORE_JOBS_JOBS_ROUTES_H_

#include "core/module/module.h"

namespace samkjop::core {

void AddJobAndMailRoutes(http::Router& router, Services& sv);
void AddJobAndMailCli(CLI::App& app, const CliEnv& env);

}  // namespace samkjop::core

#endif  // SAMKJOP_CORE_JOBS_JOBS_ROUTES_H_
