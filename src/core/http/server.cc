// The transport: Boost.Beast on one io_context run by a few threads. Each
// connection reads a request's header first (request_parser<empty_body>),
// asks the Pipeline for the route's BodyPolicy, and only then reads the body,
// into memory (drawing on a BodyBudget shared by all connections) or into a
// temporary file. Requests it refuses itself (400, 413, 414, 431, 503) get a
// problem+json answer from Pipeline::Refuse and a closed connection.
// Beast speaks std::string_view, like the rest of the code (only this file sees Beast).
#define BOOST_BEAST_USE_STD_STRING_VIEW
#include "core/http/server.h"

#include <utility>  // before any asio header: Boost 1.74's asio uses std::exchange

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_set>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/http/body_budget.h"
#include "core/http/log_field.h"

namespace samkjop::core::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace fs = std::filesystem;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// A request body held in memory. Every byte is leased from the BodyBudget
// before it is stored, so the bytes buffered across all connections stay
// under the cap; a body that would pass it fails with no_buffer_space.
struct BudgetedBody {
  struct value_type {
    std::string data;
    BodyBudget::Lease* lease = nullptr;
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(bhttp::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, beast::error_code& ec) {
      ec = {};
      if (!length) return;
      if (!body_.lease->GrowTo(*length)) {
        ec = net::error::no_buffer_space;
        return;
      }
      body_.data.reserve(static_cast<std::size_t>(*length));
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
      std::size_t n = beast::buffer_bytes(buffers);
      std::size_t at = body_.data.size();
      if (!body_.lease->GrowTo(at + n)) {
        ec = net::error::no_buffer_space;
        return 0;
      }
      body_.data.resize(at + n);
      net::buffer_copy(net::buffer(body_.data.data() + at, n), buffers);
      ec = {};
      return n;
    }

    void finish(beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

using HeaderParser = bhttp::request_parser<bhttp::empty_body>;
using MemoryParser = bhttp::request_parser<BudgetedBody>;
using FileParser = bhttp::request_parser<bhttp::file_body>;

constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::size_t kStreamChunk = 64 * 1024;     // a streamed response body's piece
constexpr std::size_t kMaxReadBuffer = 256 * 1024;  // above max_header_bytes
constexpr auto kLingerTotal = std::chrono::seconds(5);
constexpr auto kLingerIdle = std::chrono::seconds(1);
constexpr auto kSweepPeriod = std::chrono::milliseconds(250);
constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

Method ToMethod(bhttp::verb v) {
  switch (v) {
    case bhttp::verb::get: return Method::kGet;
    case bhttp::verb::post: return Method::kPost;
    case bhttp::verb::put: return Method::kPut;
    case bhttp::verb::patch: return Method::kPatch;
    case bhttp::verb::delete_: return Method::kDelete;
    case bhttp::verb::head: return Method::kHead;
    case bhttp::verb::options: return Method::kOptions;
    default: return Method::kOther;
  }
}

// The IMF-fixdate of this second, formatted once per second per thread.
std::string_view HttpDate() {
  thread_local std::time_t cached = 0;
  thread_local char buf[32];
  std::time_t now = std::time(nullptr);
  if (now != cached) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    cached = now;
  }
  return buf;
}

Status TooLarge(std::uint64_t limit) {
  return Status(ErrorCode::kPayloadTooLarge, "http.payload_too_large",
                "Forespørselen er for stor (maks " + std::to_string(limit / 1024) + " KiB).");
}

class Session;

class Server {
 public:
  Server(const Pipeline& pipeline, const ServerOptions& opt)
      : pipeline_(pipeline),
        opt_(opt),
        budget_(opt.max_buffered_body_bytes),
        ioc_(static_cast<int>(std::max<std::size_t>(1, opt.threads))),
        acceptor_(net::make_strand(ioc_)),
        retry_timer_(acceptor_.get_executor()),
        sweep_timer_(net::make_strand(ioc_)) {
    temp_dir_ = opt.temp_dir.empty() ? fs::temp_directory_path() : fs::path(opt.temp_dir);
  }

