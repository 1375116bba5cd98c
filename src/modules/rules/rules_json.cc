#include "modules/rules/rules_json.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <utility>

#include "modules/rules/money.h"

namespace samkjop::rules {
namespace {

using core::nor::Date;
using core::nor::FormatIsoDate;
using nlohmann::json;

core::Status Missing(std::string_view field) {
  return core::Status::InvalidField("rules.missing_option", std::string(field),
                                    "Mangler påkrevd verdi «" + std::string(field) + "».");
}

core::Result<Date> ParseDateField(const std::optional<std::string>& text, std::string_view field) {
  if (!text.has_value()) return Missing(field);
  std::optional<Date> d = core::nor::ParseIsoDate(*text);
  if (!d.has_value()) {
    return core::Status::InvalidField(
        "rules.invalid_date", std::string(field),
        "«" + *text +
            "» er ikke en gyldig dato. Bruk formatet ÅÅÅÅ-MM-DD, for eksempel "
            "2025-03-14.");
  }
  return *d;
}

core::Result<int> ParseDays(const std::string& text) {
  int days = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, days);
  if (ec != std::errc() || ptr != end || days < 1 || days > kMaxPeriodDays) {
    return core::Status::InvalidField("rules.invalid_days", "days",
                                      "Antall dager «" + text +
                                          "» må være et helt tall fra 1 til " +
                                          std::to_string(kMaxPeriodDays) + ".");
  }
  return days;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

json ReasonsToJson(const std::vector<Reason>& reasons) {
  json out = json::array();
  for (const Reason& r : reasons) out.push_back(ReasonToJson(r));
  return out;
}

}  // namespace

json ErrorToJson(const core::Status& status) {
  json error = {{"code", status.code_name()}, {"message", status.message()}};
  if (status.fields().size() == 1) error["field"] = status.fields().front().field;
  return json{{"error", std::move(error)}};
}

json ReasonToJson(const Reason& reason) {
  return json{{"text_nb", reason.text_nb},
              {"text_en", reason.text_en},
              {"paragraph", reason.paragraph},
              {"source", reason.source},
              {"confirmed", reason.confirmed}};
}

json LegalValueToJson(const LegalValue& value) {
  json out = {{"key", value.key},
              {"in_force", FormatIsoDate(value.in_force)},
              {"label_nb", value.label_nb},
              {"label_en", value.label_en}};
  std::string amount_nb, amount_en;
  const Unit unit = UnitOfKey(value.key).value_or(Unit::kOre);
  if (unit == Unit::kDays) {
    out["days"] = value.days;
    amount_nb = std::to_string(value.days) + " dager";
    amount_en = std::to_string(value.days) + " days";
  } else if (unit == Unit::kMonths) {
    out["months"] = value.months;
    amount_nb = std::to_string(value.months) + " måneder";
    amount_en = std::to_string(value.months) + " months";
  } else if (unit == Unit::kFlag) {
    out["flag"] = value.flag;
    amount_nb = value.flag ? "ja" : "nei";
    amount_en = value.flag ? "yes" : "no";
  } else {
    out["amount_ore"] = value.amount_ore;
    out["amount_nok"] = FormatOrePlain(value.amount_ore);
    amount_nb = FormatKrNb(value.amount_ore);
    amount_en = FormatNokEn(value.amount_ore);
  }
  out["source"] = value.source;
  out["confirmed"] = value.confirmed;
  out["explanation_nb"] = value.label_nb + ": " + amount_nb + ", gjelder fra " +
                          core::nor::FormatNorwegianDate(value.in_force) +
                          ". Kilde: " + value.source + "." +
                          (value.confirmed ? "" : kUnconfirmedNb);
  out["explanation_en"] = value.label_en + ": " + amount_en + ", in force from " +
                          FormatIsoDate(value.in_force) + ". Source: " + value.source + "." +
                          (value.confirmed ? "" : kUnconfirmedEn);
  return out;
}

json AssessmentToJson(const Assessment& a) {
  json min_days = json::object();
  for (const MinDays& m : a.min_days) min_days[m.name] = m.days;
  return json{{"value_ore", a.value_ore},
              {"value_nok", FormatOrePlain(a.value_ore)},
              {"kind", KindCode(a.kind)},
              {"date", FormatIsoDate(a.date)},
              {"part", PartCode(a.part)},
              {"publication", PublicationCode(a.publication)},
              {"protocol_required", a.protocol_required},
              {"tax_certificate_required", a.tax_certificate_required},
              {"pay_conditions_required", a.pay_conditions_required},
              {"apprentices_threshold_met", a.apprentices_threshold_met},
              {"procedures", a.procedures},
              {"min_days", std::move(min_days)},
              {"confirmed", a.confirmed},
              {"reasons", ReasonsToJson(a.reasons)}};
}

json StandstillToJson(Date notified, const Standstill& s) {
  return json{{"notified", FormatIsoDate(notified)},
              {"days", s.days},
              {"last_day", FormatIsoDate(s.last_day)},
              {"first_signing_day", FormatIsoDate(s.first_signing_day)},
              {"reasons", ReasonsToJson(s.reasons)}};
}

json PeriodEndToJson(Date from, int days, const PeriodEnd& end) {
  return json{{"from", FormatIsoDate(from)},
              {"days", days},
              {"nominal_last_day", FormatIsoDate(end.nominal_last_day)},
              {"last_day", FormatIsoDate(end.last_day)},
              {"extended", end.extended},
              {"reasons", ReasonsToJson(end.reasons)}};
}

json PriceScoresToJson(const PriceScores& scores, const PriceScoreOptions& options) {
  json rounded = json::array();
  for (double s : scores.scores) rounded.push_back(RoundTo4(s));
  json out = {{"model", PriceModelCode(options.model)}};
  if (options.model == PriceModel::kLinear) {
    out["k"] = options.k;
    out["floor_zero"] = options.floor_zero;
  }
  out["lowest_nok"] = FormatOrePlain(scores.lowest_ore);
  out["scores"] = std::move(rounded);
  out["reasons"] = ReasonsToJson(scores.reasons);
  return out;
}

json ClimateCheckToJson(const ClimateCheckResult& r) {
  json out = {{"verdict", ClimateVerdictCode(r.verdict)}, {"weighted", r.weighted}};
  if (r.weighted) {
    out["total_weight_pct"] = static_cast<double>(r.total_weight_bp) / 100.0;
    out["climate_weight_pct"] = static_cast<double>(r.climate_weight_bp) / 100.0;
  } else if (r.climate_position.has_value()) {
    out["climate_position"] = *r.climate_position;
  }
  out["problems"] = ReasonsToJson(r.problems);
  out["reasons"] = ReasonsToJson(r.reasons);
  return out;
}

core::Result<json> AssessJson(const std::optional<std::string>& value,
                              const std::optional<std::string>& kind,
                              const std::optional<std::string>& date, const LegalTable& table) {
  if (!value.has_value()) return Missing("value");
  core::Result<std::int64_t> ore = ParseNokToOre(*value, "value");
  if (!ore.ok()) return ore.status();
  if (!kind.has_value()) return Missing("kind");
  core::Result<Kind> k = ParseKind(*kind);
  if (!k.ok()) return k.status();
  core::Result<Date> d = ParseDateField(date, "date");
  if (!d.ok()) return d.status();
  core::Result<Assessment> a = Assess(*ore, *k, *d, table);
  if (!a.ok()) return a.status();
  return AssessmentToJson(*a);
}

core::Result<json> AssessOreJson(const std::optional<std::int64_t>& value_ore,
                                 const std::optional<std::string>& kind,
                                 const std::optional<std::string>& date, const LegalTable& table) {
  if (!value_ore.has_value()) return Missing("value_ore");
  if (!kind.has_value()) return Missing("kind");
  core::Result<Kind> k = ParseKind(*kind);
  if (!k.ok()) return k.status();
  core::Result<Date> d = ParseDateField(date, "date");
  if (!d.ok()) return d.status();
  core::Result<Assessment> a = Assess(*value_ore, *k, *d, table);
  if (!a.ok()) {
    core::Status st = a.status();
    std::vector<core::FieldError> fields = st.fields();
    for (core::FieldError& f : fields) {
      if (f.field == "value") f.field = "value_ore";
    }
    return core::Status(st.code(), st.code_name(), st.message(), std::move(fields), st.detail());
  }
  return AssessmentToJson(*a);
}

core::Result<json> PriceScoreBodyJson(const json& body) {
  auto bad_body = [](std::string field, std::string message) {
    return core::Status::InvalidField("rules.invalid_body", std::move(field), std::move(message));
  };
  if (!body.is_object()) return bad_body("", "Forespørselen må være et JSON-objekt.");
  for (const auto& [name, value] : body.items()) {
    (void)value;
    if (name != "model" && name != "k" && name != "floor_zero" && name != "prices_ore") {
      return bad_body(name, "Ukjent felt «" + name + "».");
    }
  }
  if (!body.contains("model") || body["model"].is_null()) return Missing("model");
  if (!body["model"].is_string()) return bad_body("model", "«model» må være tekst.");
  core::Result<PriceModel> m = ParsePriceModel(body["model"].get<std::string>());
  if (!m.ok()) return m.status();
  PriceScoreOptions options;
  options.model = *m;
  if (body.contains("k") && !body["k"].is_null()) {
    const json& k = body["k"];
    double value = k.is_number() ? k.get<double>() : 0.0;
    if (!k.is_number() || !std::isfinite(value) || value <= 0.0 || value > 1000.0) {
      return core::Status::InvalidField("rules.invalid_k", "k",
                                        "Faktoren k må være et tall større enn 0 (høyst 1000).");
    }
    options.k = value;
  }
  if (body.contains("floor_zero") && !body["floor_zero"].is_null()) {
    if (!body["floor_zero"].is_boolean()) {
      return bad_body("floor_zero", "«floor_zero» må være true eller false.");
    }
    options.floor_zero = body["floor_zero"].get<bool>();
  }
  std::vector<std::int64_t> ore;
  if (body.contains("prices_ore") && !body["prices_ore"].is_null()) {
    const json& prices = body["prices_ore"];
    if (!prices.is_array()) return bad_body("prices_ore", "«prices_ore» må være en liste.");
    if (prices.size() > 1000) return bad_body("prices_ore", "Høyst 1000 priser.");
    for (size_t idx = 0; idx < prices.size(); ++idx) {
      const json& p = prices[idx];
      std::string field = "prices_ore[" + std::to_string(idx) + "]";
      bool whole = p.is_number_integer() || p.is_number_unsigned();
      std::int64_t value = 0;
      if (p.is_number_unsigned()) {
        whole = p.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxValueOre);
        if (whole) value = static_cast<std::int64_t>(p.get<std::uint64_t>());
      } else if (whole) {
        value = p.get<std::int64_t>();
      }
      if (!whole || value <= 0 || value > kMaxValueOre) {
        return core::Status::InvalidField("rules.invalid_price", field,
                                          "Pris nummer " + std::to_string(idx + 1) +
                                              " er ikke et helt antall øre større enn null.");
      }
      ore.push_back(value);
    }
  }
  core::Result<PriceScores> scores = ScorePrices(ore, options);
  if (!scores.ok()) return scores.status();
  return PriceScoresToJson(*scores, options);
}

