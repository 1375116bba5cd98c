#include "modules/org/municipality_service.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/audit/audit.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"
#include "modules/org/assignment_store.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_json.h"
#include "modules/org/org_rules.h"
#include "modules/org/permissions.h"

namespace samkjop::org {

using core::FieldError;
using core::storage::Session;
using core::storage::WriteTx;

namespace {

bool IsDigits(const std::string& s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status NotFound(const std::string& orgnr) {
  return Status::NotFound("org.municipality_not_found",
                          "Kommunen " + core::nor::FormatOrgnr(orgnr) + " finnes ikke.");
}

Status MayWrite(const Caller& caller) {
  if (caller.ScopeFor(perm::kMunicipalitiesWrite).is_region()) return Status::Ok();
  return Status::Forbidden("org.not_allowed",
                           "Bare daglig leder og administrator kan endre kommuner.");
}

// The officers in force today, by municipality.
std::vector<MunicipalityView> WithOfficers(soci::session& sql, std::vector<Municipality> munis) {
  store::AssignmentFilter f;
  f.role = "officer";
  f.at = core::nor::TodayIso();
  auto officers = store::FindAssignments(sql, f);
  std::vector<MunicipalityView> out;
  for (auto& m : munis) {
    MunicipalityView v{std::move(m), std::nullopt};
    for (const auto& a : officers)
      if (a.municipality == v.m.orgnr)
        v.officer = Officer{a.id, a.person_id, a.person_name, a.valid_from};
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

void ValidateMunicipality(const Municipality& m, std::vector<FieldError>* errors) {
  bool orgnr_named = std::any_of(errors->begin(), errors->end(),
                                 [](const FieldError& e) { return e.field == "orgnr"; });
  if (!orgnr_named && !core::nor::IsValidOrgnr(m.orgnr))
    errors->push_back(
        {"orgnr", "Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikke)."});
  if (m.name.empty()) errors->push_back({"name", "Må fylles ut."});
  if (!IsDigits(m.municipality_number, 4))
    errors->push_back({"municipality_number", "Kommunenummeret må ha fire sifre, f.eks. 3401."});
  if (!m.member_from.empty() && !m.member_to.empty() && m.member_to < m.member_from)
    errors->push_back({"member_to", "Medlem til kan ikke være før medlem fra."});
}

std::vector<MunicipalityView> MunicipalityService::List(const Scope& scope) {
  Session s = db_.Acquire();
  return WithOfficers(s.sql(), store::ListMunicipalities(s.sql(), scope));
}

Result<MunicipalityView> MunicipalityService::Get(const Scope& scope, const std::string& orgnr) {
  Session s = db_.Acquire();
  auto m = store::GetMunicipality(s.sql(), scope, orgnr);
  if (!m) return NotFound(orgnr);
  return WithOfficers(s.sql(), {*m})[0];
}

bool MunicipalityService::Exists(const std::string& orgnr) {
  Session s = db_.Acquire();
  return store::GetMunicipality(s.sql(), Scope::Region(), orgnr).has_value();
}

Result<MunicipalityView> MunicipalityService::Create(const Caller& caller, Municipality m) {
  SAMKJOP_RETURN_IF_ERROR(MayWrite(caller));
  std::vector<FieldError> errors;
  if (auto n = core::nor::NormalizeOrgnr(m.orgnr)) m.orgnr = *n;
  ValidateMunicipality(m, &errors);
  if (!errors.empty()) {
    bool bad_orgnr = std::any_of(errors.begin(), errors.end(),
                                 [](const FieldError& e) { return e.field == "orgnr"; });
    return internal::Invalid(bad_orgnr ? "org.invalid_orgnr" : "org.invalid_municipality", errors);
  }
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  if (m.host) store::LockAllMunicipalities(sql);
  if (store::GetMunicipality(sql, Scope::Region(), m.orgnr))
    return Status::Conflict("org.duplicate_orgnr",
                            "Kommunen " + core::nor::FormatOrgnr(m.orgnr) + " finnes allerede.",
                            {{"orgnr", "Finnes allerede."}});
  if (m.host)
    if (auto h = store::GetHost(sql))
      return Status::Conflict("org.second_host",
                              h->name +
                                  " er allerede vertskommune. Bruk «Gjør til vertskommune» "
                                  "for å flytte vertskapet.",
                              {{"host", "Det kan bare være én vertskommune."}});
  store::InsertMunicipality(sql, m);
  MunicipalityView view{m, std::nullopt};
  core::audit::Record(
      sql, caller.actor(),
      {"create", "org.municipality", m.orgnr, nullptr, MunicipalityShape().ToJson(view)});
  tx.Commit();
  return view;
}

Result<MunicipalityView> MunicipalityService::Update(const Caller& caller, const std::string& orgnr,
                                                     const MunicipalityPatch& patch) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  auto current = store::GetMunicipality(sql, caller.ScopeFor(perm::kMunicipalitiesRead), orgnr);
  if (!current) return NotFound(orgnr);
  SAMKJOP_RETURN_IF_ERROR(MayWrite(caller));
  Municipality m = *current;
  if (patch.name) m.name = *patch.name;
  if (patch.municipality_number) m.municipality_number = *patch.municipality_number;
  if (patch.member_from) m.member_from = *patch.member_from;
  if (patch.member_to) m.member_to = *patch.member_to;
  if (patch.orgnr_verified) m.orgnr_verified = *patch.orgnr_verified;
  std::vector<FieldError> errors;
  ValidateMunicipality(m, &errors);
  if (!errors.empty()) return internal::Invalid("org.invalid_municipality", errors);
  auto before = WithOfficers(sql, {*current})[0];
  store::UpdateMunicipality(sql, m);
  MunicipalityView after{m, before.officer};
  core::audit::Record(sql, caller.actor(),
                      {"update", "org.municipality", orgnr, MunicipalityShape().ToJson(before),
                       MunicipalityShape().ToJson(after)});
  tx.Commit();
  return after;
}

Result<MunicipalityView> MunicipalityService::MakeHost(const Caller& caller,
                                                       const std::string& orgnr) {
  {
    Session s = db_.Acquire();
    auto& sql = s.sql();
    WriteTx tx(s);
    store::LockAllMunicipalities(sql);
    auto target = store::GetMunicipality(sql, caller.ScopeFor(perm::kMunicipalitiesRead), orgnr);
    if (!target) return NotFound(orgnr);
    SAMKJOP_RETURN_IF_ERROR(MayWrite(caller));
    if (!target->host) {
      auto old = store::GetHost(sql);
      store::SetHost(sql, orgnr);
      core::audit::Record(sql, caller.actor(),
                          {"make_host",
                           "org.municipality",
                           orgnr,
                           {{"host", old ? nlohmann::json(old->orgnr) : nlohmann::json()}},
                           {{"host", orgnr}}});
    }
    tx.Commit();
  }
  return Get(Scope::Region(), orgnr);
}

}  // namespace samkjop::org