  Status Listen() {
    beast::error_code ec;
    std::error_code fec;
    fs::create_directories(temp_dir_, fec);
    auto address = net::ip::make_address(opt_.host, ec);
    if (ec) return ListenFailed(ec.message());
    tcp::endpoint endpoint(address, opt_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return ListenFailed(ec.message());
    return Status::Ok();
  }

  void Start() {
    Accept();
    Sweep();
    for (std::size_t idx = 0; idx < std::max<std::size_t>(1, opt_.threads); ++idx)
      threads_.emplace_back([this] { RunLoop(); });
  }

  // Stops accepting, closes idle keep-alive connections, waits for requests
  // in flight (at most shutdown_grace_seconds), then stops the pool.
  void Stop();

  const Pipeline& pipeline() const { return pipeline_; }
  const ServerOptions& options() const { return opt_; }
  BodyBudget& budget() { return budget_; }
  bool stopping() const { return stopping_.load(std::memory_order_relaxed); }

  std::string NewTempPath() const {
    return (temp_dir_ / ("body-" + NewRequestId() + NewRequestId() + ".tmp")).string();
  }

  void Register(Session* s) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.insert(s);
  }
  void Unregister(Session* s) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.erase(s);
  }

 private:
  Status ListenFailed(const std::string& why) {
    return Status(ErrorCode::kUnavailable, "http.listen_failed",
                  "Kan ikke lytte på " + opt_.host + ":" + std::to_string(opt_.port) + ": " + why,
                  {}, why);
  }

  void Accept();
  // Every kSweepPeriod: closes the connections whose deadline has passed.
  void Sweep();

  void RunLoop() {
    for (;;) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error(R"({{"msg":"io thread error","error":{}}})", LogString(e.what()));
      }
    }
  }

  const Pipeline& pipeline_;
  const ServerOptions& opt_;
  // Declared before ioc_: handlers still queued when the pool stops are
  // destroyed with ioc_, and the sessions they hold use these.
  std::mutex mu_;
  std::unordered_set<Session*> sessions_;  // guarded by mu_
  BodyBudget budget_;
  fs::path temp_dir_;
  std::atomic<bool> stopping_{false};
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_timer_;
  net::steady_timer sweep_timer_;
  std::vector<std::thread> threads_;
};