core::Result<json> StandstillJson(const std::optional<std::string>& notified,
                                  const std::optional<std::string>& days, const LegalTable& table) {
  core::Result<Date> d = ParseDateField(notified, "notified");
  if (!d.ok()) return d.status();
  int n = 0;  // 0 = the table's minimum
  if (days.has_value()) {
    core::Result<int> parsed = ParseDays(*days);
    if (!parsed.ok()) return parsed.status();
    n = *parsed;
  }
  core::Result<Standstill> s = ComputeStandstill(*d, n, table);
  if (!s.ok()) return s.status();
  return StandstillToJson(*d, *s);
}

core::Result<json> DeadlineJson(const std::optional<std::string>& from,
                                const std::optional<std::string>& days) {
  core::Result<Date> d = ParseDateField(from, "from");
  if (!d.ok()) return d.status();
  if (!days.has_value()) return Missing("days");
  core::Result<int> n = ParseDays(*days);
  if (!n.ok()) return n.status();
  core::Result<PeriodEnd> end = LastDayOfPeriod(*d, *n);
  if (!end.ok()) return end.status();
  return PeriodEndToJson(*d, *n, *end);
}

core::Result<json> PriceScoreJson(const std::optional<std::string>& model,
                                  const std::optional<std::string>& k, bool floor_zero,
                                  const std::optional<std::string>& prices) {
  if (!model.has_value()) return Missing("model");
  core::Result<PriceModel> m = ParsePriceModel(*model);
  if (!m.ok()) return m.status();
  PriceScoreOptions options;
  options.model = *m;
  options.floor_zero = floor_zero;
  if (k.has_value()) {
    std::string text = Trim(*k);
    for (char& c : text) {
      if (c == ',') c = '.';
    }
    double parsed = 0.0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() ||
        !std::isfinite(parsed) || parsed <= 0.0 || parsed > 1000.0) {
      return core::Status::InvalidField(
          "rules.invalid_k", "k",
          "Faktoren k «" + *k + "» må være et tall større enn 0 (høyst 1000).");
    }
    options.k = parsed;
  }
  std::vector<std::int64_t> ore;
  if (prices.has_value() && !Trim(*prices).empty()) {
    const char separator = prices->find(';') != std::string::npos ? ';' : ',';
    std::string_view rest = *prices;
    for (size_t idx = 0;; ++idx) {
      size_t cut = rest.find(separator);
      std::string item = Trim(rest.substr(0, cut));
      std::string field = "prices[" + std::to_string(idx) + "]";
      core::Result<std::int64_t> p = ParseNokToOre(item, field);
      if (!p.ok() || *p == 0) {
        return core::Status::InvalidField("rules.invalid_price", field,
                                          "Pris nummer " + std::to_string(idx + 1) + " («" + item +
                                              "») er ikke et beløp større enn null.");
      }
      ore.push_back(*p);
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
  }
  core::Result<PriceScores> scores = ScorePrices(ore, options);
  if (!scores.ok()) return scores.status();
  return PriceScoresToJson(*scores, options);
}

