#include "modules/rules/assessment.h"

#include <utility>

#include "modules/rules/holidays.h"
#include "modules/rules/money.h"

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::FormatIsoDate;
using core::nor::FormatNorwegianDate;

// A label inside a sentence: "Nasjonal terskelverdi" -> "nasjonal terskelverdi",
// but "EØS-terskelverdi" and "EEA threshold" keep their acronyms.
std::string InSentence(const std::string& label) {
  std::string s = label;
  if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z') s[0] += 'a' - 'A';
  return s;
}

std::string MarkNb(bool confirmed) { return confirmed ? "" : kUnconfirmedNb; }
std::string MarkEn(bool confirmed) { return confirmed ? "" : kUnconfirmedEn; }

// Builds the reasons of one assessment and tracks whether all are confirmed.
class ReasonList {
 public:
  void Add(std::string nb, std::string en, std::string paragraph, std::string source,
           bool confirmed) {
    all_confirmed_ = all_confirmed_ && confirmed;
    reasons_.push_back(Reason{std::move(nb) + MarkNb(confirmed), std::move(en) + MarkEn(confirmed),
                              std::move(paragraph), std::move(source), confirmed});
  }
  // A comparison of the value with a table threshold ("lik eller overstiger").
  void AddComparison(std::int64_t value, const LegalValue& t, std::string paragraph,
                     std::string consequence_nb, std::string consequence_en) {
    bool at_or_above = value >= t.amount_ore;
    Add("Verdien " + FormatKrNb(value) + (at_or_above ? " er lik eller over " : " er under ") +
            InSentence(t.label_nb) + " (" + FormatKrNb(t.amount_ore) + ", gjelder fra " +
            FormatNorwegianDate(t.in_force) + ")" + consequence_nb,
        "The value " + FormatNokEn(value) +
            (at_or_above ? " is at or above the " : " is below the ") + InSentence(t.label_en) +
            " (" + FormatNokEn(t.amount_ore) + ", in force from " + FormatIsoDate(t.in_force) +
            ")" + consequence_en,
        std::move(paragraph), t.source, t.confirmed);
  }
  bool all_confirmed() const { return all_confirmed_; }
  std::vector<Reason> Take() { return std::move(reasons_); }

 private:
  std::vector<Reason> reasons_;
  bool all_confirmed_ = true;
};

core::Status ValueInRange(std::int64_t value_ore) {
  if (value_ore < 0) {
    return core::Status::InvalidField("rules.negative_value", "value",
                                      "Beløpet kan ikke være negativt.");
  }
  if (value_ore > kMaxValueOre) {
    return core::Status::InvalidField(
        "rules.value_too_large", "value",
        "Beløpet er urimelig stort (over 10 000 000 000 000 kroner).");
  }
  return core::Status::Ok();
}

std::string_view EeaKey(Kind kind) {
  switch (kind) {
    case Kind::kWorks: return kThresholdEeaWorks;
    case Kind::kSpecial: return kThresholdEeaSpecial;
    case Kind::kGoods:
    case Kind::kServices: break;
  }
  return kThresholdEeaGoodsServices;
}

