// Routes for role assignments (with history) and the councils derived from them.
#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "modules/org/assignment_service.h"
#include "modules/org/org_json.h"
#include "modules/org/org_routes.h"
#include "modules/org/permissions.h"

namespace samkjop::org {
namespace {

using core::http::Presence;

const core::http::BodySpec& AppointBody() {
  static const auto* s = &(*new core::http::BodySpec())
                              .Int("person_id", Presence::kRequired)
                              .Text("role", 40, Presence::kRequired, "Rollen, f.eks. officer")
                              .Orgnr("municipality", Presence::kOptional)
                              .Text("product_area", 32, Presence::kOptional)
                              .Date("valid_from", Presence::kRequired)
                              .Date("valid_to", Presence::kOptional);
  return *s;
}

const core::http::BodySpec& EndBody() {
  static const auto* s = &(*new core::http::BodySpec()).Date("valid_to", Presence::kRequired);
  return *s;
}

}  // namespace

void AddAssignmentRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::Context;
  using core::http::Response;
  auto& svc = sv.Get<AssignmentService>();
  const auto& shape = AssignmentShape();
  router.AddShape(shape);
  router.AddShape(CouncilMemberShape());
  router.AddShape(CouncilShape());

  core::http::RouteDoc list_doc{
      "Rolletildelinger med historikk («hvem var innkjøpsansvarlig på dato …?»)", "org", nullptr,
      core::http::PageOf("Assignment")};
  list_doc.query = {{"municipality", "Organisasjonsnummer"},
                    {"role", "Rolle"},
                    {"product_area", "Produktområde"},
                    {"person_id", "Person", "integer"},
                    {"at", "Gjeldende på dato (ÅÅÅÅ-MM-DD)"},
                    {"include_ended", "Ta med avsluttede (standard true)", "boolean"}};
  for (const auto& p : core::http::PageParams()) list_doc.query.push_back(p);
  router.Get(
      "/api/roles", Access::Permission(perm::kRolesRead), list_doc,
      [&svc, &shape](Context& ctx) -> core::Result<Response> {
        core::http::QueryReader q(ctx.req);
        store::AssignmentFilter f;
        f.municipality = q.Orgnr("municipality");
        f.role = q.OneOf("role", RoleNames());
        f.product_area = q.Text("product_area", 32);
        f.person_id = q.Int("person_id", 1, std::numeric_limits<std::int64_t>::max()).value_or(0);
        f.at = q.Date("at");
        f.include_ended = q.Bool("include_ended").value_or(true);
        auto page = q.ReadPage();
        SAMKJOP_RETURN_IF_ERROR(q.Finish("org.invalid_filter"));
        auto r = svc.List(ctx.scope, f, page.offset(), page.page_size);
        return Response::Json(core::http::PageJson(shape.ToJsonArray(r.items), r.total, page));
      });

  router.Post("/api/roles", Access::Permission(perm::kRolesAppoint),
              {"Utnevn en rolle (en ny innkjøpsansvarlig avslutter forgjengeren dagen før, R-1)",
               "org",
               AppointBody().Schema(),
               core::http::Ref("Assignment"),
               201,
               "application/json",
               {},
               {409}},
              [&svc, &shape](Context& ctx) -> core::Result<Response> {
                Assignment a;
                SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                    ctx.req, AppointBody(), "org.invalid_assignment", [&](auto& f) {
                      a.person_id = f.Int("person_id").value_or(0);
                      std::string role = f.Text("role");
                      if (auto r = core::auth::ParseRole(role))
                        a.role = *r;
                      else if (!role.empty())
                        f.AddError("role", "Ukjent rolle «" + role + "».");
                      a.municipality = f.Orgnr("municipality");
                      a.product_area = f.Text("product_area");
                      a.valid_from = f.Date("valid_from");
                      a.valid_to = f.Date("valid_to");
                    }));
                return core::http::Reply(svc.Appoint(ctx.caller(), a), shape, 201);
              });

  router.Post(
      "/api/roles/{id}/end", Access::Permission(perm::kRolesAppoint),
      {"Avslutt en rolletildeling (bare forkorte; forlenge er en ny utnevnelse)",
       "org",
       EndBody().Schema(),
       core::http::Ref("Assignment"),
       200,
       "application/json",
       {},
       {409}},
      [&svc, &shape](Context& ctx) -> core::Result<Response> {
        auto id = core::http::PathId(ctx);
        if (!id.ok()) return id.status();
        std::string to;
        SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(ctx.req, EndBody(), "org.invalid_assignment",
                                                     [&](auto& f) { to = f.Date("valid_to"); }));
        return core::http::Reply(svc.End(ctx.caller(), *id, to), shape);
      });

  router.Get("/api/councils", Access::Permission(perm::kCouncilsRead),
             {"Samarbeidsrådet og innkjøpsrådet med medlemmer i dag", "org", nullptr,
              core::http::ListOf("Council")},
             [&svc](Context& ctx) -> core::Result<Response> {
               return Response::Json(
                   core::http::ItemsJson(CouncilShape().ToJsonArray(svc.Councils(ctx.scope))));
             });
}

}  // namespace samkjop::org
