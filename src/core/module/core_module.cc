// Routes of the core: health, OpenAPI, sign-in and the audit log.
#include <soci/soci.h>

#include "core/http/json_body.h"
#include "core/metrics/gauge.h"
#include "core/module/module.h"
#include "core/module/xlsx.h"
#include "core/nor/civil_date.h"

namespace samkjop::core {
// Generated from core/migrations by cmake/embed_migrations.cmake.
const std::vector<storage::Migration>& Migrations();
namespace {

using auth::Role;
using http::Access;
using http::Context;
using http::Response;
using http::RouteDoc;

std::string SessionCookie(const std::string& value, int max_age, bool secure) {
  std::string c = std::string(auth::kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

audit::Filter ReadAuditFilter(const http::Request& req, std::vector<FieldError>* errors) {
  audit::Filter f;
  f.entity = req.Query("entity").value_or("");
  f.entity_id = req.Query("entity_id").value_or("");
  f.username = req.Query("user").value_or("");
  f.from = req.Query("from").value_or("");
  f.to = req.Query("to").value_or("");
  for (auto* d : {&f.from, &f.to})
    if (!d->empty() && !nor::ParseIsoDate(*d))
      errors->push_back({d == &f.from ? "from" : "to", "Må være en dato på formen ÅÅÅÅ-MM-DD."});
  auto num = [&](const char* key, int def, int lo, int hi) {
    auto v = req.Query(key);
    if (!v || v->empty()) return def;
    try {
      size_t used = 0;
      int n = std::stoi(*v, &used);
      if (used != v->size() || n < lo || n > hi) throw std::out_of_range(key);
      return n;
    } catch (...) {
      errors->push_back({key, "Må være et heltall fra " + std::to_string(lo) + " til " +
                                  std::to_string(hi) + "."});
      return def;
    }
  };
  f.limit = num("limit", 50, 1, 1000);
  f.offset = num("offset", 0, 0, 100000000);
  return f;
}

void AddRoutes(http::Router& router, Services& sv) {
  router.AddSchema("Health",
                   {{"type", "object"},
                    {"required", {"status", "version", "database", "today"}},
                    {"properties",
                     {{"status", {{"type", "string"}}},
                      {"today", {{"type", "string"}, {"format", "date"}}},
                      {"version", {{"type", "string"}}},
                      {"database", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}}}}});
  router.AddSchema(
      "RoleAssignment",
      {{"type", "object"},
       {"required", {"role", "municipality", "product_area", "valid_from", "valid_to"}},
       {"properties",
        {{"role", {{"type", "string"}}},
         {"municipality", {{"type", {"string", "null"}}}},
         {"product_area", {{"type", {"string", "null"}}}},
         {"valid_from", {{"type", "string"}, {"format", "date"}}},
         {"valid_to", {{"type", {"string", "null"}}, {"format", "date"}}}}}});
  router.AddSchema(
      "Session",
      {{"type", "object"},
       {"required", {"user", "roles", "csrf_token", "today"}},
       {"properties",
        {{"user",
          {{"type", "object"},
           {"required", {"id", "username", "name", "email", "person_id", "must_change_password"}},
           {"properties",
            {{"id", {{"type", "integer"}}},
             {"username", {{"type", "string"}}},
             {"name", {{"type", "string"}}},
             {"email", {{"type", {"string", "null"}}}},
             {"person_id", {{"type", {"integer", "null"}}}},
             {"must_change_password", {{"type", "boolean"}}}}}}},
         {"roles", {{"type", "array"}, {"items", http::Ref("RoleAssignment")}}},
         {"csrf_token", {{"type", "string"}}},
         {"today", {{"type", "string"}, {"format", "date"}}}}}});
  router.AddSchema(
      "AuditEntry",
      {{"type", "object"},
       {"required",
        {"id", "at", "username", "action", "entity", "entity_id", "before", "after", "request_id"}},
       {"properties",
        {{"id", {{"type", "integer"}}},
         {"at", {{"type", "string"}, {"format", "date-time"}}},
         {"username", {{"type", "string"}}},
         {"action", {{"type", "string"}}},
         {"entity", {{"type", "string"}}},
         {"entity_id", {{"type", "string"}}},
         {"before", nlohmann::json::object()},
         {"after", nlohmann::json::object()},
         {"request_id", {{"type", "string"}}}}}});

  router.Get("/api/health", Access::Public(),
             {"Helse: sjekker databasen, viser versjon og databasetype", "core", nullptr,
              http::Ref("Health")},
             [&sv](Context&) -> Result<Response> {
               Status st = sv.db.Ping();
               if (!st.ok()) return st;
               return Response::Json({{"status", "ok"},
                                      {"version", sv.version},
                                      {"database", sv.db.KindName()},
                                      {"today", nor::TodayIso()}});
             });

  if (sv.test_gauges) {
    // Tests only (serve --test-gauges): the gauges' current values and peaks; POST resets the
    // peaks. Left out of the OpenAPI document (`samkjop openapi` never sets the flag).
    router.Get(
        "/api/test/gauges", Access::Public(),
        {"Tests only: gauges", "test", nullptr, nullptr, 200, "application/json", {}, {}, true},
        [](Context&) -> Result<Response> { return Response::Json(metrics::GaugesJson()); });
    router.Post(
        "/api/test/gauges/reset", Access::Public(),
        {"Tests only: reset the gauges' peaks", "test", nullptr, nullptr, 204, "", {}, {}, true},
        [](Context&) -> Result<Response> {
          metrics::ResetAllPeaks();
          return Response::NoContent();
        });
  }

  router.Get("/api/openapi.json", Access::Public(),
             {"OpenAPI-dokumentet for alle ruter", "core", nullptr, {{"type", "object"}}},
             [&router, &sv](Context&) -> Result<Response> {
               return Response::Json(router.OpenApi(sv.version));
             });

  router.Post(
      "/api/auth/login", Access::Public(),
      {"Logg inn med brukernavn og passord",
       "auth",
       {{"type", "object"},
        {"required", {"username", "password"}},
        {"properties", {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}}}},
        {"additionalProperties", false}},
       http::Ref("Session"),
       200,
       "application/json",
       {},
       {401, 429, 503}},
      [&sv](Context& ctx) -> Result<Response> {
        auto body = http::ParseJsonObject(ctx.req);
        if (!body.ok()) return body.status();
        http::JsonFields f(*body);
        std::string username = f.RequiredString("username", 100);
        auto password = f.OptionalString("password", 1024);
        if (!password || password->empty()) f.AddError("password", "Må fylles ut.");
        SAMKJOP_RETURN_IF_ERROR(f.Finish("auth.invalid_body"));
        // The raw password, untrimmed.
        std::string raw = (*body)["password"].get<std::string>();
        // Throttled per account and per client (behind a trusted proxy: the
        // client it names, core/http/client_address.h).
        auto r = sv.auth.Login(username, raw, ctx.req.client_ip, ctx.req.request_id);
        if (!r.ok()) return r.status();
        Response resp = Response::Json(auth::AuthService::PrincipalJson(r->principal));
        resp.AddHeader("Set-Cookie",
                       SessionCookie(r->session_token, sv.auth.config().session_absolute_seconds,
                                     sv.auth.config().secure_cookie));
        return resp;
      });

