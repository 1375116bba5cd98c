// An HTTP client for integrations (Enhetsregisteret now; sign-on later), over
// libcurl. One client per integration, with its own base address; an
// integration without one is off and answers net.not_configured. TLS
// certificates and host names are always verified (a CA file may be given,
// for tests); redirects are off unless bounded by `max_redirects`; every
// request has a connect and a total timeout and a limit on the response's
// size (the transfer is aborted past it).
//
// Errors are Status kUnavailable (503) with a Norwegian message naming the
// integration: net.not_configured, net.connect_failed, net.timeout,
// net.too_large, net.tls, net.bad_status (a non-2xx answer; 404 is
// kNotFound net.not_found), net.bad_json.
#ifndef SAMKJOP_CORE_NET_HTTP_CLIENT_H_
#define SAMKJOP_CORE_NET_HTTP_CLIENT_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"

namespace samkjop::core::net {

struct HttpClientOptions {
  std::string name;      // the integration, for messages: "Enhetsregisteret"
  std::string base_url;  // "https://data.brreg.no/enhetsregisteret/api"; "" = off
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{15000};
  std::size_t max_response_bytes = 4 << 20;
  int max_redirects = 0;  // 0 = redirects are not followed
  std::string ca_file;    // extra CA bundle (tests); "" = the system's
  std::string user_agent = "samkjop";
};

struct HttpResponse {
  long status = 0;
  std::string content_type;
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options);
  bool configured() const { return !options_.base_url.empty(); }
  const HttpClientOptions& options() const { return options_; }

  // GET base_url + path (path starts with '/'). Any HTTP status is an answer
  // here; only transport failures are errors.
  Result<HttpResponse> Get(
      const std::string& path,
      const std::vector<std::pair<std::string, std::string>>& headers = {}) const;
  // GET with Accept: application/json; a 2xx body parsed as JSON. 404 is
  // (and 410 Gone) are kNotFound net.not_found; other statuses net.bad_status.
  Result<nlohmann::json> GetJson(const std::string& path) const;

 private:
  HttpClientOptions options_;
};

// Percent-encodes a path segment.
std::string EncodePathSegment(const std::string& s);

}  // namespace samkjop::core::net

#endif  // SAMKJOP_CORE_NET_HTTP_CLIENT_H_
