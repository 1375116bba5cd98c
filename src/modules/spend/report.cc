#include "modules/spend/report.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace samkjop::spend {
namespace {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t run = 0;  // start of the current run of bytes that need no escaping
  for (size_t idx = 0; idx < s.size(); ++idx) {
    const unsigned char c = static_cast<unsigned char>(s[idx]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, idx - run);
    run = idx + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out->append(buf);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

std::string FormatMicro(std::int64_t micro) {
  std::string sign = micro < 0 ? "-" : "";
  const std::uint64_t m =
      micro < 0 ? static_cast<std::uint64_t>(-(micro + 1)) + 1 : static_cast<std::uint64_t>(micro);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%llu.%06llu", sign.c_str(),
                static_cast<unsigned long long>(m / 1000000),
                static_cast<unsigned long long>(m % 1000000));
  return buf;
}

}  // namespace

std::string_view ReasonCode(RejectReason reason) {
  switch (reason) {
    case RejectReason::kFieldCount: return "field_count";
    case RejectReason::kInvalidBuyer: return "invalid_buyer_orgnr";
    case RejectReason::kInvalidDate: return "invalid_date";
    case RejectReason::kInvalidAmount: return "invalid_amount";
    case RejectReason::kAmountOverflow: return "amount_overflow";
    case RejectReason::kUnclosedQuote: return "unclosed_quote";
    case RejectReason::kRecordTooLong: return "record_too_long";
    case RejectReason::kCurrencyNotNok: return "currency_not_nok";
    case RejectReason::kBuyerNotNorwegian: return "buyer_not_norwegian";
  }
  return "unknown";
}

std::string_view ReasonTextNb(RejectReason reason) {
  switch (reason) {
    case RejectReason::kFieldCount: return "Antall felt stemmer ikke med overskriftsraden";
    case RejectReason::kInvalidBuyer: return "buyer_orgnr er ikke et gyldig organisasjonsnummer";
    case RejectReason::kInvalidDate: return "invoice_date er ikke en gyldig dato";
    case RejectReason::kInvalidAmount: return "amount er ikke et gyldig beløp";
    case RejectReason::kAmountOverflow: return "amount er for stort";
    case RejectReason::kUnclosedQuote: return "Et anførselstegn er ikke lukket ved filslutt";
    case RejectReason::kRecordTooLong: return "Posten er for lang";
    case RejectReason::kCurrencyNotNok: return "Valutaen er ikke NOK";
    case RejectReason::kBuyerNotNorwegian: return "Kjøperen har ikke norsk organisasjonsnummer";
  }
  return "Ukjent";
}

std::string_view RiskLevelCode(RiskLevel level) {
  switch (level) {
    case RiskLevel::kProtocol: return "protocol";
    case RiskLevel::kNational: return "national";
    case RiskLevel::kEea: return "eea";
  }
  return "unknown";
}

namespace {

// Appends the decimal digits of |v| (any size).
void AppendMagnitude(std::string* out, OreSum v) {
  unsigned __int128 m =
      v < 0 ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  char digits[48];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  } while (m);
  while (n) out->push_back(digits[--n]);
}

// Appends øre as NOK with two decimals, exactly.
void AppendOre(std::string* out, OreSum ore) {
  if (ore < 0) out->push_back('-');
  const OreSum whole = ore / 100;  // truncates toward zero, like the sign above
  const int cents = static_cast<int>(ore < 0 ? -(ore % 100) : ore % 100);
  AppendMagnitude(out, whole);
  out->push_back('.');
  out->push_back(static_cast<char>('0' + cents / 10));
  out->push_back(static_cast<char>('0' + cents % 10));
}

// Appends øre as a JSON integer, exactly (128 bits).
void AppendOreInteger(std::string* out, OreSum ore) {
  if (ore < 0) out->push_back('-');
  AppendMagnitude(out, ore);
}

void AppendInt(std::string* out, std::int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

}  // namespace

std::string FormatOre(OreSum ore) {
  std::string out;
  AppendOre(&out, ore);
  return out;
}

