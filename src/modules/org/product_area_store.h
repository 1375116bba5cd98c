// SQL for product areas (org_product_areas): the region's reference list,
// not municipal data, so not scoped.
#ifndef SAMKJOP_MODULES_ORG_PRODUCT_AREA_STORE_H_
#define SAMKJOP_MODULES_ORG_PRODUCT_AREA_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

// Every product area, in Norwegian order of the Norwegian name.
std::vector<ProductArea> ListProductAreas(soci::session& sql);
std::optional<ProductArea> GetProductArea(soci::session& sql, const std::string& code);
void InsertProductArea(soci::session& sql, const ProductArea& p);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_PRODUCT_AREA_STORE_H_
