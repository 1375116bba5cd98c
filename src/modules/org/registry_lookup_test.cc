// Enhetsregisteret's JSON read into a RegistryEntry.
#include "modules/org/registry_lookup.h"

#include <gtest/gtest.h>

namespace samkjop::org {
namespace {

TEST(ParseEnhet, NameFormAndAddress) {
  auto j = nlohmann::json::parse(R"({
    "organisasjonsnummer": "944117784", "navn": "KONGSVINGER KOMMUNE",
    "organisasjonsform": {"kode": "KOMM", "beskrivelse": "Kommune"},
    "postadresse": {"adresse": ["Postboks 900"], "postnummer": "2226", "poststed": "KONGSVINGER"},
    "forretningsadresse": {"adresse": ["Rådhusplassen 1", ""], "postnummer": "2226",
      "poststed": "KONGSVINGER", "kommune": "KONGSVINGER", "kommunenummer": "3401",
      "landkode": "NO"},
    "konkurs": false, "underAvvikling": true})");
  auto e = ParseEnhet(j);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->name, "KONGSVINGER KOMMUNE");
  EXPECT_EQ(e->form_code, "KOMM");
  EXPECT_EQ(e->form_name, "Kommune");
  EXPECT_EQ(e->address.lines,
            std::vector<std::string>{"Rådhusplassen 1"});  // business address wins
  EXPECT_EQ(e->address.municipality_number, "3401");
  EXPECT_TRUE(e->in_liquidation);
  EXPECT_FALSE(e->bankrupt);
}

TEST(ParseEnhet, PostalAddressWhenNoBusinessAddressAndBadShapes) {
  auto e = ParseEnhet(nlohmann::json::parse(
      R"({"organisasjonsnummer": "1", "navn": "X", "postadresse": {"adresse": ["Pb 1"]}})"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->address.lines, std::vector<std::string>{"Pb 1"});
  EXPECT_FALSE(ParseEnhet(nlohmann::json::parse(R"({"navn": "X"})")).ok());
  EXPECT_FALSE(ParseEnhet(nlohmann::json::parse(R"([1, 2])")).ok());
  auto odd = ParseEnhet(nlohmann::json::parse(
      R"({"organisasjonsnummer": "1", "navn": "X", "organisasjonsform": "KOMM",
          "forretningsadresse": {"adresse": "ikke en liste", "postnummer": 2226}})"));
  ASSERT_TRUE(odd.ok());  // fields of the wrong type are left empty, never a crash
  EXPECT_TRUE(odd->address.lines.empty());
  EXPECT_EQ(odd->address.postcode, "");
  EXPECT_EQ(odd->form_code, "");
}

}  // namespace
}  // namespace samkjop::org
