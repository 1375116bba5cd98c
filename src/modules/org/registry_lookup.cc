#include "modules/org/registry_lookup.h"

namespace samkjop::org {

namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Flag(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

core::Result<RegistryEntry> ParseEnhet(const nlohmann::json& j) {
  RegistryEntry e;
  if (!j.is_object() || Str(j, "organisasjonsnummer").empty() || Str(j, "navn").empty())
    return core::Status(core::ErrorCode::kUnavailable, "net.bad_json",
                        "Enhetsregisteret svarte med noe uventet.", {},
                        "enhet lacks organisasjonsnummer or navn");
  e.orgnr = Str(j, "organisasjonsnummer");
  e.name = Str(j, "navn");
  if (auto f = j.find("organisasjonsform"); f != j.end() && f->is_object()) {
    e.form_code = Str(*f, "kode");
    e.form_name = Str(*f, "beskrivelse");
  }
  const nlohmann::json* a = nullptr;
  for (const char* key : {"forretningsadresse", "postadresse"}) {
    auto it = j.find(key);
    if (it != j.end() && it->is_object()) {
      a = &*it;
      break;
    }
  }
  if (a) {
    if (auto lines = a->find("adresse"); lines != a->end() && lines->is_array())
      for (const auto& l : *lines)
        if (l.is_string() && !l.get<std::string>().empty()) e.address.lines.push_back(l);
    e.address.postcode = Str(*a, "postnummer");
    e.address.city = Str(*a, "poststed");
    e.address.municipality_number = Str(*a, "kommunenummer");
    e.address.municipality = Str(*a, "kommune");
    e.address.country_code = Str(*a, "landkode");
  }
  e.bankrupt = Flag(j, "konkurs");
  e.in_liquidation = Flag(j, "underAvvikling");
  e.deleted_on = Str(j, "slettedato");
  return e;
}

core::Result<RegistryEntry> LookupEnhet(const core::net::HttpClient& client,
                                        const std::string& orgnr) {
  auto j = client.GetJson("/enheter/" + core::net::EncodePathSegment(orgnr));
  if (!j.ok()) {
    if (j.status().code() == core::ErrorCode::kNotFound)
      return core::Status::NotFound(
          "org.registry_not_found",
          "Organisasjonsnummeret " + orgnr + " finnes ikke i Enhetsregisteret.");
    return j.status();
  }
  auto e = ParseEnhet(*j);
  if (e.ok() && e->orgnr != orgnr)
    return core::Status(core::ErrorCode::kUnavailable, "net.bad_json",
                        "Enhetsregisteret svarte med en annen enhet enn den det ble spurt om.", {},
                        "asked " + orgnr + ", got " + e->orgnr);
  return e;
}

}  // namespace samkjop::org
