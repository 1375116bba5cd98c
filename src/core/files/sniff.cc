#include "core/files/sniff.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace samkjop::core::files {
namespace {

constexpr std::size_t kHeadBytes = 8 * 1024;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::uint32_t Le32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint16_t Le16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The media type without parameters, lower case, trimmed.
std::string Essence(std::string_view t) {
  std::string s = Lower(t.substr(0, t.find(';')));
  auto b = s.find_first_not_of(" \t");
  auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Whether the text's first lines look like a table: the first line holds a
// delimiter (; , or tab) and the next non-empty lines hold it as often.
bool LooksLikeCsv(std::string_view text, bool complete) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size() && lines.size() < 6) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) {
      if (complete) lines.push_back(text.substr(at));  // a cut last line would count wrong
      break;
    }
    std::string_view line = text.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    at = nl + 1;
  }
  if (lines.empty()) return false;
  for (char d : {';', '\t', ','}) {
    auto n = std::count(lines[0].begin(), lines[0].end(), d);
    if (n == 0) continue;
    bool same = true;
    for (std::size_t i = 1; i < lines.size(); ++i)
      if (std::count(lines[i].begin(), lines[i].end(), d) != n) same = false;
    if (same) return true;
  }
  return false;
}

bool LooksLikeXml(std::string_view text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\r' || text[0] == '\n'))
    text.remove_prefix(1);
  if (StartsWith(text, "<?xml")) return true;
  // A root element without declaration: "<Name" (UBL, eForms).
  return text.size() >= 2 && text[0] == '<' &&
         ((text[1] >= 'A' && text[1] <= 'Z') || (text[1] >= 'a' && text[1] <= 'z'));
}

}  // namespace

Sniffer::Sniffer() { crypto_hash_sha256_init(&state_); }

void Sniffer::Feed(const char* data, std::size_t n) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data), n);
  if (head_.size() < kHeadBytes) head_.append(data, std::min(n, kHeadBytes - head_.size()));
  size_ += n;
  if (!text_) return;
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(data[i]);
    if (pending_ > 0) {
      if ((c & 0xC0) != 0x80) {
        text_ = false;
        return;
      }
      cp_ = (cp_ << 6) | (c & 0x3F);
      if (--pending_ == 0) {
        // Overlong forms, surrogates, beyond U+10FFFF, C1 controls.
        static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp_ < kMin[seq_len_] || (cp_ >= 0xD800 && cp_ <= 0xDFFF) || cp_ > 0x10FFFF ||
            (cp_ >= 0x80 && cp_ <= 0x9F)) {
          text_ = false;
          return;
        }
      }
      continue;
    }
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
        text_ = false;
        return;
      }
    } else if ((c & 0xE0) == 0xC0) {
      cp_ = c & 0x1F, pending_ = 1, seq_len_ = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp_ = c & 0x0F, pending_ = 2, seq_len_ = 3;
    } else if ((c & 0xF8) == 0xF0) {
      cp_ = c & 0x07, pending_ = 3, seq_len_ = 4;
    } else {
      text_ = false;
      return;
    }
  }
}

