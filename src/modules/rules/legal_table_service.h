// The legal table in the database (rules_legal_values): look-ups use the
// value in force on the date in question, read from the database (cached
// while the table is unchanged), and an administrator adds a value or
// supersedes a wrong one. Public: later modules (spend, the register) get it
// with sv.Get<rules::LegalTableService>() and call Table().
#ifndef SAMKJOP_MODULES_RULES_LEGAL_TABLE_SERVICE_H_
#define SAMKJOP_MODULES_RULES_LEGAL_TABLE_SERVICE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/audit/audit.h"
#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/rules/legal_table.h"

namespace soci {
class session;
}

namespace samkjop::rules {

// What an administrator enters: a key, exactly one of the four amounts (the
// one the key's prefix fixes), the in-force date, the source and whether the
// value is confirmed; `supersedes` (a row id) and `reason` when correcting a
// wrong row. `reason` is also required for a new value dated before the
// key's latest value (back-dating).
struct NewLegalValue {
  std::string key;
  std::optional<std::int64_t> amount_ore, days, months;
  std::optional<bool> flag;
  std::string in_force;  // YYYY-MM-DD
  std::string source;
  std::optional<bool> confirmed;
  std::int64_t supersedes = 0;  // 0: a new value
  std::string reason;
};

// One change of the table, as the hook sees it.
struct LegalValueChange {
  LegalValue value;                      // the new row, with its id
  std::optional<LegalValue> superseded;  // the row it corrects, if any
  core::audit::Actor actor;
};

// Called inside the change's transaction, after the row and its audit entry
// are written; an error rolls the change back. THE hook for DL-6 (the
// municipalities are informed of rule changes): the application wires it to
// notifications.
using OnLegalValueChange =
    std::function<core::Status(soci::session& tx, const LegalValueChange& change)>;

class LegalTableService {
 public:
  explicit LegalTableService(core::storage::Database& db, OnLegalValueChange on_change = {});

  // Replaces the change hook (the application, at start-up).
  void SetOnChange(OnLegalValueChange on_change);

  // The table from the database, every row (superseded ones are kept for the
  // history and skipped by look-ups). Cached while the table's version (its
  // largest id: rows are only inserted) is unchanged, so another server's
  // change is seen at the next call.
  std::shared_ptr<const LegalTable> Table();
  // The same, on a session the caller holds (inside its transaction).
  std::shared_ptr<const LegalTable> Table(soci::session& sql);

  // Adds a value, or supersedes row `supersedes`, with its audit entry and
  // the hook in one transaction. Errors: 403 rules.not_allowed (no
  // rules.values.write); 400 rules.unknown_key (key), rules.unit_mismatch
  // (an amount field that does not fit the key, or none, or two),
  // rules.invalid_legal_value (negative or too large amount, bad in-force
  // date, missing source or confirmed), rules.reason_required (superseding,
  // or back-dating, without a reason); 404 rules.value_not_found
  // (supersedes); 409 rules.already_superseded, rules.duplicate_value (the
  // key already has a value from that date: supersede it instead).
  core::Result<LegalValue> Add(const core::auth::Caller& caller, const NewLegalValue& in);

 private:
  core::storage::Database& db_;
  OnLegalValueChange on_change_;
  std::mutex mu_;
  std::int64_t version_ = -1;
  std::shared_ptr<const LegalTable> cached_;
};

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_LEGAL_TABLE_SERVICE_H_
