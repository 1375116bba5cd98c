#include "core/http/pipeline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/auth/auth_service.h"
#include "core/storage/database.h"

namespace samkjop::core::http {
namespace {

std::string ContentTypeFor(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool ReadFile(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool IsSafeMethod(Method m) {
  return m == Method::kGet || m == Method::kHead || m == Method::kOptions;
}

}  // namespace

void AddSecurityHeaders(Response& r, bool is_api) {
  r.AddHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("X-Frame-Options", "DENY");
  r.AddHeader("Referrer-Policy", "same-origin");
  r.AddHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (is_api) r.AddHeader("Cache-Control", "no-store");
}

Pipeline::Pipeline(const Router& router, SessionResolver resolver, PipelineOptions options)
    : router_(router), resolver_(std::move(resolver)), options_(std::move(options)) {}

Response Pipeline::Handle(Request& req) const {
  bool is_api = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
  Response resp;
  try {
    resp = is_api ? HandleApi(req) : ServeStatic(req);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, MethodName(req.method), req.path,
                  e.what());
    resp = Response::Problem(Status::Internal(e.what()), req.path);
  }
  resp.AddHeader("X-Request-Id", req.request_id);
  AddSecurityHeaders(resp, is_api);
  return resp;
}

BodyPolicy Pipeline::BodyPolicyFor(Method method, std::string_view path) const {
  BodyPolicy p;
  if (path == "/api" || path.rfind("/api/", 0) == 0) {
    Router::Match match = router_.Find(method, path);
    if (match.route) p = match.route->body;
  }
  if (p.max_bytes == 0) p.max_bytes = options_.max_body_bytes;
  return p;
}

Response Pipeline::Refuse(const Request& req, const Status& status) const {
  Response resp = Response::Problem(status, req.path);
  resp.AddHeader("X-Request-Id", req.request_id);
  AddSecurityHeaders(resp, true);
  return resp;
}

Response Pipeline::HandleApi(Request& req) const {
  BodyPolicy policy = BodyPolicyFor(req.method, req.path);
  if (req.body_size > policy.max_bytes || req.body.size() > policy.max_bytes) {
    return Response::Problem(Status(ErrorCode::kPayloadTooLarge, "http.payload_too_large",
                                    "Forespørselen er for stor (maks " +
                                        std::to_string(policy.max_bytes / 1024) + " KiB)."),
                             req.path);
  }
  Router::Match match = router_.Find(req.method, req.path);
  if (!match.route) {
    if (match.path_known)
      return Response::Problem(
          Status(ErrorCode::kMethodNotAllowed, "http.method_not_allowed",
                 "Metoden " + std::string(MethodName(req.method)) + " er ikke tillatt her."),
          req.path);
    return Response::Problem(
        Status::NotFound("http.not_found", "Ingen API-adresse " + req.path + "."), req.path);
  }
  req.path_params = match.params;
  const Route& route = *match.route;

  std::optional<auth::Principal> principal;
  if (auto token = req.Cookie(auth::kSessionCookie)) principal = resolver_(*token);

  if (route.access.kind != Access::Kind::kPublic) {
    if (!principal) return Response::Problem(Status::Unauthenticated(), req.path);
    if (!IsSafeMethod(req.method)) {
      auto csrf = req.Header("x-csrf-token");
      if (!csrf || !auth::AuthService::CsrfMatches(*principal, *csrf))
        return Response::Problem(
            Status::Forbidden("auth.csrf", "Mangler eller feil X-CSRF-Token. Last siden på nytt."),
            req.path);
    }
    if (principal->must_change_password && !route.access.during_password_change)
      return Response::Problem(Status::Forbidden("auth.password_change_required",
                                                 "Du må bytte passord før du fortsetter."),
                               req.path);
    if (route.access.kind == Access::Kind::kRoles) {
      bool allowed = false;
      for (auto role : route.access.roles) allowed = allowed || principal->Has(role);
      if (!allowed) return Response::Problem(Status::Forbidden(), req.path);
    }
  }

  Context ctx{req, principal ? &*principal : nullptr};
  try {
    Result<Response> r = route.handler(ctx);
    if (!r.ok()) {
      const Status st = r.status();
      if (st.code() == ErrorCode::kInternal)
        spdlog::error("request {}: {}", req.request_id, st.detail());
      return Response::Problem(st, req.path);
    }
    return std::move(r).value();
  } catch (const std::exception& e) {
    std::string what = e.what();
    if (storage::IsConstraintViolation(what)) {
      spdlog::warn("request {}: constraint: {}", req.request_id, what);
      return Response::Problem(
          Status::Conflict("storage.conflict", "Endringen strider mot eksisterende data."),
          req.path);
    }
    throw;
  }
}

Response Pipeline::ServeStatic(const Request& req) const {
  if (req.method != Method::kGet && req.method != Method::kHead)
    return Response::Problem(Status::NotFound("http.not_found", "Finnes ikke."), req.path);
  namespace fs = std::filesystem;
  if (options_.static_dir.empty()) {
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body =
        "<!doctype html><html lang=\"nb\"><head><meta "
        "charset=\"utf-8\"><title>Samkjøp</title></head>"
        "<body><main><h1>Samkjøp</h1><p>Nettgrensesnittet er ikke bygget. Kjør "
        "<code>make</code>.</p>"
        "</main></body></html>";
    return r;
  }
  fs::path root = fs::weakly_canonical(options_.static_dir);
  std::string rel = req.path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  fs::path candidate = fs::weakly_canonical(root / rel);
  std::string cstr = candidate.string(), rstr = root.string();
  bool inside = cstr.rfind(rstr, 0) == 0;
  std::error_code ec;
  Response r;
  if (inside && !rel.empty() && fs::is_regular_file(candidate, ec) &&
      ReadFile(candidate, &r.body)) {
    r.content_type = ContentTypeFor(candidate);
    if (rel.rfind("assets/", 0) == 0)
      r.AddHeader("Cache-Control", "public, max-age=31536000, immutable");
    return r;
  }
  // History fallback: any other path is a route of the single-page app.
  if (ReadFile(root / "index.html", &r.body)) {
    r.content_type = "text/html; charset=utf-8";
    r.AddHeader("Cache-Control", "no-cache");
    return r;
  }
  return Response::Problem(Status::NotFound("http.not_found", "Finnes ikke."), req.path);
}

}  // namespace samkjop::core::http