void AddProcedures(Part part, Assessment& a, ReasonList& reasons) {
  switch (part) {
    case Part::kOutside:
      reasons.Add(
          "Ingen prosedyreregler gjelder. Oppdragsgiver bør likevel opptre forsvarlig og kan "
          "innhente tilbud fra flere leverandører.",
          "No procedure rules apply. The contracting authority should still act responsibly "
          "and may ask several suppliers for quotes.",
          "LOA § 2", "DOMAIN.md §2: Veileder kap. 5.2.1; regjeringen.no «Terskelverdier»", true);
      break;
    case Part::kI:
      a.procedures = {"free_procedure"};
      reasons.Add(
          "Del I har ingen prosedyreregler, men det skal være konkurranse så langt det er "
          "mulig. Frivillig kunngjøring i Doffin (skjema 102) er mulig.",
          "Part I has no procedure rules, but there must be competition as far as possible. "
          "A voluntary Doffin notice (form 102) is possible.",
          "LOA § 4; FOA del I",
          "DOMAIN.md §3 «Part I»: anskaffelser.no «Oversyn over elektroniske "
          "kunngjeringsskjema»",
          true);
      break;
    case Part::kII:
      a.procedures = {"open_offer_competition", "restricted_offer_competition"};
      reasons.Add(
          "Del II: åpen eller begrenset tilbudskonkurranse. Forhandling er tillatt når det er "
          "kunngjort.",
          "Part II: open or restricted competition for offers (tilbudskonkurranse). "
          "Negotiation is allowed when announced.",
          "FOA del II",
          "DOMAIN.md §3 «Part II procedures» (forhandling: generell kunnskap, paragraf ikke "
          "bekreftet)",
          false);
      break;
    case Part::kIII:
      a.procedures = {"open_tender",          "restricted_tender",      "competitive_negotiation",
                      "competitive_dialogue", "innovation_partnership", "negotiated_without_notice",
                      "without_competition"};
      reasons.Add(
          "Del III: åpen og begrenset anbudskonkurranse kan alltid brukes. Konkurranse med "
          "forhandling etter forutgående kunngjøring, konkurransepreget dialog og "
          "innovasjonspartnerskap bare på vilkårene i § 13-2.",
          "Part III: open and restricted tender are always allowed. Competitive procedure "
          "with negotiation after a notice, competitive dialogue and innovation partnership "
          "only on the conditions of § 13-2.",
          "FOA § 13-1, § 13-2", "DOMAIN.md §3: Veileder kap. 34.1, kap. 18", true);
      reasons.Add(
          "Konkurranse med forhandling uten forutgående kunngjøring (§ 13-3) og anskaffelse "
          "uten konkurranse (§ 13-4) er unntak som tolkes strengt; oppdragsgiver har "
          "bevisbyrden og skal begrunne valget i protokollen.",
          "Negotiated procedure without prior notice (§ 13-3) and procurement without "
          "competition (§ 13-4) are exceptions read restrictively; the contracting "
          "authority bears the burden of proof and records the justification in the protocol.",
          "FOA § 13-3, § 13-4", "DOMAIN.md §3: Veileder kap. 18", true);
      break;
    case Part::kIV:
      a.procedures = {"free_procedure"};
      reasons.Add(
          "Del IV: oppdragsgiver fastsetter selv prosedyren, innenfor de grunnleggende "
          "prinsippene, og skal kunngjøre konkurransen.",
          "Part IV: the contracting authority sets the procedure itself, within the basic "
          "principles, and must announce the competition.",
          "FOA del IV (kap. 28–30)",
          "DOMAIN.md §2: del IV; verdireglene og prosedyren er ikke bekreftet (generell "
          "kunnskap)",
          false);
      break;
  }
}

