// The organisation module's route table: one line per route with its access
// rule; handlers parse, call one service function and write JSON.
#include "core/http/json_body.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"
#include "modules/org/module.h"
#include "modules/org/org_service.h"
#include "modules/org/permissions.h"

namespace samkjop::org {
namespace {

using core::http::Context;
using core::http::JsonFields;
using core::http::ListOf;
using core::http::Ref;
using core::http::Response;
using core::http::RouteDoc;
using nlohmann::json;

Actor ActorOf(const Context& ctx) {
  return {ctx.user().user_id, ctx.user().username, ctx.req.request_id};
}

// The JSON of a service result, or its error.
template <typename T>
core::Result<Response> Reply(const core::Result<T>& r, int status = 200) {
  if (!r.ok()) return r.status();
  return Response::Json(ToJson(*r), status);
}

json Items(json items) {
  size_t n = items.size();
  return {{"items", std::move(items)}, {"total", n}};
}

json Str() { return {{"type", "string"}}; }
json NStr() { return {{"type", {"string", "null"}}}; }
json Obj(json props, json required) {
  return {{"type", "object"}, {"properties", std::move(props)}, {"required", std::move(required)}};
}
json Body(json props, json required) {
  json o = Obj(std::move(props), std::move(required));
  o["additionalProperties"] = false;
  return o;
}

// Municipality path parameter: spaces allowed, must be a valid orgnr.
core::Result<std::string> PathOrgnr(const Context& ctx) {
  auto n = core::nor::NormalizeOrgnr(ctx.req.Param("orgnr"));
  if (!n)
    return core::Status::InvalidField("org.invalid_orgnr", "orgnr",
                                      "Ugyldig organisasjonsnummer i adressen.");
  return *n;
}

core::Result<std::int64_t> PathId(const Context& ctx) {
  const std::string& s = ctx.req.Param("id");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    return core::Status::InvalidField("http.invalid_id", "id", "Id må være et positivt heltall.");
  return static_cast<std::int64_t>(std::stoll(s));
}

void AddSchemas(core::http::Router& r) {
  r.AddSchema("Municipality",
              Obj({{"orgnr", Str()},
                   {"name", Str()},
                   {"municipality_number", Str()},
                   {"host", {{"type", "boolean"}}},
                   {"member_from", NStr()},
                   {"member_to", NStr()},
                   {"orgnr_verified", {{"type", "boolean"}}},
                   {"officer",
                    {{"oneOf",
                      {json{{"type", "null"}},
                       Obj({{"assignment_id", {{"type", "integer"}}},
                            {"person_id", {{"type", "integer"}}},
                            {"name", Str()},
                            {"valid_from", Str()}},
                           {"assignment_id", "person_id", "name", "valid_from"})}}}},
                   {"r1_ok", {{"type", "boolean"}}}},
                  {"orgnr", "name", "municipality_number", "host", "member_from", "member_to",
                   "orgnr_verified", "officer", "r1_ok"}));
  r.AddSchema("ProductArea", Obj({{"code", Str()}, {"name_nb", Str()}, {"name_en", Str()}},
                                 {"code", "name_nb", "name_en"}));
  r.AddSchema("Person", Obj({{"id", {{"type", "integer"}}},
                             {"name", Str()},
                             {"email", NStr()},
                             {"phone", NStr()},
                             {"title", NStr()},
                             {"municipality", NStr()},
                             {"username", NStr()}},
                            {"id", "name", "email", "phone", "title", "municipality", "username"}));
  r.AddSchema("Assignment", Obj({{"id", {{"type", "integer"}}},
                                 {"person_id", {{"type", "integer"}}},
                                 {"person_name", Str()},
                                 {"role", Str()},
                                 {"municipality", NStr()},
                                 {"product_area", NStr()},
                                 {"valid_from", Str()},
                                 {"valid_to", NStr()}},
                                {"id", "person_id", "person_name", "role", "municipality",
                                 "product_area", "valid_from", "valid_to"}));
  r.AddSchema("CouncilMember", Obj({{"person_id", {{"type", "integer"}}},
                                    {"name", Str()},
                                    {"municipality", Str()},
                                    {"role", Str()}},
                                   {"person_id", "name", "municipality", "role"}));
  r.AddSchema("Council", Obj({{"code", Str()},
                              {"name_nb", Str()},
                              {"name_en", Str()},
                              {"members", {{"type", "array"}, {"items", Ref("CouncilMember")}}}},
                             {"code", "name_nb", "name_en", "members"}));
  r.AddSchema("User", Obj({{"id", {{"type", "integer"}}},
                           {"username", Str()},
                           {"person_id", {{"type", {"integer", "null"}}}},
                           {"name", Str()},
                           {"active", {{"type", "boolean"}}},
                           {"must_change_password", {{"type", "boolean"}}},
                           {"locked", {{"type", "boolean"}}}},
                          {"id", "username", "person_id", "name", "active", "must_change_password",
                           "locked"}));
}

}  // namespace

void AddRoutes(core::http::Router& router, core::Services& sv, std::shared_ptr<OrgService> org) {
  AddSchemas(router);

  // ---- municipalities ----
  router.Get("/api/municipalities", perm::Read(),
             {"Kommunene i samarbeidet, med innkjøpsansvarlig og R-1-status", "org", nullptr,
              ListOf("Municipality")},
             [org](Context&) -> core::Result<Response> {
               json items = json::array();
               for (const auto& v : org->ListMunicipalities()) items.push_back(ToJson(v));
               return Response::Json(Items(items));
             });
  router.Post("/api/municipalities", perm::WriteMunicipalities(),
              {"Registrer en kommune", "org",
               Body({{"orgnr", Str()},
                     {"name", Str()},
                     {"municipality_number", Str()},
                     {"host", {{"type", "boolean"}}},
                     {"member_from", NStr()},
                     {"member_to", NStr()},
                     {"orgnr_verified", {{"type", "boolean"}}}},
                    {"orgnr", "name", "municipality_number", "host"}),
               Ref("Municipality"), 201},
              [org](Context& ctx) -> core::Result<Response> {
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                Municipality m;
                m.orgnr = f.RequiredString("orgnr", 20);
                m.name = f.RequiredString("name", 100);
                m.municipality_number = f.RequiredString("municipality_number", 4);
                m.host = f.RequiredBool("host");
                m.member_from = f.OptionalDate("member_from").value_or("");
                m.member_to = f.OptionalDate("member_to").value_or("");
                m.orgnr_verified = f.OptionalBool("orgnr_verified").value_or(false);
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_municipality"));
                return Reply(org->CreateMunicipality(ActorOf(ctx), m), 201);
              });
  router.Get("/api/municipalities/{orgnr}", perm::Read(),
             {"Én kommune", "org", nullptr, Ref("Municipality")},
             [org](Context& ctx) -> core::Result<Response> {
               auto orgnr = PathOrgnr(ctx);
               if (!orgnr.ok()) return orgnr.status();
               return Reply(org->GetMunicipality(*orgnr));
             });
  router.Patch(
      "/api/municipalities/{orgnr}", perm::WriteMunicipalities(),
      {"Endre en kommune (JSON merge patch: name, municipality_number, member_from, member_to)",
       "org",
       {{"type", "object"},
        {"properties",
         {{"name", Str()},
          {"municipality_number", Str()},
          {"member_from", NStr()},
          {"member_to", NStr()},
          {"orgnr_verified", {{"type", "boolean"}}}}},
        {"additionalProperties", false}},
       Ref("Municipality")},
      [org](Context& ctx) -> core::Result<Response> {
        auto orgnr = PathOrgnr(ctx);
        if (!orgnr.ok()) return orgnr.status();
        // RFC 7396 bodies may say application/merge-patch+json.
        core::http::Request copy = ctx.req;
        for (auto& [k, v] : copy.headers)
          if (k == "content-type" && v.rfind("application/merge-patch+json", 0) == 0)
            v = "application/json";
        auto body = core::http::ParseJsonObject(copy);
        if (!body.ok()) return body.status();
        return Reply(org->PatchMunicipality(ActorOf(ctx), *orgnr, *body));
      });
  router.Post("/api/municipalities/{orgnr}/make-host", perm::WriteMunicipalities(),
              {"Flytt vertskapet til denne kommunen", "org", nullptr, Ref("Municipality")},
              [org](Context& ctx) -> core::Result<Response> {
                auto orgnr = PathOrgnr(ctx);
                if (!orgnr.ok()) return orgnr.status();
                return Reply(org->MakeHost(ActorOf(ctx), *orgnr));
              });

  // ---- product areas ----
  router.Get("/api/product-areas", perm::Read(),
             {"Produktområdene", "org", nullptr, ListOf("ProductArea")},
             [org](Context&) -> core::Result<Response> {
               json items = json::array();
               for (const auto& p : org->ListProductAreas()) items.push_back(ToJson(p));
               return Response::Json(Items(items));
             });
  router.Post("/api/product-areas", perm::WriteProductAreas(),
              {"Opprett et produktområde", "org",
               Body({{"code", Str()}, {"name_nb", Str()}, {"name_en", Str()}},
                    {"code", "name_nb", "name_en"}),
               Ref("ProductArea"), 201},
              [org](Context& ctx) -> core::Result<Response> {
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                ProductArea p{f.RequiredString("code", 32), f.RequiredString("name_nb", 100),
                              f.RequiredString("name_en", 100)};
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_product_area"));
                return Reply(org->CreateProductArea(ActorOf(ctx), p), 201);
              });

  // ---- people (contact directory) ----
  RouteDoc people_doc{"Kontaktkatalogen (personer, også uten innlogging)", "org", nullptr,
                      ListOf("Person")};
  people_doc.query = {{"q", "Søk i navn, e-post og tittel"},
                      {"municipality", "Organisasjonsnummer"}};
  router.Get("/api/people", perm::Read(), people_doc,
             [org](Context& ctx) -> core::Result<Response> {
               store::PeopleFilter f;
               f.q = ctx.req.Query("q").value_or("");
               if (auto m = ctx.req.Query("municipality"); m && !m->empty()) {
                 auto n = core::nor::NormalizeOrgnr(*m);
                 if (!n)
                   return core::Status::InvalidField("org.invalid_orgnr", "municipality",
                                                     "Ugyldig organisasjonsnummer.");
                 f.municipality = *n;
               }
               auto users = org->UsernamesByPerson();
               json items = json::array();
               for (const auto& p : org->ListPeople(f))
                 items.push_back(ToJson(p, users.count(p.id) ? users[p.id] : ""));
               return Response::Json(Items(items));
             });
  const json person_body = Body({{"name", Str()},
                                 {"email", NStr()},
                                 {"phone", NStr()},
                                 {"title", NStr()},
                                 {"municipality", NStr()}},
                                {"name"});
  router.Post("/api/people", perm::WritePeople(),
              {"Registrer en person", "org", person_body, Ref("Person"), 201},
              [org](Context& ctx) -> core::Result<Response> {
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                Person p;
                p.name = f.RequiredString("name", 200);
                p.email = f.OptionalString("email", 200).value_or("");
                p.phone = f.OptionalString("phone", 40).value_or("");
                p.title = f.OptionalString("title", 200).value_or("");
                p.municipality = f.OptionalString("municipality", 20).value_or("");
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_person"));
                auto r = org->CreatePerson(ActorOf(ctx), ctx.user(), p);
                if (!r.ok()) return r.status();
                return Response::Json(ToJson(*r, ""), 201);
              });
  router.Get("/api/people/{id}", perm::Read(), {"Én person", "org", nullptr, Ref("Person")},
             [org](Context& ctx) -> core::Result<Response> {
               auto id = PathId(ctx);
               if (!id.ok()) return id.status();
               auto r = org->GetPerson(*id);
               if (!r.ok()) return r.status();
               auto users = org->UsernamesByPerson();
               return Response::Json(ToJson(*r, users.count(*id) ? users[*id] : ""));
             });
  json person_patch = person_body;
  person_patch.erase("required");
  router.Patch("/api/people/{id}", perm::WritePeople(),
               {"Endre en person (JSON merge patch)", "org", person_patch, Ref("Person")},
               [org](Context& ctx) -> core::Result<Response> {
                 auto id = PathId(ctx);
                 if (!id.ok()) return id.status();
                 auto body = core::http::ParseJsonObject(ctx.req);
                 if (!body.ok()) return body.status();
                 auto r = org->PatchPerson(ActorOf(ctx), ctx.user(), *id, *body);
                 if (!r.ok()) return r.status();
                 auto users = org->UsernamesByPerson();
                 return Response::Json(ToJson(*r, users.count(*id) ? users[*id] : ""));
               });

  // ---- role assignments ----
  RouteDoc roles_doc{"Rolletildelinger med historikk («hvem var innkjøpsansvarlig på dato …?»)",
                     "org", nullptr, ListOf("Assignment")};
  roles_doc.query = {{"municipality", "Organisasjonsnummer"},
                     {"role", "Rolle"},
                     {"product_area", "Produktområde"},
                     {"person_id", "Person", "integer"},
                     {"at", "Gjeldende på dato (ÅÅÅÅ-MM-DD)"},
                     {"include_ended", "Ta med avsluttede (standard true)", "boolean"}};
  router.Get("/api/roles", perm::Read(), roles_doc, [org](Context& ctx) -> core::Result<Response> {
    store::AssignmentFilter f;
    std::vector<core::FieldError> errors;
    if (auto m = ctx.req.Query("municipality"); m && !m->empty()) {
      auto n = core::nor::NormalizeOrgnr(*m);
      if (!n)
        errors.push_back({"municipality", "Ugyldig organisasjonsnummer."});
      else
        f.municipality = *n;
    }
    if (auto r = ctx.req.Query("role"); r && !r->empty()) {
      if (!core::auth::ParseRole(*r))
        errors.push_back({"role", "Ukjent rolle."});
      else
        f.role = *r;
    }
    f.product_area = ctx.req.Query("product_area").value_or("");
    if (auto p = ctx.req.Query("person_id"); p && !p->empty()) {
      if (p->size() > 18 || p->find_first_not_of("0123456789") != std::string::npos)
        errors.push_back({"person_id", "Må være et heltall."});
      else
        f.person_id = std::stoll(*p);
    }
    if (auto at = ctx.req.Query("at"); at && !at->empty()) {
      if (!core::nor::ParseIsoDate(*at))
        errors.push_back({"at", "Må være en dato på formen ÅÅÅÅ-MM-DD."});
      else
        f.at = *at;
    }
    if (auto ie = ctx.req.Query("include_ended"); ie && !ie->empty()) {
      if (*ie != "true" && *ie != "false")
        errors.push_back({"include_ended", "Må være true eller false."});
      else
        f.include_ended = *ie == "true";
    }
    if (!errors.empty())
      return core::Status::Invalid("org.invalid_filter", "Ugyldig filter.", errors);
    json items = json::array();
    for (const auto& a : org->ListAssignments(f)) items.push_back(ToJson(a));
    return Response::Json(Items(items));
  });
  router.Post("/api/roles", perm::Appoint(),
              {"Utnevn en rolle (innkjøpsansvarlig avslutter forgjengeren dagen før, R-1)", "org",
               Body({{"person_id", {{"type", "integer"}}},
                     {"role", Str()},
                     {"municipality", NStr()},
                     {"product_area", NStr()},
                     {"valid_from", Str()},
                     {"valid_to", NStr()}},
                    {"person_id", "role", "valid_from"}),
               Ref("Assignment"), 201},
              [org](Context& ctx) -> core::Result<Response> {
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                Assignment a;
                a.person_id = f.RequiredInt("person_id");
                std::string role = f.RequiredString("role", 40);
                a.municipality = f.OptionalString("municipality", 20).value_or("");
                a.product_area = f.OptionalString("product_area", 32).value_or("");
                a.valid_from = f.RequiredDate("valid_from");
                a.valid_to = f.OptionalDate("valid_to").value_or("");
                auto parsed = core::auth::ParseRole(role);
                if (!role.empty() && !parsed) f.AddError("role", "Ukjent rolle «" + role + "».");
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_assignment"));
                a.role = *parsed;
                return Reply(org->Appoint(ActorOf(ctx), ctx.user(), a), 201);
              });
  router.Post("/api/roles/{id}/end", perm::Appoint(),
              {"Avslutt en rolletildeling", "org", Body({{"valid_to", Str()}}, {"valid_to"}),
               Ref("Assignment")},
              [org](Context& ctx) -> core::Result<Response> {
                auto id = PathId(ctx);
                if (!id.ok()) return id.status();
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                std::string to = f.RequiredDate("valid_to");
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_assignment"));
                return Reply(org->EndAssignment(ActorOf(ctx), ctx.user(), *id, to));
              });

  // ---- councils ----
  router.Get(
      "/api/councils", perm::Read(),
      {"Samarbeidsrådet og innkjøpsrådet med medlemmer i dag", "org", nullptr, ListOf("Council")},
      [org](Context&) -> core::Result<Response> {
        json items = json::array();
        for (const auto& c : org->ListCouncils()) {
          json members = json::array();
          for (const auto& a : c.members)
            members.push_back({{"person_id", a.person_id},
                               {"name", a.person_name},
                               {"municipality", a.municipality},
                               {"role", core::auth::RoleName(a.role)}});
          items.push_back({{"code", c.code},
                           {"name_nb", c.name_nb},
                           {"name_en", c.name_en},
                           {"members", members}});
        }
        return Response::Json(Items(items));
      });

  // ---- users (admin) ----
  router.Get("/api/users", perm::Users(), {"Brukerkontoene", "org", nullptr, ListOf("User")},
             [org](Context&) -> core::Result<Response> {
               json items = json::array();
               for (const auto& u : org->ListUsers()) items.push_back(ToJson(u));
               return Response::Json(Items(items));
             });
  router.Post(
      "/api/users", perm::Users(),
      {"Opprett en brukerkonto for en person (må bytte passord ved første innlogging)", "org",
       Body({{"username", Str()}, {"password", Str()}, {"person_id", {{"type", "integer"}}}},
            {"username", "password", "person_id"}),
       Ref("User"), 201},
      [org](Context& ctx) -> core::Result<Response> {
        auto body = core::http::ParseJsonObject(ctx.req);
        if (!body.ok()) return body.status();
        JsonFields f(*body);
        std::string username = f.RequiredString("username", 50);
        auto pw = f.OptionalString("password", 1024);
        if (!pw || pw->empty()) f.AddError("password", "Må fylles ut.");
        std::int64_t person_id = f.RequiredInt("person_id");
        SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_user"));
        return Reply(org->CreateUser(ActorOf(ctx), username, (*body)["password"].get<std::string>(),
                                     person_id),
                     201);
      });
  auto user_action = [&](const std::string& path, const std::string& summary,
                         std::function<core::Result<UserView>(const Actor&, std::int64_t)> fn) {
    router.Post(path, perm::Users(), {summary, "org", nullptr, Ref("User")},
                [fn](Context& ctx) -> core::Result<Response> {
                  auto id = PathId(ctx);
                  if (!id.ok()) return id.status();
                  auto r = fn(ActorOf(ctx), *id);
                  if (!r.ok()) return r.status();
                  return Response::Json(ToJson(*r));
                });
  };
  user_action("/api/users/{id}/deactivate", "Deaktiver en bruker (avslutter øktene)",
              [org](const Actor& a, std::int64_t id) { return org->SetUserActive(a, id, false); });
  user_action("/api/users/{id}/activate", "Aktiver en bruker igjen",
              [org](const Actor& a, std::int64_t id) { return org->SetUserActive(a, id, true); });
  user_action("/api/users/{id}/unlock", "Opphev sperre etter mislykkede innlogginger",
              [org](const Actor& a, std::int64_t id) { return org->Unlock(a, id); });
  router.Post("/api/users/{id}/reset-password", perm::Users(),
              {"Sett nytt passord; brukeren må bytte ved neste innlogging", "org",
               Body({{"new_password", Str()}}, {"new_password"}), Ref("User")},
              [org](Context& ctx) -> core::Result<Response> {
                auto id = PathId(ctx);
                if (!id.ok()) return id.status();
                auto body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                JsonFields f(*body);
                auto pw = f.OptionalString("new_password", 1024);
                if (!pw || pw->empty()) f.AddError("new_password", "Må fylles ut.");
                SAMKJOP_RETURN_IF_ERROR(f.Finish("org.invalid_user"));
                return Reply(org->ResetPassword(ActorOf(ctx), *id,
                                                (*body)["new_password"].get<std::string>()));
              });
  (void)sv;
}

}  // namespace samkjop::org