std::string Sniffer::FinishSha256() {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::vector<std::string> ZipEntryNames(std::uint64_t size, const ReadAt& read_at,
                                       std::size_t max_entries) {
  std::vector<std::string> names;
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535.
  if (size < 22) return names;
  std::size_t tail_len = static_cast<std::size_t>(std::min<std::uint64_t>(size, 22 + 65535));
  std::vector<unsigned char> tail(tail_len);
  if (read_at(size - tail_len, reinterpret_cast<char*>(tail.data()), tail_len) != tail_len)
    return names;
  std::size_t eocd = std::string::npos;
  for (std::size_t i = tail_len - 22 + 1; i-- > 0;)
    if (Le32(&tail[i]) == 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd == std::string::npos) return names;
  std::uint32_t cd_size = Le32(&tail[eocd + 12]);
  std::uint32_t cd_offset = Le32(&tail[eocd + 16]);
  // ZIP64 (0xFFFFFFFF) and directories past the end are not read: a plain ZIP then.
  constexpr std::uint32_t kMaxDirectory = 4u << 20;
  if (cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF || cd_size > kMaxDirectory ||
      static_cast<std::uint64_t>(cd_offset) + cd_size > size)
    return names;
  std::vector<unsigned char> cd(cd_size);
  if (read_at(cd_offset, reinterpret_cast<char*>(cd.data()), cd_size) != cd_size) return names;
  std::size_t at = 0;
  while (at + 46 <= cd.size() && names.size() < max_entries) {
    if (Le32(&cd[at]) != 0x02014b50) break;
    std::size_t name_len = Le16(&cd[at + 28]), extra = Le16(&cd[at + 30]),
                comment = Le16(&cd[at + 32]);
    if (at + 46 + name_len > cd.size()) break;
    names.emplace_back(reinterpret_cast<const char*>(&cd[at + 46]), name_len);
    at += 46 + name_len + extra + comment;
  }
  return names;
}

Detected Detect(std::string_view head, bool text, const std::vector<std::string>& zip_entries) {
  Detected d;
  if (StartsWith(head, "%PDF-")) {
    d.content_type = kPdf;
  } else if (StartsWith(head, "\x89PNG\r\n\x1a\n")) {
    d.content_type = kPng;
  } else if (StartsWith(head, "\xFF\xD8\xFF")) {
    d.content_type = kJpeg;
  } else if (StartsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    d.legacy_office = true;
  } else if (StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06")) {
    bool content_types = false, word = false, xl = false, ppt = false;
    for (const auto& n : zip_entries) {
      if (n == "[Content_Types].xml") content_types = true;
      if (StartsWith(n, "word/")) word = true;
      if (StartsWith(n, "xl/")) xl = true;
      if (StartsWith(n, "ppt/")) ppt = true;
    }
    d.content_type = kZip;
    if (content_types && word + xl + ppt == 1) d.content_type = word ? kDocx : xl ? kXlsx : kPptx;
  } else if (text) {
    if (LooksLikeXml(head))
      d.content_type = kXml;
    else
      d.content_type = LooksLikeCsv(head, head.size() < kHeadBytes) ? kCsv : kText;
  }
  return d;
}

Result<Inspection> InspectFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Internal("inspect " + path + ": " + std::strerror(errno));
  Sniffer sniffer;
  std::vector<char> buf(64 * 1024);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = Status::Internal("inspect " + path + ": " + std::strerror(errno));
      ::close(fd);
      return st;
    }
    if (n == 0) break;
    sniffer.Feed(buf.data(), static_cast<std::size_t>(n));
  }
  Inspection out;
  out.size = sniffer.size();
  out.sha256 = sniffer.FinishSha256();
  std::vector<std::string> entries;
  if (StartsWith(sniffer.head(), "PK"))
    entries = ZipEntryNames(out.size, [fd](std::uint64_t off, char* b, std::size_t n) {
      std::size_t got = 0;
      while (got < n) {
        ssize_t r = ::pread(fd, b + got, n - got, static_cast<off_t>(off + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += static_cast<std::size_t>(r);
      }
      return got;
    });
  ::close(fd);
  out.detected = Detect(sniffer.head(), sniffer.text(), entries);
  return out;
}

namespace {
// A 400 naming the field `filename`.
Status NameError(std::string code, std::string message) {
  return Status::InvalidField(std::move(code), "filename", std::move(message));
}
}  // namespace

bool DeclaredTypeAgrees(std::string_view declared, std::string_view detected) {
  std::string d = Essence(declared);
  if (d.empty() || d == "application/octet-stream") return true;
  std::string t = Essence(detected);
  if (d == t) return true;
  static const std::vector<std::string> kZipNames = {"application/zip", "application/x-zip",
                                                     "application/x-zip-compressed"};
  static const std::vector<std::string> kTextNames = {"text/plain", "text/csv", "application/csv",
                                                      "text/comma-separated-values",
                                                      "text/tab-separated-values",
                                                      // Windows browsers declare .csv files so.
                                                      "application/vnd.ms-excel"};
  auto in = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), d) != v.end();
  };
  if (t == kJpeg) return d == "image/jpg" || d == "image/pjpeg";
  if (t == kXml) return d == "text/xml";
  if (t == "text/csv" || t == "text/plain") return in(kTextNames);
  // An Office Open XML file is a ZIP.
  if (t == kZip || t == kDocx || t == kXlsx || t == kPptx) return in(kZipNames);
  return false;
}

Result<std::string> CheckFilename(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  if (name.empty()) return NameError("files.filename_required", "Oppgi filnavnet (?filename=).");
  Sniffer utf8;  // reuses the UTF-8 check; control characters fail it too
  std::size_t chars = 0;
  for (char c : name) {
    if (c == '\0' || c == '\r' || c == '\n' || c == '\t' || c == '\f')
      return NameError("files.filename_invalid",
                       "Filnavnet kan ikke inneholde kontrolltegn (som NUL eller linjeskift).");
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  }
  utf8.Feed(name.data(), name.size());
  if (!utf8.text())
    return NameError("files.filename_invalid", "Filnavnet må være gyldig UTF-8 uten kontrolltegn.");
  if (chars > 255) return NameError("files.filename_too_long", "Filnavnet kan ha høyst 255 tegn.");
  if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos ||
      name == "." || name == "..")
    return NameError(
        "files.filename_invalid",
        "Filnavnet kan ikke inneholde mappeskille (/ eller \\) eller være «.» eller «..».");
  return std::string(name);
}

}  // namespace samkjop::core::files
