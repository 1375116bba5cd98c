// Routes for user accounts (administrators): list, create, deactivate,
// activate, unlock, reset password.
#include <functional>

#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "modules/org/org_json.h"
#include "modules/org/org_routes.h"
#include "modules/org/permissions.h"
#include "modules/org/user_service.h"

namespace samkjop::org {
namespace {

using core::http::Presence;

const core::http::BodySpec& UserBody() {
  static const auto* s = &(*new core::http::BodySpec())
                              .Text("username", 50, Presence::kRequired)
                              .Secret("password", 1024, Presence::kRequired, "Midlertidig passord")
                              .Int("person_id", Presence::kRequired);
  return *s;
}

const core::http::BodySpec& ResetBody() {
  static const auto* s =
      &(*new core::http::BodySpec()).Secret("new_password", 1024, Presence::kRequired);
  return *s;
}

}  // namespace

void AddUserRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::Context;
  using core::http::Response;
  auto& svc = sv.Get<UserService>();
  const auto& shape = UserShape();
  router.AddShape(shape);

  core::http::RouteDoc list_doc{"Brukerkontoene, sortert på brukernavn", "org", nullptr,
                                core::http::PageOf("User")};
  list_doc.query = core::http::PageParams();
  router.Get(
      "/api/users", Access::Permission(perm::kUsersRead), list_doc,
      [&svc, &shape](Context& ctx) -> core::Result<Response> {
        core::http::QueryReader q(ctx.req);
        auto page = q.ReadPage();
        SAMKJOP_RETURN_IF_ERROR(q.Finish());
        auto r = svc.List(ctx.scope, page.offset(), page.page_size);
        return Response::Json(core::http::PageJson(shape.ToJsonArray(r.items), r.total, page));
      });

  router.Post("/api/users", Access::Permission(perm::kUsersWrite),
              {"Opprett en brukerkonto for en person (må bytte passord ved første innlogging)",
               "org",
               UserBody().Schema(),
               core::http::Ref("User"),
               201,
               "application/json",
               {},
               {409}},
              [&svc, &shape](Context& ctx) -> core::Result<Response> {
                std::string username, password;
                std::int64_t person_id = 0;
                SAMKJOP_RETURN_IF_ERROR(
                    core::http::ReadBody(ctx.req, UserBody(), "org.invalid_user", [&](auto& f) {
                      username = f.Text("username");
                      password = f.Secret("password");
                      person_id = f.Int("person_id").value_or(0);
                    }));
                return core::http::Reply(svc.Create(ctx.caller(), username, password, person_id),
                                         shape, 201);
              });

  using Action = std::function<core::Result<UserView>(const core::auth::Caller&, std::int64_t)>;
  auto action = [&](const std::string& path, const std::string& summary, Action fn) {
    router.Post(
        path, Access::Permission(perm::kUsersWrite),
        {summary, "org", nullptr, core::http::Ref("User"), 200, "application/json", {}, {409}},
        [fn, &shape](Context& ctx) -> core::Result<Response> {
          auto id = core::http::PathId(ctx);
          if (!id.ok()) return id.status();
          return core::http::Reply(fn(ctx.caller(), *id), shape);
        });
  };
  action(
      "/api/users/{id}/deactivate", "Deaktiver en bruker (avslutter øktene)",
      [&svc](const core::auth::Caller& c, std::int64_t id) { return svc.SetActive(c, id, false); });
  action(
      "/api/users/{id}/activate", "Aktiver en bruker igjen",
      [&svc](const core::auth::Caller& c, std::int64_t id) { return svc.SetActive(c, id, true); });
  action("/api/users/{id}/unlock", "Opphev sperre etter mislykkede innlogginger",
         [&svc](const core::auth::Caller& c, std::int64_t id) { return svc.Unlock(c, id); });

  router.Post("/api/users/{id}/reset-password", Access::Permission(perm::kUsersWrite),
              {"Sett nytt passord; brukeren må bytte ved neste innlogging", "org",
               ResetBody().Schema(), core::http::Ref("User")},
              [&svc, &shape](Context& ctx) -> core::Result<Response> {
                auto id = core::http::PathId(ctx);
                if (!id.ok()) return id.status();
                std::string password;
                SAMKJOP_RETURN_IF_ERROR(
                    core::http::ReadBody(ctx.req, ResetBody(), "org.invalid_user",
                                         [&](auto& f) { password = f.Secret("new_password"); }));
                return core::http::Reply(svc.ResetPassword(ctx.caller(), *id, password), shape);
              });
}

}  // namespace samkjop::org
