#include "core/import/csv_reader.h"

#include <cstdint>

namespace samkjop::core::import {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += static_cast<size_t>(n) + 1;
  }
  return true;
}

namespace {

void AppendUtf8(std::string* out, std::uint32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252's 0x80–0x9F; 0xFFFD where the code page leaves a hole.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string Where(int line, int column) {
  return "linje " + std::to_string(line) + ", kolonne " + std::to_string(column);
}

Status CsvError(const std::string& code, int line, int column, const std::string& what) {
  std::string where = Where(line, column);
  std::string message = where;
  message[0] = 'L';
  return Status::InvalidField(code, where, message + ": " + what);
}

}  // namespace

std::string Cp1252ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c < 0x80)
      out += static_cast<char>(c);
    else if (c < 0xA0)
      AppendUtf8(&out, kCp1252High[c - 0x80]);
    else
      AppendUtf8(&out, c);
  }
  return out;
}

Result<CsvTable> ReadCsv(std::string_view bytes, const CsvOptions& options) {
  CsvTable table;
  std::string converted;
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    table.encoding = "UTF-8 (BOM)";
    if (!IsValidUtf8(text)) {
      // A BOM but not UTF-8: find the first bad line for the message.
      int line = 1;
      size_t start = 0;
      for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
          if (!IsValidUtf8(text.substr(start, i - start)))
            return CsvError("import.csv_encoding", line, 1,
                            "filen sier den er UTF-8, men linjen er ikke gyldig UTF-8.");
          start = i + 1;
          ++line;
        }
      }
    }
  } else if (IsValidUtf8(text)) {
    table.encoding = "UTF-8";
  } else {
    converted = Cp1252ToUtf8(text);
    text = converted;
    table.encoding = "Windows-1252";
  }

  char delim = options.delimiter;
  if (!delim) {
    size_t counts[3] = {0, 0, 0};  // ; , tab
    bool quoted = false;
    for (char c : text) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n') break;
      if (c == ';') ++counts[0];
      if (c == ',') ++counts[1];
      if (c == '\t') ++counts[2];
    }
    delim = ';';
    if (counts[1] > counts[0] && counts[1] >= counts[2]) delim = ',';
    if (counts[2] > counts[0] && counts[2] > counts[1]) delim = '\t';
  }
  table.delimiter = delim;

  // The state machine over the whole text.
  std::vector<std::string> fields;
  std::string field;
  int line = 1, row_line = 1;
  bool in_quotes = false, after_quote = false, field_started = false;
  int quote_line = 0;
  auto column = [&] { return static_cast<int>(fields.size()) + 1; };
  auto end_row = [&]() -> Status {
    fields.push_back(std::move(field));
    field.clear();
    bool blank = fields.size() == 1 && fields[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = std::move(fields);
      } else {
        if (options.require_header_width && fields.size() != table.header.size())
          return CsvError("import.csv_width", row_line, static_cast<int>(fields.size()),
                          "raden har " + std::to_string(fields.size()) +
                              " felt, men overskriften har " + std::to_string(table.header.size()) +
                              ".");
        table.rows.push_back({row_line, std::move(fields)});
      }
    }
    fields.clear();
    after_quote = false;
    field_started = false;
    return Status::Ok();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == delim) {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      SAMKJOP_RETURN_IF_ERROR(end_row());
      ++line;
      row_line = line;
    } else if (after_quote) {
      return CsvError("import.csv_quote", line, column(),
                      "tegn etter avsluttende anførselstegn; et anførselstegn i et felt skrives "
                      "som \"\".");
    } else if (c == '"') {
      if (field_started)
        return CsvError("import.csv_quote", line, column(),
                        "anførselstegn midt i et felt uten anførselstegn rundt; skriv feltet i "
                        "anførselstegn og \"\" for hvert anførselstegn.");
      in_quotes = true;
      quote_line = line;
      field_started = true;
    } else {
      field += c;
      field_started = true;
    }
    if (field.size() > options.max_field_bytes)
      return CsvError("import.csv_field_too_long", line, column(),
                      "feltet er lengre enn " + std::to_string(options.max_field_bytes) + " byte.");
  }
  if (in_quotes)
    return CsvError("import.csv_quote", quote_line, column(),
                    "anførselstegnet som åpner feltet lukkes aldri.");
  if (!field.empty() || !fields.empty() || field_started) SAMKJOP_RETURN_IF_ERROR(end_row());
  if (table.header.empty())
    return Status::InvalidField("import.csv_empty", "file", "Filen har ingen rader.");
  return table;
}

}  // namespace samkjop::core::import