json LegalValueItemJson(const LegalValue& value) {
  json out = LegalValueToJson(value);
  auto id_or_null = [](std::int64_t id) { return id != 0 ? json(id) : json(); };
  out["id"] = value.id;
  out["unit"] = UnitCode(UnitOfKey(value.key).value_or(Unit::kOre));
  out["supersedes"] = id_or_null(value.supersedes);
  out["reason"] = value.reason.empty() ? json() : json(value.reason);
  out["superseded_by"] = id_or_null(value.superseded_by);
  return out;
}

core::Result<json> LegalValuesJson(const std::optional<std::string>& date, bool history, Date today,
                                   const LegalTable& table, std::string_view field) {
  Date d = today;
  if (date.has_value()) {
    core::Result<Date> parsed = ParseDateField(date, field);
    if (!parsed.ok()) return parsed.status();
    d = *parsed;
  }
  SAMKJOP_RETURN_IF_ERROR(CheckDateCovered(table, d));
  json items = json::array();
  bool confirmed = true;
  for (const LegalValue& v : table.AllInForce(d)) {
    if (!history) items.push_back(LegalValueItemJson(v));
    confirmed = confirmed && v.confirmed;
  }
  if (history) {
    for (const LegalValue& v : table.values()) items.push_back(LegalValueItemJson(v));
  }
  const auto total = static_cast<std::int64_t>(items.size());
  return json{{"date", FormatIsoDate(d)},
              {"items", std::move(items)},
              {"total", total},
              {"confirmed", confirmed}};
}

