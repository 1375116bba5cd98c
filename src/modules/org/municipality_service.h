// Business rules for the cooperation's municipalities: validation
// (MOD11 organisation numbers, four-digit municipality numbers), exactly one
// host, the officer of each, and an audit entry with every change in
// the same transaction. Public: other modules use it through Services::Get.
#ifndef SAMKJOP_MODULES_ORG_MUNICIPALITY_SERVICE_H_
#define SAMKJOP_MODULES_ORG_MUNICIPALITY_SERVICE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/org.h"

namespace samkjop::org {

using core::Result;
using core::Status;
using core::auth::Caller;
using core::auth::Scope;

// A JSON merge patch of a municipality: unset fields stay; "" clears an
// optional date. The organisation number and the host flag cannot be
// patched (the host moves with MakeHost).
struct MunicipalityPatch {
  std::optional<std::string> name;
  std::optional<std::string> municipality_number;
  std::optional<std::string> member_from;
  std::optional<std::string> member_to;
  std::optional<bool> orgnr_verified;
};

class MunicipalityService {
 public:
  explicit MunicipalityService(core::storage::Database& db) : db_(db) {}

  // The municipalities in `scope`, Norwegian order, each with its officer today.
  std::vector<MunicipalityView> List(const Scope& scope);
  // 404 org.municipality_not_found when absent or outside `scope`.
  Result<MunicipalityView> Get(const Scope& scope, const std::string& orgnr);
  // Needs org.municipalities.write for the region. 400 org.invalid_orgnr /
  // org.invalid_municipality (fields named); 409 org.duplicate_orgnr,
  // org.second_host.
  Result<MunicipalityView> Create(const Caller& caller, Municipality m);
  // 404 as Get; 403 without the write permission; 400 as Create.
  Result<MunicipalityView> Update(const Caller& caller, const std::string& orgnr,
                                  const MunicipalityPatch& patch);
  // Moves the host to `orgnr` (serialised: the rows are locked). 404, 403.
  Result<MunicipalityView> MakeHost(const Caller& caller, const std::string& orgnr);

  // Whether `orgnr` is a municipality of the cooperation (for other modules).
  bool Exists(const std::string& orgnr);

 private:
  core::storage::Database& db_;
};

// Field errors of a municipality's values (all fields), in Norwegian.
void ValidateMunicipality(const Municipality& m, std::vector<core::FieldError>* errors);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_MUNICIPALITY_SERVICE_H_
