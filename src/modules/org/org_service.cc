#include "modules/org/org_service.h"

#include <algorithm>
#include <map>
#include <regex>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/nor/collate.h"
#include "core/nor/orgnr.h"

namespace samkjop::org {

using core::ErrorCode;
using core::FieldError;
using core::auth::Role;
using core::storage::Session;
using core::storage::WriteTx;

namespace {

std::string Today() { return core::nor::FormatIsoDate(core::nor::TodayOslo()); }

std::string DayBefore(const std::string& iso) {
  auto d = core::nor::ParseIsoDate(iso);
  auto prev = std::chrono::year_month_day{std::chrono::sys_days{*d} - std::chrono::days{1}};
  return core::nor::FormatIsoDate(prev);
}

nlohmann::json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

bool IsDigits(const std::string& s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status NotFoundMunicipality(const std::string& orgnr) {
  return Status::NotFound("org.municipality_not_found",
                          "Kommunen " + core::nor::FormatOrgnr(orgnr) + " finnes ikke.");
}

// Orgnr from user input: spaces ignored. nullopt + field error when invalid.
std::optional<std::string> ReadOrgnr(const std::string& in, const std::string& field,
                                     std::vector<FieldError>* errors) {
  if (auto n = core::nor::NormalizeOrgnr(in)) return n;
  std::string digits;
  for (char c : in)
    if (c >= '0' && c <= '9') digits.push_back(c);
  errors->push_back(
      {field, digits.size() != 9
                  ? "Organisasjonsnummeret må ha ni sifre."
                  : "Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikke)."});
  return std::nullopt;
}

}  // namespace

void ValidateMunicipality(const Municipality& m, std::vector<FieldError>* errors) {
  if (!core::nor::IsValidOrgnr(m.orgnr) &&
      std::none_of(errors->begin(), errors->end(),
                   [](const FieldError& e) { return e.field == "orgnr"; }))
    errors->push_back(
        {"orgnr", "Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikke)."});
  if (m.name.empty()) errors->push_back({"name", "Må fylles ut."});
  if (!IsDigits(m.municipality_number, 4))
    errors->push_back({"municipality_number", "Kommunenummeret må ha fire sifre, f.eks. 3401."});
  if (!m.member_from.empty() && !m.member_to.empty() && m.member_to < m.member_from)
    errors->push_back({"member_to", "Medlem til kan ikke være før medlem fra."});
}

// ---------------- municipalities ----------------

std::vector<MunicipalityView> OrgService::ListMunicipalities() {
  Session s = db_.Acquire();
  auto munis = store::ListMunicipalities(s.sql());
  store::AssignmentFilter f;
  f.role = "officer";
  f.at = Today();
  auto officers = store::ListAssignments(s.sql(), f);
  std::vector<MunicipalityView> out;
  for (auto& m : munis) {
    MunicipalityView v{m, std::nullopt};
    for (const auto& a : officers)
      if (a.municipality == m.orgnr) v.officer = a;
    out.push_back(std::move(v));
  }
  return out;
}

Result<MunicipalityView> OrgService::GetMunicipality(const std::string& orgnr) {
  for (auto& v : ListMunicipalities())
    if (v.m.orgnr == orgnr) return v;
  return NotFoundMunicipality(orgnr);
}

Result<MunicipalityView> OrgService::CreateMunicipality(const Actor& actor, Municipality m) {
  std::vector<FieldError> errors;
  if (auto n = ReadOrgnr(m.orgnr, "orgnr", &errors)) m.orgnr = *n;
  ValidateMunicipality(m, &errors);
  if (!errors.empty()) {
    bool bad_orgnr = std::any_of(errors.begin(), errors.end(),
                                 [](const FieldError& e) { return e.field == "orgnr"; });
    return Status::Invalid(bad_orgnr ? "org.invalid_orgnr" : "org.invalid_municipality",
                           errors.size() == 1
                               ? errors[0].message
                               : "Skjemaet har " + std::to_string(errors.size()) + " feil.",
                           errors);
  }
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    if (store::GetMunicipality(s.sql(), m.orgnr))
      return Status::Conflict("org.duplicate_orgnr",
                              "Kommunen " + core::nor::FormatOrgnr(m.orgnr) + " finnes allerede.",
                              {{"orgnr", "Finnes allerede."}});
    if (m.host) {
      if (auto h = store::GetHost(s.sql()))
        return Status::Conflict(
            "org.second_host",
            h->name +
                " er allerede vertskommune. Bruk «Gjør til vertskommune» for å flytte vertskapet.",
            {{"host", "Det kan bare være én vertskommune."}});
    }
    store::InsertMunicipality(s.sql(), m);
    core::audit::Record(
        s.sql(), actor,
        {"create", "org.municipality", m.orgnr, nullptr, ToJson(MunicipalityView{m, {}})});
    tx.Commit();
  }
  return GetMunicipality(m.orgnr);
}

Result<MunicipalityView> OrgService::PatchMunicipality(const Actor& actor, const std::string& orgnr,
                                                       const nlohmann::json& patch) {
  auto before = GetMunicipality(orgnr);
  if (!before.ok()) return before.status();
  Municipality m = before->m;
  std::vector<FieldError> errors;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const std::string& k = it.key();
    const auto& v = it.value();
    auto str = [&](std::string* dst, bool nullable, size_t max) {
      if (v.is_null()) {
        if (nullable)
          dst->clear();
        else
          errors.push_back({k, "Kan ikke være tom."});
      } else if (!v.is_string()) {
        errors.push_back({k, "Må være tekst."});
      } else if (v.get<std::string>().size() > max) {
        errors.push_back({k, "For lang."});
      } else {
        *dst = v.get<std::string>();
        while (!dst->empty() && dst->back() == ' ') dst->pop_back();
        while (!dst->empty() && dst->front() == ' ') dst->erase(0, 1);
      }
    };
    if (k == "name")
      str(&m.name, false, 100);
    else if (k == "municipality_number")
      str(&m.municipality_number, false, 4);
    else if (k == "member_from" || k == "member_to") {
      std::string* dst = k == "member_from" ? &m.member_from : &m.member_to;
      str(dst, true, 10);
      if (!dst->empty() && !core::nor::ParseIsoDate(*dst))
        errors.push_back({k, "Må være en gyldig dato på formen ÅÅÅÅ-MM-DD."});
    } else if (k == "orgnr")
      errors.push_back({k, "Organisasjonsnummeret kan ikke endres."});
    else if (k == "host")
      errors.push_back(
          {k, "Bruk «Gjør til vertskommune» (POST .../make-host) for å flytte vertskapet."});
    else if (k == "orgnr_verified") {
      if (!v.is_boolean())
        errors.push_back({k, "Må være true eller false."});
      else
        m.orgnr_verified = v.get<bool>();
    } else
      errors.push_back({k, "Ukjent felt."});
  }
  if (errors.empty()) ValidateMunicipality(m, &errors);
  if (!errors.empty())
    return Status::Invalid("org.invalid_municipality",
                           errors.size() == 1
                               ? errors[0].message
                               : "Skjemaet har " + std::to_string(errors.size()) + " feil.",
                           errors);
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    store::UpdateMunicipality(s.sql(), m);
    core::audit::Record(s.sql(), actor,
                        {"update", "org.municipality", orgnr, ToJson(*before),
                         ToJson(MunicipalityView{m, before->officer})});
    tx.Commit();
  }
  return GetMunicipality(orgnr);
}

