#include "modules/org/product_area_store.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/nor/collate.h"

namespace samkjop::org::store {

std::vector<ProductArea> ListProductAreas(soci::session& sql) {
  ProductArea r;
  std::vector<ProductArea> out;
  soci::statement st = (sql.prepare << "SELECT code, name_nb, name_en FROM org_product_areas",
                        soci::into(r.code), soci::into(r.name_nb), soci::into(r.name_en));
  st.execute(false);
  while (st.fetch()) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return core::nor::NorwegianLess(a.name_nb, b.name_nb);
  });
  return out;
}

std::optional<ProductArea> GetProductArea(soci::session& sql, const std::string& code) {
  ProductArea r;
  sql << "SELECT code, name_nb, name_en FROM org_product_areas WHERE code = :c", soci::use(code),
      soci::into(r.code), soci::into(r.name_nb), soci::into(r.name_en);
  if (!sql.got_data()) return std::nullopt;
  return r;
}

void InsertProductArea(soci::session& sql, const ProductArea& p) {
  sql << "INSERT INTO org_product_areas (code, name_nb, name_en) VALUES (:c, :nb, :en)",
      soci::use(p.code), soci::use(p.name_nb), soci::use(p.name_en);
}

}  // namespace samkjop::org::store
