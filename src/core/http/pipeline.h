// What happens to every request, independent of the HTTP library: limits,
// routing, session, CSRF, the route's permission (and the caller's Scope for
// it), the handler, errors as problem+json, security headers, and the web app
// with history fallback.
#ifndef SAMKJOP_CORE_HTTP_PIPELINE_H_
#define SAMKJOP_CORE_HTTP_PIPELINE_H_

#include <functional>
#include <optional>
#include <string>

#include "core/auth/grants.h"
#include "core/auth/principal.h"
#include "core/http/client_address.h"
#include "core/http/http.h"
#include "core/http/router.h"

namespace samkjop::core::http {

struct PipelineOptions {
  std::size_t max_body_bytes = 1024 * 1024;  // 413 above this
  std::string static_dir;                    // built web app; "" = none
  // Peers whose X-Forwarded-For names the client (serve --trusted-proxy);
  // empty = the TCP peer is always the client.
  TrustedProxies trusted_proxies;
  bool hsts = false;  // Strict-Transport-Security on every response (--public-url https://)
};

// Session token (cookie value) -> principal, or nullopt (unknown/expired).
using SessionResolver = std::function<std::optional<auth::Principal>(const std::string& token)>;

class Pipeline {
 public:
  // `router` and `access` must outlive the pipeline and stay unchanged.
  Pipeline(const Router& router, const auth::AccessControl& access, SessionResolver resolver,
           PipelineOptions options);

  // Never throws: every failure becomes a response. Fills req.client_ip
  // (first: from the trusted proxies) and req.path_params.
  Response Handle(Request& req) const;

  // How to read the body of a request to `path` (the route's policy, or the
  // default limit). Called by the transport with only the request line and
  // headers read.
  BodyPolicy BodyPolicyFor(Method method, std::string_view path) const;

  // The response for a request the transport refuses before the pipeline
  // sees it (413, 414, 431, 400, 503): problem+json with the security
  // headers and the request id.
  Response Refuse(const Request& req, const Status& status) const;

 private:
  Response HandleApi(Request& req) const;
  Response ServeStatic(const Request& req) const;

  const Router& router_;
  const auth::AccessControl& access_;
  SessionResolver resolver_;
  PipelineOptions options_;
};

// The headers every response carries (CSP, nosniff, frame-ancestors...);
// with `hsts`, also Strict-Transport-Security.
void AddSecurityHeaders(Response& r, bool is_api, bool hsts = false);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_PIPELINE_H_