Result<MunicipalityView> OrgService::MakeHost(const Actor& actor, const std::string& orgnr) {
  auto target = GetMunicipality(orgnr);
  if (!target.ok()) return target.status();
  if (target->m.host) return target;
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    auto old = store::GetHost(s.sql());
    store::SetHost(s.sql(), orgnr);
    core::audit::Record(s.sql(), actor,
                        {"make_host",
                         "org.municipality",
                         orgnr,
                         {{"host", old ? nlohmann::json(old->orgnr) : nlohmann::json()}},
                         {{"host", orgnr}}});
    tx.Commit();
  }
  return GetMunicipality(orgnr);
}

// ---------------- product areas ----------------

std::vector<ProductArea> OrgService::ListProductAreas() {
  Session s = db_.Acquire();
  return store::ListProductAreas(s.sql());
}

Result<ProductArea> OrgService::CreateProductArea(const Actor& actor, ProductArea p) {
  std::vector<FieldError> errors;
  static const std::regex kCode("^[a-z][a-z0-9_-]{1,31}$");
  if (!std::regex_match(p.code, kCode))
    errors.push_back(
        {"code",
         "Koden må være 2–32 små bokstaver (a–z), sifre, - eller _, og starte med en bokstav."});
  if (p.name_nb.empty()) errors.push_back({"name_nb", "Må fylles ut."});
  if (p.name_en.empty()) errors.push_back({"name_en", "Må fylles ut."});
  if (!errors.empty())
    return Status::Invalid("org.invalid_product_area",
                           errors.size() == 1 ? errors[0].message : "Skjemaet har feil.", errors);
  Session s = db_.Acquire();
  WriteTx tx(s);
  if (store::GetProductArea(s.sql(), p.code))
    return Status::Conflict("org.duplicate_product_area",
                            "Produktområdet «" + p.code + "» finnes allerede.",
                            {{"code", "Finnes allerede."}});
  store::InsertProductArea(s.sql(), p);
  core::audit::Record(s.sql(), actor, {"create", "org.product_area", p.code, nullptr, ToJson(p)});
  tx.Commit();
  return p;
}

