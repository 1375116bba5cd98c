#include "modules/rules/legal_table_service.h"

#include <soci/soci.h>

#include <utility>
#include <vector>

#include "core/nor/civil_date.h"
#include "modules/rules/legal_value_store.h"
#include "modules/rules/money.h"
#include "modules/rules/permissions.h"
#include "modules/rules/rules_json.h"
#include "modules/rules/time_limits.h"

namespace samkjop::rules {
namespace {

using core::FieldError;
using core::Status;
using core::nor::Date;
using core::nor::FormatNorwegianDate;

constexpr std::int64_t kMaxMonths = 1200;  // a hundred years

// The body field that carries a value of `unit`.
const char* FieldOf(Unit unit) {
  switch (unit) {
    case Unit::kOre: return "amount_ore";
    case Unit::kDays: return "days";
    case Unit::kMonths: return "months";
    case Unit::kFlag: return "flag";
  }
  return "amount_ore";
}

const char* UnitNb(Unit unit) {
  switch (unit) {
    case Unit::kOre: return "et beløp i øre (amount_ore)";
    case Unit::kDays: return "et antall dager (days)";
    case Unit::kMonths: return "et antall måneder (months)";
    case Unit::kFlag: return "ja/nei (flag)";
  }
  return "";
}

Date FirstAllowed() { return *core::nor::ParseIsoDate("2017-01-01"); }
Date LastAllowed() { return *core::nor::ParseIsoDate("2200-12-31"); }

// The checks that need no database: the key, the amount in the key's unit,
// the date, the source, confirmed and the reason. Fills `out` when OK.
Status Validate(const NewLegalValue& in, LegalValue* out) {
  if (in.key.empty()) {
    return Status::InvalidField("rules.unknown_key", "key", "Oppgi nøkkelen (key).");
  }
  const KnownKey* known = FindKnownKey(in.key);
  if (known == nullptr) {
    std::optional<Unit> unit = UnitOfKey(in.key);
    std::string list;
    for (const KnownKey& k : KnownKeys()) {
      if (unit.has_value() && k.unit != *unit) continue;
      if (!list.empty()) list += ", ";
      list += k.key;
    }
    return Status::InvalidField(
        "rules.unknown_key", "key",
        unit.has_value()
            ? "Ukjent nøkkel «" + in.key + "». Kjente nøkler med samme prefiks: " + list + "."
            : "Ukjent nøkkel «" + in.key +
                  "». En nøkkel begynner med threshold., days., months. eller flag.");
  }
  const Unit unit = known->unit;
  const char* want = FieldOf(unit);
  struct Given {
    const char* field;
    bool present;
  };
  const Given given[] = {{"amount_ore", in.amount_ore.has_value()},
                         {"days", in.days.has_value()},
                         {"months", in.months.has_value()},
                         {"flag", in.flag.has_value()}};
  for (const Given& g : given) {
    if (g.present && std::string_view(g.field) != want) {
      return Status::InvalidField("rules.unit_mismatch", g.field,
                                  "«" + std::string(g.field) + "» passer ikke til «" + in.key +
                                      "», som er " + UnitNb(unit) + ".");
    }
  }
  bool any = false;
  for (const Given& g : given) any = any || g.present;
  if (!any) {
    return Status::InvalidField("rules.unit_mismatch", want,
                                "«" + in.key + "» er " + UnitNb(unit) + ": oppgi «" + want + "».");
  }

  std::vector<FieldError> errors;
  LegalValue v;
  v.key = in.key;
  v.label_nb = known->label_nb;
  v.label_en = known->label_en;
  switch (unit) {
    case Unit::kOre:
      if (*in.amount_ore < 0) {
        errors.push_back({"amount_ore", "Beløpet kan ikke være negativt."});
      } else if (*in.amount_ore > kMaxValueOre) {
        errors.push_back({"amount_ore", "Beløpet er urimelig stort."});
      }
      v.amount_ore = *in.amount_ore;
      break;
    case Unit::kDays:
      if (*in.days < 0 || *in.days > kMaxPeriodDays) {
        errors.push_back(
            {"days", "Antall dager må være fra 0 til " + std::to_string(kMaxPeriodDays) + "."});
      } else {
        v.days = static_cast<int>(*in.days);
      }
      break;
    case Unit::kMonths:
      if (*in.months < 0 || *in.months > kMaxMonths) {
        errors.push_back(
            {"months", "Antall måneder må være fra 0 til " + std::to_string(kMaxMonths) + "."});
      } else {
        v.months = static_cast<int>(*in.months);
      }
      break;
    case Unit::kFlag: v.flag = *in.flag; break;
  }
  std::optional<Date> in_force = core::nor::ParseIsoDate(in.in_force);
  if (!in_force.has_value()) {
    errors.push_back({"in_force", "Oppgi ikrafttredelsesdatoen som ÅÅÅÅ-MM-DD."});
  } else if (*in_force < FirstAllowed() || *in_force > LastAllowed()) {
    errors.push_back({"in_force",
                      "Ikrafttredelsesdatoen må være fra 01.01.2017 (da "
                      "anskaffelsesloven og -forskriften av 2016 trådte i kraft) "
                      "til 31.12.2200."});
  } else {
    v.in_force = *in_force;
  }
  if (in.source.empty())
    errors.push_back({"source", "Oppgi kilden (hjemmel og hvor verdien er funnet)."});
  if (!in.confirmed.has_value()) {
    errors.push_back({"confirmed", "Oppgi om verdien er bekreftet (true eller false)."});
  }
  if (!errors.empty()) {
    return Status::Invalid("rules.invalid_legal_value",
                           "Verdien kan ikke lagres: " + errors.front().message, errors);
  }
  if (in.supersedes < 0) {
    return Status::InvalidField("rules.invalid_legal_value", "supersedes",
                                "«supersedes» må være id-en til raden som rettes.");
  }
  if (in.supersedes != 0 && in.reason.empty()) {
    return Status::InvalidField(
        "rules.reason_required", "reason",
        "Oppgi hvorfor raden " + std::to_string(in.supersedes) + " rettes (reason).");
  }
  v.source = in.source;
  v.confirmed = *in.confirmed;
  v.supersedes = in.supersedes;
  v.reason = in.reason;
  *out = std::move(v);
  return Status::Ok();
}

}  // namespace

LegalTableService::LegalTableService(core::storage::Database& db, OnLegalValueChange on_change)
    : db_(db), on_change_(std::move(on_change)) {}

void LegalTableService::SetOnChange(OnLegalValueChange on_change) {
  std::lock_guard<std::mutex> lock(mu_);
  on_change_ = std::move(on_change);
}

std::shared_ptr<const LegalTable> LegalTableService::Table() {
  core::storage::Session s = db_.Acquire();
  return Table(s.sql());
}

std::shared_ptr<const LegalTable> LegalTableService::Table(soci::session& sql) {
  const std::int64_t version = store::LegalValuesVersion(sql);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (cached_ && version_ == version) return cached_;
  }
  auto table = std::make_shared<const LegalTable>(store::LoadLegalValues(sql));
  std::lock_guard<std::mutex> lock(mu_);
  cached_ = table;
  version_ = version;
  return table;
}