  router.Post("/api/auth/logout", Access::SignedIn().DuringPasswordChange(),
              {"Logg ut (avslutter økten)", "auth", nullptr, nullptr, 204},
              [&sv](Context& ctx) -> Result<Response> {
                SAMKJOP_RETURN_IF_ERROR(sv.auth.Logout(ctx.user()));
                Response r = Response::NoContent();
                r.AddHeader("Set-Cookie", SessionCookie("", 0, sv.auth.config().secure_cookie));
                return r;
              });

  router.Get(
      "/api/auth/me", Access::SignedIn().DuringPasswordChange(),
      {"Den innloggede brukeren, rollene og CSRF-token", "auth", nullptr, http::Ref("Session")},
      [](Context& ctx) -> Result<Response> {
        return Response::Json(auth::AuthService::PrincipalJson(ctx.user()));
      });

  router.Post(
      "/api/auth/password", Access::SignedIn().DuringPasswordChange(),
      {"Bytt eget passord",
       "auth",
       {{"type", "object"},
        {"required", {"current_password", "new_password"}},
        {"properties",
         {{"current_password", {{"type", "string"}}}, {"new_password", {{"type", "string"}}}}},
        {"additionalProperties", false}},
       nullptr,
       204,
       "application/json",
       {},
       {429, 503}},
      [&sv](Context& ctx) -> Result<Response> {
        auto body = http::ParseJsonObject(ctx.req);
        if (!body.ok()) return body.status();
        http::JsonFields f(*body);
        auto cur = f.OptionalString("current_password", 1024);
        auto next = f.OptionalString("new_password", 1024);
        if (!cur || cur->empty()) f.AddError("current_password", "Må fylles ut.");
        if (!next || next->empty()) f.AddError("new_password", "Må fylles ut.");
        SAMKJOP_RETURN_IF_ERROR(f.Finish("auth.invalid_body"));
        SAMKJOP_RETURN_IF_ERROR(sv.auth.ChangePassword(
            ctx.user(), (*body)["current_password"].get<std::string>(),
            (*body)["new_password"].get<std::string>(), ctx.req.client_ip, ctx.req.request_id));
        return Response::NoContent();
      });

