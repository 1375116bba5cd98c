// The data a spend analysis is measured against: the agreements (who may buy
// what from whom, when) and the account mapping (account -> product area).
// Both are built from plain rows, so they can come from the batch files
// (agreements.csv, categories.csv) now and from the agreement register later.
#ifndef SAMKJOP_MODULES_SPEND_REFERENCE_DATA_H_
#define SAMKJOP_MODULES_SPEND_REFERENCE_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error/status.h"
#include "core/nor/civil_date.h"

namespace samkjop::spend {

// One agreement as a source delivers it (a CSV row or a register row).
struct AgreementRow {
  std::string agreement_id;
  std::string supplier_orgnr;       // any form NormalizeOrgnr accepts
  std::string product_area;         // compared exactly (after trimming) with AccountMap areas
  std::vector<std::string> buyers;  // participating buyers' organisation numbers
  core::nor::Date valid_from;
  std::optional<core::nor::Date> valid_to;  // nullopt: open-ended
  std::string origin;  // where the row came from, for errors: "agreements.csv linje 7"
};

// A validated, normalised agreement.
struct Agreement {
  std::string agreement_id;
  std::uint32_t supplier = 0;  // organisation number as a number
  std::string product_area;
  std::vector<std::uint32_t> buyers;  // sorted, unique
  std::int32_t valid_from = 0;        // days since 1970-01-01
  std::int32_t valid_to = 0;          // inclusive; INT32_MAX when open-ended
};

class AgreementSet {
 public:
  AgreementSet() = default;

  // Validates and normalises `rows`. Errors (InvalidArgument, Norwegian
  // message naming the row's origin in the field):
  //   "spend.agreement_dates"  — valid_to before valid_from;
  //   "spend.agreement_orgnr"  — a supplier or buyer that is not a valid
  //                              organisation number, or no buyers at all;
  //   "spend.agreement_area"   — an empty product area.
  static core::Result<AgreementSet> Build(std::vector<AgreementRow> rows);

  const std::vector<Agreement>& agreements() const { return agreements_; }

 private:
  std::vector<Agreement> agreements_;
};

// One account mapping row.
struct AccountMapping {
  std::string account;
  std::string product_area;
  std::string origin;  // "categories.csv linje 3"
};

class AccountMap {
 public:
  AccountMap() = default;

  // Trims both fields and checks them. Errors (InvalidArgument, naming the
  // row): "spend.account_duplicate" — an account mapped twice (even to the
  // same area; the message names both rows); "spend.account_empty" — an
  // empty account or product area.
  static core::Result<AccountMap> Build(std::vector<AccountMapping> rows);

  // Product areas, indexed by area id (ids are dense, in first-seen order).
  const std::vector<std::string>& areas() const { return areas_; }
  // Account -> area id.
  const std::unordered_map<std::string, std::uint32_t>& accounts() const { return accounts_; }
  // The id of `area`, or -1.
  int AreaId(std::string_view area) const;

 private:
  std::vector<std::string> areas_;
  std::unordered_map<std::string, std::uint32_t> accounts_;
};

// Reads agreements.csv: header `agreement_id,supplier_orgnr,product_area,
// buyers,valid_from,valid_to` (any order, case-insensitive, extra columns
// ignored; delimiter ',', ';' or tab; UTF-8, optional BOM); buyers separated
// by '|'; dates YYYY-MM-DD or DD.MM.YYYY; an empty valid_to is open-ended.
// `name` is used in messages. Errors name the row ("<name> linje N"):
// "spend.missing_column", "spend.agreement_row" (wrong field count, bad date,
// unclosed quote), "spend.invalid_utf8", plus those of AgreementSet::Build.
core::Result<AgreementSet> ParseAgreementsCsv(std::string_view text, std::string_view name);

// Reads categories.csv: header `account,product_area`; as above. Errors:
// "spend.missing_column", "spend.category_row", "spend.invalid_utf8", plus
// those of AccountMap::Build.
core::Result<AccountMap> ParseCategoriesCsv(std::string_view text, std::string_view name);

// The largest agreements.csv or categories.csv read. They are reference
// files: a row is about 100 bytes, so 16 MiB holds well over 100 000
// agreements or account mappings (a region has hundreds to a few thousand),
// and parsing one takes about 4 times its size in memory.
inline constexpr size_t kMaxReferenceFileBytes = size_t{16} << 20;

// Reads a whole (small) file of at most `max_bytes`. A regular file is
// refused by its size before it is read; a pipe is read until it passes the
// limit. Errors (InvalidArgument, naming the file): "spend.unreadable" (not
// found, no permission, a folder, a read error); "spend.file_too_large"
// (the message names the limit in MiB).
core::Result<std::string> ReadSmallFile(const std::string& path,
                                        size_t max_bytes = kMaxReferenceFileBytes);

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_REFERENCE_DATA_H_
