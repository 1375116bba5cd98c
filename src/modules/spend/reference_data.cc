#include "modules/spend/reference_data.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>

#include "core/nor/orgnr.h"
#include "modules/spend/csv_scan.h"
#include "modules/spend/field_parse.h"
#include "modules/spend/invoice_source.h"

namespace samkjop::spend {
namespace {

using core::Status;

std::int32_t ToDays(core::nor::Date d) {
  return DaysFromCivil(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

Status RowError(std::string code, const std::string& origin, std::string message) {
  return Status::InvalidField(std::move(code), origin, origin + ": " + message);
}

std::optional<core::nor::Date> ParseAnyDate(std::string_view s) {
  if (auto d = core::nor::ParseIsoDate(s)) return d;
  return core::nor::ParseNorwegianDate(s);
}

// Splits a small reference CSV into a header index and data rows. Returns the
// column index of each name in `columns` through *index.
core::Result<std::vector<CsvRow>> ReadTable(std::string_view text, std::string_view name,
                                            const std::vector<std::string_view>& columns,
                                            std::vector<size_t>* index) {
  text = StripBom(text);
  size_t bad = 0;
  if (!ValidateUtf8(text.data(), text.size(), &bad)) {
    const std::uint64_t line = CountNewlines(text.data(), bad) + 1;
    const std::string origin = std::string(name) + " linje " + std::to_string(line);
    return RowError("spend.invalid_utf8", origin,
                    "filen er ikke gyldig UTF-8 (kanskje Latin-1/Windows-1252); lagre den som "
                    "UTF-8");
  }
  // The header is the first non-blank record.
  std::vector<CsvRow> probe = ParseSmallCsv(text, ',');
  if (probe.empty()) {
    return Status::InvalidField("spend.missing_column", std::string(name),
                                std::string(name) + ": filen er tom (ingen overskriftsrad)");
  }
  // Find the raw header text: from the start to the end of the header record.
  const std::uint64_t header_line = probe.front().line;
  size_t header_end = 0;
  {
    std::uint64_t line = 1;
    bool quoted = false;
    size_t idx = 0;
    for (; idx < text.size(); ++idx) {
      const char c = text[idx];
      if (c == '"') quoted = !quoted;
      if (c == '\n') {
        if (!quoted && line >= header_line) break;
        ++line;
      }
    }
    header_end = idx;
  }
  const char delim = DetectDelimiter(text.substr(0, header_end), columns);
  std::vector<CsvRow> rows = ParseSmallCsv(text, delim);
  const std::vector<std::string>& header = rows.front().fields;
  index->assign(columns.size(), SIZE_MAX);
  std::string missing;
  for (size_t col = 0; col < columns.size(); ++col) {
    for (size_t idx = 0; idx < header.size(); ++idx) {
      if (AsciiLower(header[idx]) == columns[col]) {
        (*index)[col] = idx;
        break;
      }
    }
    if ((*index)[col] == SIZE_MAX) {
      if (!missing.empty()) missing += ", ";
      missing += columns[col];
    }
  }
  if (!missing.empty()) {
    const std::string origin = std::string(name) + " linje " + std::to_string(rows.front().line);
    return RowError("spend.missing_column", origin, "mangler kolonne: " + missing);
  }
  rows.erase(rows.begin());
  return rows;
}

}  // namespace

core::Result<AgreementSet> AgreementSet::Build(std::vector<AgreementRow> rows) {
  AgreementSet set;
  set.agreements_.reserve(rows.size());
  for (AgreementRow& row : rows) {
    Agreement a;
    a.agreement_id = std::move(row.agreement_id);
    a.supplier = ParseOrgnr(TrimBlank(row.supplier_orgnr));
    if (a.supplier == kNoOrgnr) {
      return RowError(
          "spend.agreement_orgnr", row.origin,
          "supplier_orgnr «" + row.supplier_orgnr + "» er ikke et gyldig organisasjonsnummer");
    }
    a.product_area = std::string(TrimBlank(row.product_area));
    if (a.product_area.empty())
      return RowError("spend.agreement_area", row.origin, "product_area er tom");
    for (const std::string& buyer : row.buyers) {
      const std::string_view trimmed = TrimBlank(buyer);
      if (trimmed.empty()) continue;
      const std::uint32_t b = ParseOrgnr(trimmed);
      if (b == kNoOrgnr) {
        return RowError("spend.agreement_orgnr", row.origin,
                        "kjøper «" + buyer + "» er ikke et gyldig organisasjonsnummer");
      }
      a.buyers.push_back(b);
    }
    if (a.buyers.empty())
      return RowError("spend.agreement_orgnr", row.origin, "avtalen har ingen kjøpere (buyers)");
    std::sort(a.buyers.begin(), a.buyers.end());
    a.buyers.erase(std::unique(a.buyers.begin(), a.buyers.end()), a.buyers.end());
    a.valid_from = ToDays(row.valid_from);
    a.valid_to = row.valid_to ? ToDays(*row.valid_to) : INT32_MAX;
    if (a.valid_to < a.valid_from) {
      return RowError("spend.agreement_dates", row.origin,
                      "valid_to (" + core::nor::FormatIsoDate(*row.valid_to) +
                          ") er før valid_from (" + core::nor::FormatIsoDate(row.valid_from) +
                          ") i avtale «" + a.agreement_id + "»");
    }
    set.agreements_.push_back(std::move(a));
  }
  return set;
}

core::Result<AccountMap> AccountMap::Build(std::vector<AccountMapping> rows) {
  AccountMap map;
  std::unordered_map<std::string, std::string> origin_of;  // account -> first row
  std::unordered_map<std::string, std::uint32_t> area_ids;
  for (AccountMapping& row : rows) {
    std::string account(TrimBlank(row.account));
    std::string area(TrimBlank(row.product_area));
    if (account.empty()) return RowError("spend.account_empty", row.origin, "account er tom");
    if (area.empty()) return RowError("spend.account_empty", row.origin, "product_area er tom");
    auto [it, inserted] = origin_of.emplace(account, row.origin);
    if (!inserted) {
      return RowError(
          "spend.account_duplicate", row.origin,
          "kontoen «" + account + "» er allerede koblet til et produktområde (" + it->second + ")");
    }
    auto [area_it, new_area] =
        area_ids.emplace(area, static_cast<std::uint32_t>(map.areas_.size()));
    if (new_area) map.areas_.push_back(area);
    map.accounts_.emplace(std::move(account), area_it->second);
  }
  return map;
}

int AccountMap::AreaId(std::string_view area) const {
  for (size_t idx = 0; idx < areas_.size(); ++idx)
    if (areas_[idx] == area) return static_cast<int>(idx);
  return -1;
}

core::Result<AgreementSet> ParseAgreementsCsv(std::string_view text, std::string_view name) {
  static const std::vector<std::string_view> kColumns = {
      "agreement_id", "supplier_orgnr", "product_area", "buyers", "valid_from", "valid_to"};
  std::vector<size_t> index;
  core::Result<std::vector<CsvRow>> table = ReadTable(text, name, kColumns, &index);
  if (!table.ok()) return table.status();
  std::vector<AgreementRow> rows;
  const size_t want_fields = std::max<size_t>(*std::max_element(index.begin(), index.end()) + 1, 0);
  for (const CsvRow& csv : *table) {
    const std::string origin = std::string(name) + " linje " + std::to_string(csv.line);
    if (csv.unclosed_quote)
      return RowError("spend.agreement_row", origin, "et anførselstegn er ikke lukket");
    if (csv.fields.size() < want_fields) {
      return RowError("spend.agreement_row", origin,
                      "raden har " + std::to_string(csv.fields.size()) + " felt");
    }
    AgreementRow row;
    row.origin = origin;
    row.agreement_id = csv.fields[index[0]];
    row.supplier_orgnr = csv.fields[index[1]];
    row.product_area = csv.fields[index[2]];
    std::string_view buyers = csv.fields[index[3]];
    while (!buyers.empty()) {
      const size_t bar = buyers.find('|');
      row.buyers.emplace_back(TrimBlank(buyers.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      buyers.remove_prefix(bar + 1);
    }
    const std::string& from = csv.fields[index[4]];
    const std::string& to = csv.fields[index[5]];
    auto valid_from = ParseAnyDate(from);
    if (!valid_from)
      return RowError("spend.agreement_row", origin, "valid_from «" + from + "» er ikke en dato");
    row.valid_from = *valid_from;
    if (!to.empty()) {
      auto valid_to = ParseAnyDate(to);
      if (!valid_to)
        return RowError("spend.agreement_row", origin, "valid_to «" + to + "» er ikke en dato");
      row.valid_to = *valid_to;
    }
    rows.push_back(std::move(row));
  }
  return AgreementSet::Build(std::move(rows));
}

core::Result<AccountMap> ParseCategoriesCsv(std::string_view text, std::string_view name) {
  static const std::vector<std::string_view> kColumns = {"account", "product_area"};
  std::vector<size_t> index;
  core::Result<std::vector<CsvRow>> table = ReadTable(text, name, kColumns, &index);
  if (!table.ok()) return table.status();
  std::vector<AccountMapping> rows;
  const size_t want_fields = std::max(index[0], index[1]) + 1;
  for (const CsvRow& csv : *table) {
    const std::string origin = std::string(name) + " linje " + std::to_string(csv.line);
    if (csv.unclosed_quote)
      return RowError("spend.category_row", origin, "et anførselstegn er ikke lukket");
    if (csv.fields.size() < want_fields) {
      return RowError("spend.category_row", origin,
                      "raden har " + std::to_string(csv.fields.size()) + " felt");
    }
    rows.push_back({csv.fields[index[0]], csv.fields[index[1]], origin});
  }
  return AccountMap::Build(std::move(rows));
}

core::Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes) {
  core::Result<std::unique_ptr<FdByteSource>> source = FdByteSource::Open(path);
  if (!source.ok()) return source.status();
  const std::string limit = FormatMiB(max_bytes);
  const std::int64_t size = (*source)->SizeHint();
  if (size >= 0 && static_cast<std::uint64_t>(size) > max_bytes) {
    return Status::InvalidField(
        "spend.file_too_large", path,
        path + ": filen er på " + std::to_string(size) + " byte, over grensen på " + limit);
  }
  std::string data;
  if (size > 0) data.reserve(static_cast<size_t>(size));
  char buf[1 << 16];
  while (true) {
    core::Result<size_t> n = (*source)->Read(buf, sizeof buf);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    if (*n > max_bytes - data.size()) {
      return Status::InvalidField("spend.file_too_large", path,
                                  path + ": filen er større enn grensen på " + limit);
    }
    data.append(buf, *n);
  }
  return data;
}

}  // namespace samkjop::spend