  const std::vector<RouteDoc::Param> audit_params = {
      {"entity", "Entitetstype, f.eks. org.municipality, eller prefiks som «org.»"},
      {"entity_id", "Entitetens id"},
      {"user", "Brukernavn"},
      {"from", "Fra og med dato (ÅÅÅÅ-MM-DD)"},
      {"to", "Til og med dato (ÅÅÅÅ-MM-DD)"},
      {"limit", "Antall rader (1–1000)", "integer"},
      {"offset", "Hopp over rader", "integer"}};
  RouteDoc list_doc{"Revisjonsloggen, nyeste først, med filtre", "audit", nullptr,
                    http::ListOf("AuditEntry")};
  list_doc.query = audit_params;
  router.Get("/api/audit", Access::Roles({Role::kAdmin, Role::kDirector, Role::kAuditor}), list_doc,
             [&sv](Context& ctx) -> Result<Response> {
               std::vector<FieldError> errors;
               audit::Filter f = ReadAuditFilter(ctx.req, &errors);
               if (!errors.empty())
                 return Status::Invalid("audit.invalid_filter", "Ugyldig filter.", errors);
               auto s = sv.db.Acquire();
               std::int64_t total = 0;
               auto rows = audit::Find(s.sql(), f, &total);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& r : rows) items.push_back(audit::RowToJson(r));
               return Response::Json({{"items", items}, {"total", total}});
             });

  RouteDoc export_doc{"Revisjonsloggen som Excel-fil (samme filtre, opptil 1000 rader)", "audit",
                      nullptr, nullptr};
  export_doc.response_content_type =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  export_doc.query = audit_params;
  router.Get(
      "/api/audit/export.xlsx", Access::Roles({Role::kAdmin, Role::kDirector, Role::kAuditor}),
      export_doc, [&sv](Context& ctx) -> Result<Response> {
        std::vector<FieldError> errors;
        audit::Filter f = ReadAuditFilter(ctx.req, &errors);
        if (!errors.empty())
          return Status::Invalid("audit.invalid_filter", "Ugyldig filter.", errors);
        if (!ctx.req.Query("limit")) f.limit = 1000;
        auto s = sv.db.Acquire();
        std::int64_t total = 0;
        auto rows = audit::Find(s.sql(), f, &total);
        xlsx::Sheet sheet{"Revisjonslogg",
                          {"Tidspunkt (UTC)", "Bruker", "Handling", "Entitet", "Id", "Før", "Etter",
                           "Forespørsel"},
                          {},
                          {22, 18, 16, 22, 14, 50, 50, 18}};
        for (const auto& r : rows)
          sheet.rows.push_back({r.at, r.username, r.action, r.entity, r.entity_id,
                                r.before.is_null() ? std::string() : r.before.dump(),
                                r.after.is_null() ? std::string() : r.after.dump(), r.request_id});
        auto bytes = xlsx::WriteBytes({sheet});
        if (!bytes.ok()) return bytes.status();
        return Response::Download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            std::move(bytes).value(), "revisjonslogg.xlsx");
      });
}

}  // namespace

Module CoreModule() {
  Module m;
  m.name = "core";
  m.migrations = []() -> const std::vector<storage::Migration>& { return Migrations(); };
  m.routes = AddRoutes;
  return m;
}

}  // namespace samkjop::core