// ---------------- people ----------------

std::vector<Person> OrgService::ListPeople(const store::PeopleFilter& f) {
  Session s = db_.Acquire();
  return store::ListPeople(s.sql(), f);
}

Result<Person> OrgService::GetPerson(std::int64_t id) {
  Session s = db_.Acquire();
  auto p = store::GetPerson(s.sql(), id);
  if (!p) return Status::NotFound("org.person_not_found", "Personen finnes ikke.");
  return *p;
}

std::map<std::int64_t, std::string> OrgService::UsernamesByPerson() {
  Session s = db_.Acquire();
  std::map<std::int64_t, std::string> out;
  for (const auto& u : auth_.ListUsers(s.sql()))
    if (u.person_id) out[u.person_id] = u.username;
  return out;
}

namespace {
void ValidatePerson(Person& p, soci::session& sql, std::vector<FieldError>* errors) {
  if (p.name.empty()) errors->push_back({"name", "Må fylles ut."});
  static const std::regex kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  if (!p.email.empty() && !std::regex_match(p.email, kEmail))
    errors->push_back({"email", "Ugyldig e-postadresse."});
  static const std::regex kPhone(R"(^\+?[0-9 ]{5,20}$)");
  if (!p.phone.empty() && !std::regex_match(p.phone, kPhone))
    errors->push_back({"phone", "Ugyldig telefonnummer."});
  if (!p.municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(p.municipality);
    if (!n || !store::GetMunicipality(sql, *n))
      errors->push_back({"municipality", "Ukjent kommune."});
    else
      p.municipality = *n;
  }
}

Status MayEditPerson(const Principal& who, const std::string& municipality) {
  if (who.HasAny({Role::kAdmin, Role::kDirector, Role::kStaff})) return Status::Ok();
  if (!municipality.empty() &&
      (who.HasIn(Role::kOfficer, municipality) || who.HasIn(Role::kChiefExecutive, municipality)))
    return Status::Ok();
  return Status::Forbidden("org.person_out_of_scope",
                           "Du kan bare registrere og endre personer i din egen kommune.");
}

nlohmann::json PersonAudit(const Person& p) {
  return {{"id", p.id},       {"name", p.name},   {"email", p.email},
          {"phone", p.phone}, {"title", p.title}, {"municipality", p.municipality}};
}
}  // namespace

Result<Person> OrgService::CreatePerson(const Actor& actor, const Principal& who, Person p) {
  Session s = db_.Acquire();
  std::vector<FieldError> errors;
  ValidatePerson(p, s.sql(), &errors);
  if (!errors.empty())
    return Status::Invalid("org.invalid_person",
                           errors.size() == 1 ? errors[0].message : "Skjemaet har feil.", errors);
  SAMKJOP_RETURN_IF_ERROR(MayEditPerson(who, p.municipality));
  WriteTx tx(s);
  p.id = store::InsertPerson(s.sql(), p);
  core::audit::Record(s.sql(), actor,
                      {"create", "org.person", std::to_string(p.id), nullptr, PersonAudit(p)});
  tx.Commit();
  return p;
}

