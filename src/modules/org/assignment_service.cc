#include "modules/org/assignment_service.h"

#include <algorithm>
#include <map>

#include <soci/soci.h>

#include "core/audit/audit.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_json.h"
#include "modules/org/org_rules.h"
#include "modules/org/people_store.h"
#include "modules/org/permissions.h"
#include "modules/org/product_area_store.h"
#include "modules/org/user_store.h"

namespace samkjop::org {

using core::FieldError;
using core::Status;
using core::auth::Caller;
using core::auth::Role;
using core::auth::Scope;
using core::storage::Session;
using core::storage::WriteTx;

namespace {

// The caller's permission for `role` reaches `municipality` (per-municipality
// roles) or the region (the others).
Status MayAppoint(const Caller& caller, Role role, const std::string& municipality) {
  Scope scope = caller.ScopeFor(perm::AppointPermissionFor(role));
  bool ok =
      core::auth::RoleNeedsMunicipality(role) ? scope.Covers(municipality) : scope.is_region();
  if (ok) return Status::Ok();
  std::string what =
      role == Role::kOfficer
          ? "innkjøpsansvarlig (kommunens rådmann, daglig leder eller administrator kan)"
      : role == Role::kProductManager || role == Role::kEmployee
          ? std::string(role == Role::kEmployee ? "ansatte" : "produktansvarlig") +
                " (kommunens innkjøpsansvarlig, daglig leder eller administrator kan)"
      : role == Role::kAdmin ? "administratorer (bare en administrator kan)"
                             : "denne rollen (daglig leder eller administrator kan)";
  return Status::Forbidden("org.not_allowed_to_appoint",
                           "Du kan ikke utnevne eller avslutte " + what + ".");
}

std::vector<FieldError> Validate(soci::session& sql, Assignment& a) {
  std::vector<FieldError> errors;
  if (!store::GetPerson(sql, Scope::Region(), a.person_id))
    errors.push_back({"person_id", "Personen finnes ikke."});
  if (core::auth::RoleNeedsMunicipality(a.role) && a.municipality.empty())
    errors.push_back({"municipality", "Rollen gjelder en kommune: velg kommune."});
  if (!a.municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(a.municipality);
    if (!n || !store::GetMunicipality(sql, Scope::Region(), *n))
      errors.push_back({"municipality", "Ukjent kommune."});
    else
      a.municipality = *n;
  }
  if (a.role == Role::kProductManager) {
    if (a.product_area.empty())
      errors.push_back({"product_area", "Velg produktområde."});
    else if (!store::GetProductArea(sql, a.product_area))
      errors.push_back({"product_area", "Ukjent produktområde."});
  } else if (!a.product_area.empty()) {
    errors.push_back({"product_area", "Bare produktansvarlige har produktområde."});
  }
  if (!a.valid_to.empty() && a.valid_to < a.valid_from)
    errors.push_back({"valid_to", "Til-dato kan ikke være før fra-dato."});
  return errors;
}

bool Overlaps(const Assignment& e, const Assignment& a) {
  return (e.valid_to.empty() || e.valid_to >= a.valid_from) &&
         (a.valid_to.empty() || e.valid_from <= a.valid_to);
}

nlohmann::json Image(const Assignment& a) { return AssignmentShape().ToJson(a); }

}  // namespace

PageOf<Assignment> AssignmentService::List(const Scope& scope, const store::AssignmentFilter& f,
                                           std::int64_t offset, int limit) {
  Session s = db_.Acquire();
  return store::ListAssignments(s.sql(), scope, f, offset, limit);
}

core::Result<Assignment> AssignmentService::Appoint(const Caller& caller, Assignment a) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  // The rules below read, then write: lock the row that owns them first.
  if (!a.municipality.empty() && core::nor::NormalizeOrgnr(a.municipality))
    store::LockMunicipality(sql, *core::nor::NormalizeOrgnr(a.municipality));
  else
    store::LockPerson(sql, a.person_id);
  std::vector<FieldError> errors = Validate(sql, a);
  if (!errors.empty()) return internal::Invalid("org.invalid_assignment", errors);
  SAMKJOP_RETURN_IF_ERROR(MayAppoint(caller, a.role, a.municipality));

  store::AssignmentFilter same;
  same.person_id = a.person_id;
  same.role = std::string(core::auth::RoleName(a.role));
  same.municipality = a.municipality;
  same.product_area = a.product_area;
  for (const auto& e : store::FindAssignments(sql, same))
    if (Overlaps(e, a) && e.municipality == a.municipality && e.product_area == a.product_area)
      return Status::Conflict("org.duplicate_assignment",
                              e.person_name + " har allerede denne rollen i perioden.");
  if (a.role == Role::kOfficer) {
    // the previous officer's assignment ends the day before.
    store::AssignmentFilter prev;
    prev.role = "officer";
    prev.municipality = a.municipality;
    for (const auto& e : store::FindAssignments(sql, prev)) {
      if (!e.valid_to.empty() && e.valid_to < a.valid_from) continue;
      if (e.valid_from >= a.valid_from)
        return Status::Conflict(
            "org.officer_overlap",
            e.person_name + " er innkjøpsansvarlig fra " +
                core::nor::FormatNorwegianDate(*core::nor::ParseIsoDate(e.valid_from)) +
                ". Den nye må starte etter det, eller avslutt den andre først.",
            {{"valid_from", "Overlapper med en annen innkjøpsansvarlig."}});
      std::string end = core::nor::AddDaysIso(a.valid_from, -1);
      store::SetAssignmentEnd(sql, e.id, end);
      Assignment ended = e;
      ended.valid_to = end;
      core::audit::Record(
          sql, caller.actor(),
          {"end", "org.role_assignment", std::to_string(e.id), Image(e), Image(ended)});
    }
  }
  a.id = store::InsertAssignment(sql, a);
  auto created = store::GetAssignment(sql, Scope::Region(), a.id);
  core::audit::Record(
      sql, caller.actor(),
      {"appoint", "org.role_assignment", std::to_string(a.id), nullptr, Image(*created)});
  tx.Commit();
  return *created;
}