core::Status AddMinDays(Part part, Date date, const LegalTable& table, Assessment& a,
                        ReasonList& reasons) {
  if (part == Part::kII) {
    reasons.Add(
        "Del II har ingen faste minstefrister; fristene settes ut fra kontraktens kompleksitet "
        "og tiden leverandørene trenger. Karensperioden skal være rimelig.",
        "Part II has no fixed minimum time limits; they are set from the complexity of the "
        "contract and the time suppliers need. The standstill period must be reasonable.",
        "FOA del II", "DOMAIN.md §3, §5: DFØ minimumsfrister; regjeringen.no «Frister»; WLA", true);
    return core::Status::Ok();
  }
  if (part != Part::kIII) return core::Status::Ok();
  static constexpr std::string_view kKeys[] = {kDaysOpenTender,        kDaysRestrictedRequest,
                                               kDaysRestrictedTender,  kDaysNegotiationRequest,
                                               kDaysNegotiationTender, kDaysDialogueRequest,
                                               kDaysInnovationRequest, kDaysStandstill};
  bool confirmed = true;
  std::string source;
  for (std::string_view key : kKeys) {
    core::Result<LegalValue> v = table.InForce(key, date);
    if (!v.ok()) return v.status();
    a.min_days.push_back(MinDays{v->key.substr(5), v->days, v->confirmed});
    confirmed = confirmed && v->confirmed;
    if (source.empty()) source = v->source;
  }
  reasons.Add(
      "Minstefrister i kalenderdager etter del III: åpen anbudskonkurranse 30 dager for "
      "tilbud; begrenset anbudskonkurranse og konkurranse med forhandling 30 dager for "
      "forespørsel om å delta og 25 dager for tilbud; dialog og innovasjonspartnerskap 30 "
      "dager for forespørsel; karensperiode minst 10 dager. Fristene kan være lengre eller "
      "kortere etter nærmere vilkår (elektronisk innlevering, forhåndskunngjøring, hast).",
      "Minimum time limits in calendar days under part III: open tender 30 days for "
      "tenders; restricted tender and competitive negotiation 30 days for requests to "
      "participate and 25 days for tenders; dialogue and innovation partnership 30 days for "
      "requests; standstill at least 10 days. Limits may be longer or shorter on conditions "
      "(electronic submission, prior information notice, urgency).",
      "FOA del III kap. 20; § 25-2", source, confirmed);
  return core::Status::Ok();
}

}  // namespace

core::Result<Kind> ParseKind(std::string_view code) {
  if (code == "goods") return Kind::kGoods;
  if (code == "services") return Kind::kServices;
  if (code == "works") return Kind::kWorks;
  if (code == "special") return Kind::kSpecial;
  return core::Status::InvalidField(
      "rules.invalid_kind", "kind",
      "Ukjent type anskaffelse «" + std::string(code) +
          "». Bruk goods (varer), services (tjenester), works (bygge- og anleggsarbeider) "
          "eller special (helse- og sosialtjenester og andre særlige tjenester).");
}

std::string_view KindCode(Kind kind) {
  switch (kind) {
    case Kind::kGoods: return "goods";
    case Kind::kServices: return "services";
    case Kind::kWorks: return "works";
    case Kind::kSpecial: return "special";
  }
  return "goods";
}

std::string_view PartCode(Part part) {
  switch (part) {
    case Part::kOutside: return "outside";
    case Part::kI: return "I";
    case Part::kII: return "II";
    case Part::kIII: return "III";
    case Part::kIV: return "IV";
  }
  return "outside";
}

std::string_view PublicationCode(Publication publication) {
  switch (publication) {
    case Publication::kNone: return "none";
    case Publication::kDoffin: return "doffin";
    case Publication::kDoffinTed: return "doffin+ted";
  }
  return "none";
}

