// The core's routes and commands for jobs and mail: GET /api/jobs,
// POST /api/jobs/{name}/run, GET /api/mail/outbox, POST /api/mail/test;
// `samkjop jobs list|run`, `samkjop mail send-test|outbox`.
#include "core/jobs/jobs_routes.h"

#include <iostream>

#include <soci/soci.h>
#include <CLI/CLI.hpp>

#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "core/jobs/runner.h"
#include "core/mail/mail.h"
#include "core/module/permissions.h"
#include "core/storage/database.h"

namespace samkjop::core {
namespace {

using http::Access;
using http::Context;
using http::Response;
using http::RouteDoc;
namespace schema = http::schema;

const http::Shape<jobs::Run>& RunShape() {
  static const auto* s =
      &(*new http::Shape<jobs::Run>("JobRun"))
           .Int("id", &jobs::Run::id)
           .Text("job", &jobs::Run::job)
           .Text("started_at", &jobs::Run::started_at)
           .OptText("ended_at", &jobs::Run::ended_at)
           .Enum("outcome", {"running", "ok", "failed", "abandoned"}, &jobs::Run::outcome)
           .OptText("error", &jobs::Run::error)
           .Int("attempt", &jobs::Run::attempt)
           .Enum("trigger", {"schedule", "manual", "cli"}, &jobs::Run::trigger)
           .Text("runner", &jobs::Run::runner)
           .Date("today", &jobs::Run::today)
           .Text("triggered_by", &jobs::Run::triggered_by);
  return *s;
}

std::string KindName(jobs::Schedule::Kind k) {
  switch (k) {
    case jobs::Schedule::Kind::kDaily: return "daily";
    case jobs::Schedule::Kind::kOnce: return "once";
    case jobs::Schedule::Kind::kEvery: return "every";
  }
  return "daily";
}

const http::Shape<jobs::JobStatus>& JobShape() {
  using J = jobs::JobStatus;
  static const auto* s =
      &(*new http::Shape<J>("Job"))
           .Text("name", &J::name)
           .Text("description_nb", &J::description_nb)
           .Text("description_en", &J::description_en)
           .Field("schedule",
                  schema::Obj({{"kind", schema::Enum({"daily", "once", "every"})},
                               {"hour", schema::Int()},
                               {"minute", schema::Int()},
                               {"every_seconds", schema::NInt()},
                               {"text", schema::Str()}},
                              {"kind", "hour", "minute", "every_seconds", "text"}),
                  [](const J& j) {
                    nlohmann::json every = nullptr;
                    if (j.schedule.kind == jobs::Schedule::Kind::kEvery)
                      every = j.schedule.every_seconds;
                    return nlohmann::json{{"kind", KindName(j.schedule.kind)},
                                          {"hour", j.schedule.hour},
                                          {"minute", j.schedule.minute},
                                          {"every_seconds", every},
                                          {"text", j.schedule_text}};
                  })
           .OptText("next_run_at", &J::next_run_at)
           .Int("attempts", &J::attempts)
           .Int("max_attempts", &J::max_attempts)
           .Bool("running", &J::running)
           .List("last_runs", RunShape(), &J::last_runs);
  return *s;
}

const http::Shape<mail::Address>& AddressShape() {
  static const auto* s = &(*new http::Shape<mail::Address>("MailAddress"))
                              .Text("email", &mail::Address::email)
                              .Text("name", &mail::Address::name);
  return *s;
}

const http::Shape<mail::OutboxItem>& OutboxShape() {
  using O = mail::OutboxItem;
  static const auto* s = &(*new http::Shape<O>("OutboxMail"))
                              .Int("id", &O::id)
                              .Text("message_id", &O::message_id)
                              .List("to", AddressShape(), &O::to)
                              .Text("subject", &O::subject)
                              .Enum("state", {"pending", "sent", "failed"}, &O::state)
                              .Int("attempts", &O::attempts)
                              .OptText("last_error", &O::last_error)
                              .Text("created_at", &O::created_at)
                              .OptText("sent_at", &O::sent_at)
                              .OptText("next_attempt_at", &O::next_attempt_at);
  return *s;
}

const http::BodySpec& TestMailBody() {
  static const auto* s =
      &(*new http::BodySpec())
           .Text("to", 254, http::Presence::kRequired, "Mottakerens e-postadresse")
           .Text("name", 200, http::Presence::kOptional, "Mottakerens navn");
  return *s;
}

mail::Mail TestMail(const std::string& to, const std::string& name, const std::string& subject) {
  mail::Mail m;
  m.to = {{to, name}};
  m.subject = subject.empty() ? "Test-e-post fra Samkjøp" : subject;
  m.text =
      "Hei!\n\nDette er en test-e-post fra Samkjøp. Kommer den fram med æ, ø og å, er "
      "e-posten satt opp riktig.\n\nThis is a test mail from Samkjøp.\n";
  return m;
}

// Enqueues the test mail and its audit entry in one transaction.
Result<mail::OutboxItem> SendTest(storage::Database& db, const audit::Actor& actor,
                                  const mail::Mail& m) {
  auto s = db.Acquire();
  storage::WriteTx tx(s);
  std::int64_t id = 0;
  SAMKJOP_RETURN_IF_ERROR(mail::Enqueue(s.sql(), m, &id));
  nlohmann::json to = nlohmann::json::array();
  for (const auto& a : m.to) to.push_back(a.email);
  audit::Record(s.sql(), actor,
                {"send_test",
                 "core.mail",
                 std::to_string(id),
                 nullptr,
                 {{"to", to}, {"subject", m.subject}}});
  tx.Commit();
  return mail::GetOutboxItem(s.sql(), id);
}

}  // namespace

void AddJobAndMailRoutes(http::Router& router, Services& sv) {
  router.AddShape(RunShape());
  router.AddShape(JobShape());
  router.AddShape(AddressShape());
  router.AddShape(OutboxShape());

  router.Get("/api/jobs", Access::Permission(perm::kJobsRead),
             {"Planlagte jobber med tidsplan, neste kjøring og de siste kjøringene", "jobs",
              nullptr, http::ListOf("Job")},
             [&sv](Context&) -> Result<Response> {
               jobs::Runner runner(sv, sv.jobs);
               return Response::Json(http::ItemsJson(JobShape().ToJsonArray(runner.List(5))));
             });

  router.Post("/api/jobs/{name}/run", Access::Permission(perm::kJobsRun),
              {"Kjør en jobb nå (venter til den er ferdig); kjøringen revideres",
               "jobs",
               nullptr,
               http::Ref("JobRun"),
               200,
               "application/json",
               {},
               {404, 409}},
              [&sv](Context& ctx) -> Result<Response> {
                const std::string& name = ctx.req.path_params.at("name");
                jobs::Runner runner(sv, sv.jobs);
                return http::Reply(runner.RunNow(name, jobs::Trigger::kManual, ctx.actor()),
                                   RunShape());
              });

  RouteDoc outbox_doc{"Utboksen: e-post som venter, er sendt eller feilet, nyeste først", "mail",
                      nullptr, http::PageOf("OutboxMail")};
  outbox_doc.query = {{"state", "pending, sent eller failed"}};
  for (const auto& p : http::PageParams()) outbox_doc.query.push_back(p);
  router.Get("/api/mail/outbox", Access::Permission(perm::kMailRead), outbox_doc,
             [&sv](Context& ctx) -> Result<Response> {
               http::QueryReader q(ctx.req);
               std::string state = q.OneOf("state", {"pending", "sent", "failed"});
               http::Page page = q.ReadPage();
               SAMKJOP_RETURN_IF_ERROR(q.Finish("mail.invalid_filter"));
               auto s = sv.db.Acquire();
               std::int64_t total = 0;
               auto items = mail::ListOutbox(s.sql(), state, page.page_size, page.offset(), &total);
               return Response::Json(http::PageJson(OutboxShape().ToJsonArray(items), total, page));
             });

  router.Post("/api/mail/test", Access::Permission(perm::kMailSend),
              {"Legg en test-e-post i utboksen (sendes av jobben core.send_mail); revideres",
               "mail", TestMailBody().Schema(), http::Ref("OutboxMail"), 202},
              [&sv](Context& ctx) -> Result<Response> {
                std::string to, name;
                SAMKJOP_RETURN_IF_ERROR(
                    http::ReadBody(ctx.req, TestMailBody(), "mail.invalid_body", [&](auto& f) {
                      to = f.Text("to");
                      name = f.Text("name");
                    }));
                if (!mail::ValidEmail(to))
                  return Status::InvalidField("mail.invalid_recipient", "to",
                                              "«" + to + "» er ikke en gyldig e-postadresse.");
                return http::Reply(SendTest(sv.db, ctx.actor(), TestMail(to, name, "")),
                                   OutboxShape(), 202);
              });
}

void AddJobAndMailCli(CLI::App& app, const CliEnv& env) {
  auto* jobs_cmd = app.add_subcommand("jobs", "Scheduled jobs: list them, run one now");
  jobs_cmd->require_subcommand(1);

  static DataOptions list_data;
  auto* list = jobs_cmd->add_subcommand("list", "List the jobs with their schedule and last run");
  env.add_data_options(list, &list_data);
  list->callback([env] {
    auto rt = env.open(list_data, "");
    if (!rt) return;
    jobs::Runner runner(*rt->services, rt->services->jobs);
    for (const auto& j : runner.List(1)) {
      std::cout << j.name << "\t" << j.schedule_text
                << "\tneste: " << (j.next_run_at.empty() ? "-" : j.next_run_at);
      if (!j.last_runs.empty())
        std::cout << "\tsist: " << j.last_runs[0].started_at << " " << j.last_runs[0].outcome;
      std::cout << "\t" << j.description_nb << "\n";
    }
  });

  static DataOptions run_data;
  static std::string run_name, run_today, run_smtp_url, run_mail_from;
  auto* run = jobs_cmd->add_subcommand("run", "Run one job now (waits for it; exit 1 if it fails)");
  run->add_option("name", run_name, "The job, e.g. core.purge_sessions")->required();
  env.add_data_options(run, &run_data);
  env.add_today_option(run, &run_today);
  run->add_option("--smtp-url", run_smtp_url, "For core.send_mail: smtp://HOST:PORT or smtps://");
  run->add_option("--mail-from", run_mail_from, "For core.send_mail: the sender's address");
  run->callback([env] {
    auto smtp = mail::ResolveSmtp(run_smtp_url, run_mail_from);
    if (Status st = mail::CheckConfig(smtp); !st.ok()) {
      *env.exit_code = env.fail(st);
      return;
    }
    auto rt = env.open(run_data, run_today);
    if (!rt) return;
    rt->services->smtp = smtp;
    jobs::Runner runner(*rt->services, rt->services->jobs);
    audit::Actor actor{0, "system", "cli"};
    auto r = runner.RunNow(run_name, jobs::Trigger::kCli, actor);
    if (!r.ok()) {
      *env.exit_code = env.fail(r.status());
      return;
    }
    std::cout << run_name << ": " << r->outcome << " (kjøring " << r->id << ")";
    if (!r->error.empty()) std::cout << ": " << r->error;
    std::cout << "\n";
    if (r->outcome != "ok") *env.exit_code = 1;
  });

  auto* mail_cmd = app.add_subcommand("mail", "E-mail: send a test mail, see the outbox");
  mail_cmd->require_subcommand(1);
  static DataOptions test_data;
  static std::string test_to, test_name, test_subject;
  auto* test = mail_cmd->add_subcommand(
      "send-test", "Put a test mail in the outbox (sent by the job core.send_mail)");
  test->add_option("--to", test_to, "Recipient address")->required();
  test->add_option("--name", test_name, "Recipient's display name");
  test->add_option("--subject", test_subject, "Subject (default: Test-e-post fra Samkjøp)");
  env.add_data_options(test, &test_data);
  test->callback([env] {
    auto rt = env.open(test_data, "");
    if (!rt) return;
    audit::Actor actor{0, "system", "cli"};
    auto r = SendTest(*rt->db, actor, TestMail(test_to, test_name, test_subject));
    if (!r.ok()) {
      *env.exit_code = env.fail(r.status());
      return;
    }
    std::cout << "E-post " << r->id << " ligger i utboksen (" << r->message_id << ").\n";
  });

  static DataOptions outbox_data;
  static std::string outbox_state;
  auto* outbox = mail_cmd->add_subcommand("outbox", "Print the outbox, newest first (JSON)");
  outbox->add_option("--state", outbox_state, "pending, sent or failed")
      ->check(CLI::IsMember({"pending", "sent", "failed"}));
  env.add_data_options(outbox, &outbox_data);
  outbox->callback([env] {
    auto rt = env.open(outbox_data, "");
    if (!rt) return;
    auto s = rt->db->Acquire();
    std::int64_t total = 0;
    auto items = mail::ListOutbox(s.sql(), outbox_state, 500, 0, &total);
    std::cout << OutboxShape().ToJsonArray(items).dump(2) << "\n";
  });
}

}  // namespace samkjop::core