core::Result<Assignment> AssignmentService::End(const Caller& caller, std::int64_t id,
                                                const std::string& valid_to) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  auto current = store::GetAssignment(sql, caller.ScopeFor(perm::kRolesRead), id);
  if (!current)
    return Status::NotFound("org.assignment_not_found", "Rolletildelingen finnes ikke.");
  if (!current->municipality.empty()) store::LockMunicipality(sql, current->municipality);
  if (current->role == Role::kAdmin) store::LockRole(sql, Role::kAdmin);
  auto a = store::GetAssignment(sql, Scope::Region(), id);  // re-read under the lock
  SAMKJOP_RETURN_IF_ERROR(MayAppoint(caller, a->role, a->municipality));
  if (valid_to < a->valid_from)
    return Status::InvalidField(
        "org.bad_end_date", "valid_to",
        "Sluttdato kan ikke være før startdato (" +
            core::nor::FormatNorwegianDate(*core::nor::ParseIsoDate(a->valid_from)) + ").");
  if (!a->valid_to.empty() && valid_to > a->valid_to)
    return Status::Conflict(
        "org.end_would_extend",
        "Rollen er allerede avsluttet " +
            core::nor::FormatNorwegianDate(*core::nor::ParseIsoDate(a->valid_to)) +
            ". En avslutning kan bare korte ned en rolle; for å forlenge den, utnevn på nytt.",
        {{"valid_to", "Kan ikke være senere enn nåværende sluttdato."}});
  if (a->role == Role::kAdmin &&
      store::CountActiveAdmins(sql, core::nor::AddDaysIso(valid_to, 1), 0, a->id) == 0)
    return Status::Conflict("org.last_admin",
                            "Da ville ingen aktiv bruker være administrator. Utnevn en annen "
                            "administrator først.");
  store::SetAssignmentEnd(sql, id, valid_to);
  Assignment after = *a;
  after.valid_to = valid_to;
  core::audit::Record(sql, caller.actor(),
                      {"end", "org.role_assignment", std::to_string(id), Image(*a), Image(after)});
  tx.Commit();
  return after;
}

std::vector<Council> AssignmentService::Councils(const Scope& scope) {
  Session s = db_.Acquire();
  auto munis = store::ListMunicipalities(s.sql(), Scope::Region());
  std::map<std::string, size_t> order;
  for (size_t idx = 0; idx < munis.size(); ++idx) order[munis[idx].orgnr] = idx;
  auto members = [&](Role role) {
    store::AssignmentFilter f;
    f.role = std::string(core::auth::RoleName(role));
    f.at = core::nor::TodayIso();
    std::vector<CouncilMember> out;
    for (const auto& a : store::FindAssignments(s.sql(), f))
      if (scope.Covers(a.municipality))
        out.push_back({a.person_id, a.person_name, a.municipality, a.role});
    std::sort(out.begin(), out.end(), [&](const CouncilMember& x, const CouncilMember& y) {
      return order[x.municipality] < order[y.municipality];
    });
    return out;
  };
  return {
      {"cooperation", "Samarbeidsrådet", "Cooperation council", members(Role::kChiefExecutive)},
      {"procurement", "Innkjøpsrådet", "Procurement council", members(Role::kOfficer)},
  };
}

std::optional<Officer> AssignmentService::OfficerOn(const std::string& orgnr,
                                                    const std::string& date) {
  Session s = db_.Acquire();
  store::AssignmentFilter f;
  f.role = "officer";
  f.municipality = orgnr;
  f.at = date;
  auto found = store::FindAssignments(s.sql(), f);
  if (found.empty()) return std::nullopt;
  return Officer{found[0].id, found[0].person_id, found[0].person_name, found[0].valid_from};
}

core::auth::PersonInfo AssignmentService::LoadPerson(soci::session& sql, std::int64_t person_id,
                                                     const std::string& date) {
  core::auth::PersonInfo info;
  if (auto h = store::GetHost(sql)) info.host_orgnr = h->orgnr;
  if (!person_id) return info;
  if (auto p = store::GetPerson(sql, Scope::Region(), person_id)) {
    info.name = p->name;
    info.email = p->email;
  }
  store::AssignmentFilter f;
  f.person_id = person_id;
  f.at = date;
  for (const auto& a : store::FindAssignments(sql, f))
    info.roles.push_back({a.id, a.role, a.municipality, a.product_area, a.valid_from, a.valid_to});
  return info;
}

std::vector<std::int64_t> AssignmentService::ActiveUsersWithRole(soci::session& sql,
                                                                 core::auth::Role role,
                                                                 const std::string& date) {
  return store::ActiveUsersWithRole(sql, std::string(core::auth::RoleName(role)), date);
}

}  // namespace samkjop::org
