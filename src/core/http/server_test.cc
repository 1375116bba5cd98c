// RunServer on a loopback port with a small route table: per-route body
// limits, bodies streamed to a temporary file (and removed), the cap on
// buffered bytes (503), and a graceful stop that lets a request finish.
// The black-box HTTP tests are in tests/api/core/http.test.mjs.
#include "core/http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

namespace fs = std::filesystem;

std::uint16_t FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

struct Reply {
  int status = 0;
  std::string head, body;
};

// A raw HTTP/1.1 client: one connection, blocking, 5 s timeouts.
class Conn {
 public:
  explicit Conn(std::uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Conn() { close(fd_); }
  bool ok() const { return ok_; }
  // True when the server closes the connection within `seconds` (nothing else arrives).
  bool ClosedWithin(int seconds) {
    timeval tv{seconds, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char tmp[256];
    return recv(fd_, tmp, sizeof tmp, 0) == 0;
  }
  bool Send(const std::string& s) {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // Reads one response (Content-Length framed); status 0 on timeout or close.
  Reply Read() {
    Reply r;
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
      if (!Fill()) return r;
    r.head = buf_.substr(0, end + 4);
    buf_.erase(0, end + 4);
    r.status = std::stoi(r.head.substr(9, 3));
    std::size_t len = 0;
    auto at = r.head.find("Content-Length: ");
    if (at != std::string::npos) len = std::stoul(r.head.substr(at + 16));
    while (buf_.size() < len)
      if (!Fill()) return Reply{};
    r.body = buf_.substr(0, len);
    buf_.erase(0, len);
    return r;
  }

 private:
  bool Fill() {
    char tmp[16384];
    ssize_t n = recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<std::size_t>(n));
    return true;
  }
  int fd_;
  bool ok_ = false;
  std::string buf_;
};

std::string Post(const std::string& path, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = fs::temp_directory_path() / ("samkjop-server-test-" + std::to_string(getpid()));
    fs::remove_all(temp_);
    router_.Get("/api/ping", Access::Public(), {"ping", "t", nullptr, nullptr},
                [](Context&) -> Result<Response> {
                  return Response::Json({{"pong", true}});
                });
    router_.Post("/api/echo", Access::Public(), {"echo", "t", nullptr, nullptr},
                 [](Context& c) -> Result<Response> {
                   return Response::Json({{"size", c.req.body_size}, {"body", c.req.body}});
                 });
    router_
        .Post("/api/upload", Access::Public(), {"upload", "t", nullptr, nullptr},
              [this](Context& c) -> Result<Response> {
                seen_file_ = c.req.body_file;
                std::ifstream in(c.req.body_file, std::ios::binary);
                std::stringstream ss;
                ss << in.rdbuf();
                return Response::Json({{"size", c.req.body_size},
                                       {"in_memory", c.req.body.size()},
                                       {"content", ss.str()}});
              })
        .body = {64 * 1024, true};
    router_.Get("/api/slow", Access::Public(), {"slow", "t", nullptr, nullptr},
                [](Context&) -> Result<Response> {
                  std::this_thread::sleep_for(std::chrono::milliseconds(400));
                  return Response::Json({{"done", true}});
                });
    PipelineOptions po;
    po.max_body_bytes = 1024;
    pipeline_ = std::make_unique<Pipeline>(
        router_, access_,
        [](const std::string&) -> std::optional<auth::Principal> { return std::nullopt; }, po);
    opt_.port = FreePort();
    opt_.threads = 2;
    opt_.temp_dir = temp_.string();
    opt_.max_buffered_body_bytes = 512;
    opt_.idle_timeout_seconds = 1;
    opt_.header_timeout_seconds = 1;
    opt_.body_timeout_seconds = 1;
    std::promise<void> started;
    auto up = started.get_future();
    thread_ = std::thread([this, &started] {
      result_ = RunServer(*pipeline_, opt_, [&started] { started.set_value(); });
    });
    ASSERT_EQ(up.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  }

  void TearDown() override {
    StopServer();
    fs::remove_all(temp_);
  }

  void StopServer() {
    if (!thread_.joinable()) return;
    pthread_kill(thread_.native_handle(), SIGTERM);  // RunServer waits for it in sigwait
    thread_.join();
    EXPECT_TRUE(result_.ok()) << result_.message();
  }

  std::size_t TempFiles() const {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(temp_, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
      ++n;
    return n;
  }

  fs::path temp_;
  Router router_;
  auth::AccessControl access_;  // every route here is public
  std::unique_ptr<Pipeline> pipeline_;
  ServerOptions opt_;
  std::thread thread_;
  Status result_;
  std::string seen_file_;
};

TEST_F(ServerTest, AnswersAndKeepsTheConnection) {
  Conn c(opt_.port);
  ASSERT_TRUE(c.ok());
  for (int idx = 0; idx < 3; ++idx) {
    ASSERT_TRUE(c.Send("GET /api/ping HTTP/1.1\r\nHost: t\r\n\r\n"));
    Reply r = c.Read();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, R"({"pong":true})");
    EXPECT_NE(r.head.find("X-Request-Id: "), std::string::npos);
    EXPECT_EQ(r.head.find("Connection: close"), std::string::npos);
  }
}

TEST_F(ServerTest, BodyWithinTheRouteLimitIsRead) {
  Conn c(opt_.port);
  ASSERT_TRUE(c.Send(Post("/api/echo", "hello")));
  Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"body":"hello","size":5})");
}