Result<Person> OrgService::PatchPerson(const Actor& actor, const Principal& who, std::int64_t id,
                                       const nlohmann::json& patch) {
  auto before = GetPerson(id);  // takes and returns its own connection
  if (!before.ok()) return before.status();
  SAMKJOP_RETURN_IF_ERROR(MayEditPerson(who, before->municipality));
  Person p = *before;
  std::vector<FieldError> errors;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const std::string& k = it.key();
    std::string* dst = k == "name"           ? &p.name
                       : k == "email"        ? &p.email
                       : k == "phone"        ? &p.phone
                       : k == "title"        ? &p.title
                       : k == "municipality" ? &p.municipality
                                             : nullptr;
    if (!dst) {
      errors.push_back({k, k == "id" ? "Id kan ikke endres." : "Ukjent felt."});
      continue;
    }
    if (it.value().is_null())
      dst->clear();
    else if (!it.value().is_string())
      errors.push_back({k, "Må være tekst."});
    else if (it.value().get<std::string>().size() > 200)
      errors.push_back({k, "For lang."});
    else
      *dst = it.value().get<std::string>();
  }
  Session s = db_.Acquire();
  if (errors.empty()) ValidatePerson(p, s.sql(), &errors);
  if (!errors.empty())
    return Status::Invalid("org.invalid_person",
                           errors.size() == 1 ? errors[0].message : "Skjemaet har feil.", errors);
  if (p.municipality != before->municipality)
    SAMKJOP_RETURN_IF_ERROR(MayEditPerson(who, p.municipality));
  WriteTx tx(s);
  store::UpdatePerson(s.sql(), p);
  core::audit::Record(
      s.sql(), actor,
      {"update", "org.person", std::to_string(id), PersonAudit(*before), PersonAudit(p)});
  tx.Commit();
  return p;
}

// ---------------- role assignments ----------------

std::vector<Assignment> OrgService::ListAssignments(const store::AssignmentFilter& f) {
  Session s = db_.Acquire();
  return store::ListAssignments(s.sql(), f);
}

Status OrgService::CheckMayAppoint(const Principal& who, Role role,
                                   const std::string& municipality) {
  if (who.Has(Role::kAdmin)) return Status::Ok();
  if (who.Has(Role::kDirector) && role != Role::kAdmin) return Status::Ok();
  if (role == Role::kOfficer && !municipality.empty() &&
      who.HasIn(Role::kChiefExecutive, municipality))
    return Status::Ok();
  if ((role == Role::kProductManager || role == Role::kEmployee) && !municipality.empty() &&
      who.HasIn(Role::kOfficer, municipality))
    return Status::Ok();
  std::string what =
      role == Role::kOfficer
          ? "innkjøpsansvarlig (kommunens rådmann, daglig leder eller administrator kan)"
      : role == Role::kProductManager
          ? "produktansvarlig (kommunens innkjøpsansvarlig, daglig leder eller administrator kan)"
          : "denne rollen (daglig leder eller administrator kan)";
  return Status::Forbidden("org.not_allowed_to_appoint",
                           "Du kan ikke utnevne eller avslutte " + what + ".");
}

Result<Assignment> OrgService::Appoint(const Actor& actor, const Principal& who, Assignment a) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  std::vector<FieldError> errors;
  if (!store::GetPerson(sql, a.person_id)) errors.push_back({"person_id", "Personen finnes ikke."});
  if (core::auth::RoleNeedsMunicipality(a.role) && a.municipality.empty())
    errors.push_back({"municipality", "Rollen gjelder en kommune: velg kommune."});
  if (!a.municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(a.municipality);
    if (!n || !store::GetMunicipality(sql, *n))
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
  if (!errors.empty())
    return Status::Invalid("org.invalid_assignment",
                           errors.size() == 1 ? errors[0].message : "Skjemaet har feil.", errors);
  SAMKJOP_RETURN_IF_ERROR(CheckMayAppoint(who, a.role, a.municipality));

  WriteTx tx(s);
  // Exact duplicates (same person, role, municipality, area, overlapping) are refused.
  store::AssignmentFilter same;
  same.person_id = a.person_id;
  same.role = std::string(core::auth::RoleName(a.role));
  same.municipality = a.municipality;
  same.product_area = a.product_area;
  for (const auto& e : store::ListAssignments(sql, same)) {
    bool overlaps = (e.valid_to.empty() || e.valid_to >= a.valid_from) &&
                    (a.valid_to.empty() || e.valid_from <= a.valid_to);
    if (overlaps && e.municipality == a.municipality && e.product_area == a.product_area)
      return Status::Conflict("org.duplicate_assignment",
                              e.person_name + " har allerede denne rollen i perioden.");
  }
  if (a.role == Role::kOfficer) {
    // R-1: the previous officer's assignment ends the day before.
    store::AssignmentFilter prev;
    prev.role = "officer";
    prev.municipality = a.municipality;
    for (const auto& e : store::ListAssignments(sql, prev)) {
      if (!e.valid_to.empty() && e.valid_to < a.valid_from) continue;
      if (e.valid_from >= a.valid_from)
        return Status::Conflict("org.officer_overlap",
                                e.person_name + " er innkjøpsansvarlig fra " + e.valid_from +
                                    ". Den nye må starte etter det, eller avslutt den andre først.",
                                {{"valid_from", "Overlapper med en annen innkjøpsansvarlig."}});
      std::string end = DayBefore(a.valid_from);
      store::SetAssignmentEnd(sql, e.id, end);
      Assignment ended = e;
      ended.valid_to = end;
      core::audit::Record(
          sql, actor,
          {"end", "org.role_assignment", std::to_string(e.id), ToJson(e), ToJson(ended)});
    }
  }
  a.id = store::InsertAssignment(sql, a);
  auto created = store::GetAssignment(sql, a.id);
  core::audit::Record(
      sql, actor,
      {"appoint", "org.role_assignment", std::to_string(a.id), nullptr, ToJson(*created)});
  tx.Commit();
  return *created;
}

