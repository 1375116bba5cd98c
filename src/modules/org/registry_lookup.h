// A unit looked up in Brønnøysundregistrene's Enhetsregisteret
// (GET {base}/enheter/{orgnr}, https://data.brreg.no/enhetsregisteret/api):
// name, organisational form and business address, to fill in a municipality
// or (later) a supplier. Off unless `serve --enhetsregisteret-url` is set.
#ifndef SAMKJOP_MODULES_ORG_REGISTRY_LOOKUP_H_
#define SAMKJOP_MODULES_ORG_REGISTRY_LOOKUP_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"
#include "core/net/http_client.h"

namespace samkjop::org {

struct RegistryAddress {
  std::vector<std::string> lines;  // adresse[]
  std::string postcode, city, municipality_number, municipality, country_code;
};

struct RegistryEntry {
  std::string orgnr, name;
  std::string form_code, form_name;  // organisasjonsform.kode / beskrivelse ("KOMM", "Kommune")
  RegistryAddress address;           // forretningsadresse, else postadresse
  bool bankrupt = false, in_liquidation = false;
  std::string deleted_on;  // slettedato, "" if not deleted
};

// The entry from Enhetsregisteret's JSON for one unit; kUnavailable
// net.bad_json when it lacks organisasjonsnummer or navn.
core::Result<RegistryEntry> ParseEnhet(const nlohmann::json& j);

// Looks `orgnr` (nine valid digits) up: 404 org.registry_not_found when the
// register does not know it (404 or 410), the client's net.* errors
// otherwise.
core::Result<RegistryEntry> LookupEnhet(const core::net::HttpClient& client,
                                        const std::string& orgnr);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_REGISTRY_LOOKUP_H_
