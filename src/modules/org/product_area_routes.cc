// Routes for product areas: list, create.
#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "modules/org/org_json.h"
#include "modules/org/org_routes.h"
#include "modules/org/permissions.h"
#include "modules/org/product_area_service.h"

namespace samkjop::org {
namespace {

using core::http::Presence;

const core::http::BodySpec& ProductAreaBody() {
  static const auto* s =
      &(*new core::http::BodySpec())
           .Text("code", 32, Presence::kRequired, "a–z, 0–9, - og _; starter med bokstav")
           .Text("name_nb", 100, Presence::kRequired)
           .Text("name_en", 100, Presence::kRequired);
  return *s;
}

}  // namespace

void AddProductAreaRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::Context;
  using core::http::Response;
  auto& svc = sv.Get<ProductAreaService>();
  const auto& shape = ProductAreaShape();
  router.AddShape(shape);

  router.Get("/api/product-areas", Access::Permission(perm::kProductAreasRead),
             {"Produktområdene", "org", nullptr, core::http::ListOf("ProductArea")},
             [&svc, &shape](Context&) -> core::Result<Response> {
               return Response::Json(core::http::ItemsJson(shape.ToJsonArray(svc.List())));
             });

  router.Post("/api/product-areas", Access::Permission(perm::kProductAreasWrite),
              {"Opprett et produktområde",
               "org",
               ProductAreaBody().Schema(),
               core::http::Ref("ProductArea"),
               201,
               "application/json",
               {},
               {409}},
              [&svc, &shape](Context& ctx) -> core::Result<Response> {
                ProductArea p;
                SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                    ctx.req, ProductAreaBody(), "org.invalid_product_area", [&](auto& f) {
                      p.code = f.Text("code");
                      p.name_nb = f.Text("name_nb");
                      p.name_en = f.Text("name_en");
                    }));
                return core::http::Reply(svc.Create(ctx.caller(), p), shape, 201);
              });
}

}  // namespace samkjop::org
