// Log fields that cannot forge a log line: every value written into a log
// line from a request (path, method, ids, error text) goes through
// LogString, so a "%0a" in a path stays on its line.
#ifndef SAMKJOP_CORE_HTTP_LOG_FIELD_H_
#define SAMKJOP_CORE_HTTP_LOG_FIELD_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace samkjop::core::http {

// `s` as a quoted JSON string in which every control character is escaped:
// C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F) and the line and paragraph
// separators U+2028/U+2029 become \uXXXX (\n, \r, \t as themselves); '"' and
// '\' are escaped; bytes that are not valid UTF-8 become \ufffd. The result
// never contains a byte below 0x20 or 0x7f.
std::string LogString(std::string_view s);
// The same, appended to *out.
void AppendLogString(std::string* out, std::string_view s);

// The client's X-Request-Id as the access log keeps it: bytes outside
// printable ASCII (0x20-0x7e) become '?', and it is cut to `max_len` bytes.
std::string SanitiseClientRequestId(std::string_view s, std::size_t max_len = 64);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_LOG_FIELD_H_
