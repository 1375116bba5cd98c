// Building the message: encoded-words that decode to the UTF-8 text, no header
// injection through a display name or subject holding CR/LF, base64 body in
// CRLF lines, Date and Message-ID; address checks; the outbox on SQLite.
#include "core/mail/message.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <sstream>

#include "core/mail/mail.h"
#include "core/module/module.h"

namespace samkjop::core::mail {
namespace {

std::string Unbase64(const std::string& in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char c : in) {
    auto p = kAlphabet.find(c);
    if (p == std::string::npos) continue;
    v = (v << 6) | static_cast<unsigned>(p);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xFF);
    }
  }
  return out;
}

// Decodes a header value of encoded-words (and plain text) as a mail reader does.
std::string DecodeWords(const std::string& v) {
  std::string out;
  std::size_t i = 0;
  while (i < v.size()) {
    auto start = v.find("=?UTF-8?B?", i);
    if (start == std::string::npos) {
      out += v.substr(i);
      break;
    }
    std::string between = v.substr(i, start - i);
    if (between.find_first_not_of(" \r\n") != std::string::npos) out += between;
    auto end = v.find("?=", start + 10);
    out += Unbase64(v.substr(start + 10, end - start - 10));
    i = end + 2;
  }
  return out;
}

// Header name -> unfolded value; fails on a line that is neither a header nor a fold.
std::multimap<std::string, std::string> Headers(const std::string& msg, std::string* body) {
  std::multimap<std::string, std::string> h;
  auto end = msg.find("\r\n\r\n");
  EXPECT_NE(end, std::string::npos);
  *body = msg.substr(end + 4);
  std::string head = msg.substr(0, end + 2);
  std::string name, value;
  std::size_t pos = 0;
  while (pos < head.size()) {
    auto eol = head.find("\r\n", pos);
    EXPECT_NE(eol, std::string::npos);
    std::string line = head.substr(pos, eol - pos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_LE(line.size(), 78u) << line;
    if (line[0] == ' ' || line[0] == '\t') {
      value += line;
    } else {
      if (!name.empty()) h.emplace(name, value);
      auto colon = line.find(": ");
      EXPECT_NE(colon, std::string::npos) << line;
      name = line.substr(0, colon);
      value = line.substr(colon + 2);
    }
    pos = eol + 2;
  }
  if (!name.empty()) h.emplace(name, value);
  return h;
}

Message Sample() {
  Message m;
  m.from = {"noreply@riik.no", "Samkjøp"};
  m.to = {{"kari@grue.kommune.no", "Kari Nordmann"}, {"ola@example.no", ""}};
  m.subject = "Avtalen «Møbler og kjøkkenutstyr» utløper";
  m.text = "Hei!\nAvtalen utløper 2027-06-30.\n.\nHilsen Samkjøp";
  m.message_id = "<abc123@samkjop.outbox>";
  m.date_ms = 1805068800000;  // 2027-03-15T00:00:00Z
  return m;
}

TEST(MessageTest, BuildsUtf8PlainTextWithEncodedWords) {
  std::string body;
  auto h = Headers(BuildMessage(Sample()), &body);
  EXPECT_EQ(h.find("Date")->second, "Mon, 15 Mar 2027 00:00:00 +0000");
  EXPECT_EQ(h.find("Message-ID")->second, "<abc123@samkjop.outbox>");
  EXPECT_EQ(h.find("MIME-Version")->second, "1.0");
  EXPECT_EQ(h.find("Content-Type")->second, "text/plain; charset=utf-8");
  EXPECT_EQ(h.find("Content-Transfer-Encoding")->second, "base64");
  EXPECT_EQ(DecodeWords(h.find("Subject")->second), Sample().subject);
  EXPECT_NE(h.find("Subject")->second.find("=?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(DecodeWords(h.find("From")->second), "Samkjøp <noreply@riik.no>");
  EXPECT_EQ(h.find("To")->second, "\"Kari Nordmann\" <kari@grue.kommune.no>, <ola@example.no>");
  EXPECT_EQ(Unbase64(body), "Hei!\r\nAvtalen utløper 2027-06-30.\r\n.\r\nHilsen Samkjøp");
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 77u);
}

TEST(MessageTest, CrLfInANameOrSubjectNeverAddsAHeader) {
  Message m = Sample();
  m.to = {{"kari@grue.kommune.no", "Kari\r\nBcc: evil@example.com"}};
  m.from.name = "Samkjøp\nX-Injected: yes";
  m.subject = "Hei\r\nBcc: evil@example.com\r\n\r\nfalsk tekst";
  std::string body;
  auto h = Headers(BuildMessage(m), &body);
  EXPECT_EQ(h.count("Bcc"), 0u);
  EXPECT_EQ(h.count("X-Injected"), 0u);
  EXPECT_EQ(h.size(), 8u);
  EXPECT_EQ(h.find("To")->second, "\"Kari Bcc: evil@example.com\" <kari@grue.kommune.no>");
  EXPECT_EQ(DecodeWords(h.find("Subject")->second), "Hei Bcc: evil@example.com falsk tekst");
  EXPECT_EQ(Unbase64(body), "Hei!\r\nAvtalen utløper 2027-06-30.\r\n.\r\nHilsen Samkjøp");
}

TEST(MessageTest, QuotesAndLongNamesAndSubjects) {
  EXPECT_EQ(FormatAddress({"a@b.no", "Per \"P\" Hansen"}), "\"Per \\\"P\\\" Hansen\" <a@b.no>");
  EXPECT_EQ(FormatAddress({"a@b.no", "  "}), "<a@b.no>");
  EXPECT_EQ(EncodeHeaderText("Kort emne", 9), "Kort emne");
  // Text that looks like an encoded word is encoded, so it is not decoded as one.
  EXPECT_EQ(EncodeHeaderText("=?UTF-8?B?SGVp?=", 9).rfind("=?UTF-8?B?", 0), 0u);
  std::string long_subject;
  for (int i = 0; i < 40; ++i) long_subject += "æøå ";
  Message m = Sample();
  m.subject = long_subject;
  std::string body;
  auto h = Headers(BuildMessage(m), &body);  // every line <= 78
  EXPECT_EQ(DecodeWords(h.find("Subject")->second), long_subject);
}

TEST(MessageTest, Base64AndAddressesAndUtf8) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("foobar"), "Zm9vYmFy");
  EXPECT_TRUE(ValidEmail("kari.nordmann@grue.kommune.no"));
  EXPECT_TRUE(ValidEmail("a+tag@b.no"));
  for (const char* bad : {"", "kari", "@b.no", "a@", "a@b", "a b@c.no", "a@b..no", "a@b.no\r\n",
                          "a<b>@c.no", "a@b@c.no", "ø@b.no", ".a@b.no"})
    EXPECT_FALSE(ValidEmail(bad)) << bad;
  EXPECT_TRUE(ValidUtf8("æøå"));
  EXPECT_FALSE(ValidUtf8("\xC3"));
  EXPECT_FALSE(ValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(ValidUtf8("\xED\xA0\x80"));
  auto id = NewMessageId("samkjop.outbox");
  EXPECT_EQ(id.size(), 1 + 32 + 1 + 14 + 1);
  EXPECT_NE(id, NewMessageId("samkjop.outbox"));
}

TEST(OutboxTest, EnqueueChecksAndKeepsTheMailInTheCallersTransaction) {
  auto db = storage::Database::Open("sqlite::memory:", 1);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Migrate(CoreModule().migrations()).ok());
  auto s = (*db)->Acquire();
  Status bad = Enqueue(s.sql(), {{{"not-an-address", ""}}, "Emne", "Tekst"});
  EXPECT_EQ(bad.code_name(), "mail.invalid_recipient");
  ASSERT_FALSE(bad.fields().empty());
  EXPECT_EQ(bad.fields()[0].field, "to[0].email");
  EXPECT_EQ(Enqueue(s.sql(), {{}, "Emne", "Tekst"}).code_name(), "mail.invalid_recipient");
  EXPECT_EQ(Enqueue(s.sql(), {{{"a@b.no", ""}}, "  ", "Tekst"}).code_name(),
            "mail.invalid_subject");
  EXPECT_EQ(Enqueue(s.sql(), {{{"a@b.no", ""}}, "Emne", "\xC3"}).code_name(), "mail.invalid_text");
  {
    storage::WriteTx tx(s);
    ASSERT_TRUE(Enqueue(s.sql(), {{{"a@b.no", "A"}}, "Rulles tilbake", "x"}).ok());
  }  // rolled back with the change that caused it
  std::int64_t id = 0;
  {
    storage::WriteTx tx(s);
    ASSERT_TRUE(Enqueue(s.sql(), {{{"a@b.no", "Åse"}}, "Blir", "Tekst æøå"}, &id).ok());
    tx.Commit();
  }
  std::int64_t total = 0;
  auto items = ListOutbox(s.sql(), "", 50, 0, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(items[0].id, id);
  EXPECT_EQ(items[0].subject, "Blir");
  EXPECT_EQ(items[0].state, "pending");
  EXPECT_EQ(items[0].to[0].name, "Åse");
  EXPECT_EQ(ListOutbox(s.sql(), "sent", 50, 0, &total).size(), 0u);
  EXPECT_EQ(GetOutboxItem(s.sql(), 999).status().code_name(), "mail.not_found");
}

TEST(OutboxTest, ConfigIsChecked) {
  EXPECT_TRUE(CheckConfig({}).ok());
  SmtpConfig c;
  c.url = "http://x";
  c.from = "a@b.no";
  EXPECT_EQ(CheckConfig(c).code_name(), "app.bad_smtp_url");
  c.url = "smtp://user:pw@host:25";
  EXPECT_EQ(CheckConfig(c).code_name(), "app.bad_smtp_url");
  c.url = "smtps://mail.riik.no:465";
  EXPECT_TRUE(CheckConfig(c).ok());
  c.from = "";
  EXPECT_EQ(CheckConfig(c).code_name(), "app.bad_mail_from");
}

}  // namespace
}  // namespace samkjop::core::mail
