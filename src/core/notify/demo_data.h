// Demo notifications for every demo account (seed-demo), dated relative to
// today. Run after every module's demo data: the accounts come from org.
#ifndef SAMKJOP_CORE_NOTIFY_DEMO_DATA_H_
#define SAMKJOP_CORE_NOTIFY_DEMO_DATA_H_

#include "core/audit/audit.h"
#include "core/error/status.h"
#include "core/module/module.h"

namespace samkjop::core::notify {

// Per active account: a rule change to confirm (three days ago, unread), a
// message read a week ago, and one from today (unread).
Status SeedDemo(Services& sv, const audit::Actor& actor);

}  // namespace samkjop::core::notify

#endif  // SAMKJOP_CORE_NOTIFY_DEMO_DATA_H_