std::optional<double> OreAsSpreadsheetNok(OreSum ore) {
  constexpr OreSum kLimit = 1'000'000'000'000'000;  // 10^15: 15 significant digits
  if (ore <= -kLimit || ore >= kLimit) return std::nullopt;
  // |ore| < 2^53, so it converts exactly, and the division is correctly
  // rounded: the nearest double to the decimal NOK value.
  return static_cast<double>(static_cast<std::int64_t>(ore)) / 100.0;
}

namespace {

// Writes the JSON report into *out_ptr, calling flush(out_ptr) after each row
// so a caller can stream it.
template <typename Flush>
void EmitJson(const SpendReport& r, std::string* out_ptr, Flush&& flush) {
  std::string& out = *out_ptr;
  out += "{\n  \"year\": ";
  AppendInt(&out, r.year);
  out += ",\n  \"thresholds\": {\"protocol_ore\": ";
  AppendOreInteger(&out, r.thresholds.protocol_ore);
  out += ", \"national_ore\": ";
  AppendOreInteger(&out, r.thresholds.national_ore);
  out += ", \"eea_ore\": ";
  AppendOreInteger(&out, r.thresholds.eea_ore);
  const SpendCounts& c = r.counts;
  const std::pair<const char*, std::int64_t> counts[] = {
      {"lines_read", c.lines_read},   {"rejected", c.rejected},
      {"out_of_year", c.out_of_year}, {"unmapped_account", c.unmapped_account},
      {"in_scope", c.in_scope},       {"unknown_supplier", c.unknown_supplier}};
  out += "},\n  \"counts\": {";
  for (size_t idx = 0; idx < std::size(counts); ++idx) {
    if (idx) out += ", ";
    out += '"';
    out += counts[idx].first;
    out += "\": ";
    AppendInt(&out, counts[idx].second);
  }
  out += "},\n  \"rejected_examples\": [";
  for (size_t idx = 0; idx < r.rejected_examples.size(); ++idx) {
    const RejectedExample& e = r.rejected_examples[idx];
    out += idx ? ",\n    {\"file\": " : "\n    {\"file\": ";
    AppendJsonString(&out, e.file);
    out += ", \"line\": ";
    AppendInt(&out, static_cast<std::int64_t>(e.line));
    out += ", \"reason\": ";
    AppendJsonString(&out, ReasonCode(e.reason));
    out += "}";
  }
  out += r.rejected_examples.empty() ? "],\n" : "\n  ],\n";
  out += "  \"loyalty\": [";
  for (size_t idx = 0; idx < r.loyalty.size(); ++idx) {
    const LoyaltyRow& l = r.loyalty[idx];
    out += idx ? ",\n    {\"buyer_orgnr\": " : "\n    {\"buyer_orgnr\": ";
    AppendJsonString(&out, l.buyer_orgnr);
    out += ", \"product_area\": ";
    AppendJsonString(&out, l.product_area);
    out += ", \"total_ore\": ";
    AppendOreInteger(&out, l.total);
    out += ", \"covered_ore\": ";
    AppendOreInteger(&out, l.covered);
    out += ", \"share\": ";
    out += l.share_micro ? FormatMicro(*l.share_micro) : "null";
    out += "}";
    flush(out_ptr);
  }
  out += r.loyalty.empty() ? "],\n" : "\n  ],\n";
  out += "  \"risks\": [";
  for (size_t idx = 0; idx < r.risks.size(); ++idx) {
    const RiskRow& k = r.risks[idx];
    out += idx ? ",\n    {\"buyer_orgnr\": " : "\n    {\"buyer_orgnr\": ";
    AppendJsonString(&out, k.buyer_orgnr);
    out += ", \"supplier_orgnr\": ";
    AppendJsonString(&out, k.supplier_orgnr);
    out += ", \"supplier_name\": ";
    AppendJsonString(&out, k.supplier_name);
    out += ", \"product_area\": ";
    AppendJsonString(&out, k.product_area);
    out += ", \"uncovered_ore\": ";
    AppendOreInteger(&out, k.uncovered);
    out += ", \"estimated_value_ore\": ";
    AppendOreInteger(&out, k.estimated_value);
    out += ", \"level\": ";
    AppendJsonString(&out, RiskLevelCode(k.level));
    out += "}";
    flush(out_ptr);
  }
  out += r.risks.empty() ? "],\n" : "\n  ],\n";
  out += "  \"file_errors\": [";
  for (size_t idx = 0; idx < r.file_errors.size(); ++idx) {
    out += idx ? ",\n    {\"file\": " : "\n    {\"file\": ";
    AppendJsonString(&out, r.file_errors[idx].file);
    out += ", \"message\": ";
    AppendJsonString(&out, r.file_errors[idx].message);
    out += "}";
  }
  out += r.file_errors.empty() ? "]\n}\n" : "\n  ]\n}\n";
}

}  // namespace