core::Result<Assessment> Assess(std::int64_t value_ore, Kind kind, Date date,
                                const LegalTable& table) {
  SAMKJOP_RETURN_IF_ERROR(ValueInRange(value_ore));
  SAMKJOP_RETURN_IF_ERROR(CheckDateCovered(table, date));
  auto lookup = [&](std::string_view key) { return table.InForce(key, date); };
  core::Result<LegalValue> floor = lookup(kThresholdFloor);
  if (!floor.ok()) return floor.status();
  core::Result<LegalValue> national = lookup(kThresholdNational);
  if (!national.ok()) return national.status();
  core::Result<LegalValue> eea = lookup(EeaKey(kind));
  if (!eea.ok()) return eea.status();
  core::Result<LegalValue> tax = lookup(kThresholdTaxCertificate);
  if (!tax.ok()) return tax.status();
  // Structural values; a table without them keeps the regulation as built
  // (part II applies, certificates at most six months old).
  LegalValue part_ii;
  part_ii.flag = true;
  if (core::Result<LegalValue> v = lookup(kFlagPartIIApplies); v.ok()) part_ii = *v;
  int tax_age_months = 6;
  bool tax_age_confirmed = true;
  std::string tax_age_source;
  if (core::Result<LegalValue> v = lookup(kMonthsTaxCertificateMaxAge); v.ok()) {
    tax_age_months = v->months;
    tax_age_confirmed = v->confirmed;
    tax_age_source = "; " + v->source;
  }

  Assessment a;
  a.value_ore = value_ore;
  a.kind = kind;
  a.date = date;
  ReasonList reasons;

  reasons.Add(
      "Verdien er anslått samlet betaling eksklusive merverdiavgift for hele kontraktens "
      "varighet, med opsjoner og forlengelser; en anskaffelse kan ikke deles opp for å "
      "unngå reglene.",
      "The value is the estimated total payment excluding VAT over the whole term, including "
      "options and extensions; a purchase may not be split to avoid the rules.",
      "FOA § 5-4", "DOMAIN.md §1–§2: KS 2022/2024 (eks. mva); NMBU; FOA § 5-4", true);

  // --- Part (FOA § 5-1): at a threshold exactly, the higher part applies. ---
  if (value_ore < floor->amount_ore) {
    a.part = Part::kOutside;
    reasons.AddComparison(value_ore, *floor, "LOA § 2",
                          ": anskaffelsesloven og -forskriften gjelder ikke.",
                          ": the procurement act and regulation do not apply.");
  } else {
    reasons.AddComparison(value_ore, *floor, "LOA § 2; FOA § 5-1",
                          ": loven og forskriften del I gjelder.",
                          ": the act and part I of the regulation apply.");
    if (kind == Kind::kSpecial) {
      if (value_ore >= eea->amount_ore) {
        a.part = Part::kIV;
        reasons.AddComparison(value_ore, *eea, "FOA § 5-1; del IV",
                              ": del I og del IV gjelder (verdireglene for del IV er ikke "
                              "bekreftet).",
                              ": parts I and IV apply (the value rules for part IV are "
                              "unconfirmed).");
      } else {
        a.part = Part::kI;
        reasons.AddComparison(value_ore, *eea, "FOA § 5-1",
                              ": bare del I gjelder for særlige tjenester under "
                              "EØS-terskelverdien.",
                              ": only part I applies to special services below the EEA "
                              "threshold.");
      }
      // The classification of special services is unconfirmed in DOMAIN.md §2.
      reasons.Add(
          "Inndelingen for helse- og sosialtjenester og andre særlige tjenester følger "
          "FOA § 5-1 fjerde og femte ledd.",
          "The classification of health, social and other special services follows "
          "FOA § 5-1 fourth and fifth paragraphs.",
          "FOA § 5-1 fjerde og femte ledd",
          "DOMAIN.md §2: «UNCONFIRMED: the exact value rules for Part IV»", false);
    } else {
      if (value_ore >= eea->amount_ore) {
        a.part = Part::kIII;
        reasons.AddComparison(value_ore, *eea, "FOA § 5-1, § 5-3", ": del I og del III gjelder.",
                              ": parts I and III apply.");
      } else if (value_ore >= national->amount_ore && !part_ii.flag) {
        a.part = Part::kI;
        reasons.Add("Verdien er under " + InSentence(eea->label_nb) + " (" +
                        FormatKrNb(eea->amount_ore) +
                        "), og forskriftens del II gjelder ikke fra " +
                        FormatNorwegianDate(part_ii.in_force) + ": bare loven og del I gjelder.",
                    "The value is below the " + InSentence(eea->label_en) + " (" +
                        FormatNokEn(eea->amount_ore) +
                        "), and part II of the regulation does not apply from " +
                        FormatIsoDate(part_ii.in_force) + ": only the act and part I apply.",
                    "FOA § 5-1", part_ii.source, part_ii.confirmed);
      } else if (value_ore >= national->amount_ore) {
        a.part = Part::kII;
        reasons.AddComparison(value_ore, *national, "FOA § 5-1", ": del I og del II gjelder.",
                              ": parts I and II apply.");
        reasons.AddComparison(value_ore, *eea, "FOA § 5-3", ".", ".");
      } else {
        a.part = Part::kI;
        reasons.AddComparison(value_ore, *national, "FOA § 5-1; Veileder kap. 8.1",
                              ": bare loven og del I gjelder.", ": only the act and part I apply.");
      }
    }
  }

  // --- Publication. ---
  switch (a.part) {
    case Part::kOutside:
    case Part::kI:
      a.publication = Publication::kNone;
      reasons.Add("Ingen kunngjøringsplikt.", "No duty to announce.", "FOA § 5-1",
                  "DOMAIN.md §3 «Publication»", true);
      break;
    case Part::kII:
      a.publication = Publication::kDoffin;
      reasons.Add("Anskaffelsen skal kunngjøres i Doffin (nasjonal kunngjøring).",
                  "The purchase must be announced in Doffin (national notice).", "FOA del II",
                  "DOMAIN.md §3: Sunnmøringen (2017) «kunngjøringsplikt i Noreg … Doffin»", true);
      break;
    case Part::kIII:
      a.publication = Publication::kDoffinTed;
      reasons.Add("Anskaffelsen skal kunngjøres i Doffin og i TED (via Doffin).",
                  "The purchase must be announced in Doffin and in TED (through Doffin).",
                  "FOA del III", "DOMAIN.md §3 «Publication» (TED: generell kunnskap)", false);
      break;
    case Part::kIV:
      a.publication = Publication::kDoffinTed;
      reasons.Add("Anskaffelsen skal kunngjøres i Doffin og i TED (via Doffin).",
                  "The purchase must be announced in Doffin and in TED (through Doffin).",
                  "FOA del IV", "DOMAIN.md §2–§3 (del IV og TED: generell kunnskap)", false);
      break;
  }

  // --- Protocol (from the floor). ---
  a.protocol_required = a.part != Part::kOutside;
  if (a.protocol_required) {
    std::string paragraph = "FOA § 7-1";
    if (a.part == Part::kII) paragraph += ", § 10-5";
    if (a.part == Part::kIII) paragraph += ", § 25-5";
    if (a.part == Part::kIV) paragraph += ", § 30-1";
    std::string nb =
        "Protokoll og skriftlig dokumentasjon kreves (fra " + FormatKrNb(floor->amount_ore) + ").";
    std::string en = "A protocol and written documentation are required (from " +
                     FormatNokEn(floor->amount_ore) + ").";
    if (a.part == Part::kIII || a.part == Part::kIV) {
      nb += " Dokumentasjonen skal oppbevares i minst tre år.";
      en += " The documentation must be kept for at least three years.";
    }
    reasons.Add(nb, en, paragraph,
                "DOMAIN.md §2: Veileder kap. 8.2.1–8.2.2; regjeringen.no «Protokoller»",
                floor->confirmed);
  } else {
    reasons.Add("Protokoll kreves ikke under " + FormatKrNb(floor->amount_ore) + ".",
                "No protocol is required below " + FormatNokEn(floor->amount_ore) + ".",
                "FOA § 7-1", floor->source, floor->confirmed);
  }

  // --- Tax certificate (strictly over the limit). ---
  a.tax_certificate_required = value_ore > tax->amount_ore;
  reasons.Add(
      a.tax_certificate_required
          ? "Skatteattest (ikke eldre enn " + std::to_string(tax_age_months) +
                " måneder) kreves av norske leverandører fordi verdien er over " +
                FormatKrNb(tax->amount_ore) + "."
          : "Skatteattest kreves ikke; verdien er ikke over " + FormatKrNb(tax->amount_ore) + ".",
      a.tax_certificate_required
          ? "A tax certificate (at most " + std::to_string(tax_age_months) +
                " months old) is required of Norwegian suppliers because the value is over " +
                FormatNokEn(tax->amount_ore) + "."
          : "No tax certificate is required; the value is not over " +
                FormatNokEn(tax->amount_ore) + ".",
      "FOA § 7-2", tax->source + (a.tax_certificate_required ? tax_age_source : ""),
      tax->confirmed && (!a.tax_certificate_required || tax_age_confirmed));

  // --- Pay and working conditions, apprentices (services and works). ---
  if (kind != Kind::kGoods) {
    core::Result<LegalValue> pay = lookup(kThresholdPayConditions);
    if (pay.ok()) {
      a.pay_conditions_required = value_ore >= pay->amount_ore;
      reasons.Add(a.pay_conditions_required
                      ? "Krav om lønns- og arbeidsvilkår skal stilles (fra " +
                            FormatKrNb(pay->amount_ore) + " for kommuner)."
                      : "Forskriften om lønns- og arbeidsvilkår gjelder ikke under " +
                            FormatKrNb(pay->amount_ore) +
                            " (påseplikten etter allmenngjøringsforskrifter "
                            "gjelder uansett verdi).",
                  a.pay_conditions_required
                      ? "Pay and working conditions must be required (from " +
                            FormatNokEn(pay->amount_ore) + " for municipalities)."
                      : "The pay-and-working-conditions regulation does not apply below " +
                            FormatNokEn(pay->amount_ore) +
                            " (the duty to check under generalised "
                            "collective agreements applies regardless of value).",
                  "Forskrift 8.2.2008 nr. 112", pay->source, pay->confirmed);
    }
    core::Result<LegalValue> appr = lookup(kThresholdApprentices);
    if (appr.ok()) {
      a.apprentices_threshold_met = value_ore >= appr->amount_ore;
      reasons.Add(
          a.apprentices_threshold_met
              ? "Verdien når grensen for lærlingkrav (" + FormatKrNb(appr->amount_ore) +
                    "); kravet gjelder når kontrakten varer over tre måneder og gjelder fag med "
                    "særlig behov for læreplasser."
              : "Lærlingkrav gjelder ikke under " + FormatKrNb(appr->amount_ore) + ".",
          a.apprentices_threshold_met
              ? "The value reaches the apprentice limit (" + FormatNokEn(appr->amount_ore) +
                    "); the requirement applies when the contract lasts over three months and "
                    "covers trades with a particular need for apprenticeships."
              : "No apprentice requirement below " + FormatNokEn(appr->amount_ore) + ".",
          "Lærlingforskriften §§ 4–6", appr->source, appr->confirmed);
    }
  }

  AddProcedures(a.part, a, reasons);
  SAMKJOP_RETURN_IF_ERROR(AddMinDays(a.part, date, table, a, reasons));

  a.confirmed = reasons.all_confirmed();
  a.reasons = reasons.Take();
  return a;
}

