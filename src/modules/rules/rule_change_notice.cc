#include "modules/rules/rule_change_notice.h"

#include "core/nor/civil_date.h"
#include "modules/rules/money.h"

namespace samkjop::rules {

namespace {

std::string ValueNb(const LegalValue& v) {
  switch (UnitOfKey(v.key).value_or(Unit::kOre)) {
    case Unit::kOre: return FormatKrNb(v.amount_ore);
    case Unit::kDays: return std::to_string(v.days) + (v.days == 1 ? " dag" : " dager");
    case Unit::kMonths: return std::to_string(v.months) + (v.months == 1 ? " måned" : " måneder");
    case Unit::kFlag: return v.flag ? "ja" : "nei";
  }
  return "";
}

std::string ValueEn(const LegalValue& v) {
  switch (UnitOfKey(v.key).value_or(Unit::kOre)) {
    case Unit::kOre: return FormatNokEn(v.amount_ore);
    case Unit::kDays: return std::to_string(v.days) + (v.days == 1 ? " day" : " days");
    case Unit::kMonths: return std::to_string(v.months) + (v.months == 1 ? " month" : " months");
    case Unit::kFlag: return v.flag ? "yes" : "no";
  }
  return "";
}

// At most `max` code points (UTF-8 continuation bytes are not counted), "…" marking a cut.
std::string Cut(std::string s, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (++points == max) return s.substr(0, i) + "…";
  }
  return s;
}

}  // namespace

core::notify::NotificationInput RuleChangeNotice(const LegalValueChange& change) {
  const LegalValue& v = change.value;
  std::string label_nb = v.label_nb.empty() ? v.key : v.label_nb;
  std::string label_en = v.label_en.empty() ? v.key : v.label_en;
  core::notify::NotificationInput n;
  n.kind = core::notify::kRulesChange;
  n.title_nb =
      (change.superseded ? "Rettet verdi i regelverket: " : "Endring i regelverket: ") + label_nb;
  n.title_en =
      (change.superseded ? "Corrected value in the rules: " : "Change in the rules: ") + label_en;
  n.title_nb = Cut(std::move(n.title_nb), 200);
  n.title_en = Cut(std::move(n.title_en), 200);
  std::string body = label_nb + " er " + ValueNb(v) + " fra og med " +
                     core::nor::FormatNorwegianDate(v.in_force) + ".";
  if (change.superseded)
    body += "\nDen retter verdien " + ValueNb(*change.superseded) + " (gjeldende fra " +
            core::nor::FormatNorwegianDate(change.superseded->in_force) +
            "). Begrunnelse: " + v.reason;
  if (!v.source.empty()) body += "\nKilde: " + v.source;
  if (!v.confirmed) body += "\nVerdien er ikke bekreftet ennå.";
  body +=
      "\n(" + label_en + ": " + ValueEn(v) + " from " + core::nor::FormatIsoDate(v.in_force) + ".)";
  n.body = Cut(std::move(body), 4000);
  n.link = "/regelverk";
  return n;
}

OnLegalValueChange NotifyOnChange(
    std::function<std::vector<std::int64_t>(soci::session& tx)> recipients) {
  return [recipients = std::move(recipients)](soci::session& tx,
                                              const LegalValueChange& change) -> core::Status {
    auto n = RuleChangeNotice(change);
    n.recipients = recipients(tx);
    if (n.recipients.empty()) return core::Status::Ok();
    return core::notify::Notify(tx, n);
  };
}

}  // namespace samkjop::rules