TEST_F(ServerTest, ContentLengthOverTheLimitIs413WithoutTheBody) {
  Conn c(opt_.port);
  // Only the header is sent: the answer must not wait for the body.
  ASSERT_TRUE(c.Send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n"));
  Reply r = c.Read();
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.head.find("application/problem+json"), std::string::npos);
  EXPECT_NE(r.head.find("Connection: close"), std::string::npos);
}

TEST_F(ServerTest, PastTheBufferCapIs503WithRetryAfter) {
  Conn c(opt_.port);
  // 600 bytes is within the route's 1 KiB but over the 512-byte cap on buffered bodies.
  ASSERT_TRUE(c.Send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 600\r\n\r\n"));
  Reply r = c.Read();
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.head.find("Retry-After: 5"), std::string::npos);
  EXPECT_NE(r.body.find("http.busy"), std::string::npos);
  // A chunked body is stopped when it reaches the cap.
  Conn d(opt_.port);
  std::string chunk(300, 'x');
  ASSERT_TRUE(
      d.Send("POST /api/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
             "12c\r\n" +
             chunk + "\r\n12c\r\n" + chunk + "\r\n"));
  EXPECT_EQ(d.Read().status, 503);
}

TEST_F(ServerTest, StreamToFileRouteGetsAFileThatIsRemovedAfterwards) {
  Conn c(opt_.port);
  std::string body(10000, 'z');
  body[0] = 'a';
  ASSERT_TRUE(c.Send(Post("/api/upload", body)));
  Reply r = c.Read();
  ASSERT_EQ(r.status, 200) << r.body;
  // 10000 bytes > the 512-byte memory cap: the file is not held in memory.
  EXPECT_NE(r.body.find(R"("in_memory":0)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("size":10000)"), std::string::npos);
  EXPECT_NE(r.body.find("\"content\":\"a" + std::string(20, 'z')), std::string::npos);
  EXPECT_EQ(fs::path(seen_file_).parent_path(), temp_);
  // The file goes when the response has been written.
  for (int idx = 0; idx < 100 && fs::exists(seen_file_); ++idx)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(fs::exists(seen_file_));
}

TEST_F(ServerTest, StreamedChunkedBodyOverTheLimitIs413AndLeavesNoFile) {
  Conn c(opt_.port);
  ASSERT_TRUE(c.Send("POST /api/upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"));
  std::string chunk = "4000\r\n" + std::string(0x4000, 'q') + "\r\n";
  Reply r;
  for (int idx = 0; idx < 8 && c.Send(chunk); ++idx) {
  }
  r = c.Read();
  EXPECT_EQ(r.status, 413);
  for (int idx = 0; idx < 100 && TempFiles() > 0; ++idx)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(TempFiles(), 0u);
}

TEST_F(ServerTest, IdleSlowHeaderAndSlowBodyConnectionsAreClosed) {
  auto t0 = std::chrono::steady_clock::now();
  Conn idle(opt_.port);
  Conn slow_header(opt_.port);
  ASSERT_TRUE(slow_header.Send("GET /api/ping HTTP/1.1\r\nHost: t\r\n"));  // never finished
  Conn slow_body(opt_.port);
  ASSERT_TRUE(
      slow_body.Send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
  EXPECT_TRUE(idle.ClosedWithin(3));
  EXPECT_TRUE(slow_header.ClosedWithin(3));
  EXPECT_TRUE(slow_body.ClosedWithin(3));
  auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(took, std::chrono::milliseconds(900));
  EXPECT_LT(took, std::chrono::milliseconds(2500));
  // A connection that keeps talking is not cut: the idle timeout restarts per request.
  Conn busy(opt_.port);
  for (int idx = 0; idx < 3; ++idx) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    ASSERT_TRUE(busy.Send("GET /api/ping HTTP/1.1\r\nHost: t\r\n\r\n"));
    EXPECT_EQ(busy.Read().status, 200);
  }
}

TEST_F(ServerTest, StopLetsARequestInFlightFinish) {
  Conn idle(opt_.port);  // a keep-alive connection with nothing to do is closed at once
  ASSERT_TRUE(idle.ok());
  Conn c(opt_.port);
  ASSERT_TRUE(c.Send("GET /api/slow HTTP/1.1\r\nHost: t\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto stopped = std::async(std::launch::async, [this] { StopServer(); });
  Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"done":true})");
  EXPECT_NE(r.head.find("Connection: close"), std::string::npos);
  EXPECT_EQ(stopped.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  Conn late(opt_.port);
  EXPECT_FALSE(late.ok());  // no longer listening
}

}  // namespace
}  // namespace samkjop::core::http
