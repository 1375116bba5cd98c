// Routes: GET/POST /api/rules/values and the calculators. Each handler
// parses, makes one call and replies.
#include "modules/rules/rules_routes.h"

#include "core/http/json_body.h"
#include "core/http/route_kit.h"
#include "core/nor/civil_date.h"
#include "modules/rules/legal_table_service.h"
#include "modules/rules/permissions.h"
#include "modules/rules/rules_json.h"

namespace samkjop::rules {
namespace {

using core::http::BodySpec;
using core::http::Context;
using core::http::Presence;
using core::http::Response;
using nlohmann::json;
namespace schema = core::http::schema;

core::Result<Response> JsonReply(const core::Result<json>& r, int status = 200) {
  if (!r.ok()) return r.status();
  return Response::Json(*r, status);
}

std::optional<std::string> Given(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<std::string> Given(const std::optional<std::int64_t>& n) {
  if (!n.has_value()) return std::nullopt;
  return std::to_string(*n);
}

// A body spec's schema with `required` listing these fields: the handler
// reads them as optional so that a missing one is the CLI's
// rules.missing_option, not a generic body error.
json RequireInDoc(json s, std::vector<std::string> required) {
  s["required"] = std::move(required);
  return s;
}

const BodySpec& ValueBody() {
  static const auto* s =
      &(*new BodySpec())
           .Text("key", 100, Presence::kRequired, "threshold.*, days.*, months.* eller flag.*")
           .Int("amount_ore", Presence::kOptional, "threshold.*: beløp i øre")
           .Int("days", Presence::kOptional, "days.*: antall dager")
           .Int("months", Presence::kOptional, "months.*: antall måneder")
           .Bool("flag", Presence::kOptional, "flag.*: ja/nei")
           .Date("in_force", Presence::kRequired, "Første dag verdien gjelder")
           .Text("source", 1000, Presence::kRequired, "Hjemmel og hvor verdien er funnet")
           .Bool("confirmed", Presence::kRequired, "Bekreftet mot kilden")
           .Int("supersedes", Presence::kOptional, "Id-en til raden som rettes")
           .Text("reason", 1000, Presence::kOptional, "Hvorfor (påkrevd ved retting)");
  return *s;
}

const BodySpec& AssessBody() {
  static const auto* s = &(*new BodySpec())
                              .Int("value_ore", Presence::kOptional,
                                   "Anslått verdi i øre eks. mva, hele perioden med opsjoner")
                              .Text("kind", 20, Presence::kOptional, "goods|services|works|special")
                              .Text("date", 20, Presence::kOptional, "ÅÅÅÅ-MM-DD");
  return *s;
}

const BodySpec& StandstillBody() {
  static const auto* s =
      &(*new BodySpec())
           .Text("notified", 20, Presence::kOptional, "Dato meldingen om tildeling ble sendt")
           .Int("days", Presence::kOptional, "Lengde i dager (standard: tabellens minimum)");
  return *s;
}

const BodySpec& DeadlineBody() {
  static const auto* s = &(*new BodySpec())
                              .Text("from", 20, Presence::kOptional, "Hendelsens dato")
                              .Int("days", Presence::kOptional, "Antall kalenderdager");
  return *s;
}

json ReasonSchema() {
  return schema::Obj({{"text_nb", schema::Str()},
                      {"text_en", schema::Str()},
                      {"paragraph", schema::Str()},
                      {"source", schema::Str()},
                      {"confirmed", schema::Bool()}},
                     {"text_nb", "text_en", "paragraph", "source", "confirmed"});
}

json Reasons() { return schema::Array(schema::Ref("RulesReason")); }

json LegalValueSchema() {
  return schema::Obj(
      {{"id", schema::Int()},
       {"key", schema::Str()},
       {"unit", schema::Enum({"ore", "days", "months", "flag"})},
       {"in_force", schema::Date()},
       {"label_nb", schema::Str()},
       {"label_en", schema::Str()},
       {"amount_ore", schema::Int()},
       {"amount_nok", schema::Str()},
       {"days", schema::Int()},
       {"months", schema::Int()},
       {"flag", schema::Bool()},
       {"source", schema::Str()},
       {"confirmed", schema::Bool()},
       {"explanation_nb", schema::Str()},
       {"explanation_en", schema::Str()},
       {"supersedes", schema::NInt()},
       {"reason", schema::NStr()},
       {"superseded_by", schema::NInt()}},
      {"id", "key", "unit", "in_force", "label_nb", "label_en", "source", "confirmed",
       "explanation_nb", "explanation_en", "supersedes", "reason", "superseded_by"});
}

json LegalValuesSchema() {
  return schema::Obj({{"date", schema::Date()},
                      {"items", schema::Array(schema::Ref("LegalValue"))},
                      {"total", schema::Int()},
                      {"confirmed", schema::Bool()}},
                     {"date", "items", "total", "confirmed"});
}

json AssessmentSchema() {
  return schema::Obj(
      {{"value_ore", schema::Int()},
       {"value_nok", schema::Str()},
       {"kind", schema::Enum({"goods", "services", "works", "special"})},
       {"date", schema::Date()},
       {"part", schema::Enum({"outside", "I", "II", "III", "IV"})},
       {"publication", schema::Enum({"none", "doffin", "doffin+ted"})},
       {"protocol_required", schema::Bool()},
       {"tax_certificate_required", schema::Bool()},
       {"pay_conditions_required", schema::Bool()},
       {"apprentices_threshold_met", schema::Bool()},
       {"procedures", schema::Array(schema::Str())},
       {"min_days", {{"type", "object"}, {"additionalProperties", schema::Int()}}},
       {"confirmed", schema::Bool()},
       {"reasons", Reasons()}},
      {"value_ore", "value_nok", "kind", "date", "part", "publication", "protocol_required",
       "tax_certificate_required", "pay_conditions_required", "apprentices_threshold_met",
       "procedures", "min_days", "confirmed", "reasons"});
}

json StandstillSchema() {
  return schema::Obj({{"notified", schema::Date()},
                      {"days", schema::Int()},
                      {"last_day", schema::Date()},
                      {"first_signing_day", schema::Date()},
                      {"reasons", Reasons()}},
                     {"notified", "days", "last_day", "first_signing_day", "reasons"});
}

json DeadlineSchema() {
  return schema::Obj({{"from", schema::Date()},
                      {"days", schema::Int()},
                      {"nominal_last_day", schema::Date()},
                      {"last_day", schema::Date()},
                      {"extended", schema::Bool()},
                      {"reasons", Reasons()}},
                     {"from", "days", "nominal_last_day", "last_day", "extended", "reasons"});
}

json PriceScoresSchema() {
  return schema::Obj({{"model", schema::Enum({"linear", "proportional"})},
                      {"k", {{"type", "number"}}},
                      {"floor_zero", schema::Bool()},
                      {"lowest_nok", schema::Str()},
                      {"scores", schema::Array({{"type", "number"}})},
                      {"reasons", Reasons()}},
                     {"model", "lowest_nok", "scores", "reasons"});
}

json ClimateCheckSchema() {
  return schema::Obj(
      {{"verdict", schema::Enum({"ok", "violation", "exception_accepted", "not_applicable"})},
       {"weighted", schema::Bool()},
       {"total_weight_pct", {{"type", "number"}}},
       {"climate_weight_pct", {{"type", "number"}}},
       {"climate_position", schema::Int()},
       {"problems", Reasons()},
       {"reasons", Reasons()}},
      {"verdict", "weighted", "problems", "reasons"});
}

json PriceScoreRequestSchema() {
  return schema::Obj({{"model", schema::Enum({"linear", "proportional"})},
                      {"k", {{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1000}}},
                      {"floor_zero", schema::Bool()},
                      {"prices_ore", schema::Array({{"type", "integer"}, {"minimum", 1}})}},
                     {"model", "prices_ore"});
}

json ClimateCheckRequestSchema() {
  json criterion = schema::Obj({{"name", schema::Str()},
                                {"climate", schema::Bool()},
                                {"weight", {{"type", {"number", "string", "null"}}}},
                                {"rank", {{"type", {"integer", "null"}}}}},
                               {"name"});
  return schema::Obj(
      {{"announced", schema::Date()},
       {"criteria", schema::Array(criterion)},
       {"exception", schema::Enum({"none", "spec_requirement_better", "insignificant_footprint"})},
       {"justification", schema::Str()}},
      {"announced", "criteria"});
}

}  // namespace

void AddRulesRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::RouteDoc;
  auto& svc = sv.Get<LegalTableService>();
  router.AddSchema("RulesReason", ReasonSchema());
  router.AddSchema("LegalValue", LegalValueSchema());
  router.AddSchema("LegalValues", LegalValuesSchema());
  router.AddSchema("Assessment", AssessmentSchema());
  router.AddSchema("Standstill", StandstillSchema());
  router.AddSchema("Deadline", DeadlineSchema());
  router.AddSchema("PriceScores", PriceScoresSchema());
  router.AddSchema("ClimateCheck", ClimateCheckSchema());
  const Access read = Access::Permission(perm::kValuesRead);

