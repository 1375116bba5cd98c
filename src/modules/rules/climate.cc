#include "modules/rules/climate.h"

#include <algorithm>
#include <set>

namespace samkjop::rules {
namespace {

using core::nor::Date;

constexpr Date kClimateRuleFrom{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
constexpr const char* kSource =
    "DOMAIN.md §4: DFØ «Veileder til regler om klima- og miljøhensyn i offentlige "
    "anskaffelser» kap. 1.1, 1.2, 6, 6.1, 7, 8; Bjørnsen advokatfirma 9.12.2025";

// "30 %", "12,5 %".
std::string PercentNb(std::int64_t bp) {
  std::string s = std::to_string(bp / 100);
  if (bp % 100 != 0) {
    int frac = static_cast<int>(bp % 100);
    s += ',';
    s += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) s += static_cast<char>('0' + frac % 10);
  }
  return s + " %";
}

std::string PercentEn(std::int64_t bp) {
  std::string s = PercentNb(bp);
  std::replace(s.begin(), s.end(), ',', '.');
  s.erase(s.size() - 2, 1);  // "30%"
  return s;
}

core::Status BadCriteria(std::string field, std::string message) {
  return core::Status::InvalidField("rules.invalid_criteria", std::move(field), std::move(message));
}

}  // namespace

core::Result<ClimateException> ParseClimateException(std::string_view code) {
  if (code.empty() || code == "none") return ClimateException::kNone;
  if (code == "spec_requirement_better") return ClimateException::kSpecRequirementBetter;
  if (code == "insignificant_footprint") return ClimateException::kInsignificantFootprint;
  return core::Status::InvalidField(
      "rules.invalid_exception", "exception",
      "Ukjent unntak «" + std::string(code) +
          "». Bruk none, spec_requirement_better eller insignificant_footprint.");
}

std::string_view ClimateExceptionCode(ClimateException exception) {
  switch (exception) {
    case ClimateException::kNone: return "none";
    case ClimateException::kSpecRequirementBetter: return "spec_requirement_better";
    case ClimateException::kInsignificantFootprint: return "insignificant_footprint";
  }
  return "none";
}

std::string_view ClimateVerdictCode(ClimateVerdict verdict) {
  switch (verdict) {
    case ClimateVerdict::kOk: return "ok";
    case ClimateVerdict::kViolation: return "violation";
    case ClimateVerdict::kExceptionAccepted: return "exception_accepted";
    case ClimateVerdict::kNotApplicable: return "not_applicable";
  }
  return "ok";
}

core::Result<std::int64_t> ParseWeightPercent(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '%')) s.remove_suffix(1);
  auto bad = [&] {
    return core::Status::InvalidField("rules.invalid_weight", "weight",
                                      "Vekten «" + std::string(text) +
                                          "» er ikke en prosent mellom 0 og 100 med høyst to "
                                          "desimaler.");
  };
  if (s.empty()) return bad();
  std::int64_t whole = 0;
  size_t pos = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    whole = whole * 10 + (s[pos] - '0');
    if (whole > 100) return bad();
    ++pos;
  }
  if (pos == 0) return bad();
  std::int64_t frac = 0;
  if (pos < s.size()) {
    if (s[pos] != '.' && s[pos] != ',') return bad();
    size_t decimals = s.size() - pos - 1;
    if (decimals < 1 || decimals > 2) return bad();
    for (size_t idx = pos + 1; idx < s.size(); ++idx) {
      if (s[idx] < '0' || s[idx] > '9') return bad();
    }
    frac = (s[pos + 1] - '0') * 10 + (decimals == 2 ? s[pos + 2] - '0' : 0);
  }
  std::int64_t bp = whole * 100 + frac;
  if (bp > 10000) return bad();
  return bp;
}

