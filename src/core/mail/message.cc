#include "core/mail/message.h"

#include <sodium.h>

#include <chrono>
#include <cstdlib>

#include <date/date.h>

namespace samkjop::core::mail {

namespace {

// Control characters (C0, DEL) become spaces; runs of them one space.
std::string Sanitize(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool PrintableAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

// Length of the UTF-8 sequence starting with byte c (1 for a stray byte).
std::size_t SeqLen(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

// Encoded-words of at most 36 bytes of text each (48 base64 characters, 60 in
// all, so "Subject: " and a word fit in 78), split between characters, never
// inside one.
std::vector<std::string> EncodedWords(const std::string& s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size()) {
      std::size_t n = SeqLen(static_cast<unsigned char>(s[end]));
      if (end + n - i > 36) break;
      end += n;
    }
    if (end == i) end = std::min(s.size(), i + 1);
    words.push_back("=?UTF-8?B?" + Base64(s.substr(i, end - i)) + "?=");
    i = end;
  }
  return words;
}

}  // namespace

std::string Base64(const std::string& bytes, std::size_t line) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t col = 0;
  auto put = [&](char c) {
    out += c;
    if (line && ++col == line) {
      out += "\r\n";
      col = 0;
    }
  };
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    put(kAlphabet[(v >> 18) & 63]);
    put(kAlphabet[(v >> 12) & 63]);
    put(kAlphabet[(v >> 6) & 63]);
    put(kAlphabet[v & 63]);
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    put(kAlphabet[(v >> 18) & 63]);
    put(kAlphabet[(v >> 12) & 63]);
    put(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    put('=');
  }
  if (line && col) out += "\r\n";
  return out;
}

std::string EncodeHeaderText(const std::string& text, std::size_t first_line_used) {
  std::string s = Sanitize(text);
  if (PrintableAscii(s) && first_line_used + s.size() <= 78 && s.find("=?") == std::string::npos)
    return s;
  std::string out;
  for (const auto& w : EncodedWords(s)) {
    if (!out.empty()) out += "\r\n ";
    out += w;
  }
  return out;
}

std::string FormatAddress(const Address& a) {
  std::string name = Sanitize(a.name);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  if (name.empty()) return "<" + a.email + ">";
  std::string phrase;
  if (PrintableAscii(name) && name.size() <= 60 && name.find("=?") == std::string::npos) {
    phrase = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') phrase += '\\';
      phrase += c;
    }
    phrase += "\"";
  } else {
    for (const auto& w : EncodedWords(name)) {
      if (!phrase.empty()) phrase += "\r\n ";
      phrase += w;
    }
  }
  // The address goes on a line of its own when it would make the phrase's last line long.
  auto last = phrase.rfind('\n');
  std::size_t last_len = last == std::string::npos ? phrase.size() : phrase.size() - last - 1;
  return phrase + (last_len + a.email.size() + 3 > 72 ? "\r\n <" : " <") + a.email + ">";
}

std::string Rfc5322Date(std::int64_t ms) {
  auto tp = date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
  return date::format("%a, %d %b %Y %H:%M:%S +0000", date::floor<std::chrono::seconds>(tp));
}

std::string NewMessageId(const std::string& domain) {
  if (sodium_init() < 0) std::abort();
  unsigned char rnd[16];
  randombytes_buf(rnd, sizeof rnd);
  static const char* kHex = "0123456789abcdef";
  std::string id = "<";
  for (unsigned char c : rnd) {
    id += kHex[c >> 4];
    id += kHex[c & 15];
  }
  return id + "@" + domain + ">";
}

bool ValidEmail(const std::string& email) {
  if (email.empty() || email.size() > 254) return false;
  auto at = email.rfind('@');
  if (at == std::string::npos || at == 0 || at > 64 || at + 1 >= email.size()) return false;
  if (email.find('@') != at) return false;
  for (unsigned char c : email) {
    if (c <= 0x20 || c >= 0x7F) return false;
    if (std::string_view("\"<>(),;:[]\\").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  }
  std::string domain = email.substr(at + 1);
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string::npos)
    return false;
  std::string local = email.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos)
    return false;
  return true;
}

bool ValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = SeqLen(c);
    if (n == 1 || i + n > s.size()) return false;
    unsigned cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

std::string BuildMessage(const Message& m) {
  std::string h;
  h += "Date: " + Rfc5322Date(m.date_ms) + "\r\n";
  h += "From: " + FormatAddress(m.from) + "\r\n";
  h += "To: ";
  for (std::size_t i = 0; i < m.to.size(); ++i) {
    if (i) h += ",\r\n ";
    h += FormatAddress(m.to[i]);
  }
  h += "\r\n";
  h += "Subject: " + EncodeHeaderText(m.subject, 9) + "\r\n";
  h += "Message-ID: " + m.message_id + "\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=utf-8\r\n";
  h += "Content-Transfer-Encoding: base64\r\n";
  h += "\r\n";
  // The canonical form of text: CRLF line ends.
  std::string text;
  text.reserve(m.text.size() + m.text.size() / 32);
  for (std::size_t i = 0; i < m.text.size(); ++i) {
    char c = m.text[i];
    if (c == '\r') {
      text += "\r\n";
      if (i + 1 < m.text.size() && m.text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      text += "\r\n";
    } else {
      text += c;
    }
  }
  return h + Base64(text, 76);
}

}  // namespace samkjop::core::mail
