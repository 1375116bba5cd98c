// Routes for people (the contact directory): list (paged, searchable), one,
// register, change.
#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "modules/org/org_json.h"
#include "modules/org/org_routes.h"
#include "modules/org/people_service.h"
#include "modules/org/permissions.h"

namespace samkjop::org {
namespace {

using core::http::Presence;

const core::http::BodySpec& PersonBody() {
  static const auto* s = &(*new core::http::BodySpec())
                              .Text("name", 200, Presence::kRequired)
                              .Text("email", 200, Presence::kOptional)
                              .Text("phone", 40, Presence::kOptional)
                              .Text("title", 200, Presence::kOptional)
                              .Orgnr("municipality", Presence::kOptional);
  return *s;
}

// The contact directory as an export table.
core::exporting::Table PeopleTable(const std::vector<Person>& people) {
  using core::exporting::ColumnType;
  core::exporting::Table t{"Personer",
                           {{"Navn", ColumnType::kText, 28},
                            {"Tittel", ColumnType::kText, 28},
                            {"E-post", ColumnType::kText, 30},
                            {"Telefon", ColumnType::kText, 16},
                            {"Kommune (orgnr)", ColumnType::kOrgnr, 16}},
                           {}};
  t.rows.reserve(people.size());
  for (const auto& p : people)
    t.rows.push_back({p.name, p.title, p.email, p.phone, p.municipality});
  return t;
}

}  // namespace

void AddPeopleRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::Context;
  using core::http::Response;
  auto& svc = sv.Get<PeopleService>();
  const auto& shape = PersonShape();
  router.AddShape(shape);

  core::http::RouteDoc list_doc{
      "Kontaktkatalogen (personer, også uten innlogging), sortert på navn", "org", nullptr,
      core::http::PageOf("Person")};
  list_doc.query = {{"q", "Søk i navn, e-post og tittel («mobler» finner «møbler»)"},
                    {"municipality", "Organisasjonsnummer"}};
  for (const auto& p : core::http::PageParams()) list_doc.query.push_back(p);
  core::http::OfferExport(list_doc);
  router.Get(
      "/api/people", Access::Permission(perm::kPeopleRead), list_doc,
      [&svc, &shape](Context& ctx) -> core::Result<Response> {
        core::http::QueryReader q(ctx.req);
        store::PeopleFilter f{q.Text("q", 100), q.Orgnr("municipality")};
        auto page = q.ReadPage();
        auto format = core::http::ReadListFormat(q);
        SAMKJOP_RETURN_IF_ERROR(q.Finish("org.invalid_filter"));
        if (format != core::http::ListFormat::kJson) {
          auto all = svc.List(ctx.scope, f, 0, core::http::kMaxExportRows);
          SAMKJOP_RETURN_IF_ERROR(core::http::CheckExportSize(all.total));
          return core::http::Export(PeopleTable(all.items), format, "personer");
        }
        auto r = svc.List(ctx.scope, f, page.offset(), page.page_size);
        return Response::Json(core::http::PageJson(shape.ToJsonArray(r.items), r.total, page));
      });

  router.Post("/api/people", Access::Permission(perm::kPeopleWrite),
              {"Registrer en person", "org", PersonBody().Schema(), core::http::Ref("Person"), 201},
              [&svc, &shape](Context& ctx) -> core::Result<Response> {
                Person p;
                SAMKJOP_RETURN_IF_ERROR(
                    core::http::ReadBody(ctx.req, PersonBody(), "org.invalid_person", [&](auto& f) {
                      p.name = f.Text("name");
                      p.email = f.Text("email");
                      p.phone = f.Text("phone");
                      p.title = f.Text("title");
                      p.municipality = f.Orgnr("municipality");
                    }));
                return core::http::Reply(svc.Create(ctx.caller(), p), shape, 201);
              });

  router.Get("/api/people/{id}", Access::Permission(perm::kPeopleRead),
             {"Én person", "org", nullptr, core::http::Ref("Person")},
             [&svc, &shape](Context& ctx) -> core::Result<Response> {
               auto id = core::http::PathId(ctx);
               if (!id.ok()) return id.status();
               return core::http::Reply(svc.Get(ctx.scope, *id), shape);
             });

  router.Patch("/api/people/{id}", Access::Permission(perm::kPeopleWrite),
               {"Endre en person (JSON merge patch)", "org", PersonBody().PatchSchema(),
                core::http::Ref("Person")},
               [&svc, &shape](Context& ctx) -> core::Result<Response> {
                 auto id = core::http::PathId(ctx);
                 if (!id.ok()) return id.status();
                 PersonPatch p;
                 SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                     ctx.req, PersonBody(), "org.invalid_person",
                     [&](auto& f) {
                       p.name = f.PatchText("name");
                       p.email = f.PatchText("email");
                       p.phone = f.PatchText("phone");
                       p.title = f.PatchText("title");
                       p.municipality = f.PatchOrgnr("municipality");
                     },
                     true));
                 return core::http::Reply(svc.Update(ctx.caller(), *id, p), shape);
               });
}

}  // namespace samkjop::org
