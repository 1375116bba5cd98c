// The route table: path patterns with {params}, the permission on the same
// line, the OpenAPI description, and the handler. Modules add routes through
// this class only; /api/openapi.json is generated from it.
#ifndef SAMKJOP_CORE_HTTP_ROUTER_H_
#define SAMKJOP_CORE_HTTP_ROUTER_H_

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/auth/grants.h"
#include "core/auth/principal.h"
#include "core/error/status.h"
#include "core/http/http.h"
#include "core/http/shape.h"

namespace samkjop::core::http {

// Who may call a route: anyone (public), or a signed-in caller holding the
// named permission of a grant table (core/auth/grants.h). The pipeline checks
// it before the handler runs and hands the handler the caller's Scope for it;
// rows are filtered by that Scope in the store, and rules that need more than
// scope stay in the service.
struct Access {
  enum class Kind { kPublic, kPermission };
  Kind kind = Kind::kPermission;
  std::string permission;  // kPermission: "<module>.<entity>.<verb>"
  // Reachable while the user must change a reset password (me, password, logout).
  bool during_password_change = false;

  static Access Public() { return {Kind::kPublic, {}, false}; }
  static Access Permission(std::string name) { return {Kind::kPermission, std::move(name), false}; }
  Access DuringPasswordChange() const {
    Access a = *this;
    a.during_password_change = true;
    return a;
  }
};

// What /api/openapi.json says about a route. `summary` and `response` are
// required (a test fails without them); schemas are JSON Schema objects or
// {"$ref": "#/components/schemas/X"}.
struct RouteDoc {
  std::string summary;
  std::string tag;
  nlohmann::json request;   // request body schema, or null
  nlohmann::json response;  // success body schema, or null for 204/binary
  int success_status = 200;
  std::string response_content_type = "application/json";
  // Query parameters: {name, description, type ("string"|"integer"|"boolean")}.
  struct Param {
    std::string name, description, type = "string";
  };
  std::vector<Param> query;
  // Further error statuses this route answers (beyond 400, and 401/403 on
  // protected routes), e.g. {404, 409}.
  std::vector<int> errors;
  // Left out of the OpenAPI document (test-only routes).
  bool hidden = false;
  // The request body's media type in the document; another than JSON (a raw
  // upload: "application/octet-stream") is documented as binary.
  std::string request_content_type = "application/json";
  // Further success content types (binary downloads, e.g. ?format=csv|xlsx).
  std::vector<std::string> download_types;
};

// Per-request context handed to handlers.
struct Context {
  const Request& req;
  const auth::Principal* principal;  // null on public routes without a session
  const auth::AccessControl* access = nullptr;
  // The caller's scope for the route's permission (empty on public routes).
  auth::Scope scope;

  // The signed-in caller; only valid on non-public routes.
  const auth::Principal& user() const { return *principal; }
  // The caller as services see it; only valid on non-public routes.
  auth::Caller caller() const { return auth::Caller(*principal, *access, req.request_id); }
  audit::Actor actor() const { return caller().actor(); }
};

using Handler = std::function<Result<Response>(Context&)>;

// How the transport reads a route's request body. Decided from the request
// line alone, before a byte of the body is read (core/http/server.cc).
struct BodyPolicy {
  // Largest body accepted; a larger Content-Length, or a chunked body that
  // grows past it, is answered 413 without buffering more. 0 = the server's
  // default (--max-body-kib).
  std::size_t max_bytes = 0;
  // The body goes to a temporary file (Request::body_file), not to memory.
  bool stream_to_file = false;
};

struct Route {
  Method method;
  std::string pattern;  // "/api/municipalities/{orgnr}"
  Access access;
  RouteDoc doc;
  Handler handler;
  std::vector<std::string> segments;  // split pattern
  BodyPolicy body;
};

class Router {
 public:
  // Adds a route; returns it so the caller can set its body policy
  // (`router.Post(...).body = {200 << 20, true};`). The reference is valid
  // until the next Add.
  Route& Add(Method m, std::string pattern, Access access, RouteDoc doc, Handler h);
  Route& Get(std::string p, Access a, RouteDoc d, Handler h) {
    return Add(Method::kGet, std::move(p), std::move(a), std::move(d), std::move(h));
  }
  Route& Post(std::string p, Access a, RouteDoc d, Handler h) {
    return Add(Method::kPost, std::move(p), std::move(a), std::move(d), std::move(h));
  }
  Route& Patch(std::string p, Access a, RouteDoc d, Handler h) {
    return Add(Method::kPatch, std::move(p), std::move(a), std::move(d), std::move(h));
  }
  Route& Delete(std::string p, Access a, RouteDoc d, Handler h) {
    return Add(Method::kDelete, std::move(p), std::move(a), std::move(d), std::move(h));
  }

  // A named schema under #/components/schemas.
  void AddSchema(const std::string& name, nlohmann::json schema);
  // An entity's schema, from its Shape (shape.h).
  template <typename T>
  void AddShape(const Shape<T>& shape) {
    AddSchema(shape.name(), shape.Schema());
  }

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;  // some route has this path, maybe another method
  };
  // The best route for method + path: literal segments win over {params}.
  // HEAD matches the GET routes.
  Match Find(Method m, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // Checks the table at start-up: no two routes with the same method and
  // path (parameter names ignored), and every permission named by a route is
  // declared. kInternal with a message naming each fault.
  Status Validate(const auth::AccessControl& access) const;
  // The OpenAPI 3.1 document for every route.
  nlohmann::json OpenApi(const std::string& version) const;

 private:
  std::vector<Route> routes_;
  nlohmann::json schemas_ = nlohmann::json::object();
};

// Shorthand schemas for RouteDoc.
nlohmann::json Ref(const std::string& schema_name);
nlohmann::json ListOf(const std::string& schema_name);  // {items: [X], total}

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_ROUTER_H_