core::Result<LegalValue> LegalTableService::Add(const core::auth::Caller& caller,
                                                const NewLegalValue& in) {
  if (!caller.ScopeFor(perm::kValuesWrite).is_region()) {
    return Status::Forbidden("rules.not_allowed",
                             "Bare administratoren kan legge inn verdier i regeltabellen.");
  }
  LegalValue v;
  SAMKJOP_RETURN_IF_ERROR(Validate(in, &v));

  core::storage::Session s = db_.Acquire();
  soci::session& sql = s.sql();
  core::storage::WriteTx tx(s);
  store::LockLegalValues(sql);
  std::vector<LegalValue> rows = store::LoadLegalValues(sql);

  std::optional<LegalValue> superseded;
  if (v.supersedes != 0) {
    for (const LegalValue& r : rows) {
      if (r.id == v.supersedes) superseded = r;
    }
    if (!superseded.has_value()) {
      return Status(core::ErrorCode::kNotFound, "rules.value_not_found",
                    "Regeltabellen har ingen rad med id " + std::to_string(v.supersedes) + ".",
                    {{"supersedes", "Finnes ikke."}});
    }
    if (superseded->superseded_by != 0) {
      return Status::Conflict(
          "rules.already_superseded",
          "Raden " + std::to_string(v.supersedes) + " er allerede rettet av raden " +
              std::to_string(superseded->superseded_by) + ". Rett den nyeste raden i stedet.",
          {{"supersedes", "Er allerede rettet."}});
    }
    if (superseded->key != v.key) {
      return Status::InvalidField("rules.invalid_legal_value", "key",
                                  "Raden " + std::to_string(v.supersedes) + " gjelder «" +
                                      superseded->key + "», ikke «" + v.key +
                                      "». En rettelse gjelder samme nøkkel.");
    }
  }
  std::optional<Date> latest;
  for (const LegalValue& r : rows) {
    if (r.key != v.key || r.superseded_by != 0 || r.id == v.supersedes) continue;
    if (r.in_force == v.in_force) {
      return Status::Conflict("rules.duplicate_value",
                              "«" + v.key + "» har allerede en verdi fra " +
                                  FormatNorwegianDate(v.in_force) + " (rad " +
                                  std::to_string(r.id) +
                                  "). Rett den raden (supersedes) i stedet for å legge inn en ny.",
                              {{"in_force", "Nøkkelen har allerede en verdi fra denne datoen."}});
    }
    if (!latest.has_value() || r.in_force > *latest) latest = r.in_force;
  }
  if (v.supersedes == 0 && latest.has_value() && v.in_force < *latest && v.reason.empty()) {
    return Status::InvalidField("rules.reason_required", "reason",
                                "Ikrafttredelsesdatoen " + FormatNorwegianDate(v.in_force) +
                                    " er før den gjeldende verdien for «" + v.key + "» (fra " +
                                    FormatNorwegianDate(*latest) +
                                    "). Oppgi hvorfor verdien tilbakedateres (reason).");
  }

  const core::audit::Actor actor = caller.actor();
  v.id = store::InsertLegalValue(sql, v, actor.username);
  nlohmann::json before;
  if (superseded.has_value()) {
    LegalValue old = *superseded;
    old.superseded_by = v.id;
    before = LegalValueItemJson(old);
  }
  core::audit::Record(sql, actor,
                      {superseded.has_value() ? "supersede" : "create", "rules.legal_value",
                       std::to_string(v.id), before, LegalValueItemJson(v)});
  OnLegalValueChange hook;
  {
    std::lock_guard<std::mutex> lock(mu_);
    hook = on_change_;
  }
  if (hook) SAMKJOP_RETURN_IF_ERROR(hook(sql, LegalValueChange{v, superseded, actor}));
  tx.Commit();
  {
    std::lock_guard<std::mutex> lock(mu_);
    version_ = -1;
  }
  return v;
}

}  // namespace samkjop::rules
