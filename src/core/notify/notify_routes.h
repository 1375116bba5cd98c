// The notification routes (/api/notifications…), added by the core module.
#ifndef SAMKJOP_CORE_NOTIFY_NOTIFY_ROUTES_H_
#define SAMKJOP_CORE_NOTIFY_NOTIFY_ROUTES_H_

#include "core/http/router.h"
#include "core/module/module.h"

namespace samkjop::core::notify {

// Needs the NotificationService offered in the core module's `start`.
void AddNotificationRoutes(http::Router& router, Services& sv);

}  // namespace samkjop::core::notify

#endif  // SAMKJOP_CORE_NOTIFY_NOTIFY_ROUTES_H_