std::string ToJson(const SpendReport& r) {
  std::string out;
  out.reserve(1024 + r.loyalty.size() * 160 + r.risks.size() * 260);
  EmitJson(r, &out, [](std::string*) {});
  return out;
}

core::Status WriteJson(const SpendReport& r, std::FILE* file, const std::string& name) {
  constexpr size_t kChunk = size_t{1} << 20;
  std::string out;
  out.reserve(kChunk + 4096);
  bool ok = true;
  auto flush = [&](std::string* buf) {
    if (buf->size() < kChunk) return;
    ok = ok && std::fwrite(buf->data(), 1, buf->size(), file) == buf->size();
    buf->clear();
  };
  EmitJson(r, &out, flush);
  ok = ok && std::fwrite(out.data(), 1, out.size(), file) == out.size();
  ok = std::fflush(file) == 0 && ok;
  if (!ok) {
    return core::Status::InvalidField("spend.write_failed", name,
                                      "kan ikke skrive rapporten " + name);
  }
  return core::Status::Ok();
}

core::Status WriteXlsx(const SpendReport& r, const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows are written in order; keeps memory flat
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    return core::Status::InvalidField("spend.xlsx_write", path,
                                      "kan ikke opprette regnearket " + path);
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* share = workbook_add_format(wb);
  format_set_num_format(share, "0.0%");
  lxw_format* exact_text = workbook_add_format(wb);  // an amount too large to be a number
  format_set_align(exact_text, LXW_ALIGN_RIGHT);
  constexpr lxw_row_t kMaxRows = 1048576;

  // Money: a number in NOK where that is exact (OreAsSpreadsheetNok), else
  // the exact NOK text with two decimals.
  auto write_ore = [&](lxw_worksheet* sheet, lxw_row_t at, lxw_col_t col, OreSum ore) {
    if (const std::optional<double> nok = OreAsSpreadsheetNok(ore)) {
      worksheet_write_number(sheet, at, col, *nok, money);
    } else {
      worksheet_write_string(sheet, at, col, FormatOre(ore).c_str(), exact_text);
    }
  };
  // Counts and line numbers: numbers while they have at most 15 digits.
  auto write_count = [&](lxw_worksheet* sheet, lxw_row_t at, lxw_col_t col, std::int64_t value) {
    if (value > -1'000'000'000'000'000 && value < 1'000'000'000'000'000) {
      worksheet_write_number(sheet, at, col, static_cast<double>(value), nullptr);
    } else {
      worksheet_write_string(sheet, at, col, std::to_string(value).c_str(), exact_text);
    }
  };

  auto header = [&](lxw_worksheet* ws, std::initializer_list<const char*> names) {
    lxw_col_t col = 0;
    for (const char* name : names) worksheet_write_string(ws, 0, col++, name, bold);
  };

  // counts
  lxw_worksheet* ws = workbook_add_worksheet(wb, "counts");
  header(ws, {"measure", "value"});
  const std::pair<const char*, std::int64_t> counts[] = {
      {"lines_read", r.counts.lines_read},   {"rejected", r.counts.rejected},
      {"out_of_year", r.counts.out_of_year}, {"unmapped_account", r.counts.unmapped_account},
      {"in_scope", r.counts.in_scope},       {"unknown_supplier", r.counts.unknown_supplier}};
  lxw_row_t row = 1;
  worksheet_write_string(ws, row, 0, "year", nullptr);
  worksheet_write_number(ws, row++, 1, r.year, nullptr);
  for (const auto& [name, value] : counts) {
    worksheet_write_string(ws, row, 0, name, nullptr);
    write_count(ws, row++, 1, value);
  }
  const std::pair<const char*, std::int64_t> thresholds[] = {
      {"threshold_protocol_nok", r.thresholds.protocol_ore},
      {"threshold_national_nok", r.thresholds.national_ore},
      {"threshold_eea_nok", r.thresholds.eea_ore}};
  for (const auto& [name, value] : thresholds) {
    worksheet_write_string(ws, row, 0, name, nullptr);
    write_ore(ws, row++, 1, value);
  }
  for (const FileError& e : r.file_errors) {
    worksheet_write_string(ws, row, 0, ("file_error: " + e.file).c_str(), nullptr);
    worksheet_write_string(ws, row++, 1, e.message.c_str(), nullptr);
  }
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 18, nullptr);

  // rejected
  ws = workbook_add_worksheet(wb, "rejected");
  header(ws, {"file", "line", "reason", "explanation"});
  row = 1;
  for (const RejectedExample& e : r.rejected_examples) {
    worksheet_write_string(ws, row, 0, e.file.c_str(), nullptr);
    write_count(ws, row, 1, static_cast<std::int64_t>(e.line));
    worksheet_write_string(ws, row, 2, std::string(ReasonCode(e.reason)).c_str(), nullptr);
    worksheet_write_string(ws, row++, 3, std::string(ReasonTextNb(e.reason)).c_str(), nullptr);
  }
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 2, 3, 30, nullptr);

  // loyalty
  ws = workbook_add_worksheet(wb, "loyalty");
  header(ws, {"buyer_orgnr", "product_area", "total", "covered", "share"});
  row = 1;
  for (const LoyaltyRow& l : r.loyalty) {
    if (row >= kMaxRows) break;
    worksheet_write_string(ws, row, 0, l.buyer_orgnr.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, l.product_area.c_str(), nullptr);
    write_ore(ws, row, 2, l.total);
    write_ore(ws, row, 3, l.covered);
    if (l.share_micro) worksheet_write_number(ws, row, 4, *l.share_micro / 1e6, share);
    ++row;
  }
  worksheet_set_column(ws, 0, 1, 24, nullptr);
  worksheet_set_column(ws, 2, 3, 18, nullptr);

  // risks
  ws = workbook_add_worksheet(wb, "risks");
  header(ws, {"buyer_orgnr", "supplier_orgnr", "supplier_name", "product_area", "uncovered",
              "estimated_value", "level"});
  row = 1;
  for (const RiskRow& k : r.risks) {
    if (row >= kMaxRows) break;
    worksheet_write_string(ws, row, 0, k.buyer_orgnr.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, k.supplier_orgnr.c_str(), nullptr);
    worksheet_write_string(ws, row, 2, k.supplier_name.c_str(), nullptr);
    worksheet_write_string(ws, row, 3, k.product_area.c_str(), nullptr);
    write_ore(ws, row, 4, k.uncovered);
    write_ore(ws, row, 5, k.estimated_value);
    worksheet_write_string(ws, row++, 6, std::string(RiskLevelCode(k.level)).c_str(), nullptr);
  }
  worksheet_set_column(ws, 0, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 3, 32, nullptr);
  worksheet_set_column(ws, 4, 5, 18, nullptr);

  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return core::Status::InvalidField(
        "spend.xlsx_write", path, "kan ikke skrive regnearket " + path + ": " + lxw_strerror(err));
  }
  return core::Status::Ok();
}

}  // namespace samkjop::spend
