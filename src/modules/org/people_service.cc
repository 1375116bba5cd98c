#include "modules/org/people_service.h"

#include <regex>

#include <soci/soci.h>

#include "core/audit/audit.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"
#include "modules/org/assignment_store.h"
#include "modules/org/municipality_store.h"
#include "modules/org/org_rules.h"
#include "modules/org/permissions.h"

namespace samkjop::org {

using core::FieldError;
using core::Status;
using core::auth::Caller;
using core::auth::Scope;
using core::storage::Session;
using core::storage::WriteTx;

namespace {

void Validate(Person& p, soci::session& sql, std::vector<FieldError>* errors) {
  if (p.name.empty()) errors->push_back({"name", "Må fylles ut."});
  static const std::regex kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  if (!p.email.empty() && !std::regex_match(p.email, kEmail))
    errors->push_back({"email", "Ugyldig e-postadresse."});
  static const std::regex kPhone(R"(^\+?[0-9 ]{5,20}$)");
  if (!p.phone.empty() && !std::regex_match(p.phone, kPhone))
    errors->push_back({"phone", "Ugyldig telefonnummer."});
  if (!p.municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(p.municipality);
    if (!n || !store::GetMunicipality(sql, Scope::Region(), *n))
      errors->push_back({"municipality", "Ukjent kommune."});
    else
      p.municipality = *n;
  }
}

// The caller's org.people.write reaches a person of `municipality`.
Status MayWrite(const Caller& caller, const std::string& municipality) {
  Scope write = caller.ScopeFor(perm::kPeopleWrite);
  if (write.is_region() || (!municipality.empty() && write.Covers(municipality)))
    return Status::Ok();
  return Status::Forbidden("org.person_out_of_scope",
                           "Du kan bare registrere og endre personer i din egen kommune.");
}

// Whether the person holds a central role (admin, director, staff, auditor) today.
bool IsCentralStaff(soci::session& sql, std::int64_t person_id) {
  return !store::CentralStaffAmong(sql, {person_id}, core::nor::TodayIso()).empty();
}

// Sets each person's read-only central_staff flag (one query for the page).
void MarkCentralStaff(soci::session& sql, std::vector<Person>& people) {
  std::vector<std::int64_t> ids;
  for (const auto& p : people) ids.push_back(p.id);
  auto central = store::CentralStaffAmong(sql, ids, core::nor::TodayIso());
  for (auto& p : people) p.central_staff = central.count(p.id) > 0;
}

nlohmann::json AuditImage(const Person& p) {
  return {{"id", p.id},       {"name", p.name},   {"email", p.email},
          {"phone", p.phone}, {"title", p.title}, {"municipality", p.municipality}};
}

}  // namespace

PageOf<Person> PeopleService::List(const Scope& scope, const store::PeopleFilter& f,
                                   std::int64_t offset, int limit) {
  Session s = db_.Acquire();
  auto page = store::ListPeople(s.sql(), scope, f, offset, limit);
  MarkCentralStaff(s.sql(), page.items);
  return page;
}

core::Result<Person> PeopleService::Get(const Scope& scope, std::int64_t id) {
  Session s = db_.Acquire();
  auto p = store::GetPerson(s.sql(), scope, id);
  if (!p) return Status::NotFound("org.person_not_found", "Personen finnes ikke.");
  p->central_staff = IsCentralStaff(s.sql(), id);
  return *p;
}

core::Result<Person> PeopleService::Create(const Caller& caller, Person p) {
  Session s = db_.Acquire();
  std::vector<FieldError> errors;
  Validate(p, s.sql(), &errors);
  if (!errors.empty()) return internal::Invalid("org.invalid_person", errors);
  SAMKJOP_RETURN_IF_ERROR(MayWrite(caller, p.municipality));
  WriteTx tx(s);
  p.id = store::InsertPerson(s.sql(), p);
  p.username.clear();
  core::audit::Record(s.sql(), caller.actor(),
                      {"create", "org.person", std::to_string(p.id), nullptr, AuditImage(p)});
  tx.Commit();
  return p;
}

core::Result<Person> PeopleService::Update(const Caller& caller, std::int64_t id,
                                           const PersonPatch& patch) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  WriteTx tx(s);
  store::LockPerson(sql, id);
  auto before = store::GetPerson(sql, caller.ScopeFor(perm::kPeopleRead), id);
  if (!before) return Status::NotFound("org.person_not_found", "Personen finnes ikke.");
  SAMKJOP_RETURN_IF_ERROR(MayWrite(caller, before->municipality));
  if (IsCentralStaff(sql, id) && !caller.ScopeFor(perm::kPeopleWriteCentral).is_region())
    return Status::Forbidden("org.central_staff",
                             "Personopplysningene til sentral stab (administrator, daglig leder, "
                             "stab, revisor) endres bare av daglig leder eller administrator.");
  Person p = *before;
  if (patch.name) p.name = *patch.name;
  if (patch.email) p.email = *patch.email;
  if (patch.phone) p.phone = *patch.phone;
  if (patch.title) p.title = *patch.title;
  if (patch.municipality) p.municipality = *patch.municipality;
  std::vector<FieldError> errors;
  Validate(p, sql, &errors);
  if (!errors.empty()) return internal::Invalid("org.invalid_person", errors);
  if (p.municipality != before->municipality)
    SAMKJOP_RETURN_IF_ERROR(MayWrite(caller, p.municipality));
  store::UpdatePerson(sql, p);
  p.central_staff = IsCentralStaff(sql, id);
  core::audit::Record(
      sql, caller.actor(),
      {"update", "org.person", std::to_string(id), AuditImage(*before), AuditImage(p)});
  tx.Commit();
  return p;
}

}  // namespace samkjop::org