  router.Get("/api/rules/values", read,
             {"Regeltabellens verdier som gjelder på en dato (standard i dag), eller hele "
              "historikken",
              "rules",
              nullptr,
              core::http::Ref("LegalValues"),
              200,
              "application/json",
              {{"at", "Dato ÅÅÅÅ-MM-DD (standard: i dag)"},
               {"history", "true: alle rader, også rettede", "boolean"}}},
             [&svc](Context& ctx) -> core::Result<Response> {
               core::http::QueryReader q(ctx.req);
               std::string at = q.Text("at", 20);
               std::optional<bool> history = q.Bool("history");
               SAMKJOP_RETURN_IF_ERROR(q.Finish("rules.invalid_query"));
               return JsonReply(LegalValuesJson(Given(at), history.value_or(false),
                                                core::nor::TodayOslo(), *svc.Table(), "at"));
             });

  router.Post("/api/rules/values", Access::Permission(perm::kValuesWrite),
              {"Legg inn en ny verdi i regeltabellen, eller rett en feil (supersedes + reason)",
               "rules",
               ValueBody().Schema(),
               core::http::Ref("LegalValue"),
               201,
               "application/json",
               {},
               {404, 409}},
              [&svc](Context& ctx) -> core::Result<Response> {
                NewLegalValue v;
                SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(
                    ctx.req, ValueBody(), "rules.invalid_legal_value", [&](auto& f) {
                      v.key = f.Text("key");
                      v.amount_ore = f.Int("amount_ore");
                      v.days = f.Int("days");
                      v.months = f.Int("months");
                      v.flag = f.Bool("flag");
                      v.in_force = f.Date("in_force");
                      v.source = f.Text("source");
                      v.confirmed = f.Bool("confirmed");
                      v.supersedes = f.Int("supersedes").value_or(0);
                      v.reason = f.Text("reason");
                    }));
                core::Result<LegalValue> r = svc.Add(ctx.caller(), v);
                if (!r.ok()) return r.status();
                return Response::Json(LegalValueItemJson(*r), 201);
              });

