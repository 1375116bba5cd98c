#include "core/http/pipeline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/auth/auth_service.h"
#include "core/http/log_field.h"
#include "core/http/static_path.h"
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
  if (in.bad()) return false;
  *out = std::move(ss).str();
  return true;
}

Response NotFound(const Request& req) {
  return Response::Problem(Status::NotFound("http.not_found", "Finnes ikke."), req.path);
}

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool IsSafeMethod(Method m) {
  return m == Method::kGet || m == Method::kHead || m == Method::kOptions;
}

}  // namespace

void AddSecurityHeaders(Response& r, bool is_api, bool hsts) {
  r.AddHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("X-Frame-Options", "DENY");
  r.AddHeader("Referrer-Policy", "same-origin");
  r.AddHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (is_api) r.AddHeader("Cache-Control", "no-store");
  if (hsts) r.AddHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

Pipeline::Pipeline(const Router& router, const auth::AccessControl& access,
                   SessionResolver resolver, PipelineOptions options)
    : router_(router),
      access_(access),
      resolver_(std::move(resolver)),
      options_(std::move(options)) {}

Response Pipeline::Handle(Request& req) const {
  req.client_ip = ClientAddressOf(req, options_.trusted_proxies);
  bool is_api = IsApiPath(req.path);
  Response resp;
  try {
    resp = is_api ? HandleApi(req) : ServeStatic(req);
  } catch (const std::exception& e) {
    // Every field from the request is encoded: a "%0a" in the path must not forge a log line.
    spdlog::error("request {} {} {} failed: {}", LogString(req.request_id), MethodName(req.method),
                  LogString(req.path), LogString(e.what()));
    resp = Response::Problem(Status::Internal(e.what()), req.path);
  }
  resp.AddHeader("X-Request-Id", req.request_id);
  AddSecurityHeaders(resp, is_api, options_.hsts);
  return resp;
}

BodyPolicy Pipeline::BodyPolicyFor(Method method, std::string_view path) const {
  BodyPolicy policy;
  if (path == "/api" || path.rfind("/api/", 0) == 0) {
    Router::Match match = router_.Find(method, path);
    if (match.route) policy = match.route->body;
  }
  if (policy.max_bytes == 0) policy.max_bytes = options_.max_body_bytes;
  return policy;
}

Response Pipeline::Refuse(const Request& req, const Status& status) const {
  Response resp = Response::Problem(status, req.path);
  if (!req.request_id.empty()) resp.AddHeader("X-Request-Id", req.request_id);
  AddSecurityHeaders(resp, req.path.empty() || IsApiPath(req.path), options_.hsts);
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
  // The transport already refused a larger body before reading it; this keeps the
  // pipeline right on its own.
  std::size_t limit = route.body.max_bytes ? route.body.max_bytes : options_.max_body_bytes;
  if (req.body_size > limit)
    return Response::Problem(
        Status(ErrorCode::kPayloadTooLarge, "http.payload_too_large",
               "Forespørselen er for stor (maks " + std::to_string(limit / 1024) + " KiB)."),
        req.path);

  std::optional<auth::Principal> principal;
  if (auto token = req.Cookie(auth::kSessionCookie)) principal = resolver_(*token);
  auth::Scope scope;

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
    scope = access_.ScopeFor(*principal, route.access.permission);
    if (scope.is_empty())
      return Response::Problem(
          Status::Forbidden("auth.missing_permission", "Du har ikke tilgang til dette."), req.path);
  }
  Context ctx{req, principal ? &*principal : nullptr, &access_, std::move(scope)};
  try {
    Result<Response> r = route.handler(ctx);
    if (!r.ok()) {
      const Status st = r.status();
      if (st.code() == ErrorCode::kInternal)
        spdlog::error("request {}: {}", LogString(req.request_id), LogString(st.detail()));
      return Response::Problem(st, req.path);
    }
    return std::move(r).value();
  } catch (const std::exception& e) {
    std::string what = e.what();
    if (storage::IsConstraintViolation(what)) {
      spdlog::warn("request {}: constraint: {}", LogString(req.request_id), LogString(what));
      return Response::Problem(
          Status::Conflict("storage.conflict", "Endringen strider mot eksisterende data."),
          req.path);
    }
    throw;
  }
}

Response Pipeline::ServeStatic(const Request& req) const {
  if (req.method != Method::kGet && req.method != Method::kHead) return NotFound(req);
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
  // No "." or "..", no segment a file name cannot have (> 255 bytes: ENAMETOOLONG).
  std::optional<std::string> rel = SafeRelativePath(req.path);
  if (!rel) return NotFound(req);
  std::error_code ec;
  fs::path root = fs::weakly_canonical(options_.static_dir, ec);
  if (ec) return NotFound(req);
  Response r;
  if (!rel->empty()) {
    // Symbolic links are followed, so compare the canonical paths component by component.
    fs::path candidate = fs::weakly_canonical(root / *rel, ec);
    if (!ec && IsWithinRoot(root, candidate) && fs::is_regular_file(candidate, ec) &&
        ReadFile(candidate, &r.body)) {
      r.content_type = ContentTypeFor(candidate);
      if (rel->rfind("assets/", 0) == 0)
        r.AddHeader("Cache-Control", "public, max-age=31536000, immutable");
      return r;
    }
  }
  // History fallback: any other path is a route of the single-page app.
  if (ReadFile(root / "index.html", &r.body)) {
    r.content_type = "text/html; charset=utf-8";
    r.AddHeader("Cache-Control", "no-cache");
    return r;
  }
  return NotFound(req);
}

}  // namespace samkjop::core::http