core::Result<ClimateCheckResult> CheckClimate(const ClimateCheckInput& input) {
  if (input.criteria.empty()) {
    return core::Status::InvalidField("rules.no_criteria", "criteria",
                                      "Oppgi minst ett tildelingskriterium.");
  }
  const bool weighted = input.criteria.front().weight_bp.has_value();
  std::set<int> ranks;
  for (size_t idx = 0; idx < input.criteria.size(); ++idx) {
    const AwardCriterion& c = input.criteria[idx];
    std::string field = "criteria[" + std::to_string(idx) + "]";
    if (c.weight_bp.has_value() == c.rank.has_value()) {
      return BadCriteria(field, "Kriteriet «" + c.name +
                                    "» må ha enten vekt eller prioritet, ikke begge eller ingen.");
    }
    if (c.weight_bp.has_value() != weighted) {
      return BadCriteria(field, "Enten må alle kriteriene vektes, eller alle prioriteres.");
    }
    if (weighted && (*c.weight_bp < 0 || *c.weight_bp > 10000)) {
      return BadCriteria(field, "Vekten til «" + c.name + "» må være mellom 0 og 100 %.");
    }
    if (!weighted) {
      if (*c.rank < 1) {
        return BadCriteria(field, "Prioriteten til «" + c.name + "» må være 1 eller høyere.");
      }
      if (!ranks.insert(*c.rank).second) {
        return BadCriteria(field,
                           "To kriterier har samme prioritet (" + std::to_string(*c.rank) + ").");
      }
    }
  }

  ClimateCheckResult out;
  out.weighted = weighted;

  if (input.announced < kClimateRuleFrom) {
    out.verdict = ClimateVerdict::kNotApplicable;
    out.reasons.push_back(Reason{
        "Regelen om minst 30 % vekt på klima og miljø gjelder anskaffelser kunngjort (eller "
        "med invitasjon eller direkte henvendelse) fra 1.1.2024.",
        "The rule of at least 30 % weight on climate and environment applies to procurements "
        "announced (or with invitations or direct approaches) from 2024-01-01.",
        "FOA § 7-9 (i kraft 1.1.2024)", kSource, true});
    return out;
  }

  std::vector<Reason> hard_problems;  // not cured by an exception
  std::vector<Reason> climate_problems;
  if (weighted) {
    for (const AwardCriterion& c : input.criteria) {
      out.total_weight_bp += *c.weight_bp;
      if (c.climate) out.climate_weight_bp += *c.weight_bp;
    }
    out.reasons.push_back(
        Reason{"Klima- og miljøhensyn skal vektes med minst 30 % av tildelingskriteriene.",
               "Climate and environmental considerations must weigh at least 30% of the award "
               "criteria.",
               "FOA § 7-9 annet ledd", kSource, true});
    if (out.total_weight_bp != 10000) {
      hard_problems.push_back(
          Reason{"Vektene summerer til " + PercentNb(out.total_weight_bp) + ", ikke 100 %.",
                 "The weights sum to " + PercentEn(out.total_weight_bp) + ", not 100%.",
                 "FOA § 7-9; DFØ evalueringsmodeller", kSource, true});
    }
    if (out.climate_weight_bp < kMinClimateWeightBp) {
      climate_problems.push_back(
          Reason{"Klima og miljø er vektet med " + PercentNb(out.climate_weight_bp) +
                     ", under minstekravet på 30 %.",
                 "Climate and environment weigh " + PercentEn(out.climate_weight_bp) +
                     ", below the minimum of 30%.",
                 "FOA § 7-9 annet ledd", kSource, true});
    }
  } else {
    std::vector<std::pair<int, bool>> by_rank;
    for (const AwardCriterion& c : input.criteria) by_rank.push_back({*c.rank, c.climate});
    std::sort(by_rank.begin(), by_rank.end());
    for (size_t pos = 0; pos < by_rank.size(); ++pos) {
      if (by_rank[pos].second) {
        out.climate_position = static_cast<int>(pos) + 1;
        break;
      }
    }
    out.reasons.push_back(Reason{
        "Når kriteriene prioriteres i stedet for å vektes, skal klima- og miljøkriteriet være "
        "blant de tre høyest prioriterte.",
        "Where criteria are prioritised rather than weighted, the climate criterion must be "
        "among the three highest prioritised.",
        "FOA § 7-9 tredje ledd", kSource, true});
    if (!out.climate_position.has_value()) {
      climate_problems.push_back(Reason{"Ingen av kriteriene gjelder klima og miljø.",
                                        "None of the criteria concerns climate and environment.",
                                        "FOA § 7-9 tredje ledd", kSource, true});
    } else if (*out.climate_position > kMaxClimateRank) {
      climate_problems.push_back(
          Reason{"Klima- og miljøkriteriet er prioritert som nummer " +
                     std::to_string(*out.climate_position) + ", ikke blant de tre høyeste.",
                 "The climate criterion is prioritised as number " +
                     std::to_string(*out.climate_position) + ", not among the three highest.",
                 "FOA § 7-9 tredje ledd", kSource, true});
    }
  }

  // An exception cures the climate problems, when properly recorded.
  bool exception_accepted = false;
  switch (input.exception) {
    case ClimateException::kNone: break;
    case ClimateException::kSpecRequirementBetter:
      if (input.justification.empty()) {
        hard_problems.push_back(
            Reason{"Unntaket for klimakrav i kravspesifikasjonen krever en begrunnelse i "
                   "anskaffelsesdokumentene, men ingen begrunnelse er registrert.",
                   "The exception for climate requirements in the specification requires a "
                   "justification in the procurement documents, but none is recorded.",
                   "FOA § 7-9 fjerde ledd første punktum", kSource, true});
      } else {
        exception_accepted = true;
        out.reasons.push_back(
            Reason{"Unntak registrert: klimakrav i kravspesifikasjonen gir klart bedre klima- og "
                   "miljøeffekt (et marginalt bedre resultat er nok, KOFA 2024/1387 og 2025/0322). "
                   "Begrunnelse: " +
                       input.justification,
                   "Exception recorded: climate requirements in the specification clearly give a "
                   "better effect (marginally better is enough, KOFA 2024/1387 and 2025/0322). "
                   "Justification: " +
                       input.justification,
                   "FOA § 7-9 fjerde ledd første punktum", kSource, true});
      }
      break;
    case ClimateException::kInsignificantFootprint:
      exception_accepted = true;
      out.reasons.push_back(Reason{
          "Unntak registrert: anskaffelsen har etter sin art et uvesentlig klimaavtrykk og en "
          "uvesentlig miljøbelastning." +
              (input.justification.empty()
                   ? std::string(" DFØ anbefaler å registrere hvor begrunnelsen står.")
                   : " Begrunnelse: " + input.justification),
          "Exception recorded: by its nature the purchase has an insignificant climate "
          "footprint and environmental impact." +
              (input.justification.empty()
                   ? std::string(" DFØ recommends recording where the justification is.")
                   : " Justification: " + input.justification),
          "FOA § 7-9", kSource, true});
      break;
  }

  if (!hard_problems.empty() || (!climate_problems.empty() && !exception_accepted)) {
    out.verdict = ClimateVerdict::kViolation;
    for (Reason& r : hard_problems) out.problems.push_back(std::move(r));
    for (Reason& r : climate_problems) {
      // Problems an accepted exception cures are notes, not faults.
      (exception_accepted ? out.reasons : out.problems).push_back(std::move(r));
    }
  } else if (!climate_problems.empty()) {
    out.verdict = ClimateVerdict::kExceptionAccepted;
    for (Reason& r : climate_problems) out.reasons.push_back(std::move(r));
  } else {
    out.verdict = ClimateVerdict::kOk;
  }
  return out;
}

}  // namespace samkjop::rules
