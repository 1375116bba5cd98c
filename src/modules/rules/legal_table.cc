#include "modules/rules/legal_table.h"

#include <algorithm>
#include <set>
#include <utility>

namespace samkjop::rules {
namespace {

using core::nor::Date;

constexpr Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

constexpr std::int64_t Nok(std::int64_t kroner) { return kroner * 100; }

LegalValue Money(std::string_view key, Date in_force, std::int64_t ore, std::string label_nb,
                 std::string label_en, std::string source, bool confirmed = true) {
  LegalValue v;
  v.key = std::string(key);
  v.in_force = in_force;
  v.amount_ore = ore;
  v.label_nb = std::move(label_nb);
  v.label_en = std::move(label_en);
  v.source = std::move(source);
  v.confirmed = confirmed;
  return v;
}

LegalValue Days(std::string_view key, Date in_force, int days, std::string label_nb,
                std::string label_en, std::string source, bool confirmed = true) {
  LegalValue v;
  v.key = std::string(key);
  v.in_force = in_force;
  v.days = days;
  v.label_nb = std::move(label_nb);
  v.label_en = std::move(label_en);
  v.source = std::move(source);
  v.confirmed = confirmed;
  return v;
}

LegalValue Months(std::string_view key, Date in_force, int months, std::string label_nb,
                  std::string label_en, std::string source, bool confirmed = true) {
  LegalValue v;
  v.key = std::string(key);
  v.in_force = in_force;
  v.months = months;
  v.label_nb = std::move(label_nb);
  v.label_en = std::move(label_en);
  v.source = std::move(source);
  v.confirmed = confirmed;
  return v;
}

LegalValue Flag(std::string_view key, Date in_force, bool flag, std::string label_nb,
                std::string label_en, std::string source, bool confirmed = true) {
  LegalValue v;
  v.key = std::string(key);
  v.in_force = in_force;
  v.flag = flag;
  v.label_nb = std::move(label_nb);
  v.label_en = std::move(label_en);
  v.source = std::move(source);
  v.confirmed = confirmed;
  return v;
}

// The law as DOMAIN.md §1–§7 records it. Dates: FOA 2016 and LOA 2016 are in
// force from 2017-01-01; the 2018 thresholds from 2018-04-06; the 2020 ones
// from 2020-02-12; the 2024 ones from 2024-03-14. DOMAIN.md gives no Norwegian
// in-force date for the 2022 values: 2022-01-01 (the EU date) is assumed and
// those entries are unconfirmed.
std::vector<LegalValue> BuiltinValues() {
  const Date k2017 = D(2017, 1, 1);
  const Date k2018 = D(2018, 4, 6);
  const Date k2020 = D(2020, 2, 12);
  const Date k2022 = D(2022, 1, 1);  // UNCONFIRMED in-force date
  const Date k2024 = D(2024, 3, 14);

  const std::string src_2017_national =
      "DOMAIN.md §1: sunnmoringen.no (jan. 2017), 1,1 mill. fra 1.1.2017";
  const std::string src_2018 =
      "DOMAIN.md §1: prosjektanskaffelser.no «Nye terskelverdier gjeldende fra 06.04.2018»; "
      "labnorge.no";
  const std::string src_2017_from_2018 =
      "DOMAIN.md §1: prosjektanskaffelser.no (2018) oppgir verdien før endringen 06.04.2018; "
      "FOA 2016 i kraft 1.1.2017";
  const std::string src_2020 =
      "DOMAIN.md §1: anskaffelser.no nyhet 26.2.2020, i kraft 12.2.2020; KS-anskaffelsesforum";
  const std::string src_2022 =
      "DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2022–2024»; "
      "ikrafttredelsesdato ikke oppgitt, 1.1.2022 (EUs dato) antatt";
  const std::string src_2024 =
      "DOMAIN.md §1: KS-advokatene «Nye EØS-terskelverdier for 2024–2026»; regjeringen.no "
      "id3030686; kildeboas.no (i kraft 14.3.2024)";
  const std::string src_dfo_frister =
      "FOA del III kap. 20; DOMAIN.md §3: DFØ «Oversikt minimumsfrister – kunngjøring over og "
      "under EØS-terskelverdier» (oppdatert 1.2.2023)";

  std::vector<LegalValue> v;

  // --- Floor: below it LOA and FOA do not apply (LOA § 2). ---
  v.push_back(Money(kThresholdFloor, k2017, Nok(100'000), "Nedre grense for regelverket",
                    "Lower limit of the procurement rules",
                    "LOA § 2, FOA § 5-1; DOMAIN.md §1–§2 (Veileder kap. 5.2, 8.1)"));

  // --- National threshold (FOA part II). ---
  v.push_back(Money(kThresholdNational, k2017, Nok(1'100'000), "Nasjonal terskelverdi",
                    "National threshold", "FOA § 5-1; " + src_2017_national));
  v.push_back(Money(
      kThresholdNational, k2018, Nok(1'300'000), "Nasjonal terskelverdi", "National threshold",
      "FOA § 5-1; " + src_2018 + "; uendret i 2024 (regjeringen.no id3030686; Veileder kap. 8.1)"));

  // --- EEA thresholds, municipalities ("andre oppdragsgivere"). ---
  const std::string gs_nb = "EØS-terskelverdi, varer og tjenester (andre oppdragsgivere)";
  const std::string gs_en = "EEA threshold, goods and services (sub-central authorities)";
  v.push_back(Money(kThresholdEeaGoodsServices, k2017, Nok(1'750'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2017_from_2018));
  v.push_back(Money(kThresholdEeaGoodsServices, k2018, Nok(2'000'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2018));
  v.push_back(Money(kThresholdEeaGoodsServices, k2020, Nok(2'050'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2020));
  v.push_back(Money(kThresholdEeaGoodsServices, k2022, Nok(2'200'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2022, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaGoodsServices, k2024, Nok(2'300'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2024));

  const std::string w_nb = "EØS-terskelverdi, bygge- og anleggskontrakter";
  const std::string w_en = "EEA threshold, building and construction works";
  v.push_back(Money(kThresholdEeaWorks, k2017, Nok(44'000'000), w_nb, w_en,
                    "FOA § 5-3; " + src_2017_from_2018));
  v.push_back(
      Money(kThresholdEeaWorks, k2018, Nok(51'000'000), w_nb, w_en, "FOA § 5-3; " + src_2018));
  v.push_back(
      Money(kThresholdEeaWorks, k2020, Nok(51'500'000), w_nb, w_en, "FOA § 5-3; " + src_2020));
  v.push_back(Money(kThresholdEeaWorks, k2022, Nok(56'000'000), w_nb, w_en,
                    "FOA § 5-3; " + src_2022, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaWorks, k2024, Nok(57'800'000), w_nb, w_en,
                    "FOA § 5-3; " + src_2024 + " (dinanbudshjelp.no skriver 57,9; 57,8 brukt)"));

  const std::string sp_nb =
      "EØS-terskelverdi, helse- og sosialtjenester og andre særlige tjenester";
  const std::string sp_en = "EEA threshold, health and social and other special services";
  v.push_back(Money(kThresholdEeaSpecial, k2017, Nok(6'300'000), sp_nb, sp_en,
                    "FOA § 5-3; IKKE i DOMAIN.md: generell kunnskap (EUR 750 000 for 2016–2017), "
                    "må kontrolleres mot Lovdata",
                    /*confirmed=*/false));
  v.push_back(
      Money(kThresholdEeaSpecial, k2018, Nok(6'950'000), sp_nb, sp_en, "FOA § 5-3; " + src_2018));
  v.push_back(
      Money(kThresholdEeaSpecial, k2020, Nok(7'200'000), sp_nb, sp_en, "FOA § 5-3; " + src_2020));
  v.push_back(Money(kThresholdEeaSpecial, k2022, Nok(7'800'000), sp_nb, sp_en,
                    "FOA § 5-3; " + src_2022, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaSpecial, k2024, Nok(7'800'000), sp_nb, sp_en,
                    "FOA § 5-3; " + src_2024 + "; dinanbudshjelp.no (uendret 7,8 mill.)"));

  // --- Seriousness requirements (DOMAIN.md §7). ---
  v.push_back(Money(kThresholdTaxCertificate, k2017, Nok(500'000),
                    "Skatteattest kreves for kontrakter over", "Tax certificate required above",
                    "FOA § 7-2; DOMAIN.md §7: Bamble kommune («over 500 000 kroner eks mva»), "
                    "cobrief.no"));

  const std::string pay_nb = "Lønns- og arbeidsvilkår (tjeneste- og byggekontrakter), kommuner";
  const std::string pay_en = "Pay and working conditions (services and works), municipalities";
  v.push_back(Money(kThresholdPayConditions, k2017, Nok(1'750'000), pay_nb, pay_en,
                    "Forskrift 8.2.2008 nr. 112 § 2; IKKE i DOMAIN.md: antatt lik "
                    "EØS-terskelverdien 2017 (jf. lærlingforskriften 2017: 1,75 mill.)",
                    /*confirmed=*/false));
  v.push_back(Money(kThresholdPayConditions, k2018, Nok(2'000'000), pay_nb, pay_en,
                    "Forskrift 8.2.2008 nr. 112 § 2; IKKE i DOMAIN.md: antatt fulgt "
                    "EØS-justeringen 6.4.2018",
                    /*confirmed=*/false));
  v.push_back(Money(kThresholdPayConditions, k2020, Nok(2'050'000), pay_nb, pay_en,
                    "Forskrift 8.2.2008 nr. 112 § 2; DOMAIN.md §7: DFØ-veileder, anskaffelser.no "
                    "(2,05 mill.); ikrafttredelse antatt 12.2.2020; om beløpet er justert i "
                    "2022/2024 er ikke bekreftet",
                    /*confirmed=*/false));

  const std::string appr_nb = "Krav om lærlinger (tjeneste- og byggekontrakter over tre måneder)";
  const std::string appr_en =
      "Apprentice requirement (services and works longer than three months)";
  v.push_back(Money(kThresholdApprentices, k2017, Nok(1'750'000), appr_nb, appr_en,
                    "Lærlingforskriften § 5 (i kraft 1.1.2017); DOMAIN.md §7: NHO Troms "
                    "(1,1/1,75 mill. i 2017)"));
  v.push_back(Money(kThresholdApprentices, k2018, Nok(2'000'000), appr_nb, appr_en,
                    "Lærlingforskriften § 5; DOMAIN.md §7: arbinn.nho.no (2 mill. for andre "
                    "oppdragsgivere); ikrafttredelse antatt 6.4.2018",
                    /*confirmed=*/false));

  // --- Minimum time limits, FOA part III (DOMAIN.md §3), calendar days. ---
  v.push_back(Days(kDaysOpenTender, k2017, 30, "Åpen anbudskonkurranse: tilbudsfrist",
                   "Open tender: time limit for tenders", src_dfo_frister));
  v.push_back(Days(kDaysOpenTenderNoElectronic, k2017, 35,
                   "Åpen anbudskonkurranse: tilbudsfrist uten krav om elektronisk innlevering",
                   "Open tender: tenders, electronic submission not required", src_dfo_frister));
  v.push_back(Days(kDaysOpenTenderShortened, k2017, 15,
                   "Åpen anbudskonkurranse: tilbudsfrist ved forhåndskunngjøring eller hast",
                   "Open tender: tenders, with prior information notice or urgency",
                   src_dfo_frister));
  v.push_back(Days(kDaysRestrictedRequest, k2017, 30,
                   "Begrenset anbudskonkurranse: frist for forespørsel om å delta",
                   "Restricted tender: requests to participate", src_dfo_frister));
  v.push_back(Days(kDaysRestrictedRequestUrgent, k2017, 15,
                   "Begrenset anbudskonkurranse: forespørsel om å delta ved hast",
                   "Restricted tender: requests to participate in urgency", src_dfo_frister));
  v.push_back(Days(kDaysRestrictedTender, k2017, 25,
                   "Begrenset anbudskonkurranse: tilbudsfrist etter invitasjon",
                   "Restricted tender: tenders after the invitation", src_dfo_frister));
  v.push_back(Days(kDaysRestrictedTenderNoElectronic, k2017, 30,
                   "Begrenset anbudskonkurranse: tilbudsfrist uten elektronisk innlevering",
                   "Restricted tender: tenders, electronic submission not required",
                   src_dfo_frister));
  v.push_back(Days(kDaysRestrictedTenderShortened, k2017, 10,
                   "Begrenset anbudskonkurranse: tilbudsfrist ved hast eller forhåndskunngjøring",
                   "Restricted tender: tenders in urgency or with prior information notice",
                   src_dfo_frister));
  v.push_back(Days(kDaysRestrictedTenderNoAgreement, k2017, 10,
                   "Begrenset anbudskonkurranse, ikke-sentrale oppdragsgivere: tilbudsfrist når "
                   "enighet med kandidatene ikke oppnås",
                   "Restricted tender, sub-central authorities: tenders when no deadline is "
                   "agreed with the candidates",
                   src_dfo_frister));
  v.push_back(Days(kDaysNegotiationRequest, k2017, 30,
                   "Konkurranse med forhandling: frist for forespørsel om å delta",
                   "Competitive procedure with negotiation: requests to participate",
                   src_dfo_frister));
  v.push_back(Days(kDaysNegotiationTender, k2017, 25,
                   "Konkurranse med forhandling: frist for første tilbud",
                   "Competitive procedure with negotiation: first tenders", src_dfo_frister));
  v.push_back(Days(kDaysDialogueRequest, k2017, 30,
                   "Konkurransepreget dialog: frist for forespørsel om å delta",
                   "Competitive dialogue: requests to participate", src_dfo_frister));
  v.push_back(Days(kDaysInnovationRequest, k2017, 30,
                   "Innovasjonspartnerskap: frist for forespørsel om å delta",
                   "Innovation partnership: requests to participate", src_dfo_frister));
  v.push_back(Days(kDaysStandstill, k2017, 10, "Karensperiode (del III), minst",
                   "Standstill period (part III), at least",
                   "FOA § 25-2 (ordlyden ikke bekreftet), § 4-5 bokstav g; DOMAIN.md §5: "
                   "WLA advokat, dinanbudstekst.no («minst 10 dager»)"));

  // --- Months and structural flags (issue 9). ---
  v.push_back(Months(kMonthsFrameworkMax, k2017, 48, "Rammeavtale: lengste varighet",
                     "Framework agreement: longest term",
                     "FOA § 11-1 (4) (del II) og § 26-1 (4) (del III), hovedregelen fire år; "
                     "DOMAIN.md §6: anskaffelser.no «Korleis inngå rammeavtalar»"));
  v.push_back(Months(kMonthsTaxCertificateMaxAge, k2017, 6, "Skatteattest: høyeste alder",
                     "Tax certificate: greatest age",
                     "FOA § 7-2; DOMAIN.md §7: Bamble kommune («skal ikke være eldre enn seks "
                     "måneder»), cobrief.no"));
  v.push_back(Flag(kFlagPartIIApplies, k2017, true, "Forskriftens del II gjelder",
                   "Part II of the regulation applies",
                   "FOA del II (nasjonale anskaffelser); DOMAIN.md §0: NOU 2023:26 foreslo å "
                   "fjerne del II, ikke vedtatt"));

  // --- 2026–2027: the EU's new values apply from 2026-01-01 (Delegated
  // Regulation (EU) 2025/2152), Norway's NOK figures are not known
  // (DOMAIN.md §1: UNCONFIRMED). Until an administrator enters them, the
  // 2024 amounts are carried forward, unconfirmed, so that every assessment
  // dated 2026-01-01 or later says confirmed: false. ---
  const Date k2026 = D(2026, 1, 1);
  const std::string src_2026 =
      "DOMAIN.md §1: nye EU-verdier gjelder fra 1.1.2026 (delegert forordning (EU) 2025/2152); "
      "norske 2026–2027-verdier er IKKE lagt inn: 2024-verdien er videreført til en "
      "administrator legger inn den fastsatte verdien";
  v.push_back(Money(kThresholdNational, k2026, Nok(1'300'000), "Nasjonal terskelverdi",
                    "National threshold", "FOA § 5-1; " + src_2026, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaGoodsServices, k2026, Nok(2'300'000), gs_nb, gs_en,
                    "FOA § 5-3; " + src_2026, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaWorks, k2026, Nok(57'800'000), w_nb, w_en,
                    "FOA § 5-3; " + src_2026, /*confirmed=*/false));
  v.push_back(Money(kThresholdEeaSpecial, k2026, Nok(7'800'000), sp_nb, sp_en,
                    "FOA § 5-3; " + src_2026, /*confirmed=*/false));

  for (size_t i = 0; i < v.size(); ++i) v[i].id = static_cast<std::int64_t>(i + 1);
  return v;
}

}  // namespace

std::optional<Unit> UnitOfKey(std::string_view key) {
  if (key.starts_with("threshold.")) return Unit::kOre;
  if (key.starts_with("days.")) return Unit::kDays;
  if (key.starts_with("months.")) return Unit::kMonths;
  if (key.starts_with("flag.")) return Unit::kFlag;
  return std::nullopt;
}

std::string_view UnitCode(Unit unit) {
  switch (unit) {
    case Unit::kOre: return "ore";
    case Unit::kDays: return "days";
    case Unit::kMonths: return "months";
    case Unit::kFlag: return "flag";
  }
  return "ore";
}

std::int64_t LegalValue::Number() const {
  switch (UnitOfKey(key).value_or(Unit::kOre)) {
    case Unit::kOre: return amount_ore;
    case Unit::kDays: return days;
    case Unit::kMonths: return months;
    case Unit::kFlag: return flag ? 1 : 0;
  }
  return amount_ore;
}

const std::vector<KnownKey>& KnownKeys() {
  static const std::vector<KnownKey>* const kKeys = [] {
    auto* out = new std::vector<KnownKey>();
    std::set<std::string> seen;
    for (const LegalValue& v : LegalTable::Builtin().values()) {
      if (!seen.insert(v.key).second) continue;
      out->push_back({v.key, UnitOfKey(v.key).value_or(Unit::kOre), v.label_nb, v.label_en});
    }
    return out;
  }();
  return *kKeys;
}

const KnownKey* FindKnownKey(std::string_view key) {
  for (const KnownKey& k : KnownKeys()) {
    if (k.key == key) return &k;
  }
  return nullptr;
}

const LegalTable& LegalTable::Builtin() {
  static const LegalTable* const kTable = new LegalTable(BuiltinValues());
  return *kTable;
}

LegalTable::LegalTable(std::vector<LegalValue> values) : values_(std::move(values)) {}

core::Result<LegalValue> LegalTable::InForce(std::string_view key, Date date) const {
  const LegalValue* best = nullptr;
  for (const LegalValue& v : values_) {
    if (v.key != key || v.in_force > date || v.superseded_by != 0) continue;
    if (best == nullptr || v.in_force >= best->in_force) best = &v;
  }
  if (best == nullptr) {
    return core::Status::NotFound("rules.no_value_in_force",
                                  "Regeltabellen har ingen verdi for «" + std::string(key) +
                                      "» som gjelder " + core::nor::FormatNorwegianDate(date) +
                                      ".");
  }
  return *best;
}

std::vector<LegalValue> LegalTable::AllInForce(Date date) const {
  std::vector<std::string> keys;  // first-appearance order
  std::set<std::string> seen;
  for (const LegalValue& v : values_) {
    if (seen.insert(v.key).second) keys.push_back(v.key);
  }
  std::vector<LegalValue> out;
  for (const std::string& key : keys) {
    core::Result<LegalValue> r = InForce(key, date);
    if (r.ok()) out.push_back(std::move(r).value());
  }
  return out;
}

const std::vector<LegalValue>& LegalTable::values() const { return values_; }

core::Status CheckDateCovered(const LegalTable& table, Date date) {
  const std::vector<LegalValue>& values = table.values();
  if (values.empty()) {
    return core::Status::Invalid("rules.date_before_table", "Regeltabellen er tom.");
  }
  Date earliest = values.front().in_force;
  for (const LegalValue& v : values) earliest = std::min(earliest, v.in_force);
  if (date < earliest) {
    return core::Status::InvalidField("rules.date_before_table", "date",
                                      "Datoen " + core::nor::FormatNorwegianDate(date) +
                                          " er før regeltabellens første verdi (" +
                                          core::nor::FormatNorwegianDate(earliest) +
                                          "). Regelverket som gjaldt før det, er ikke lagt inn.");
  }
  return core::Status::Ok();
}

core::Status ValidateLegalValues(const std::vector<LegalValue>& values) {
  std::set<std::pair<std::string, int>> seen;
  for (size_t idx = 0; idx < values.size(); ++idx) {
    const LegalValue& v = values[idx];
    std::string where = "values[" + std::to_string(idx) + "]";
    auto bad = [&](const std::string& message) {
      return core::Status::InvalidField("rules.invalid_legal_value", where, message);
    };
    if (v.key.empty()) return bad("Verdien mangler nøkkel.");
    if (!v.in_force.ok()) return bad("«" + v.key + "» har ugyldig ikrafttredelsesdato.");
    if (v.amount_ore < 0 || v.days < 0 || v.months < 0)
      return bad("«" + v.key + "» kan ikke være negativ.");
    if (!UnitOfKey(v.key).has_value())
      return bad("«" + v.key + "» har ukjent prefiks (threshold., days., months. eller flag.).");
    if (v.source.empty()) return bad("«" + v.key + "» mangler kilde.");
    if (v.superseded_by != 0) continue;
    int day_number = std::chrono::sys_days(v.in_force).time_since_epoch().count();
    if (!seen.insert({v.key, day_number}).second) {
      return bad("«" + v.key + "» finnes to ganger med ikrafttredelse " +
                 core::nor::FormatNorwegianDate(v.in_force) + ".");
    }
  }
  return core::Status::Ok();
}

}  // namespace samkjop::rules