core::Result<ThresholdSet> ThresholdsInForce(Date date, const LegalTable& table) {
  SAMKJOP_RETURN_IF_ERROR(CheckDateCovered(table, date));
  ThresholdSet out;
  out.date = date;
  struct Slot {
    std::string_view key;
    std::int64_t* target;
  };
  const Slot slots[] = {{kThresholdFloor, &out.floor_ore},
                        {kThresholdNational, &out.national_ore},
                        {kThresholdEeaGoodsServices, &out.eea_goods_services_ore},
                        {kThresholdEeaWorks, &out.eea_works_ore},
                        {kThresholdEeaSpecial, &out.eea_special_ore}};
  for (const Slot& slot : slots) {
    core::Result<LegalValue> v = table.InForce(slot.key, date);
    if (!v.ok()) return v.status();
    *slot.target = v->amount_ore;
    out.confirmed = out.confirmed && v->confirmed;
  }
  return out;
}

core::Result<ThresholdSet> ThresholdsForYear(int year, const LegalTable& table) {
  if (year < kFirstCalendarYear || year > kLastCalendarYear) {
    return core::Status::InvalidField("rules.year_out_of_range", "year",
                                      "Året " + std::to_string(year) + " er utenfor " +
                                          std::to_string(kFirstCalendarYear) + "–" +
                                          std::to_string(kLastCalendarYear) + ".");
  }
  Date last{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  return ThresholdsInForce(last, table);
}

}  // namespace samkjop::rules