// One connection: read a header, decide, read the body, handle, write,
// repeat (keep-alive and pipelining: unread bytes stay in buffer_). Every
// handler runs on the connection's strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server& server, tcp::socket socket)
      : server_(server), socket_(std::move(socket)), buffer_(kMaxReadBuffer) {
    server_.Register(this);
  }
  ~Session() {
    server_.Unregister(this);
    RemoveBodyFile();
  }

  void Start() {
    beast::error_code ec;
    socket_.set_option(tcp::no_delay(true), ec);
    auto ep = socket_.remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
    NextRequest();
  }

  // The server is stopping: a connection waiting for its next request is
  // closed now; one in the middle of a request finishes it and then closes.
  void OnServerStop() {
    if (waiting_idle_) {
      beast::error_code ec;
      socket_.cancel(ec);
    }
  }

  // Called by the server's sweeper (on the strand) when the deadline looked
  // passed: closes the connection if it still is, so the pending operation
  // ends with operation_aborted.
  void OnDeadline() {
    std::int64_t d = deadline_.load(std::memory_order_relaxed);
    if (d == 0 || Clock::now().time_since_epoch().count() < d) return;
    beast::error_code ec;
    socket_.close(ec);
  }
  bool DeadlinePassed(Clock::time_point now) const {
    std::int64_t d = deadline_.load(std::memory_order_relaxed);
    return d != 0 && now.time_since_epoch().count() >= d;
  }
  // The connection's strand (thread-safe).
  net::any_io_executor executor() { return socket_.get_executor(); }

 private:
  const ServerOptions& opt() const { return server_.options(); }

  void NextRequest() {
    header_parser_.emplace();
    header_parser_->header_limit(static_cast<std::uint32_t>(opt().max_header_bytes));
    // The limit is decided per route once the header is in. Not boost::none: Beast 1.74's
    // finish_header compares `len_ > body_limit_`, which is true against an empty optional.
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    memory_parser_.reset();
    file_parser_.reset();
    req_ = Request{};
    method_string_.clear();
    in_request_ = false;
    header_bytes_ = 0;
    keep_alive_ = false;
    version_ = 11;
    ParseHeader();
  }

  // Parses what is buffered; reads more while the header is incomplete.
  void ParseHeader() {
    while (buffer_.size() > 0) {
      if (!in_request_) {
        in_request_ = true;
        header_deadline_ = Clock::now() + std::chrono::seconds(opt().header_timeout_seconds);
      }
      beast::error_code ec;
      std::size_t used = header_parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      // Beast's header_limit bounds only what one put() has not yet consumed (it consumes
      // the start line and whole fields as it goes), so the total is counted here.
      header_bytes_ += used;
      if (!ec && header_bytes_ > opt().max_header_bytes) ec = bhttp::error::header_limit;
      if (ec == bhttp::error::need_more) {
        if (header_bytes_ + buffer_.size() > opt().max_header_bytes)
          return OnHeaderError(bhttp::error::header_limit);
        break;
      }
      if (ec) return OnHeaderError(ec);
      if (header_parser_->is_header_done()) return OnHeader();
      if (used == 0) break;
    }
    if (!in_request_ && server_.stopping()) return Close();
    std::size_t room = buffer_.max_size() - buffer_.size();
    if (room == 0) return OnHeaderError(bhttp::error::header_limit);
    waiting_idle_ = !in_request_;
    if (waiting_idle_)
      SetDeadline(Clock::now() + std::chrono::seconds(opt().idle_timeout_seconds));
    else
      SetDeadline(header_deadline_);
    socket_.async_read_some(buffer_.prepare(std::min(room, kReadChunk)),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->waiting_idle_ = false;
                              self->buffer_.commit(n);
                              if (ec)
                                return self->Close();  // idle timeout, slow header, peer gone, stop
                              self->ParseHeader();
                            });
  }

  void OnHeaderError(beast::error_code ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      // 414 when the request line alone is too long (it is still unparsed in the
      // buffer), else 431.
      auto data = static_cast<const char*>(buffer_.data().data());
      std::string_view buffered(data, buffer_.size());
      std::size_t eol = buffered.find('\n');
      if (header_bytes_ == 0 &&
          (eol == std::string_view::npos || eol > opt().max_target_bytes + 32))
        return Refuse(Status(ErrorCode::kUriTooLong, "http.uri_too_long",
                             "Adressen er for lang (maks " +
                                 std::to_string(opt().max_target_bytes / 1024) + " KiB)."));
      return Refuse(Status(ErrorCode::kHeadersTooLarge, "http.headers_too_large",
                           "Hodefeltene er for store (maks " +
                               std::to_string(opt().max_header_bytes / 1024) + " KiB)."));
    }
    Refuse(Status::Invalid("http.bad_request", "Ugyldig HTTP-forespørsel."));
  }

  // Fills req_ from the header; false (after refusing) when it is unusable.
  bool BuildRequest() {
    const auto& msg = header_parser_->get();
    version_ = msg.version();
    keep_alive_ = header_parser_->keep_alive();
    req_.method = ToMethod(msg.method());
    method_string_ = std::string(msg.method_string());
    req_.request_id = NewRequestId();
    req_.remote_ip = remote_ip_;
    req_.client_ip = remote_ip_;
    req_.headers.reserve(std::distance(msg.begin(), msg.end()));
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req_.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    if (auto id = req_.Header("x-request-id"))
      req_.client_request_id = SanitiseClientRequestId(*id);

    std::string_view target = msg.target();
    if (target.size() > opt().max_target_bytes) {
      Refuse(Status(ErrorCode::kUriTooLong, "http.uri_too_long",
                    "Adressen er for lang (maks " + std::to_string(opt().max_target_bytes / 1024) +
                        " KiB)."));
      return false;
    }
    // absolute-form (RFC 9112 §3.2.2): drop scheme and authority.
    for (std::string_view scheme : {"http://", "https://"}) {
      if (target.size() >= scheme.size() &&
          beast::iequals(target.substr(0, scheme.size()), scheme)) {
        std::size_t slash = target.find('/', scheme.size());
        target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
        break;
      }
    }
    std::size_t q = target.find('?');
    std::string_view raw_path = target.substr(0, q);
    if (q != std::string_view::npos) req_.query_string = std::string(target.substr(q + 1));
    auto decoded = UrlDecode(raw_path, false);
    if (!decoded || raw_path.empty() || raw_path.front() != '/') {
      req_.path = std::string(raw_path);
      Refuse(Status::Invalid("http.bad_path", "Ugyldig adresse."));
      return false;
    }
    req_.path = std::move(*decoded);
    req_.query = ParseQuery(req_.query_string);
    return true;
  }

  void OnHeader() {
    started_ = Clock::now();
    if (!BuildRequest()) return;
    auto& hp = *header_parser_;
    if (hp.is_done()) return HandleRequest();  // no body

    BodyPolicy policy = server_.pipeline().BodyPolicyFor(req_.method, req_.path);
    body_limit_ = policy.max_bytes;
    auto length = hp.content_length();
    if (length && *length > body_limit_) return Refuse(TooLarge(body_limit_));
    if (!policy.stream_to_file && length && !lease_.GrowTo(*length)) return RefuseBusy();

    const auto& msg = hp.get();
    auto expect = msg[bhttp::field::expect];
    bool send_continue = version_ >= 11 && beast::iequals(expect, "100-continue");

    if (policy.stream_to_file) {
      file_parser_.emplace(std::move(hp));
      header_parser_.reset();
      file_parser_->body_limit(body_limit_);
      file_parser_->eager(true);
      body_file_ = server_.NewTempPath();
      beast::error_code ec;
      file_parser_->get().body().open(body_file_.c_str(), beast::file_mode::write_new, ec);
      if (ec) {
        spdlog::error(R"({{"msg":"cannot open body file","path":{},"error":{}}})",
                      LogString(body_file_), LogString(ec.message()));
        body_file_.clear();
        return Refuse(Status::Internal("body file: " + ec.message()));
      }
    } else {
      memory_parser_.emplace(std::move(hp));
      header_parser_.reset();
      memory_parser_->body_limit(body_limit_);
      memory_parser_->eager(true);
      memory_parser_->get().body().lease = &lease_;
    }

    if (!send_continue) return ParseBody();
    SetDeadline(Clock::now() + std::chrono::seconds(opt().write_timeout_seconds));
    net::async_write(socket_, net::buffer(kContinue, sizeof kContinue - 1),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->Close();
                       self->ParseBody();
                     });
  }

  void ParseBody() {
    if (memory_parser_) return ParseBodyWith(*memory_parser_);
    ParseBodyWith(*file_parser_);
  }

  template <class Parser>
  void ParseBodyWith(Parser& p) {
    while (buffer_.size() > 0 && !p.is_done()) {
      beast::error_code ec;
      std::size_t used = p.put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == bhttp::error::need_more) break;
      if (ec) return OnBodyError(ec);
      if (used == 0) break;
    }
    if (p.is_done()) return OnBody();
    std::size_t room = buffer_.max_size() - buffer_.size();
    if (room == 0) return OnBodyError(bhttp::error::bad_chunk);
    SetDeadline(Clock::now() + std::chrono::seconds(opt().body_timeout_seconds));
    socket_.async_read_some(buffer_.prepare(std::min(room, kReadChunk)),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->buffer_.commit(n);
                              if (ec) return self->Close();  // timeout or peer gone mid-body
                              self->ParseBody();
                            });
  }

  void OnBodyError(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return Refuse(TooLarge(body_limit_));
    if (ec == net::error::no_buffer_space) return RefuseBusy();
    // A syntax error (a bad chunk) is the client's; anything else (writing
    // the body file) is ours.
    if (ec.category() == beast::error_code(bhttp::error::bad_chunk).category())
      return Refuse(Status::Invalid("http.bad_request", "Ugyldig HTTP-forespørsel."));
    spdlog::error(R"({{"msg":"cannot store request body","path":{},"error":{}}})",
                  LogString(body_file_), LogString(ec.message()));
    Refuse(Status::Internal("request body: " + ec.message()));
  }

  void OnBody() {
    if (memory_parser_) {
      req_.body = std::move(memory_parser_->get().body().data);
      req_.body_size = req_.body.size();
      keep_alive_ = memory_parser_->keep_alive();
    } else {
      file_parser_->get().body().close();
      keep_alive_ = file_parser_->keep_alive();
      std::error_code fec;
      auto size = fs::file_size(body_file_, fec);
      req_.body_file = body_file_;
      req_.body_size = fec ? 0 : size;
    }
    memory_parser_.reset();
    file_parser_.reset();
    HandleRequest();
  }

  void HandleRequest() {
    ClearDeadline();  // a slow handler is not a slow client
    Response resp = server_.pipeline().Handle(req_);
    std::string().swap(req_.body);  // the body's memory goes back before the write
    lease_.Release();
    Write(std::move(resp), !keep_alive_ || server_.stopping(), false);
  }

  void Refuse(const Status& st) {
    if (req_.request_id.empty()) req_.request_id = NewRequestId();
    if (req_.remote_ip.empty()) req_.remote_ip = req_.client_ip = remote_ip_;
    if (!started_.time_since_epoch().count()) started_ = Clock::now();
    header_parser_.reset();
    memory_parser_.reset();
    file_parser_.reset();
    std::string().swap(req_.body);
    lease_.Release();
    // The body was not read (or not all of it): the connection cannot go on.
    Write(server_.pipeline().Refuse(req_, st), true, true);
  }

  void RefuseBusy() {
    Refuse(Status(ErrorCode::kUnavailable, "http.busy",
                  "Serveren har for mye å gjøre akkurat nå. Prøv igjen om litt.")
               .WithRetryAfter(opt().busy_retry_after_seconds));
  }

  // Serialises the response by hand into head_ (reused, so no allocation once
  // it has grown) and writes head and body with one gather write.
  void Write(Response resp, bool close, bool linger) {
    ClearDeadline();
    status_ = resp.status;
    stream_ = std::move(resp.stream);
    bytes_ = stream_ ? static_cast<std::size_t>(resp.stream_size) : resp.body.size();
    head_.clear();
    head_.append(version_ == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    char num[24];
    head_.append(num, static_cast<std::size_t>(std::snprintf(num, sizeof num, "%d", status_)));
    head_.push_back(' ');
    auto code = bhttp::int_to_status(static_cast<unsigned>(status_));
    if (code != bhttp::status::unknown) head_.append(bhttp::obsolete_reason(code));
    head_.append("\r\nDate: ");
    head_.append(HttpDate());
    if (!resp.content_type.empty()) AppendHeader("Content-Type", resp.content_type);
    for (const auto& [k, v] : resp.headers) AppendHeader(k, v);
    bool bodiless_status = status_ < 200 || status_ == 204 || status_ == 304;
    body_.clear();
    if (!bodiless_status) {
      // HEAD: the length a GET would have, and no body.
      head_.append("\r\nContent-Length: ");
      head_.append(num, static_cast<std::size_t>(std::snprintf(num, sizeof num, "%zu", bytes_)));
      if (req_.method != Method::kHead) body_ = std::move(resp.body);
    }
    if (bodiless_status || req_.method == Method::kHead) stream_.reset();
    if (close)
      head_.append("\r\nConnection: close");
    else if (version_ == 10)
      head_.append("\r\nConnection: keep-alive");
    head_.append("\r\n\r\n");
    if (stream_) {
      // A streamed body: the head, then the body in pieces (StreamBody).
      stream_left_ = bytes_;
      SetDeadline(Clock::now() + std::chrono::seconds(opt().write_timeout_seconds));
      net::async_write(
          socket_, net::buffer(head_),
          [self = shared_from_this(), close, linger](beast::error_code ec, std::size_t) {
            if (ec) return self->OnWritten(ec, close, linger);
            self->StreamBody(close, linger);
          });
      return;
    }
    std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_)};
    SetDeadline(Clock::now() + std::chrono::seconds(opt().write_timeout_seconds));
    net::async_write(socket_, buffers,
                     [self = shared_from_this(), close, linger](beast::error_code ec, std::size_t) {
                       self->OnWritten(ec, close, linger);
                     });
  }

  // The next piece of a streamed body, read into body_ (one piece in memory at
  // a time) and written; a stream that fails or ends early closes the
  // connection (the client sees a body shorter than its Content-Length).
  void StreamBody(bool close, bool linger) {
    if (stream_left_ == 0) {
      stream_.reset();
      return OnWritten({}, close, linger);
    }
    body_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(stream_left_, kStreamChunk)));
    std::size_t n = 0;
    try {
      n = stream_->Read(body_.data(), body_.size());
    } catch (const std::exception& e) {
      spdlog::error(R"({{"msg":"response stream failed","request_id":{},"error":{}}})",
                    LogString(req_.request_id), LogString(e.what()));
    }
    if (n == 0) {
      spdlog::error(R"({{"msg":"response stream ended early","request_id":{},"missing":{}}})",
                    LogString(req_.request_id), stream_left_);
      stream_.reset();
      return OnWritten(net::error::eof, true, false);
    }
    stream_left_ -= n;
    SetDeadline(Clock::now() + std::chrono::seconds(opt().write_timeout_seconds));
    net::async_write(socket_, net::buffer(body_.data(), n),
                     [self = shared_from_this(), close, linger](beast::error_code ec, std::size_t) {
                       if (ec) {
                         self->stream_.reset();
                         return self->OnWritten(ec, close, linger);
                       }
                       self->StreamBody(close, linger);
                     });
  }

  // "\r\nName: value", with CR, LF and NUL dropped from both: no handler can split a response.
  void AppendHeader(std::string_view name, std::string_view value) {
    head_.append("\r\n");
    auto clean = [this](std::string_view v) {
      for (char c : v)
        if (c != '\r' && c != '\n' && c != '\0') head_.push_back(c);
    };
    clean(name);
    head_.append(": ");
    clean(value);
  }

  void OnWritten(beast::error_code ec, bool close, bool linger) {
    ClearDeadline();
    LogAccess();
    RemoveBodyFile();
    if (body_.capacity() > kReadChunk) std::string().swap(body_);
    if (ec) return Close();
    if (close) return linger ? Linger() : Close();
    started_ = {};
    NextRequest();
  }

  void LogAccess() {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    std::string line;
    line.reserve(256 + req_.path.size());
    line.append(R"({"msg":"access","request_id":)");
    AppendLogString(&line, req_.request_id);
    line.append(R"(,"client_request_id":)");
    AppendLogString(&line, req_.client_request_id);
    line.append(R"(,"method":)");
    AppendLogString(&line, method_string_.empty() ? std::string_view("-") : method_string_);
    line.append(R"(,"path":)");
    AppendLogString(&line, req_.path);
    char nums[96];
    std::snprintf(nums, sizeof nums, R"(,"status":%d,"ms":%.2f,"bytes":%zu,"ip":)", status_, ms,
                  bytes_);
    line.append(nums);
    AppendLogString(&line, req_.remote_ip);
    line.push_back('}');
    spdlog::info("{}", line);
  }

  // Answered with "Connection: close" while the client may still be sending
  // a body we will not read: stop sending, read and drop what comes for a
  // short while, then close, so the peer sees our answer and not a reset.
  void Linger() {
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    buffer_.clear();
    linger_deadline_ = Clock::now() + kLingerTotal;
    Drain();
  }

  void Drain() {
    auto now = Clock::now();
    if (now >= linger_deadline_) return Close();
    SetDeadline(std::min(linger_deadline_, now + kLingerIdle));
    socket_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ec;
    ClearDeadline();
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }

  // Timeouts: one atomic per connection, checked by the server's sweeper
  // (ServerOptions precision: about kSweepPeriod), so setting one costs no
  // timer operation.
  void SetDeadline(Clock::time_point at) {
    deadline_.store(at.time_since_epoch().count(), std::memory_order_relaxed);
  }
  void ClearDeadline() { deadline_.store(0, std::memory_order_relaxed); }

  void RemoveBodyFile() {
    if (body_file_.empty()) return;
    file_parser_.reset();  // closes the file if still open
    std::error_code ec;
    fs::remove(body_file_, ec);
    body_file_.clear();
  }

  Server& server_;
  tcp::socket socket_;
  std::atomic<std::int64_t> deadline_{0};  // Clock ticks; 0 = none
  beast::flat_buffer buffer_;
  std::string remote_ip_;

  std::optional<HeaderParser> header_parser_;
  std::optional<MemoryParser> memory_parser_;
  std::optional<FileParser> file_parser_;
  BodyBudget::Lease lease_{&server_.budget()};
  std::uint64_t body_limit_ = 0;
  std::string body_file_;

  Request req_;
  std::string method_string_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool in_request_ = false;       // a byte of the current request has arrived
  std::size_t header_bytes_ = 0;  // of the current request, consumed by header_parser_
  bool waiting_idle_ = false;     // a read for the next request's first byte is pending
  Clock::time_point header_deadline_, started_, linger_deadline_;

  std::string head_, body_;             // the response being written
  std::shared_ptr<BodyStream> stream_;  // a streamed response body, while it is written
  std::uint64_t stream_left_ = 0;
  int status_ = 0;
  std::size_t bytes_ = 0;
};

