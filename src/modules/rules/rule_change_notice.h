// DL-6: the municipalities are informed of rule changes. When an administrator
// adds or corrects a value of the legal table, every procurement officer in
// office that day gets a notification of kind rules.change ("Jeg har lest
// dette" asked for), written in the change's own transaction. The governance
// dashboard reports how many confirmed (core::notify::ConfirmationRate).
#ifndef SAMKJOP_MODULES_RULES_RULE_CHANGE_NOTICE_H_
#define SAMKJOP_MODULES_RULES_RULE_CHANGE_NOTICE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/notify/notify.h"
#include "modules/rules/legal_table_service.h"

namespace samkjop::rules {

// The notice for `change` (kind rules.change, link /regelverk), without recipients.
core::notify::NotificationInput RuleChangeNotice(const LegalValueChange& change);

// The hook for LegalTableService: notifies the users `recipients(tx)` returns.
// No recipients (no officer has an account) is not an error: the change stands.
OnLegalValueChange NotifyOnChange(
    std::function<std::vector<std::int64_t>(soci::session& tx)> recipients);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_RULE_CHANGE_NOTICE_H_