Result<Assignment> OrgService::EndAssignment(const Actor& actor, const Principal& who,
                                             std::int64_t id, const std::string& valid_to) {
  Session s = db_.Acquire();
  auto& sql = s.sql();
  auto a = store::GetAssignment(sql, id);
  if (!a) return Status::NotFound("org.assignment_not_found", "Rolletildelingen finnes ikke.");
  SAMKJOP_RETURN_IF_ERROR(CheckMayAppoint(who, a->role, a->municipality));
  if (valid_to < a->valid_from)
    return Status::InvalidField("org.bad_end_date", "valid_to",
                                "Sluttdato kan ikke være før startdato (" + a->valid_from + ").");
  WriteTx tx(s);
  store::SetAssignmentEnd(sql, id, valid_to);
  Assignment after = *a;
  after.valid_to = valid_to;
  core::audit::Record(
      sql, actor, {"end", "org.role_assignment", std::to_string(id), ToJson(*a), ToJson(after)});
  tx.Commit();
  return after;
}

std::vector<Council> OrgService::ListCouncils() {
  Session s = db_.Acquire();
  auto munis = store::ListMunicipalities(s.sql());
  std::map<std::string, size_t> order;
  for (size_t idx = 0; idx < munis.size(); ++idx) order[munis[idx].orgnr] = idx;
  auto members = [&](const char* role) {
    store::AssignmentFilter f;
    f.role = role;
    f.at = Today();
    auto v = store::ListAssignments(s.sql(), f);
    std::sort(v.begin(), v.end(), [&](const Assignment& x, const Assignment& y) {
      return order[x.municipality] < order[y.municipality];
    });
    return v;
  };
  return {
      {"cooperation", "Samarbeidsrådet", "Cooperation council", members("chief_executive")},
      {"procurement", "Innkjøpsrådet", "Procurement council", members("officer")},
  };
}

// ---------------- users ----------------

std::vector<UserView> OrgService::ListUsers() {
  Session s = db_.Acquire();
  std::vector<UserView> out;
  for (auto& u : auth_.ListUsers(s.sql())) {
    UserView v{u, u.username};
    if (u.person_id)
      if (auto p = store::GetPerson(s.sql(), u.person_id)) v.name = p->name;
    out.push_back(std::move(v));
  }
  return out;
}

Result<UserView> OrgService::GetUser(std::int64_t id) {
  Session s = db_.Acquire();
  auto rows = auth_.ListUsers(s.sql(), id);
  if (rows.empty() || id <= 0)
    return Status::NotFound("auth.user_not_found", "Brukeren finnes ikke.");
  UserView v{rows[0], rows[0].username};
  if (rows[0].person_id)
    if (auto p = store::GetPerson(s.sql(), rows[0].person_id)) v.name = p->name;
  return v;
}

