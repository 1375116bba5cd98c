// The HTTP client against a real local HTTP server (tests/support/fake_http.py,
// started per test suite on a free port), plain and with TLS.
#include "core/net/http_client.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace samkjop::core::net {
namespace {

namespace fs = std::filesystem;

// Runs the fake server as a child process; its port is read from its first line.
class FakeServer {
 public:
  explicit FakeServer(const std::string& extra_args = "") {
    int out[2];
    if (pipe(out) != 0) std::abort();
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      // The peer runs on the real clock: under `make test-later` (faketime) Python's sleep
      // fails with EINVAL, and the peer's clock is not what the test is about.
      unsetenv("LD_PRELOAD");
      unsetenv("FAKETIME");
      std::string script = std::string(SAMKJOP_SOURCE_DIR) + "/tests/support/fake_http.py";
      std::string cmd = "exec python3 " + script + " " + extra_args;
      execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[64] = {0};
    if (f && std::fgets(line, sizeof line, f)) std::sscanf(line, "PORT %d", &port_);
    if (f) std::fclose(f);
  }
  ~FakeServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  std::string base(const std::string& scheme = "http",
                   const std::string& host = "127.0.0.1") const {
    return scheme + "://" + host + ":" + std::to_string(port_);
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

HttpClientOptions Options(const std::string& base) {
  HttpClientOptions o;
  o.name = "Testtjenesten";
  o.base_url = base;
  o.connect_timeout = std::chrono::milliseconds(2000);
  o.total_timeout = std::chrono::milliseconds(1000);
  return o;
}

class HttpClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new FakeServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static FakeServer* server_;
};
FakeServer* HttpClientTest::server_ = nullptr;

TEST_F(HttpClientTest, JsonAnswerIsParsed) {
  ASSERT_GT(server_->port(), 0);
  HttpClient c(Options(server_->base() + "/"));
  auto j = c.GetJson("/json");
  ASSERT_TRUE(j.ok()) << j.status().message();
  EXPECT_EQ((*j)["ok"], true);
  EXPECT_EQ((*j)["text"], "blåbær");
}

TEST_F(HttpClientTest, NotFoundIsKNotFound) {
  HttpClient c(Options(server_->base()));
  auto j = c.GetJson("/missing");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(j.status().code_name(), "net.not_found");
  // Get() itself hands any status back as an answer.
  auto r = c.Get("/missing");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
}

TEST_F(HttpClientTest, ServerErrorAndNonJsonAreUnavailable) {
  HttpClient c(Options(server_->base()));
  auto fail = c.GetJson("/fail");
  ASSERT_FALSE(fail.ok());
  EXPECT_EQ(fail.status().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(fail.status().code_name(), "net.bad_status");
  EXPECT_NE(fail.status().message().find("Testtjenesten"), std::string::npos);
  EXPECT_NE(fail.status().message().find("500"), std::string::npos);
  auto html = c.GetJson("/notjson");
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code_name(), "net.bad_json");
}

TEST_F(HttpClientTest, SlowAnswerTimesOut) {
  HttpClient c(Options(server_->base()));  // total timeout 1 s
  auto j = c.GetJson("/slow?s=3");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code_name(), "net.timeout");
  EXPECT_EQ(j.status().code(), ErrorCode::kUnavailable);
}

TEST_F(HttpClientTest, OversizedBodyIsAborted) {
  auto o = Options(server_->base());
  o.max_response_bytes = 100'000;
  HttpClient c(o);
  auto big = c.Get("/big?bytes=5000000");
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code_name(), "net.too_large");
  auto small = c.Get("/big?bytes=99999");
  ASSERT_TRUE(small.ok()) << small.status().detail();
  EXPECT_EQ(small->body.size(), 99999u);
}

TEST_F(HttpClientTest, RedirectsAreOffUnlessBounded) {
  HttpClient off(Options(server_->base()));
  auto r = off.GetJson("/redirect");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "net.bad_status");  // 302 is not followed
  auto o = Options(server_->base());
  o.max_redirects = 2;
  auto followed = HttpClient(o).GetJson("/redirect");
  ASSERT_TRUE(followed.ok()) << followed.status().detail();
  EXPECT_EQ((*followed)["ok"], true);
}

TEST(HttpClient, ConnectionRefused) {
  // A port that was free a moment ago and has no listener.
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  socklen_t len = sizeof a;
  getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  int port = ntohs(a.sin_port);
  close(s);
  HttpClient c(Options("http://127.0.0.1:" + std::to_string(port)));
  auto r = c.GetJson("/json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "net.connect_failed");
  EXPECT_NE(r.status().message().find("Får ikke kontakt med Testtjenesten"), std::string::npos);
}

TEST(HttpClient, NotConfiguredWithoutBaseUrl) {
  HttpClient c(Options(""));
  EXPECT_FALSE(c.configured());
  auto r = c.GetJson("/json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "net.not_configured");
  EXPECT_EQ(r.status().code(), ErrorCode::kUnavailable);
}

TEST(HttpClient, TlsIsVerifiedAndAcceptsTheGivenCa) {
  fs::path dir = fs::temp_directory_path() / ("samkjop-tls-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  std::string cmd =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost -keyout " +
      key + " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "openssl is needed for this test";
  {
    FakeServer tls("--tls " + cert + " " + key);
    ASSERT_GT(tls.port(), 0);
    // The system's CAs do not trust a self-signed certificate.
    auto untrusted = HttpClient(Options(tls.base("https", "localhost"))).GetJson("/json");
    ASSERT_FALSE(untrusted.ok());
    EXPECT_EQ(untrusted.status().code_name(), "net.tls") << untrusted.status().detail();
    // With it as the CA file, it is trusted.
    auto o = Options(tls.base("https", "localhost"));
    o.ca_file = cert;
    auto trusted = HttpClient(o).GetJson("/json");
    ASSERT_TRUE(trusted.ok()) << trusted.status().detail();
    // The host name is verified too: 127.0.0.1 is not in the certificate.
    auto o2 = Options(tls.base("https", "127.0.0.1"));
    o2.ca_file = cert;
    auto wrong_host = HttpClient(o2).GetJson("/json");
    ASSERT_FALSE(wrong_host.ok());
    EXPECT_EQ(wrong_host.status().code_name(), "net.tls") << wrong_host.status().detail();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace samkjop::core::net
