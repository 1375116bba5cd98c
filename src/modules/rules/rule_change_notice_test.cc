// The DL-6 notice for a rule change: what it says, and that the hook notifies
// exactly the recipients it is given.
#include "modules/rules/rule_change_notice.h"

#include <gtest/gtest.h>

#include "core/nor/civil_date.h"

namespace samkjop::rules {
namespace {

LegalValue Threshold(std::int64_t ore, const char* date) {
  LegalValue v;
  v.key = "threshold.national";
  v.label_nb = "Nasjonal terskelverdi";
  v.label_en = "National threshold";
  v.amount_ore = ore;
  v.in_force = *core::nor::ParseIsoDate(date);
  v.source = "FOA § 5-1";
  return v;
}

TEST(RuleChangeNoticeTest, ANewValueSaysWhatAndFromWhen) {
  LegalValueChange c;
  c.value = Threshold(160000000, "2027-01-01");
  c.value.confirmed = false;
  auto n = RuleChangeNotice(c);
  EXPECT_EQ(n.kind, core::notify::kRulesChange);
  EXPECT_EQ(n.title_nb, "Endring i regelverket: Nasjonal terskelverdi");
  EXPECT_EQ(n.title_en, "Change in the rules: National threshold");
  EXPECT_NE(n.body.find("Nasjonal terskelverdi er 1 600 000 kr fra og med 01.01.2027."),
            std::string::npos)
      << n.body;
  EXPECT_NE(n.body.find("Kilde: FOA § 5-1"), std::string::npos);
  EXPECT_NE(n.body.find("ikke bekreftet"), std::string::npos);
  EXPECT_EQ(n.link, "/regelverk");
  EXPECT_TRUE(n.recipients.empty());
}

TEST(RuleChangeNoticeTest, ACorrectionNamesTheOldValueAndTheReason) {
  LegalValueChange c;
  c.value = Threshold(130000000, "2024-01-01");
  c.value.reason = "Feil beløp ble lagt inn";
  c.superseded = Threshold(13000000, "2024-01-01");
  auto n = RuleChangeNotice(c);
  EXPECT_EQ(n.title_nb, "Rettet verdi i regelverket: Nasjonal terskelverdi");
  EXPECT_NE(n.body.find("Den retter verdien 130 000 kr (gjeldende fra 01.01.2024). "
                        "Begrunnelse: Feil beløp ble lagt inn"),
            std::string::npos)
      << n.body;
}

TEST(RuleChangeNoticeTest, ALongLabelIsCutAtACharacterNotAByte) {
  LegalValueChange c;
  c.value = Threshold(100, "2027-01-01");
  c.value.label_nb = std::string(190, 'x') + std::string(20, 'a') + "øøøøøøøøøøøøøøø";
  auto n = RuleChangeNotice(c);
  // 200 code points at most, ending in the ellipsis.
  std::size_t points = 0;
  for (unsigned char ch : n.title_nb)
    if ((ch & 0xC0) != 0x80) ++points;
  EXPECT_EQ(points, 200u);
  EXPECT_EQ(n.title_nb.substr(n.title_nb.size() - 3), "…");
}

}  // namespace
}  // namespace samkjop::rules