core::Result<json> ThresholdsJson(const std::optional<std::string>& date, Date today,
                                  const LegalTable& table) {
  return LegalValuesJson(date, false, today, table, "date");
}

core::Result<json> ClimateCheckJson(const json& body) {
  auto bad_body = [](std::string field, std::string message) {
    return core::Status::InvalidField("rules.invalid_body", std::move(field), std::move(message));
  };
  if (!body.is_object()) return bad_body("", "Forespørselen må være et JSON-objekt.");
  ClimateCheckInput input;

  std::optional<std::string> announced;
  if (body.contains("announced")) {
    if (!body["announced"].is_string())
      return bad_body("announced", "«announced» må være en dato.");
    announced = body["announced"].get<std::string>();
  }
  core::Result<Date> d = ParseDateField(announced, "announced");
  if (!d.ok()) return d.status();
  input.announced = *d;

  if (!body.contains("criteria")) return Missing("criteria");
  const json& criteria = body["criteria"];
  if (!criteria.is_array()) return bad_body("criteria", "«criteria» må være en liste.");
  for (size_t idx = 0; idx < criteria.size(); ++idx) {
    const json& c = criteria[idx];
    std::string field = "criteria[" + std::to_string(idx) + "]";
    if (!c.is_object()) return bad_body(field, "Hvert kriterium må være et JSON-objekt.");
    AwardCriterion criterion;
    if (c.contains("name")) {
      if (!c["name"].is_string()) return bad_body(field + ".name", "«name» må være tekst.");
      criterion.name = c["name"].get<std::string>();
    }
    if (c.contains("climate")) {
      if (!c["climate"].is_boolean()) {
        return bad_body(field + ".climate", "«climate» må være true eller false.");
      }
      criterion.climate = c["climate"].get<bool>();
    }
    if (c.contains("weight") && !c["weight"].is_null()) {
      const json& w = c["weight"];
      std::string text;
      if (w.is_string()) {
        text = w.get<std::string>();
      } else if (w.is_number_integer() || w.is_number_unsigned()) {
        text = std::to_string(w.get<long long>());
      } else if (w.is_number_float()) {
        double pct = w.get<double>();
        double bp = pct * 100.0;
        if (!std::isfinite(bp) || std::fabs(bp - std::round(bp)) > 1e-6 || bp < 0 || bp > 10000) {
          return core::Status::InvalidField("rules.invalid_weight", field + ".weight",
                                            "Vekten må være en prosent mellom 0 og 100 med "
                                            "høyst to desimaler.");
        }
        criterion.weight_bp = static_cast<std::int64_t>(std::llround(bp));
      } else {
        return bad_body(field + ".weight", "«weight» må være et tall.");
      }
      if (!criterion.weight_bp.has_value()) {
        core::Result<std::int64_t> bp = ParseWeightPercent(text);
        if (!bp.ok()) {
          return core::Status::InvalidField("rules.invalid_weight", field + ".weight",
                                            bp.status().message());
        }
        criterion.weight_bp = *bp;
      }
    }
    if (c.contains("rank") && !c["rank"].is_null()) {
      if (!c["rank"].is_number_integer()) {
        return bad_body(field + ".rank", "«rank» må være et helt tall.");
      }
      long long rank = c["rank"].get<long long>();
      if (rank < -1000000 || rank > 1000000) {
        return bad_body(field + ".rank", "«rank» er urimelig stor.");
      }
      criterion.rank = static_cast<int>(rank);
    }
    input.criteria.push_back(std::move(criterion));
  }

  if (body.contains("exception") && !body["exception"].is_null()) {
    if (!body["exception"].is_string()) return bad_body("exception", "«exception» må være tekst.");
    core::Result<ClimateException> e = ParseClimateException(body["exception"].get<std::string>());
    if (!e.ok()) return e.status();
    input.exception = *e;
  }
  if (body.contains("justification") && !body["justification"].is_null()) {
    if (!body["justification"].is_string()) {
      return bad_body("justification", "«justification» må være tekst.");
    }
    input.justification = Trim(body["justification"].get<std::string>());
  }

  core::Result<ClimateCheckResult> r = CheckClimate(input);
  if (!r.ok()) return r.status();
  return ClimateCheckToJson(*r);
}

}  // namespace samkjop::rules
