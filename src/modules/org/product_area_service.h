// Product areas (produktområder): the region's list, read by every module.
#ifndef SAMKJOP_MODULES_ORG_PRODUCT_AREA_SERVICE_H_
#define SAMKJOP_MODULES_ORG_PRODUCT_AREA_SERVICE_H_

#include <string>
#include <vector>

#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/org.h"

namespace samkjop::org {

class ProductAreaService {
 public:
  explicit ProductAreaService(core::storage::Database& db) : db_(db) {}

  // Every product area, in Norwegian order.
  std::vector<ProductArea> List();
  // Whether `code` is a product area (for other modules).
  bool Exists(const std::string& code);
  // Needs org.product_areas.write. 400 org.invalid_product_area (code:
  // 2–32 of a–z, 0–9, - and _, starting with a letter); 409
  // org.duplicate_product_area.
  core::Result<ProductArea> Create(const core::auth::Caller& caller, ProductArea p);

 private:
  core::storage::Database& db_;
};

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_PRODUCT_AREA_SERVICE_H_
