// SQL for the legal table (rules_legal_values). Rows are only ever inserted:
// a value is never changed in place or deleted; a correction is a new row
// that supersedes the wrong one.
#ifndef SAMKJOP_MODULES_RULES_LEGAL_VALUE_STORE_H_
#define SAMKJOP_MODULES_RULES_LEGAL_VALUE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/rules/legal_table.h"

namespace soci {
class session;
}

namespace samkjop::rules::store {

// Every row in id order, with `superseded_by` set from the row that corrects
// it, and labels from the key list (KnownKeys).
std::vector<LegalValue> LoadLegalValues(soci::session& sql);

// The largest row id (0 when empty). The table is append-only, so this is its
// version: a cached table is current while it is unchanged.
std::int64_t LegalValuesVersion(soci::session& sql);

// One row (without `superseded_by`), or nullopt.
std::optional<LegalValue> GetLegalValue(soci::session& sql, std::int64_t id);

// Inserts `v` (its id is ignored); returns the new id.
std::int64_t InsertLegalValue(soci::session& sql, const LegalValue& v,
                              const std::string& created_by);

// Serialises writers to the table for the rest of the transaction: a table
// lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the write lock).
void LockLegalValues(soci::session& sql);

}  // namespace samkjop::rules::store

#endif  // SAMKJOP_MODULES_RULES_LEGAL_VALUE_STORE_H_
