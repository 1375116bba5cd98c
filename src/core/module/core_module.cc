// Routes of the core: health, OpenAPI, sign-in, the grant table and the audit log.
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "core/export/table_export.h"
#include "core/files/file_routes.h"
#include "core/files/file_service.h"
#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "core/jobs/jobs_routes.h"
#include "core/mail/mail.h"
#include "core/metrics/gauge.h"
#include "core/module/module.h"
#include "core/module/permissions.h"
#include "core/nor/civil_date.h"
#include "core/notify/notify.h"
#include "core/notify/notify_routes.h"

namespace samkjop::core {
// Generated from core/migrations by cmake/embed_migrations.cmake.
const std::vector<storage::Migration>& Migrations();
namespace {

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

audit::Filter ReadAuditFilter(const http::Request& req, http::QueryReader& q) {
  audit::Filter f;
  f.entity = q.Text("entity", 100);
  f.entity_id = q.Text("entity_id", 100);
  f.username = q.Text("user", 100);
  f.from = q.Date("from");
  f.to = q.Date("to");
  return f;
}

// The audit log as an export table.
exporting::Table AuditTable(const std::vector<audit::Row>& rows) {
  using exporting::ColumnType;
  exporting::Table t{"Revisjonslogg",
                     {{"Tidspunkt (UTC)", ColumnType::kText, 22},
                      {"Bruker", ColumnType::kText, 18},
                      {"Handling", ColumnType::kText, 16},
                      {"Entitet", ColumnType::kText, 22},
                      {"Id", ColumnType::kText, 14},
                      {"Før", ColumnType::kText, 50},
                      {"Etter", ColumnType::kText, 50},
                      {"Forespørsel", ColumnType::kText, 18}},
                     {}};
  t.rows.reserve(rows.size());
  for (const auto& r : rows)
    t.rows.push_back({r.at, r.username, r.action, r.entity, r.entity_id,
                      r.before.is_null() ? std::string() : r.before.dump(),
                      r.after.is_null() ? std::string() : r.after.dump(), r.request_id});
  return t;
}

// The session body: user, roles, CSRF token, today, and the caller's
// effective permissions (what the web shows or hides).
nlohmann::json SessionJson(const auth::Principal& p, const auth::AccessControl& access) {
  nlohmann::json out = auth::AuthService::PrincipalJson(p);
  nlohmann::json perms = nlohmann::json::array();
  for (const auto& [perm, scope] : access.Effective(p)) {
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& [m, a] : scope.areas())
      areas.push_back({{"municipality", m}, {"product_area", a}});
    perms.push_back({{"name", perm->name},
                     {"scope", auth::ScopeKindName(scope.Widest())},
                     {"municipalities", scope.municipalities()},
                     {"product_areas", areas}});
  }
  out["permissions"] = perms;
  return out;
}

nlohmann::json PermissionTableJson(const auth::AccessControl& access) {
  nlohmann::json roles = nlohmann::json::array();
  for (auto r : auth::kAllRoles) roles.push_back(auth::RoleName(r));
  nlohmann::json perms = nlohmann::json::array();
  for (const auto& p : access.permissions())
    perms.push_back({{"name", p.name},
                     {"module", access.ModuleOf(p.name)},
                     {"write", p.write},
                     {"description_nb", p.description_nb},
                     {"description_en", p.description_en}});
  nlohmann::json grants = nlohmann::json::array();
  for (const auto& g : access.grants())
    grants.push_back({{"role", g.role ? std::string(auth::RoleName(*g.role)) : "signed_in"},
                      {"permission", g.permission},
                      {"scope", auth::ScopeKindName(g.scope)}});
  return {{"roles", roles}, {"permissions", perms}, {"grants", grants}};
}

const http::BodySpec& LoginBody() {
  static const auto* s = &(*new http::BodySpec())
                              .Text("username", 100, http::Presence::kRequired)
                              .Secret("password", 1024, http::Presence::kRequired);
  return *s;
}

const http::BodySpec& PasswordBody() {
  static const auto* s = &(*new http::BodySpec())
                              .Secret("current_password", 1024, http::Presence::kRequired)
                              .Secret("new_password", 1024, http::Presence::kRequired);
  return *s;
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
       {"required", {"user", "roles", "csrf_token", "today", "permissions"}},
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
         {"today", {{"type", "string"}, {"format", "date"}}},
         {"permissions", http::schema::Array(http::Ref("EffectivePermission"))}}}});
  router.AddSchema(
      "EffectivePermission",
      http::schema::Obj(
          {{"name", http::schema::Str()},
           {"scope", http::schema::Enum({"region", "own_municipality", "own_municipality_and_area",
                                         "own_records"})},
           {"municipalities", http::schema::Array(http::schema::Str())},
           {"product_areas",
            http::schema::Array(http::schema::Obj(
                {{"municipality", http::schema::Str()}, {"product_area", http::schema::Str()}},
                {"municipality", "product_area"}))}},
          {"name", "scope", "municipalities", "product_areas"}));
  router.AddSchema(
      "PermissionTable",
      http::schema::Obj(
          {{"roles", http::schema::Array(http::schema::Str())},
           {"permissions", http::schema::Array(http::schema::Obj(
                               {{"name", http::schema::Str()},
                                {"module", http::schema::Str()},
                                {"write", http::schema::Bool()},
                                {"description_nb", http::schema::Str()},
                                {"description_en", http::schema::Str()}},
                               {"name", "module", "write", "description_nb", "description_en"}))},
           {"grants",
            http::schema::Array(http::schema::Obj(
                {{"role", http::schema::Str()},
                 {"permission", http::schema::Str()},
                 {"scope", http::schema::Enum({"region", "own_municipality",
                                               "own_municipality_and_area", "own_records"})}},
                {"role", "permission", "scope"}))}},
          {"roles", "permissions", "grants"}));
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

  router.Post("/api/auth/login", Access::Public(),
              {"Logg inn med brukernavn og passord",
               "auth",
               LoginBody().Schema(),
               http::Ref("Session"),
               200,
               "application/json",
               {},
               {401, 429, 503}},
              [&sv](Context& ctx) -> Result<Response> {
                std::string username, password;
                SAMKJOP_RETURN_IF_ERROR(
                    http::ReadBody(ctx.req, LoginBody(), "auth.invalid_body", [&](auto& f) {
                      username = f.Text("username");
                      password = f.Secret("password");
                    }));
                auto r = sv.auth.Login(username, password, ctx.req.client_ip, ctx.req.request_id);
                if (!r.ok()) return r.status();
                Response resp = Response::Json(SessionJson(r->principal, sv.access));
                resp.AddHeader(
                    "Set-Cookie",
                    SessionCookie(r->session_token, sv.auth.config().session_absolute_seconds,
                                  sv.auth.config().secure_cookie));
                return resp;
              });

  const auto own = Access::Permission(perm::kSessionOwn).DuringPasswordChange();
  router.Post("/api/auth/logout", own, {"Logg ut (avslutter økten)", "auth", nullptr, nullptr, 204},
              [&sv](Context& ctx) -> Result<Response> {
                SAMKJOP_RETURN_IF_ERROR(sv.auth.Logout(ctx.user()));
                Response r = Response::NoContent();
                r.AddHeader("Set-Cookie", SessionCookie("", 0, sv.auth.config().secure_cookie));
                return r;
              });

  router.Get("/api/auth/me", own,
             {"Den innloggede brukeren: roller, tillatelser, CSRF-token og dagens dato", "auth",
              nullptr, http::Ref("Session")},
             [&sv](Context& ctx) -> Result<Response> {
               return Response::Json(SessionJson(ctx.user(), sv.access));
             });

  router.Post("/api/auth/password", own,
              {"Bytt eget passord",
               "auth",
               PasswordBody().Schema(),
               nullptr,
               204,
               "application/json",
               {},
               {429, 503}},
              [&sv](Context& ctx) -> Result<Response> {
                std::string current, next;
                SAMKJOP_RETURN_IF_ERROR(
                    http::ReadBody(ctx.req, PasswordBody(), "auth.invalid_body", [&](auto& f) {
                      current = f.Secret("current_password");
                      next = f.Secret("new_password");
                    }));
                return http::ReplyNoContent(sv.auth.ChangePassword(
                    ctx.user(), current, next, ctx.req.client_ip, ctx.req.request_id));
              });

  router.Get("/api/permissions", Access::Permission(perm::kPermissionsRead),
             {"Tilgangstabellen: roller, tillatelser og hvem som har hva (rolle → tillatelse → "
              "omfang)",
              "auth", nullptr, http::Ref("PermissionTable")},
             [&sv](Context&) -> Result<Response> {
               return Response::Json(PermissionTableJson(sv.access));
             });

  std::vector<RouteDoc::Param> audit_params = {
      {"entity", "Entitetstype, f.eks. org.municipality, eller prefiks som «org.»"},
      {"entity_id", "Entitetens id"},
      {"user", "Brukernavn"},
      {"from", "Fra og med dato (ÅÅÅÅ-MM-DD)"},
      {"to", "Til og med dato (ÅÅÅÅ-MM-DD)"}};
  for (const auto& p : http::PageParams()) audit_params.push_back(p);
  RouteDoc list_doc{
      "Revisjonsloggen, nyeste først, med filtre; ?format=csv|xlsx gir hele utvalget "
      "som fil",
      "audit", nullptr, http::PageOf("AuditEntry")};
  list_doc.query = audit_params;
  http::OfferExport(list_doc);
  router.Get("/api/audit", Access::Permission(perm::kAuditRead), list_doc,
             [&sv](Context& ctx) -> Result<Response> {
               http::QueryReader q(ctx.req);
               audit::Filter f = ReadAuditFilter(ctx.req, q);
               http::Page page = q.ReadPage();
               http::ListFormat format = http::ReadListFormat(q);
               SAMKJOP_RETURN_IF_ERROR(q.Finish("audit.invalid_filter"));
               f.limit = page.page_size;
               f.offset = page.offset();
               if (format != http::ListFormat::kJson) {
                 f.limit = audit::kMaxExportRows;
                 f.offset = 0;
               }
               auto s = sv.db.Acquire();
               std::int64_t total = 0;
               auto rows = audit::Find(s.sql(), f, &total);
               if (format != http::ListFormat::kJson) {
                 SAMKJOP_RETURN_IF_ERROR(http::CheckExportSize(total));
                 return http::Export(AuditTable(rows), format, "revisjonslogg");
               }
               nlohmann::json items = nlohmann::json::array();
               for (const auto& r : rows) items.push_back(audit::RowToJson(r));
               return Response::Json(http::PageJson(std::move(items), total, page));
             });

  notify::AddNotificationRoutes(router, sv);
  AddJobAndMailRoutes(router, sv);
}

