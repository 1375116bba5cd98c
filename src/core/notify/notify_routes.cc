// Routes of the signed-in user's own notifications: list (paged, unread
// count), mark read, mark all read, confirm, e-mail settings. With
// `serve --test-gauges` also the hidden POST /api/test/notify, which creates
// notifications for the API and browser tests (no module sends any yet).
#include "core/notify/notify_routes.h"

#include <soci/soci.h>

#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "core/module/permissions.h"
#include "core/nor/civil_date.h"
#include "core/notify/mail.h"
#include "core/notify/notify.h"
#include "core/storage/database.h"

namespace samkjop::core::notify {
namespace {

using http::Access;
using http::Context;
using http::Presence;
using http::Response;
namespace schema = http::schema;

nlohmann::json Instant(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}
nlohmann::json NInstant() { return {{"type", {"string", "null"}}, {"format", "date-time"}}; }

const http::Shape<Notification>& NotificationShape() {
  static const auto* s =
      &(*new http::Shape<Notification>("Notification"))
           .Int("id", &Notification::id)
           .Text("kind", &Notification::kind)
           .Field("kind_label_nb", schema::Str(),
                  [](const Notification& n) {
                    const Kind* k = FindKind(n.kind);
                    return nlohmann::json(k ? k->label_nb : n.kind);
                  })
           .Field("kind_label_en", schema::Str(),
                  [](const Notification& n) {
                    const Kind* k = FindKind(n.kind);
                    return nlohmann::json(k ? k->label_en : n.kind);
                  })
           .Text("title_nb", &Notification::title_nb)
           .OptText("title_en", &Notification::title_en)
           .Text("body", &Notification::body)
           .OptText("link", &Notification::link)
           .Bool("requires_confirmation", &Notification::requires_confirmation)
           .Field("created_at", {{"type", "string"}, {"format", "date-time"}},
                  [](const Notification& n) { return nlohmann::json(n.created_at); })
           .Field("read_at", NInstant(), [](const Notification& n) { return Instant(n.read_at); })
           .Field("confirmed_at", NInstant(),
                  [](const Notification& n) { return Instant(n.confirmed_at); });
  return *s;
}

const std::vector<std::string>& ModeNames() {
  static const std::vector<std::string> v = {"off", "immediate", "digest"};
  return v;
}

const http::Shape<Setting>& SettingShape() {
  static const auto* s =
      &(*new http::Shape<Setting>("NotificationSetting"))
           .Text("kind", &Setting::kind)
           .Text("label_nb", &Setting::label_nb)
           .Text("label_en", &Setting::label_en)
           .Bool("requires_confirmation", &Setting::requires_confirmation)
           .Enum("email", ModeNames(),
                 [](const Setting& x) { return std::string(EmailModeName(x.email)); })
           .Enum("default_email", ModeNames(),
                 [](const Setting& x) { return std::string(EmailModeName(x.default_email)); });
  return *s;
}

nlohmann::json SettingsBodySchema() {
  nlohmann::json list = schema::Array(schema::Obj(
      {{"kind", schema::Str()}, {"email", schema::Enum(ModeNames())}}, {"kind", "email"}));
  list["minItems"] = 1;
  list["maxItems"] = 100;
  return schema::Obj({{"settings", list}}, {"settings"});
}

// {"settings": [{"kind", "email"}, …]}: every fault named by its field.
Result<std::vector<std::pair<std::string, EmailMode>>> ReadSettingsBody(const http::Request& req) {
  auto obj = http::ParseJsonObject(req);
  if (!obj.ok()) return obj.status();
  std::vector<FieldError> errors;
  std::vector<std::pair<std::string, EmailMode>> out;
  for (const auto& [key, v] : obj->items())
    if (key != "settings") errors.push_back({key, "Ukjent felt."});
  auto it = obj->find("settings");
  if (it == obj->end()) {
    errors.push_back({"settings", "Feltet mangler."});
  } else if (!it->is_array()) {
    errors.push_back({"settings", "Må være en liste."});
  } else if (it->empty()) {
    errors.push_back({"settings", "Listen er tom: oppgi minst én varseltype."});
  } else if (it->size() > 100) {
    errors.push_back({"settings", "Høyst 100 innstillinger."});
  } else {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& e = (*it)[i];
      const std::string at = "settings[" + std::to_string(i) + "]";
      if (!e.is_object()) {
        errors.push_back({at, "Må være et objekt med kind og email."});
        continue;
      }
      for (const auto& [key, v] : e.items())
        if (key != "kind" && key != "email") errors.push_back({at + "." + key, "Ukjent felt."});
      std::string kind;
      std::optional<EmailMode> mode;
      auto k = e.find("kind");
      if (k == e.end() || !k->is_string() || k->get<std::string>().empty())
        errors.push_back({at + ".kind", "Varseltype mangler."});
      else
        kind = k->get<std::string>();
      auto m = e.find("email");
      if (m != e.end() && m->is_string()) mode = ParseEmailMode(m->get<std::string>());
      if (!mode)
        errors.push_back({at + ".email",
                          "Må være «off» (av), «immediate» (med én gang) eller «digest» "
                          "(daglig sammendrag)."});
      if (!kind.empty() && mode) out.emplace_back(kind, *mode);
    }
  }
  if (!errors.empty()) {
    if (errors.size() > http::kMaxFieldErrors) errors.resize(http::kMaxFieldErrors);
    return Status::Invalid("notify.invalid_settings", "Varselinnstillingene er ugyldige.",
                           std::move(errors));
  }
  return out;
}

nlohmann::json SettingsJson(const std::vector<Setting>& s) {
  return http::ItemsJson(SettingShape().ToJsonArray(s));
}

const http::BodySpec& TestNotifyBody() {
  static const auto* s = &(*new http::BodySpec())
                              .Text("username", 100, Presence::kRequired)
                              .Text("kind", 64, Presence::kRequired)
                              .Text("title_nb", 200, Presence::kRequired)
                              .Text("title_en", 200, Presence::kOptional)
                              .MultilineText("body", 4000, Presence::kOptional)
                              .Text("link", 500, Presence::kOptional)
                              .Int("count", Presence::kOptional);
  return *s;
}

const http::BodySpec& TestTakeMailsBody() {
  static const auto* s = &(*new http::BodySpec())
                              .Date("today", Presence::kOptional)
                              .Bool("digest_time", Presence::kOptional)
                              .Text("base_url", 200, Presence::kOptional);
  return *s;
}

}  // namespace

