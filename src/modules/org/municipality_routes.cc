// Routes for municipalities: list, one, register, change, move the host.
#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "modules/org/municipality_service.h"
#include "modules/org/org_json.h"
#include "modules/org/org_routes.h"
#include "modules/org/permissions.h"

namespace samkjop::org {
namespace {

using core::Result;
using core::http::Access;
using core::http::Context;
using core::http::Presence;
using core::http::Response;

const core::http::BodySpec& MunicipalityBody() {
  static const auto* s =
      &(*new core::http::BodySpec())
           .Orgnr("orgnr", Presence::kRequired)
           .Text("name", 100, Presence::kRequired)
           .Text("municipality_number", 4, Presence::kRequired, "Fire sifre, f.eks. 3401")
           .Bool("host", Presence::kRequired, "Vertskommune (bare én)")
           .Date("member_from", Presence::kOptional)
           .Date("member_to", Presence::kOptional)
           .Bool("orgnr_verified", Presence::kOptional, "Sjekket mot Enhetsregisteret");
  return *s;
}

// A patch may not name orgnr or host: its spec leaves them out, so they are unknown fields.
const core::http::BodySpec& MunicipalityPatchBody() {
  static const auto* s = &(*new core::http::BodySpec())
                              .Text("name", 100, Presence::kRequired)
                              .Text("municipality_number", 4, Presence::kRequired)
                              .Date("member_from", Presence::kOptional)
                              .Date("member_to", Presence::kOptional)
                              .Bool("orgnr_verified", Presence::kOptional);
  return *s;
}

}  // namespace

void AddMunicipalityRoutes(core::http::Router& router, core::Services& sv) {
  auto& svc = sv.Get<MunicipalityService>();
  router.AddShape(OfficerShape());
  router.AddShape(MunicipalityShape());
  const auto& shape = MunicipalityShape();

  router.Get("/api/municipalities", Access::Permission(perm::kMunicipalitiesRead),
             {"Kommunene i samarbeidet, med innkjøpsansvarlig og R-1-status", "org", nullptr,
              core::http::ListOf("Municipality")},
             [&svc, &shape](Context& ctx) -> Result<Response> {
               return Response::Json(core::http::ItemsJson(shape.ToJsonArray(svc.List(ctx.scope))));
             });

  router.Post("/api/municipalities", Access::Permission(perm::kMunicipalitiesWrite),
              {"Registrer en kommune",
               "org",
               MunicipalityBody().Schema(),
               core::http::Ref("Municipality"),
               201,
               "application/json",
               {},
               {409}},
              [&svc, &shape](Context& ctx) -> Result<Response> {
                Municipality m;
                SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                    ctx.req, MunicipalityBody(), "org.invalid_municipality", [&](auto& f) {
                      m.orgnr = f.Orgnr("orgnr");
                      m.name = f.Text("name");
                      m.municipality_number = f.Text("municipality_number");
                      m.host = f.Bool("host").value_or(false);
                      m.member_from = f.Date("member_from");
                      m.member_to = f.Date("member_to");
                      m.orgnr_verified = f.Bool("orgnr_verified").value_or(false);
                    }));
                return core::http::Reply(svc.Create(ctx.caller(), m), shape, 201);
              });

  router.Get("/api/municipalities/{orgnr}", Access::Permission(perm::kMunicipalitiesRead),
             {"Én kommune", "org", nullptr, core::http::Ref("Municipality")},
             [&svc, &shape](Context& ctx) -> Result<Response> {
               auto orgnr = core::http::PathOrgnr(ctx);
               if (!orgnr.ok()) return orgnr.status();
               return core::http::Reply(svc.Get(ctx.scope, *orgnr), shape);
             });

  router.Patch("/api/municipalities/{orgnr}", Access::Permission(perm::kMunicipalitiesWrite),
               {"Endre en kommune (JSON merge patch; organisasjonsnummeret endres ikke, vertskapet "
                "flyttes med make-host)",
                "org", MunicipalityPatchBody().PatchSchema(), core::http::Ref("Municipality")},
               [&svc, &shape](Context& ctx) -> Result<Response> {
                 auto orgnr = core::http::PathOrgnr(ctx);
                 if (!orgnr.ok()) return orgnr.status();
                 MunicipalityPatch p;
                 SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                     ctx.req, MunicipalityPatchBody(), "org.invalid_municipality",
                     [&](auto& f) {
                       p.name = f.PatchText("name");
                       p.municipality_number = f.PatchText("municipality_number");
                       p.member_from = f.PatchDate("member_from");
                       p.member_to = f.PatchDate("member_to");
                       p.orgnr_verified = f.PatchBool("orgnr_verified");
                     },
                     /*merge_patch=*/true));
                 return core::http::Reply(svc.Update(ctx.caller(), *orgnr, p), shape);
               });

  router.Post(
      "/api/municipalities/{orgnr}/make-host", Access::Permission(perm::kMunicipalitiesWrite),
      {"Flytt vertskapet til denne kommunen", "org", nullptr, core::http::Ref("Municipality")},
      [&svc, &shape](Context& ctx) -> Result<Response> {
        auto orgnr = core::http::PathOrgnr(ctx);
        if (!orgnr.ok()) return orgnr.status();
        return core::http::Reply(svc.MakeHost(ctx.caller(), *orgnr), shape);
      });
}

}  // namespace samkjop::org
