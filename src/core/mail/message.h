// An Internet message (RFC 5322 + MIME) built by hand, correctly: UTF-8
// text/plain in base64, RFC 2047 encoded-words for the subject and display
// names, Date and Message-ID, CRLF line ends. Header values never carry a CR
// or LF through: control characters become spaces before encoding, so a
// display name or subject cannot add a header.
#ifndef SAMKJOP_CORE_MAIL_MESSAGE_H_
#define SAMKJOP_CORE_MAIL_MESSAGE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace samkjop::core::mail {

struct Address {
  std::string email;  // local@domain, ASCII
  std::string name;   // display name, any UTF-8 ("" for none)
};

struct Message {
  Address from;
  std::vector<Address> to;
  std::string subject;     // UTF-8
  std::string text;        // UTF-8, lines ended by \n or \r\n
  std::string message_id;  // "<...@...>"
  std::int64_t date_ms = 0;
};

// The whole message, headers and body, CRLF-terminated lines.
std::string BuildMessage(const Message& m);

// A header value's text: as it is when short printable ASCII, else RFC 2047
// B encoded-words of at most 75 characters folded with CRLF SP. Control
// characters (CR, LF, TAB, ...) become spaces first.
std::string EncodeHeaderText(const std::string& text, std::size_t first_line_used);
// "Name <email>" with the name quoted or encoded; "<email>" with no name.
std::string FormatAddress(const Address& a);
// RFC 5322 date: "Mon, 15 Mar 2027 03:00:00 +0000".
std::string Rfc5322Date(std::int64_t ms);
// Base64 (RFC 4648), in lines of `line` characters ended by CRLF (0: one line, no CRLF).
std::string Base64(const std::string& bytes, std::size_t line = 0);
// A new Message-ID: "<32 hex characters@domain>".
std::string NewMessageId(const std::string& domain);
// A plausible address: local@domain.tld, printable ASCII without spaces,
// quotes, angle brackets or commas, at most 254 characters.
bool ValidEmail(const std::string& email);
// Valid UTF-8 (no overlongs, no surrogates).
bool ValidUtf8(const std::string& s);

}  // namespace samkjop::core::mail

#endif  // SAMKJOP_CORE_MAIL_MESSAGE_H_
