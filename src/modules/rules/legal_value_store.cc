#include "modules/rules/legal_value_store.h"

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/storage/sql.h"

namespace samkjop::rules::store {
namespace {

using core::storage::Nullable;
using core::storage::OrEmpty;
using core::storage::Use;

// Puts `number` into the field of `v` its key's unit names, and the labels.
void Fill(LegalValue& v, const std::string& unit, long long number) {
  if (unit == "days") {
    v.days = static_cast<int>(number);
  } else if (unit == "months") {
    v.months = static_cast<int>(number);
  } else if (unit == "flag") {
    v.flag = number != 0;
  } else {
    v.amount_ore = number;
  }
  if (const KnownKey* k = FindKnownKey(v.key)) {
    v.label_nb = k->label_nb;
    v.label_en = k->label_en;
  } else {
    v.label_nb = v.label_en = v.key;
  }
}

constexpr char kColumns[] =
    "v.id, v.value_key, v.unit, v.amount, v.in_force, v.source, v.confirmed, v.supersedes, "
    "v.reason";

struct RowBuffer {
  long long id = 0, amount = 0, supersedes = 0, superseded_by = 0;
  int confirmed = 0;
  std::string key, unit, in_force, source, reason;
  soci::indicator sup_ind = soci::i_null, reason_ind = soci::i_null, by_ind = soci::i_null;

  LegalValue Take() const {
    LegalValue v;
    v.id = id;
    v.key = key;
    v.in_force = core::nor::ParseIsoDate(in_force).value_or(core::nor::Date{});
    v.source = source;
    v.confirmed = confirmed != 0;
    v.supersedes = sup_ind == soci::i_ok ? supersedes : 0;
    v.reason = OrEmpty(reason, reason_ind);
    v.superseded_by = by_ind == soci::i_ok ? superseded_by : 0;
    Fill(v, unit, amount);
    return v;
  }
};

}  // namespace

std::vector<LegalValue> LoadLegalValues(soci::session& sql) {
  RowBuffer b;
  std::vector<LegalValue> out;
  soci::statement st =
      (sql.prepare << "SELECT " << kColumns
                   << ", c.id FROM rules_legal_values v LEFT JOIN rules_legal_values c ON "
                      "c.supersedes = v.id ORDER BY v.id",
       soci::into(b.id), soci::into(b.key), soci::into(b.unit), soci::into(b.amount),
       soci::into(b.in_force), soci::into(b.source), soci::into(b.confirmed),
       soci::into(b.supersedes, b.sup_ind), soci::into(b.reason, b.reason_ind),
       soci::into(b.superseded_by, b.by_ind));
  st.execute(false);
  while (st.fetch()) out.push_back(b.Take());
  return out;
}

std::int64_t LegalValuesVersion(soci::session& sql) {
  return core::storage::ScalarInt(sql, "SELECT COALESCE(MAX(id), 0) FROM rules_legal_values");
}

std::optional<LegalValue> GetLegalValue(soci::session& sql, std::int64_t id) {
  RowBuffer b;
  long long want = id;
  sql << "SELECT " << kColumns << " FROM rules_legal_values v WHERE v.id = :id", soci::use(want),
      soci::into(b.id), soci::into(b.key), soci::into(b.unit), soci::into(b.amount),
      soci::into(b.in_force), soci::into(b.source), soci::into(b.confirmed),
      soci::into(b.supersedes, b.sup_ind), soci::into(b.reason, b.reason_ind);
  if (!sql.got_data()) return std::nullopt;
  return b.Take();
}

std::int64_t InsertLegalValue(soci::session& sql, const LegalValue& v,
                              const std::string& created_by) {
  std::string key = v.key;
  std::string unit(UnitCode(UnitOfKey(v.key).value_or(Unit::kOre)));
  long long amount = v.Number();
  std::string in_force = core::nor::FormatIsoDate(v.in_force);
  std::string source = v.source;
  int confirmed = v.confirmed ? 1 : 0;
  long long supersedes = v.supersedes;
  soci::indicator sup_ind = v.supersedes != 0 ? soci::i_ok : soci::i_null;
  Nullable reason(v.reason);
  std::string now = core::nor::NowUtcIso(), by = created_by;
  long long id = 0;
  sql << "INSERT INTO rules_legal_values (value_key, unit, amount, in_force, source, confirmed, "
         "supersedes, reason, created_at, created_by) VALUES (:k, :u, :a, :f, :s, :c, :p, :r, "
         ":t, :b) RETURNING id",
      soci::use(key), soci::use(unit), soci::use(amount), soci::use(in_force), soci::use(source),
      soci::use(confirmed), soci::use(supersedes, sup_ind), Use(reason), soci::use(now),
      soci::use(by), soci::into(id);
  return id;
}

void LockLegalValues(soci::session& sql) {
  if (core::storage::IsPostgres(sql))
    sql << "LOCK TABLE rules_legal_values IN SHARE ROW EXCLUSIVE MODE";
}

}  // namespace samkjop::rules::store
