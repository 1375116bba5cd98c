// The RIIK demo data: the six municipalities of the Kongsvinger region,
// product areas, people, role assignments and one demo account per role.
// The people are fictional. Organisation numbers other than Kongsvinger's
// could not be verified against Enhetsregisteret here (DOMAIN.md §11) and
// are stored with orgnr_verified = false, which the UI shows.
#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "modules/org/assignment_store.h"
#include "modules/org/module.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_json.h"
#include "modules/org/people_store.h"
#include "modules/org/product_area_store.h"

namespace samkjop::org {
namespace {

using core::auth::Role;

struct DemoMunicipality {
  const char* orgnr;
  const char* name;
  const char* number;
  bool host;
  bool verified;
};

// DOMAIN.md §11. Municipality numbers other than 3401 are general knowledge (UNCONFIRMED).
constexpr DemoMunicipality kMunicipalities[] = {
    {"944117784", "Kongsvinger", "3401", true, true},
    {"874602752", "Eidskog", "3416", false, false},
    {"964948143", "Grue", "3417", false, false},
    {"964950768", "Nord-Odal", "3414", false, false},
    {"874602612", "Sør-Odal", "3415", false, false},
    {"974602970", "Åsnes", "3418", false, false},
};

constexpr const char* kProductAreas[][3] = {
    {"food", "Matvarer", "Food"},
    {"office", "Kontorrekvisita", "Office supplies"},
    {"ict", "IKT-utstyr", "ICT equipment"},
    {"cleaning", "Renhold", "Cleaning supplies and services"},
    {"vehicles", "Kjøretøy", "Vehicles"},
    {"building", "Byggevarer", "Building materials"},
    {"medical", "Medisinsk forbruksmateriell", "Medical consumables"},
    {"furniture", "Møbler og inventar", "Furniture"},
    {"fuel", "Drivstoff", "Fuel"},
    {"energy", "Elektrisk kraft", "Electricity"},
    {"printing", "Trykk og kopi", "Printing and copying"},
    {"workwear", "Arbeidsklær og verneutstyr", "Workwear and protective equipment"},
    {"school", "Skole- og barnehagemateriell", "School and kindergarten supplies"},
    {"telecom", "Telefoni og datakommunikasjon", "Telecommunications"},
    {"consulting", "Konsulenttjenester", "Consulting services"},
    {"maintenance", "Drift og vedlikehold av bygg", "Building operation and maintenance"},
};

constexpr char kDemoPassword[] = "Samkjop-demo-2026";

// Demo dates are relative to the day the demo is seeded (TodayOslo(), which
// --today pins), so the demo tells the same story on any date.
std::string YearsAgo(int years, unsigned month = 1) {
  auto today = core::nor::TodayOslo();
  return core::nor::FormatIsoDate(core::nor::Date{today.year() - std::chrono::years{years},
                                                  std::chrono::month{month}, std::chrono::day{1}});
}
std::string MonthsAgo(int months) {
  return core::nor::FormatIsoDate(core::nor::AddMonths(core::nor::TodayOslo(), -months));
}

}  // namespace

core::Status SeedDemo(core::Services& sv, const core::audit::Actor& actor) {
  core::storage::Session s = sv.db.Acquire();
  auto& sql = s.sql();
  core::storage::WriteTx tx(s);
  const std::string member_from = YearsAgo(6);
  for (const auto& d : kMunicipalities) {
    Municipality m{d.orgnr, d.name, d.number, d.host, member_from, "", d.verified};
    store::InsertMunicipality(sql, m);
    core::audit::Record(sql, actor,
                        {"create", "org.municipality", m.orgnr, nullptr,
                         MunicipalityShape().ToJson(MunicipalityView{m, {}})});
  }
  for (const auto& a : kProductAreas) {
    ProductArea p{a[0], a[1], a[2]};
    store::InsertProductArea(sql, p);
    core::audit::Record(
        sql, actor, {"create", "org.product_area", p.code, nullptr, ProductAreaShape().ToJson(p)});
  }
  auto person = [&](const char* name, const char* title, const char* muni, const char* email,
                    const char* phone) {
    Person p{0, name, email, phone, title, muni, ""};
    p.id = store::InsertPerson(sql, p);
    core::audit::Record(sql, actor,
                        {"create",
                         "org.person",
                         std::to_string(p.id),
                         nullptr,
                         {{"name", p.name}, {"municipality", p.municipality}}});
    return p.id;
  };
  auto appoint = [&](std::int64_t person_id, Role role, const char* muni, const char* area,
                     const std::string& from, const std::string& to = "") {
    Assignment a;
    a.person_id = person_id;
    a.role = role;
    a.municipality = muni;
    a.product_area = area;
    a.valid_from = from;
    a.valid_to = to;
    a.id = store::InsertAssignment(sql, a);
    core::audit::Record(sql, actor,
                        {"appoint", "org.role_assignment", std::to_string(a.id), nullptr,
                         AssignmentShape().ToJson(a)});
  };
  auto account = [&](const char* username, std::int64_t person_id) -> core::Status {
    auto r = sv.auth.CreateUser(sql, actor, username, kDemoPassword, person_id, false);
    return r.ok() ? core::Status::Ok() : r.status();
  };

  const char* kv = "944117784";
  // The procurement office (hosted by Kongsvinger).
  auto admin = person("Ada Systemsen", "Systemansvarlig", kv,
                      "ada.systemsen@kongsvinger.kommune.no", "62 80 00 01");
  auto director = person("Dagny Lund", "Daglig leder, RIIK", kv,
                         "dagny.lund@kongsvinger.kommune.no", "62 80 00 02");
  auto staff = person("Sindre Bakken", "Innkjøpsrådgiver, RIIK", kv,
                      "sindre.bakken@kongsvinger.kommune.no", "62 80 00 03");
  auto auditor = person("Rita Revisjon", "Forvaltningsrevisor", "",
                        "rita.revisjon@revisjon.example.no", "62 80 00 09");
  appoint(admin, Role::kAdmin, "", "", YearsAgo(2));
  appoint(director, Role::kDirector, "", "", YearsAgo(4, 8));
  appoint(staff, Role::kStaff, "", "", YearsAgo(3));
  appoint(auditor, Role::kAuditor, "", "", YearsAgo(1));

  // Chief executives (cooperation council) and procurement officers (procurement council).
  struct Local {
    const char* orgnr;
    const char* chief;
    const char* officer;  // nullptr: the post is vacant (R-1 red in the demo)
  };
  const Local locals[] = {
      {"944117784", "Kari Nordby", "Ola Haugen"}, {"874602752", "Per Magnussen", "Ingrid Skog"},
      {"964948143", "Anne Solberg", "Lars Vik"},  {"964950768", "Tor Engen", "Hilde Berg"},
      {"874602612", "Marit Strand", "Jon Dahl"},  {"974602970", "Eirik Moen", nullptr},
  };
  std::int64_t kv_chief = 0, kv_officer = 0;
  for (const auto& l : locals) {
    auto chief = person(l.chief, "Kommunedirektør", l.orgnr, "", "");
    appoint(chief, Role::kChiefExecutive, l.orgnr, "", YearsAgo(5));
    if (std::string(l.orgnr) == kv) kv_chief = chief;
    if (l.officer) {
      auto officer = person(l.officer, "Innkjøpsansvarlig", l.orgnr, "", "");
      appoint(officer, Role::kOfficer, l.orgnr, "", YearsAgo(3));
      if (std::string(l.orgnr) == kv) kv_officer = officer;
    }
  }
  // Åsnes: the officer left three months before today; the post is vacant (R-1 red).
  auto former = person("Gunnar Åsli", "Tidligere innkjøpsansvarlig", "974602970", "", "");
  appoint(former, Role::kOfficer, "974602970", "", YearsAgo(5, 3), MonthsAgo(3));

  auto pm = person("Siri Holm", "Kjøkkensjef, produktansvarlig matvarer", kv,
                   "siri.holm@kongsvinger.kommune.no", "62 80 01 10");
  appoint(pm, Role::kProductManager, kv, "food", YearsAgo(2, 2));
  auto pm_ict =
      person("Nils Aas", "IKT-rådgiver", kv, "nils.aas@kongsvinger.kommune.no", "62 80 01 20");
  appoint(pm_ict, Role::kProductManager, kv, "ict", YearsAgo(2, 2));
  auto council = person("Liv Aasen", "Politiker, medlem av kontrollutvalget", kv, "", "");
  appoint(council, Role::kCouncilMember, kv, "", YearsAgo(3, 10));
  auto employee =
      person("Emil Sand", "Konsulent, helse og omsorg", kv, "emil.sand@kongsvinger.kommune.no", "");
  appoint(employee, Role::kEmployee, kv, "", YearsAgo(1));

  for (auto [username, pid] : std::initializer_list<std::pair<const char*, std::int64_t>>{
           {"admin", admin},
           {"direktor", director},
           {"stab", staff},
           {"radmann", kv_chief},
           {"innkjop.kongsvinger", kv_officer},
           {"produkt.kongsvinger", pm},
           {"raad", council},
           {"ansatt", employee},
           {"revisor", auditor}}) {
    SAMKJOP_RETURN_IF_ERROR(account(username, pid));
  }
  tx.Commit();
  return core::Status::Ok();
}

}  // namespace samkjop::org
