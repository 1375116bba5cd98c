#include "modules/spend/thresholds.h"

#include <chrono>

#include "modules/rules/rules.h"
#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

core::Status ApplyOverride(const std::optional<std::string>& text, std::string_view flag,
                           std::int64_t* ore) {
  if (!text) return core::Status::Ok();
  std::int64_t value = 0;
  if (ParseAmount(TrimBlank(*text), &value) != AmountParse::kOk || value < 0) {
    return core::Status::InvalidField(
        "spend.invalid_threshold", std::string(flag),
        std::string(flag) + " «" + *text +
            "» er ikke et gyldig beløp i NOK (f.eks. 1300000 eller 1 300 000,50)");
  }
  *ore = value;
  return core::Status::Ok();
}

}  // namespace

core::Result<Thresholds> ResolveThresholds(int year, const ThresholdOverrides& overrides,
                                           const rules::LegalTable& table) {
  const core::nor::Date last_day{std::chrono::year{year}, std::chrono::December,
                                 std::chrono::day{31}};
  Thresholds t;
  struct Item {
    std::string_view key;
    const std::optional<std::string>& override_text;
    std::string_view flag;
    std::int64_t* ore;
  };
  const Item items[] = {
      {"threshold.floor", overrides.protocol, "--protocol-threshold", &t.protocol_ore},
      {"threshold.national", overrides.national, "--national-threshold", &t.national_ore},
      {"threshold.eea.goods_services", overrides.eea, "--eea-threshold", &t.eea_ore},
  };
  for (const Item& item : items) {
    if (item.override_text) {
      SAMKJOP_RETURN_IF_ERROR(ApplyOverride(item.override_text, item.flag, item.ore));
      continue;
    }
    core::Result<rules::LegalValue> value = table.InForce(item.key, last_day);
    if (!value.ok()) return value.status();
    *item.ore = value->amount_ore;
  }
  return t;
}

}  // namespace samkjop::spend