  router.Post("/api/rules/assess", read,
              {"Hvilke regler gjelder for en anskaffelse (del, kunngjøring, prosedyrer, "
               "begrunnelser)",
               "rules",
               RequireInDoc(AssessBody().Schema(), {"value_ore", "kind", "date"}),
               core::http::Ref("Assessment"),
               200,
               "application/json",
               {},
               {404}},
              [&svc](Context& ctx) -> core::Result<Response> {
                std::optional<std::int64_t> value;
                std::string kind, date;
                SAMKJOP_RETURN_IF_ERROR(
                    core::http::ReadBody(ctx.req, AssessBody(), "rules.invalid_body", [&](auto& f) {
                      value = f.Int("value_ore");
                      kind = f.Text("kind");
                      date = f.Text("date");
                    }));
                return JsonReply(AssessOreJson(value, Given(kind), Given(date), *svc.Table()));
              });

  router.Post("/api/rules/standstill", read,
              {"Karensperiodens siste dag og første dag kontrakten kan signeres",
               "rules",
               RequireInDoc(StandstillBody().Schema(), {"notified"}),
               core::http::Ref("Standstill"),
               200,
               "application/json",
               {},
               {404}},
              [&svc](Context& ctx) -> core::Result<Response> {
                std::string notified;
                std::optional<std::int64_t> days;
                SAMKJOP_RETURN_IF_ERROR(core::http::ReadBody(ctx.req, StandstillBody(),
                                                             "rules.invalid_body", [&](auto& f) {
                                                               notified = f.Text("notified");
                                                               days = f.Int("days");
                                                             }));
                return JsonReply(StandstillJson(Given(notified), Given(days), *svc.Table()));
              });

  router.Post(
      "/api/rules/deadline", read,
      {"Siste dag av en frist på N kalenderdager (helligdager og helger flytter den)", "rules",
       RequireInDoc(DeadlineBody().Schema(), {"from", "days"}), core::http::Ref("Deadline")},
      [](Context& ctx) -> core::Result<Response> {
        std::string from;
        std::optional<std::int64_t> days;
        SAMKJOP_RETURN_IF_ERROR(
            core::http::ReadBody(ctx.req, DeadlineBody(), "rules.invalid_body", [&](auto& f) {
              from = f.Text("from");
              days = f.Int("days");
            }));
        return JsonReply(DeadlineJson(Given(from), Given(days)));
      });

  router.Post("/api/rules/price-score", read,
              {"Priser omregnet til poeng (DFØ: lineær eller forholdsmessig modell)", "rules",
               PriceScoreRequestSchema(), core::http::Ref("PriceScores")},
              [](Context& ctx) -> core::Result<Response> {
                core::Result<json> body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                return JsonReply(PriceScoreBodyJson(*body));
              });

  router.Post("/api/rules/climate-check", read,
              {"Klimakravet i FOA § 7-9 (minst 30 % vekt, eller blant de tre høyeste)", "rules",
               ClimateCheckRequestSchema(), core::http::Ref("ClimateCheck")},
              [](Context& ctx) -> core::Result<Response> {
                core::Result<json> body = core::http::ParseJsonObject(ctx.req);
                if (!body.ok()) return body.status();
                return JsonReply(ClimateCheckJson(*body));
              });
}

}  // namespace samkjop::rules
