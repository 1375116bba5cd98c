// GET /api/enhetsregisteret/{orgnr}: a unit from Brønnøysundregistrene's
// Enhetsregisteret (name, form, address), for whoever registers
// municipalities. Off (503 net.not_configured) unless
// `serve --enhetsregisteret-url` is set.
#include <memory>

#include "core/http/route_kit.h"
#include "modules/org/org_routes.h"
#include "modules/org/permissions.h"
#include "modules/org/registry_lookup.h"

namespace samkjop::org {
namespace {

namespace schema = core::http::schema;

const core::http::Shape<RegistryEntry>& RegistryEntryShape() {
  static const auto* s =
      &(*new core::http::Shape<RegistryEntry>("RegistryEntry"))
           .Text("orgnr", &RegistryEntry::orgnr)
           .Text("name", &RegistryEntry::name)
           .OptText("form_code", &RegistryEntry::form_code)
           .OptText("form_name", &RegistryEntry::form_name)
           .Field("address",
                  schema::Obj({{"lines", schema::Array(schema::Str())},
                               {"postcode", schema::NStr()},
                               {"city", schema::NStr()},
                               {"municipality_number", schema::NStr()},
                               {"municipality", schema::NStr()},
                               {"country_code", schema::NStr()}},
                              {"lines", "postcode", "city", "municipality_number", "municipality",
                               "country_code"}),
                  [](const RegistryEntry& e) {
                    auto opt = [](const std::string& v) {
                      return v.empty() ? nlohmann::json() : nlohmann::json(v);
                    };
                    const RegistryAddress& a = e.address;
                    return nlohmann::json{{"lines", a.lines},
                                          {"postcode", opt(a.postcode)},
                                          {"city", opt(a.city)},
                                          {"municipality_number", opt(a.municipality_number)},
                                          {"municipality", opt(a.municipality)},
                                          {"country_code", opt(a.country_code)}};
                  })
           .Bool("bankrupt", &RegistryEntry::bankrupt)
           .Bool("in_liquidation", &RegistryEntry::in_liquidation)
           .OptDate("deleted_on", &RegistryEntry::deleted_on);
  return *s;
}

}  // namespace

void AddRegistryRoutes(core::http::Router& router, core::Services& sv) {
  using core::http::Access;
  using core::http::Context;
  using core::http::Response;
  router.AddShape(RegistryEntryShape());
  core::net::HttpClientOptions options;
  if (auto it = sv.integrations.find("enhetsregisteret"); it != sv.integrations.end())
    options = it->second;
  options.name = "Enhetsregisteret";
  auto client = std::make_shared<core::net::HttpClient>(options);
  core::http::RouteDoc doc{"Slå opp en enhet i Enhetsregisteret (navn, organisasjonsform, adresse)",
                           "org", nullptr, core::http::Ref("RegistryEntry")};
  doc.errors = {404, 503};
  router.Get("/api/enhetsregisteret/{orgnr}", Access::Permission(perm::kRegistryLookup), doc,
             [client](Context& ctx) -> core::Result<Response> {
               auto orgnr = core::http::PathOrgnr(ctx);
               if (!orgnr.ok()) return orgnr.status();
               return core::http::Reply(LookupEnhet(*client, *orgnr), RegistryEntryShape());
             });
}

}  // namespace samkjop::org
