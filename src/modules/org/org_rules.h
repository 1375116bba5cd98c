// Small helpers shared by org's services (internal to the module).
#ifndef SAMKJOP_MODULES_ORG_ORG_RULES_H_
#define SAMKJOP_MODULES_ORG_ORG_RULES_H_

#include <string>
#include <vector>

#include "core/error/status.h"

namespace samkjop::org::internal {

// 400 `code` listing `errors`, with a one-line summary.
inline core::Status Invalid(const std::string& code, std::vector<core::FieldError> errors) {
  std::string msg = errors.size() == 1 ? errors[0].message
                                       : "Skjemaet har " + std::to_string(errors.size()) + " feil.";
  return core::Status::Invalid(code, msg, std::move(errors));
}

}  // namespace samkjop::org::internal

#endif  // SAMKJOP_MODULES_ORG_ORG_RULES_H_