Result<UserView> OrgService::CreateUser(const Actor& actor, const std::string& username,
                                        const std::string& password, std::int64_t person_id) {
  std::vector<FieldError> errors;
  static const std::regex kUser("^[a-z0-9][a-z0-9._-]{1,49}$");
  if (!std::regex_match(username, kUser))
    errors.push_back(
        {"username",
         "Brukernavnet må være 2–50 tegn: små bokstaver a–z, sifre, punktum, - eller _."});
  Status pw = auth_.CheckPasswordPolicy(password, username, "password");
  if (!pw.ok()) errors.push_back(pw.fields()[0]);
  std::int64_t id;
  {
    Session s = db_.Acquire();
    if (!store::GetPerson(s.sql(), person_id))
      errors.push_back({"person_id", "Personen finnes ikke."});
    if (!errors.empty())
      return Status::Invalid("org.invalid_user",
                             errors.size() == 1 ? errors[0].message : "Skjemaet har feil.", errors);
    for (const auto& u : auth_.ListUsers(s.sql()))
      if (u.person_id == person_id)
        return Status::Conflict("org.person_has_user",
                                "Personen har allerede brukernavnet «" + u.username + "».",
                                {{"person_id", "Har allerede en bruker."}});
    WriteTx tx(s);
    auto r = auth_.CreateUser(s.sql(), actor, username, password, person_id, true);
    if (!r.ok()) return r.status();
    id = *r;
    tx.Commit();
  }
  return GetUser(id);
}

Result<UserView> OrgService::SetUserActive(const Actor& actor, std::int64_t id, bool active) {
  auto u = GetUser(id);
  if (!u.ok()) return u.status();
  if (!active && id == actor.user_id)
    return Status::Precondition("org.cannot_deactivate_self",
                                "Du kan ikke deaktivere din egen bruker.");
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    SAMKJOP_RETURN_IF_ERROR(auth_.SetActive(s.sql(), actor, id, active));
    tx.Commit();
  }
  return GetUser(id);
}

Result<UserView> OrgService::ResetPassword(const Actor& actor, std::int64_t id,
                                           const std::string& password) {
  auto u = GetUser(id);
  if (!u.ok()) return u.status();
  SAMKJOP_RETURN_IF_ERROR(auth_.CheckPasswordPolicy(password, u->user.username, "new_password"));
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    SAMKJOP_RETURN_IF_ERROR(auth_.SetPassword(s.sql(), actor, id, password, true));
    tx.Commit();
  }
  return GetUser(id);
}

Result<UserView> OrgService::Unlock(const Actor& actor, std::int64_t id) {
  auto u = GetUser(id);
  if (!u.ok()) return u.status();
  {
    Session s = db_.Acquire();
    WriteTx tx(s);
    SAMKJOP_RETURN_IF_ERROR(auth_.Unlock(s.sql(), actor, id));
    tx.Commit();
  }
  return GetUser(id);
}

core::auth::PersonInfo OrgService::LoadPerson(soci::session& sql, std::int64_t person_id,
                                              const std::string& date) {
  core::auth::PersonInfo info;
  if (auto h = store::GetHost(sql)) info.host_orgnr = h->orgnr;
  if (!person_id) return info;
  if (auto p = store::GetPerson(sql, person_id)) {
    info.name = p->name;
    info.email = p->email;
  }
  store::AssignmentFilter f;
  f.person_id = person_id;
  f.at = date;
  for (const auto& a : store::ListAssignments(sql, f))
    info.roles.push_back({a.id, a.role, a.municipality, a.product_area, a.valid_from, a.valid_to});
  return info;
}

// ---------------- JSON ----------------

nlohmann::json ToJson(const MunicipalityView& v) {
  nlohmann::json officer;
  if (v.officer)
    officer = {{"assignment_id", v.officer->id},
               {"person_id", v.officer->person_id},
               {"name", v.officer->person_name},
               {"valid_from", v.officer->valid_from}};
  return {{"orgnr", v.m.orgnr},
          {"name", v.m.name},
          {"municipality_number", v.m.municipality_number},
          {"host", v.m.host},
          {"member_from", NullIfEmpty(v.m.member_from)},
          {"member_to", NullIfEmpty(v.m.member_to)},
          {"orgnr_verified", v.m.orgnr_verified},
          {"officer", officer},
          {"r1_ok", v.officer.has_value()}};
}

nlohmann::json ToJson(const ProductArea& p) {
  return {{"code", p.code}, {"name_nb", p.name_nb}, {"name_en", p.name_en}};
}