void Server::Accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping()) return;
    if (ec) {
      if (ec == net::error::operation_aborted) return;
      // Out of file descriptors and the like: try again shortly.
      spdlog::warn(R"({{"msg":"accept failed","error":{}}})", LogString(ec.message()));
      retry_timer_.expires_after(std::chrono::milliseconds(100));
      retry_timer_.async_wait([this](beast::error_code wec) {
        if (!wec && !stopping()) Accept();
      });
      return;
    }
    std::make_shared<Session>(*this, std::move(socket))->Start();
    Accept();
  });
}

void Server::Sweep() {
  sweep_timer_.expires_after(kSweepPeriod);
  sweep_timer_.async_wait([this](beast::error_code ec) {
    if (ec) return;
    auto now = Clock::now();
    std::vector<std::shared_ptr<Session>> late;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (Session* s : sessions_)
        if (s->DeadlinePassed(now))
          if (auto sp = s->weak_from_this().lock()) late.push_back(std::move(sp));
    }
    for (auto& sp : late) net::post(sp->executor(), [sp] { sp->OnDeadline(); });
    late.clear();  // outside mu_: the last reference may run ~Session
    Sweep();
  });
}

void Server::Stop() {
  stopping_.store(true);
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ec;
    acceptor_.close(ec);
    retry_timer_.cancel();
  });
  // Take references under the lock, but let them go outside it: dropping the last one runs
  // ~Session, which takes mu_ itself.
  std::vector<std::shared_ptr<Session>> alive;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (Session* s : sessions_)
      if (auto sp = s->weak_from_this().lock()) alive.push_back(std::move(sp));
  }
  for (auto& sp : alive) net::post(sp->executor(), [sp] { sp->OnServerStop(); });
  alive.clear();
  auto deadline = Clock::now() + std::chrono::seconds(opt_.shutdown_grace_seconds);
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (sessions_.empty()) break;
    }
    if (Clock::now() >= deadline) {
      spdlog::warn(R"({{"msg":"shutdown: requests still in flight after the grace period"}})");
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ioc_.stop();
  for (auto& t : threads_) t.join();
}

}  // namespace

Status RunServer(const Pipeline& pipeline, const ServerOptions& opt,
                 const std::function<void()>& on_started) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // threads started below inherit this

  Server server(pipeline, opt);
  Status st = server.Listen();
  if (!st.ok()) return st;
  server.Start();
  on_started();
  int sig = 0;
  sigwait(&set, &sig);
  spdlog::info(R"({{"msg":"shutdown","signal":{}}})", sig);
  server.Stop();
  return Status::Ok();
}

}  // namespace samkjop::core::http
