// Our own HTTP request/response types. Modules see these, never RESTinio:
// its headers live only in core/http/server.cc.
#ifndef SAMKJOP_CORE_HTTP_HTTP_H_
#define SAMKJOP_CORE_HTTP_HTTP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"

namespace samkjop::core::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete, kHead, kOptions, kOther };
std::string_view MethodName(Method m);

struct Request {
  Method method = Method::kGet;
  std::string path;                                          // decoded path, no query string
  std::string query_string;                                  // raw, after '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::map<std::string, std::string> path_params;            // filled by the router
  std::string body;
  std::string request_id;
  std::string remote_ip;

  // First header with this lower-case name.
  std::optional<std::string> Header(std::string_view lower_name) const;
  // First query parameter with this name (empty values are returned as "").
  std::optional<std::string> Query(std::string_view name) const;
  // A path parameter declared in the route ("{orgnr}"); "" if absent.
  const std::string& Param(const std::string& name) const;
  // A cookie from the Cookie header.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response Json(const nlohmann::json& body, int status = 200);
  static Response NoContent();
  // RFC 9457 problem+json for a non-OK status. `instance` is the request path.
  static Response Problem(const Status& status, const std::string& instance = {});
  // A file download (Content-Disposition: attachment).
  static Response Download(std::string content_type, std::string body, std::string filename);
  Response& AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// HTTP status for an error code (problem.cc). Keep in sync with ErrorCode.
int HttpStatusFor(ErrorCode code);

// Percent-decodes a URL component ('+' → space when `plus_is_space`).
// nullopt for malformed escapes.
std::optional<std::string> UrlDecode(std::string_view s, bool plus_is_space);

// Parses "a=1&b=x%20y" into decoded pairs; malformed pairs are skipped.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view qs);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_HTTP_H_
