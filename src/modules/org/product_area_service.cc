#include "modules/org/product_area_service.h"

#include <regex>

#include "core/audit/audit.h"
#include "modules/org/org_json.h"
#include "modules/org/org_rules.h"
#include "modules/org/permissions.h"
#include "modules/org/product_area_store.h"

namespace samkjop::org {

using core::Status;
using core::storage::Session;
using core::storage::WriteTx;

std::vector<ProductArea> ProductAreaService::List() {
  Session s = db_.Acquire();
  return store::ListProductAreas(s.sql());
}

bool ProductAreaService::Exists(const std::string& code) {
  Session s = db_.Acquire();
  return store::GetProductArea(s.sql(), code).has_value();
}

core::Result<ProductArea> ProductAreaService::Create(const core::auth::Caller& caller,
                                                     ProductArea p) {
  if (!caller.ScopeFor(perm::kProductAreasWrite).is_region())
    return Status::Forbidden("org.not_allowed",
                             "Bare daglig leder og administrator kan opprette produktområder.");
  std::vector<core::FieldError> errors;
  static const std::regex kCode("^[a-z][a-z0-9_-]{1,31}$");
  if (!std::regex_match(p.code, kCode))
    errors.push_back(
        {"code",
         "Koden må være 2–32 små bokstaver (a–z), sifre, - eller _, og starte med en bokstav."});
  if (p.name_nb.empty()) errors.push_back({"name_nb", "Må fylles ut."});
  if (p.name_en.empty()) errors.push_back({"name_en", "Må fylles ut."});
  if (!errors.empty()) return internal::Invalid("org.invalid_product_area", errors);
  Session s = db_.Acquire();
  WriteTx tx(s);
  if (store::GetProductArea(s.sql(), p.code))
    return Status::Conflict("org.duplicate_product_area",
                            "Produktområdet «" + p.code + "» finnes allerede.",
                            {{"code", "Finnes allerede."}});
  store::InsertProductArea(s.sql(), p);
  core::audit::Record(
      s.sql(), caller.actor(),
      {"create", "org.product_area", p.code, nullptr, ProductAreaShape().ToJson(p)});
  tx.Commit();
  return p;
}

}  // namespace samkjop::org