void AddNotificationRoutes(http::Router& router, Services& sv) {
  auto& svc = sv.Get<NotificationService>();
  router.AddShape(NotificationShape());
  router.AddShape(SettingShape());
  router.AddSchema("NotificationPage",
                   schema::Obj({{"items", schema::Array(schema::Ref("Notification"))},
                                {"total", schema::Int()},
                                {"unread", schema::Int()},
                                {"page", schema::Int()},
                                {"page_size", schema::Int()}},
                               {"items", "total", "unread", "page", "page_size"}));
  const auto read = Access::Permission(perm::kNotificationsRead);
  const auto write = Access::Permission(perm::kNotificationsWrite);

  http::RouteDoc list_doc{"Mine varsler, nyeste først, med antall uleste", "notifications", nullptr,
                          http::Ref("NotificationPage")};
  list_doc.query = {{"unread", "true: bare uleste", "boolean"}};
  for (const auto& p : http::PageParams()) list_doc.query.push_back(p);
  router.Get("/api/notifications", read, list_doc, [&svc](Context& ctx) -> Result<Response> {
    http::QueryReader q(ctx.req);
    bool unread = q.Bool("unread").value_or(false);
    auto page = q.ReadPage();
    SAMKJOP_RETURN_IF_ERROR(q.Finish("notify.invalid_filter"));
    auto r = svc.List(ctx.scope, unread, page.offset(), page.page_size);
    nlohmann::json out = http::PageJson(NotificationShape().ToJsonArray(r.items), r.total, page);
    out["unread"] = r.unread;
    return Response::Json(out);
  });

  router.Post("/api/notifications/read-all", write,
              {"Merk alle mine varsler som lest", "notifications", nullptr,
               schema::Obj({{"marked", schema::Int()}}, {"marked"})},
              [&svc](Context& ctx) -> Result<Response> {
                auto r = svc.MarkAllRead(ctx.caller());
                if (!r.ok()) return r.status();
                return Response::Json({{"marked", *r}});
              });

  router.Post("/api/notifications/{id}/read", write,
              {"Merk et varsel som lest",
               "notifications",
               nullptr,
               http::Ref("Notification"),
               200,
               "application/json",
               {},
               {404}},
              [&svc](Context& ctx) -> Result<Response> {
                auto id = http::PathId(ctx);
                if (!id.ok()) return id.status();
                return http::Reply(svc.MarkRead(ctx.caller(), *id), NotificationShape());
              });

  router.Post("/api/notifications/{id}/confirm", write,
              {"Bekreft et varsel («Jeg har lest dette»); en ny bekreftelse beholder den første "
               "tiden",
               "notifications",
               nullptr,
               http::Ref("Notification"),
               200,
               "application/json",
               {},
               {404, 409}},
              [&svc](Context& ctx) -> Result<Response> {
                auto id = http::PathId(ctx);
                if (!id.ok()) return id.status();
                return http::Reply(svc.Confirm(ctx.caller(), *id), NotificationShape());
              });

  router.Get("/api/notifications/settings", read,
             {"Mine varselinnstillinger: e-post per varseltype", "notifications", nullptr,
              http::ListOf("NotificationSetting")},
             [&svc](Context& ctx) -> Result<Response> {
               return Response::Json(SettingsJson(svc.Settings(ctx.caller())));
             });

  router.Add(http::Method::kPut, "/api/notifications/settings", write,
             {"Endre mine varselinnstillinger (de oppførte typene; andre beholdes)",
              "notifications", SettingsBodySchema(), http::ListOf("NotificationSetting")},
             [&svc](Context& ctx) -> Result<Response> {
               auto body = ReadSettingsBody(ctx.req);
               if (!body.ok()) return body.status();
               auto r = svc.UpdateSettings(ctx.caller(), *body);
               if (!r.ok()) return r.status();
               return Response::Json(SettingsJson(*r));
             });

  if (sv.test_gauges) {
    // Tests only (serve --test-gauges): notifications for a user, as a module would send them.
    // Left out of the OpenAPI document.
    router.Post("/api/test/notify", Access::Public(),
                {"Tests only: notify a user",
                 "test",
                 nullptr,
                 nullptr,
                 201,
                 "application/json",
                 {},
                 {},
                 true},
                [&sv](Context& ctx) -> Result<Response> {
                  std::string username;
                  NotificationInput n;
                  std::int64_t count = 1;
                  SAMKJOP_RETURN_IF_ERROR(http::ReadBody(
                      ctx.req, TestNotifyBody(), "notify.invalid_notification", [&](auto& f) {
                        username = f.Text("username");
                        n.kind = f.Text("kind");
                        n.title_nb = f.Text("title_nb");
                        n.title_en = f.Text("title_en");
                        n.body = f.Text("body");
                        n.link = f.Text("link");
                        count = f.Int("count").value_or(1);
                        if (count < 1 || count > 200) f.AddError("count", "Må være fra 1 til 200.");
                      }));
                  auto s = sv.db.Acquire();
                  storage::WriteTx tx(s);
                  std::int64_t uid = sv.auth.FindUserId(s.sql(), username);
                  if (uid == 0)
                    return Status::InvalidField("notify.invalid_notification", "username",
                                                "Ukjent bruker.");
                  n.recipients = {uid};
                  std::vector<std::int64_t> ids;
                  const std::string title = n.title_nb;
                  for (std::int64_t i = 1; i <= count; ++i) {
                    if (count > 1) n.title_nb = title + " " + std::to_string(i);
                    SAMKJOP_RETURN_IF_ERROR(Notify(s.sql(), n, &ids));
                  }
                  tx.Commit();
                  return Response::Json({{"ids", ids}}, 201);
                });
    // Tests only: what the mail job will do (TakeMails, with the person record's address), in
    // one write transaction; answers the mails instead of writing them to an outbox.
    router.Post("/api/test/notify/take-mails", Access::Public(),
                {"Tests only: take the pending notification mails",
                 "test",
                 nullptr,
                 nullptr,
                 200,
                 "application/json",
                 {},
                 {},
                 true},
                [&sv](Context& ctx) -> Result<Response> {
                  TakeOptions o;
                  SAMKJOP_RETURN_IF_ERROR(http::ReadBody(
                      ctx.req, TestTakeMailsBody(), "notify.invalid_filter", [&](auto& f) {
                        o.today = f.Date("today");
                        o.digest_time = f.Bool("digest_time").value_or(false);
                        o.base_url = f.Text("base_url");
                      }));
                  if (o.today.empty()) o.today = nor::TodayIso();
                  o.recipient = [&sv](soci::session& sql, std::int64_t uid) {
                    auto p = sv.auth.Describe(sql, uid);
                    return Recipient{p.email, p.name};
                  };
                  auto s = sv.db.Acquire();
                  storage::WriteTx tx(s);
                  auto mails = TakeMails(s.sql(), o);
                  tx.Commit();
                  nlohmann::json out = nlohmann::json::array();
                  for (const auto& m : mails)
                    out.push_back({{"to_email", m.to_email},
                                   {"to_name", m.to_name},
                                   {"subject", m.subject},
                                   {"text", m.text},
                                   {"notification_ids", m.notification_ids}});
                  return Response::Json({{"mails", out}});
                });
  }
}

}  // namespace samkjop::core::notify
