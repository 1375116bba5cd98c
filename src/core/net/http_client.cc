#include "core/net/http_client.h"

#include <mutex>

#include <curl/curl.h>

namespace samkjop::core::net {

namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string* body;
  std::size_t limit;
  bool too_large = false;
};

size_t Write(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t bytes = size * n;
  if (sink->body->size() + bytes > sink->limit) {
    sink->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  sink->body->append(data, bytes);
  return bytes;
}

Status NetError(const std::string& code, const std::string& message, const std::string& log) {
  return Status(ErrorCode::kUnavailable, code, message, {}, log);
}

}  // namespace

std::string EncodePathSegment(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/')
    options_.base_url.pop_back();
}

Result<HttpResponse> HttpClient::Get(
    const std::string& path,
    const std::vector<std::pair<std::string, std::string>>& headers) const {
  const std::string& who = options_.name;
  if (!configured())
    return NetError("net.not_configured", "Oppslag i " + who + " er ikke satt opp på serveren.",
                    who + ": no base URL");
  GlobalInit();
  CURL* curl = curl_easy_init();
  if (!curl) return Status::Internal("curl_easy_init failed");
  std::string url = options_.base_url + path;
  HttpResponse res;
  Sink sink{&res.body, options_.max_response_bytes};
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* list = nullptr;
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  // A redirect never leaves the base address's scheme (no https → http).
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR,
                   options_.base_url.rfind("https:", 0) == 0 ? "https" : "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, options_.max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects));
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_response_bytes));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip if offered (limit on decoded)
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  char* type = nullptr;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  if (type) res.content_type = type;
  curl_easy_cleanup(curl);
  curl_slist_free_all(list);
  res.status = status;
  std::string log = who + " GET " + url + ": " + (error[0] ? error : curl_easy_strerror(rc));
  switch (rc) {
    case CURLE_OK: return res;
    case CURLE_OPERATION_TIMEDOUT:
      return NetError("net.timeout", who + " svarte ikke i tide. Prøv igjen senere.", log);
    case CURLE_FILESIZE_EXCEEDED:
      return NetError("net.too_large", "Svaret fra " + who + " er større enn tillatt.", log);
    case CURLE_WRITE_ERROR:
      if (sink.too_large)
        return NetError("net.too_large", "Svaret fra " + who + " er større enn tillatt.", log);
      break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return NetError("net.connect_failed", "Får ikke kontakt med " + who + ". Prøv igjen senere.",
                      log);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return NetError("net.tls",
                      "Sikker forbindelse til " + who + " kunne ikke bekreftes (sertifikat).", log);
    case CURLE_TOO_MANY_REDIRECTS:
      return NetError("net.bad_status", who + " sendte for mange omdirigeringer.", log);
    default: break;
  }
  return NetError("net.connect_failed", "Oppslaget i " + who + " mislyktes. Prøv igjen senere.",
                  log);
}

Result<nlohmann::json> HttpClient::GetJson(const std::string& path) const {
  auto r = Get(path, {{"Accept", "application/json"}});
  if (!r.ok()) return r.status();
  const std::string& who = options_.name;
  if (r->status == 404 || r->status == 410)
    return Status::NotFound("net.not_found", who + " kjenner ikke oppslaget.");
  if (r->status < 200 || r->status > 299) {
    // A redirect that was not followed is also an unexpected answer.
    return NetError("net.bad_status",
                    who + " svarte med feil (HTTP " + std::to_string(r->status) + ").",
                    who + " GET " + path + ": HTTP " + std::to_string(r->status));
  }
  auto j = nlohmann::json::parse(r->body, nullptr, false);
  if (j.is_discarded())
    return NetError("net.bad_json", who + " svarte med noe som ikke er JSON.",
                    who + " GET " + path + ": body is not JSON");
  return j;
}

}  // namespace samkjop::core::net
