// SQL for municipalities (org_municipalities). Runs on the caller's session
// and transaction; reads take the caller's Scope and filter by it in SQL.
// No permission checks here (the service does them).
#ifndef SAMKJOP_MODULES_ORG_MUNICIPALITY_STORE_H_
#define SAMKJOP_MODULES_ORG_MUNICIPALITY_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/auth/grants.h"
#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

using core::auth::Scope;

// The municipalities in `scope`, in Norwegian name order.
std::vector<Municipality> ListMunicipalities(soci::session& sql, const Scope& scope);
// nullopt when there is no such municipality or it is outside `scope`.
std::optional<Municipality> GetMunicipality(soci::session& sql, const Scope& scope,
                                            const std::string& orgnr);
// The host municipality (public knowledge, not scoped).
std::optional<Municipality> GetHost(soci::session& sql);
void InsertMunicipality(soci::session& sql, const Municipality& m);
void UpdateMunicipality(soci::session& sql, const Municipality& m);
// Clears the host flag everywhere, then sets it on `orgnr`.
void SetHost(soci::session& sql, const std::string& orgnr);
// Locks the municipality's row until the transaction ends (PostgreSQL; on
// SQLite the write transaction already serialises writers): the row that
// owns R-1 for that municipality. False when there is no such row.
bool LockMunicipality(soci::session& sql, const std::string& orgnr);
// Locks every municipality row (moving the host).
void LockAllMunicipalities(soci::session& sql);
std::int64_t CountMunicipalities(soci::session& sql);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_MUNICIPALITY_STORE_H_
