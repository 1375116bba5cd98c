// LogString: nothing from a request can break a log line; the client's
// request id is kept printable and short.
#include "core/http/log_field.h"

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

TEST(LogStringTest, EscapesEveryControlCharacter) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"", R"("")"},
      {"/api/health", R"("/api/health")"},
      {"a\nb", R"("a\nb")"},
      {"a\r\nb", R"("a\r\nb")"},
      {"tab\there", R"("tab\there")"},
      {std::string("nul\0x", 5), R"("nul\u0000x")"},
      {"\x1b[31mred", R"("\u001b[31mred")"},
      {"del\x7f", R"("del\u007f")"},
      {"quote\"back\\slash", R"("quote\"back\\slash")"},
      {"m\xc3\xb8"
       "bler",
       "\"m\xc3\xb8"
       "bler\""},  // ø stays
      {"c1\xc2\x85"
       "x",
       R"("c1\u0085x")"},  // NEL
      {"ls\xe2\x80\xa8"
       "ps\xe2\x80\xa9",
       R"("ls\u2028ps\u2029")"},  // line/paragraph separators
      {"bad\xff"
       "byte",
       R"("bad\ufffdbyte")"},
      {"cut\xc3", R"("cut\ufffd")"},
      {"overlong\xc0\xaf", R"("overlong\ufffd\ufffd")"},
      {"surrogate\xed\xa0\x80", R"("surrogate\ufffd\ufffd\ufffd")"},
      {"emoji\xf0\x9f\x98\x80", "\"emoji\xf0\x9f\x98\x80\""},
      {R"(x
{"msg":"access","forged":true})",
       R"("x\n{\"msg\":\"access\",\"forged\":true}")"},
  };
  for (const auto& c : cases) {
    std::string got = LogString(c.in);
    EXPECT_EQ(got, c.want) << "input: " << c.in;
    for (unsigned char ch : got) EXPECT_TRUE(ch >= 0x20 && ch != 0x7f) << "input: " << c.in;
  }
}

TEST(LogStringTest, AppendsToWhatIsThere) {
  std::string line = "{\"path\":";
  AppendLogString(&line, "/a\nb");
  EXPECT_EQ(line, R"({"path":"/a\nb")");
}

TEST(SanitiseClientRequestIdTest, PrintableAsciiAtMost64) {
  EXPECT_EQ(SanitiseClientRequestId("trace-123"), "trace-123");
  EXPECT_EQ(SanitiseClientRequestId("a b"), "a b");
  EXPECT_EQ(SanitiseClientRequestId("a\nb\rc\x7f"
                                    "d\xc3\xb8"),
            "a?b?c?d??");
  EXPECT_EQ(SanitiseClientRequestId(std::string(100, 'x')), std::string(64, 'x'));
  EXPECT_EQ(SanitiseClientRequestId("abcdef", 3), "abc");
}

}  // namespace
}  // namespace samkjop::core::http
