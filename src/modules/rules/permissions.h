// The rules module's permissions and its grant table (role → permission →
// scope). Everyone signed in reads the legal table and uses the calculators;
// only the administrator enters or corrects a legal value.
#ifndef SAMKJOP_MODULES_RULES_PERMISSIONS_H_
#define SAMKJOP_MODULES_RULES_PERMISSIONS_H_

#include <optional>

#include "core/auth/grants.h"

namespace samkjop::rules::perm {

inline constexpr char kValuesRead[] = "rules.values.read";
inline constexpr char kValuesWrite[] = "rules.values.write";

inline core::auth::GrantTable Grants() {
  using core::auth::Role;
  using core::auth::ScopeKind;
  core::auth::GrantTable t;
  t.permissions = {
      {kValuesRead, false, "Se regeltabellen (terskelverdier, frister) og bruke regelkalkulatorene",
       "See the legal table (thresholds, time limits) and use the rules calculators"},
      {kValuesWrite, true, "Legge inn og rette verdier i regeltabellen",
       "Enter and correct values in the legal table"},
  };
  t.grants = {
      {std::nullopt, kValuesRead, ScopeKind::kRegion},
      {Role::kAdmin, kValuesWrite, ScopeKind::kRegion},
  };
  return t;
}

}  // namespace samkjop::rules::perm

#endif  // SAMKJOP_MODULES_RULES_PERMISSIONS_H_