// Sessions past their expiry and throttle rows that can no longer count.
jobs::JobSpec PurgeSessionsJob() {
  jobs::JobSpec j;
  j.name = "core.purge_sessions";
  j.description_nb = "Sletter utløpte økter og gamle rader for innloggingsbegrensning";
  j.description_en = "Purges expired sessions and old login-throttle rows";
  j.schedule.kind = jobs::Schedule::Kind::kEvery;
  j.schedule.every_seconds = 3600;
  j.run = [](jobs::JobContext& ctx) -> Status {
    auto p = ctx.services.auth.PurgeExpired();
    spdlog::info(R"({{"msg":"purged","sessions":{},"throttle_rows":{}}})", p.sessions,
                 p.throttle_rows);
    return Status::Ok();
  };
  return j;
}

}  // namespace

Module CoreModule() {
  Module m;
  m.name = "core";
  m.migrations = []() -> const std::vector<storage::Migration>& { return Migrations(); };
  m.grants = perm::Grants;
  m.start = [](Services& sv) {
    auto store = std::make_shared<files::LocalFileStore>(
        (std::filesystem::path(sv.data_dir) / "files").string());
    sv.Provide(std::make_shared<files::FileService>(sv.db, std::move(store)));
    sv.Provide(std::make_shared<notify::NotificationService>(sv.db));
  };
  m.routes = [](http::Router& router, Services& sv) {
    AddRoutes(router, sv);
    files::AddFileRoutes(router, sv);
  };
  m.cli = AddJobAndMailCli;
  m.jobs = {PurgeSessionsJob(), mail::SendMailJob()};
  return m;
}

}  // namespace samkjop::core
