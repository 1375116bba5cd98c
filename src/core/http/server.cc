#include "core/http/server.h"

#include <chrono>
#include <csignal>
#include <random>

#include <spdlog/spdlog.h>
#include <restinio/all.hpp>

namespace samkjop::core::http {
namespace {

Method ToMethod(restinio::http_method_id_t m) {
  if (m == restinio::http_method_get()) return Method::kGet;
  if (m == restinio::http_method_post()) return Method::kPost;
  if (m == restinio::http_method_put()) return Method::kPut;
  if (m == restinio::http_method_patch()) return Method::kPatch;
  if (m == restinio::http_method_delete()) return Method::kDelete;
  if (m == restinio::http_method_head()) return Method::kHead;
  if (m == restinio::http_method_options()) return Method::kOptions;
  return Method::kOther;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

bool SaneRequestId(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

const char* Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

std::string JsonEscape(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Status RunServer(const Pipeline& pipeline, const ServerOptions& opt,
                 const std::function<void()>& on_started) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // threads started below inherit this

  auto handler = [&pipeline](restinio::request_handle_t rh) {
    auto started = std::chrono::steady_clock::now();
    Request req;
    const auto& h = rh->header();
    req.method = ToMethod(h.method());
    auto decoded = UrlDecode(std::string(h.path()), false);
    req.path = decoded ? *decoded : std::string(h.path());
    req.query_string = std::string(h.query());
    req.query = ParseQuery(req.query_string);
    h.for_each_field([&req](const restinio::http_header_field_t& f) {
      std::string name = f.name();
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      req.headers.emplace_back(std::move(name), f.value());
    });
    req.body = rh->body();
    req.body_size = req.body.size();
    req.remote_ip = rh->remote_endpoint().address().to_string();
    req.client_ip = req.remote_ip;
    auto incoming_id = req.Header("x-request-id");
    req.request_id = incoming_id && SaneRequestId(*incoming_id) ? *incoming_id : NewRequestId();

    Response resp =
        decoded ? pipeline.Handle(req)
                : Response::Problem(Status::Invalid("http.bad_path", "Ugyldig adresse."), req.path);
    auto rb = rh->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
        Reason(resp.status)});
    if (!resp.content_type.empty())
      rb.append_header(restinio::http_field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) rb.append_header(k, v);
    std::size_t bytes = resp.body.size();
    if (req.method == Method::kHead) resp.body.clear();
    rb.set_body(std::move(resp.body));
    rb.done();

    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    spdlog::info(
        R"({{"msg":"access","request_id":{},"method":"{}","path":{},"status":{},"ms":{:.2f},"bytes":{},"ip":{}}})",
        JsonEscape(req.request_id), MethodName(req.method), JsonEscape(req.path), resp.status, ms,
        bytes, JsonEscape(req.remote_ip));
    return restinio::request_accepted();
  };

  using traits_t = restinio::default_traits_t;
  try {
    auto server = restinio::run_async(
        restinio::own_io_context(),
        restinio::server_settings_t<traits_t>{}
            .address(opt.host)
            .port(opt.port)
            .request_handler(std::move(handler))
            .read_next_http_message_timelimit(std::chrono::seconds(opt.read_timeout_seconds))
            .write_http_response_timelimit(std::chrono::seconds(opt.write_timeout_seconds))
            .handle_request_timeout(std::chrono::seconds(opt.handle_timeout_seconds))
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(16 * 1024)
                                          .max_field_name_size(1024)
                                          .max_field_value_size(16 * 1024)
                                          .max_field_count(200)
                                          .max_body_size(opt.transport_body_limit)),
        opt.threads);
    on_started();
    int sig = 0;
    sigwait(&set, &sig);
    spdlog::info(R"({{"msg":"shutdown","signal":{}}})", sig);
    server->stop();
    server->wait();
  } catch (const std::exception& e) {
    return Status(
        ErrorCode::kUnavailable, "http.listen_failed",
        "Kan ikke lytte på " + opt.host + ":" + std::to_string(opt.port) + ": " + e.what(), {},
        e.what());
  }
  return Status::Ok();
}

}  // namespace samkjop::core::http