nlohmann::json ToJson(const Person& p, const std::string& username) {
  return {{"id", p.id},
          {"name", p.name},
          {"email", NullIfEmpty(p.email)},
          {"phone", NullIfEmpty(p.phone)},
          {"title", NullIfEmpty(p.title)},
          {"municipality", NullIfEmpty(p.municipality)},
          {"username", NullIfEmpty(username)}};
}

nlohmann::json ToJson(const Assignment& a) {
  return {{"id", a.id},
          {"person_id", a.person_id},
          {"person_name", a.person_name},
          {"role", core::auth::RoleName(a.role)},
          {"municipality", NullIfEmpty(a.municipality)},
          {"product_area", NullIfEmpty(a.product_area)},
          {"valid_from", a.valid_from},
          {"valid_to", NullIfEmpty(a.valid_to)}};
}

nlohmann::json ToJson(const UserView& u) {
  return {{"id", u.user.id},
          {"username", u.user.username},
          {"person_id", u.user.person_id ? nlohmann::json(u.user.person_id) : nlohmann::json()},
          {"name", u.name},
          {"active", u.user.active},
          {"must_change_password", u.user.must_change_password},
          {"locked", u.user.locked}};
}

// ---------------- CLI helpers ----------------

bool HasData(core::storage::Database& db) {
  Session s = db.Acquire();
  return store::CountMunicipalities(s.sql()) > 0;
}

Result<std::int64_t> AddUserWithRole(core::storage::Database& db, core::auth::AuthService& auth,
                                     const Actor& actor, const std::string& username,
                                     const std::string& password, const std::string& role_name,
                                     const std::string& municipality,
                                     const std::string& product_area, const std::string& name) {
  auto role = core::auth::ParseRole(role_name);
  if (!role)
    return Status::InvalidField("org.unknown_role", "role", "Ukjent rolle «" + role_name + "».");
  SAMKJOP_RETURN_IF_ERROR(auth.CheckPasswordPolicy(password, username, "password"));
  Session s = db.Acquire();
  auto& sql = s.sql();
  std::string muni;
  if (!municipality.empty()) {
    auto n = core::nor::NormalizeOrgnr(municipality);
    if (!n)
      return Status::InvalidField("org.invalid_orgnr", "municipality",
                                  "Ugyldig organisasjonsnummer «" + municipality + "».");
    if (!store::GetMunicipality(sql, *n))
      return Status::InvalidField("org.unknown_municipality", "municipality",
                                  "Ukjent kommune " + *n + ".");
    muni = *n;
  } else if (core::auth::RoleNeedsMunicipality(*role)) {
    return Status::InvalidField("org.missing_municipality", "municipality",
                                "Rollen krever --municipality.");
  }
  if (*role == Role::kProductManager && !store::GetProductArea(sql, product_area))
    return Status::InvalidField("org.unknown_product_area", "product_area",
                                "Ukjent eller manglende --product-area.");
  WriteTx tx(s);
  Person p;
  p.name = name;
  p.municipality = muni;
  p.id = store::InsertPerson(sql, p);
  core::audit::Record(sql, actor,
                      {"create", "org.person", std::to_string(p.id), nullptr, PersonAudit(p)});
  auto uid = auth.CreateUser(sql, actor, username, password, p.id, false);
  if (!uid.ok()) return uid.status();
  Assignment a;
  a.person_id = p.id;
  a.role = *role;
  a.municipality = muni;
  a.product_area = *role == Role::kProductManager ? product_area : "";
  a.valid_from = Today();
  a.id = store::InsertAssignment(sql, a);
  a.person_name = p.name;
  core::audit::Record(sql, actor,
                      {"appoint", "org.role_assignment", std::to_string(a.id), nullptr, ToJson(a)});
  tx.Commit();
  return *uid;
}

Status SetUserPassword(core::storage::Database& db, core::auth::AuthService& auth,
                       const Actor& actor, const std::string& username,
                       const std::string& password) {
  SAMKJOP_RETURN_IF_ERROR(auth.CheckPasswordPolicy(password, username, "password"));
  Session s = db.Acquire();
  std::int64_t id = auth.FindUserId(s.sql(), username);
  if (!id)
    return Status::NotFound("auth.user_not_found", "Brukeren «" + username + "» finnes ikke.");
  WriteTx tx(s);
  SAMKJOP_RETURN_IF_ERROR(auth.SetPassword(s.sql(), actor, id, password, false));
  tx.Commit();
  return Status::Ok();
}

}  // namespace samkjop::org
