#include "core/http/router.h"

#include <algorithm>
#include <map>

namespace samkjop::core::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool IsParam(const std::string& seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

Route& Router::Add(Method m, std::string pattern, Access access, RouteDoc doc, Handler h) {
  Route r{m, pattern, std::move(access), std::move(doc), std::move(h), Split(pattern), {}};
  routes_.push_back(std::move(r));
  return routes_.back();
}

void Router::AddSchema(const std::string& name, nlohmann::json schema) {
  schemas_[name] = std::move(schema);
}

Router::Match Router::Find(Method m, std::string_view path) const {
  Match best;
  int best_literals = -1;
  auto segs = Split(path);
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    int literals = 0;
    bool ok = true;
    for (size_t idx = 0; idx < segs.size(); ++idx) {
      const auto& want = r.segments[idx];
      if (IsParam(want)) {
        params[want.substr(1, want.size() - 2)] = segs[idx];
      } else if (want == segs[idx]) {
        ++literals;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    best.path_known = true;
    // HEAD is answered like GET (without the body, by the transport).
    if (r.method != m && !(m == Method::kHead && r.method == Method::kGet)) continue;
    if (literals > best_literals) {
      best_literals = literals;
      best.route = &r;
      best.params = std::move(params);
    }
  }
  return best;
}

Status Router::Validate(const auth::AccessControl& access) const {
  std::vector<std::string> faults;
  std::map<std::string, const Route*> seen;
  for (const auto& r : routes_) {
    std::string key = std::string(MethodName(r.method)) + " ";
    for (const auto& seg : r.segments) key += "/" + (IsParam(seg) ? std::string("{}") : seg);
    auto [it, fresh] = seen.emplace(key, &r);
    if (!fresh)
      faults.push_back("duplicate route " + std::string(MethodName(r.method)) + " " + r.pattern +
                       " (also " + it->second->pattern + ")");
    if (r.access.kind == Access::Kind::kPermission && !access.Find(r.access.permission))
      faults.push_back(std::string(MethodName(r.method)) + " " + r.pattern +
                       " names undeclared permission «" + r.access.permission + "»");
  }
  if (faults.empty()) return Status::Ok();
  std::string detail;
  for (const auto& f : faults) detail += (detail.empty() ? "" : "; ") + f;
  return Status(ErrorCode::kInternal, "http.bad_route_table", "Rutetabellen er ugyldig: " + detail,
                {}, detail);
}

nlohmann::json Ref(const std::string& schema_name) {
  return {{"$ref", "#/components/schemas/" + schema_name}};
}

nlohmann::json ListOf(const std::string& schema_name) {
  return schema::Obj({{"items", schema::Array(Ref(schema_name))}, {"total", schema::Int()}},
                     {"items", "total"});
}

nlohmann::json Router::OpenApi(const std::string& version) const {
  nlohmann::json paths = nlohmann::json::object();
  for (const auto& r : routes_) {
    if (r.doc.hidden) continue;
    nlohmann::json op;
    op["summary"] = r.doc.summary;
    if (!r.doc.tag.empty()) op["tags"] = {r.doc.tag};
    op["operationId"] = Lower(MethodName(r.method)) + r.pattern;
    nlohmann::json params = nlohmann::json::array();
    for (const auto& seg : r.segments)
      if (IsParam(seg))
        params.push_back({{"name", seg.substr(1, seg.size() - 2)},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
    for (const auto& q : r.doc.query)
      params.push_back({{"name", q.name},
                        {"in", "query"},
                        {"required", false},
                        {"description", q.description},
                        {"schema", {{"type", q.type}}}});
    if (!params.empty()) op["parameters"] = params;
    if (!r.doc.request.is_null()) {
      nlohmann::json content = {{r.doc.request_content_type, {{"schema", r.doc.request}}}};
      // A JSON merge patch (RFC 7396) may say so.
      if (r.method == Method::kPatch)
        content["application/merge-patch+json"] = {{"schema", r.doc.request}};
      op["requestBody"] = {{"required", true}, {"content", content}};
    }
    nlohmann::json ok = {{"description", r.doc.summary}};
    if (!r.doc.response.is_null())
      ok["content"] = {{r.doc.response_content_type, {{"schema", r.doc.response}}}};
    else if (r.doc.response_content_type != "application/json")
      ok["content"] = {
          {r.doc.response_content_type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
    for (const auto& type : r.doc.download_types)
      ok["content"][type] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
    nlohmann::json responses;
    responses[std::to_string(r.doc.success_status)] = ok;
    auto problem =
        nlohmann::json{{"description", "Feil (application/problem+json)"},
                       {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}};
    responses["400"] = problem;
    if (r.access.kind != Access::Kind::kPublic) {
      responses["401"] = problem;
      responses["403"] = problem;
    }
    for (int code : r.doc.errors) responses[std::to_string(code)] = problem;
    bool has_param = std::any_of(r.segments.begin(), r.segments.end(), IsParam);
    if (has_param) responses["404"] = problem;
    if (!r.doc.request.is_null()) {
      responses["413"] = problem;
      responses["415"] = problem;
    }
    op["responses"] = responses;
    if (r.access.kind == Access::Kind::kPermission) op["x-permission"] = r.access.permission;
    if (r.access.kind == Access::Kind::kPublic) op["security"] = nlohmann::json::array();
    paths[r.pattern][Lower(MethodName(r.method))] = op;
  }
  nlohmann::json schemas = schemas_;
  schemas["Problem"] = {
      {"type", "object"},
      {"required", {"type", "title", "status", "detail", "code", "errors"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"code", {{"type", "string"}}},
        {"instance", {{"type", "string"}}},
        {"errors",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"required", {"field", "message"}},
            {"properties",
             {{"field", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}}}};
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "Samkjøp API"},
        {"version", version},
        {"description", "API for Samkjøp, RIIK. Errors are application/problem+json (RFC 9457)."}}},
      {"components",
       {{"schemas", schemas},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "samkjop_session"}}}}}}},
      {"security", {{{"session", nlohmann::json::array()}}}},
      {"paths", paths},
  };
}

}  // namespace samkjop::core::http
