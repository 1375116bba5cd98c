// Business rules of the organisation module: validation, scope checks,
// R-1 (exactly one procurement officer per municipality), audit entries.
// No HTTP here; every write is one transaction with its audit entry.
#ifndef SAMKJOP_MODULES_ORG_ORG_SERVICE_H_
#define SAMKJOP_MODULES_ORG_ORG_SERVICE_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/audit/audit.h"
#include "core/auth/auth_service.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/org.h"
#include "modules/org/org_store.h"

namespace samkjop::org {

using core::Result;
using core::Status;
using core::audit::Actor;
using core::auth::Principal;

// A municipality with its officer today.
struct MunicipalityView {
  Municipality m;
  std::optional<Assignment> officer;  // in force today
};

struct Council {
  std::string code;  // "cooperation" | "procurement"
  std::string name_nb, name_en;
  std::vector<Assignment> members;  // chief executives / officers in force today
};

struct UserView {
  core::auth::AuthService::UserRow user;
  std::string name;  // the person's name, or the username
};

class OrgService {
 public:
  OrgService(core::storage::Database& db, core::auth::AuthService& auth) : db_(db), auth_(auth) {}

  // --- municipalities ---
  std::vector<MunicipalityView> ListMunicipalities();
  // 404 org.municipality_not_found.
  Result<MunicipalityView> GetMunicipality(const std::string& orgnr);
  // 400 with fields; 409 org.duplicate_orgnr, org.second_host.
  Result<MunicipalityView> CreateMunicipality(const Actor& actor, Municipality m);
  // Merge patch: only name, municipality_number, member_from, member_to.
  Result<MunicipalityView> PatchMunicipality(const Actor& actor, const std::string& orgnr,
                                             const nlohmann::json& patch);
  Result<MunicipalityView> MakeHost(const Actor& actor, const std::string& orgnr);

  // --- product areas ---
  std::vector<ProductArea> ListProductAreas();
  Result<ProductArea> CreateProductArea(const Actor& actor, ProductArea p);

  // --- people ---
  std::vector<Person> ListPeople(const store::PeopleFilter& f);
  Result<Person> GetPerson(std::int64_t id);
  Result<Person> CreatePerson(const Actor& actor, const Principal& who, Person p);
  Result<Person> PatchPerson(const Actor& actor, const Principal& who, std::int64_t id,
                             const nlohmann::json& patch);
  // The login username of each person (person_id -> username).
  std::map<std::int64_t, std::string> UsernamesByPerson();

  // --- role assignments ---
  std::vector<Assignment> ListAssignments(const store::AssignmentFilter& f);
  // Appoints; for an officer, ends the previous one the day before.
  // 403 when `who` may not appoint this role here; 400 on bad fields;
  // 409 org.officer_overlap when the previous officer starts on or after valid_from.
  Result<Assignment> Appoint(const Actor& actor, const Principal& who, Assignment a);
  // 409 org.bad_end_date when valid_to < valid_from.
  Result<Assignment> EndAssignment(const Actor& actor, const Principal& who, std::int64_t id,
                                   const std::string& valid_to);

  std::vector<Council> ListCouncils();

  // --- users (accounts; admin) ---
  std::vector<UserView> ListUsers();
  Result<UserView> CreateUser(const Actor& actor, const std::string& username,
                              const std::string& password, std::int64_t person_id);
  Result<UserView> SetUserActive(const Actor& actor, std::int64_t id, bool active);
  Result<UserView> ResetPassword(const Actor& actor, std::int64_t id, const std::string& password);
  Result<UserView> Unlock(const Actor& actor, std::int64_t id);

  // For auth: a person's name, e-mail and roles in force on `date`.
  static core::auth::PersonInfo LoadPerson(soci::session& sql, std::int64_t person_id,
                                           const std::string& date);

 private:
  // 403 unless `who` may appoint or end `role` for `municipality`.
  Status CheckMayAppoint(const Principal& who, core::auth::Role role,
                         const std::string& municipality);
  Result<UserView> GetUser(std::int64_t id);

  core::storage::Database& db_;
  core::auth::AuthService& auth_;
};

// JSON shapes (the OpenAPI schemas in org_routes.cc describe them).
nlohmann::json ToJson(const MunicipalityView& v);
nlohmann::json ToJson(const ProductArea& p);
nlohmann::json ToJson(const Person& p, const std::string& username);
nlohmann::json ToJson(const Assignment& a);
nlohmann::json ToJson(const UserView& u);

// Validation of a new municipality (all fields); adds field errors.
void ValidateMunicipality(const Municipality& m, std::vector<core::FieldError>* errors);

// --- used by the CLI (app/main.cc) ---
// True when the database already has municipalities (seed-demo refuses then).
bool HasData(core::storage::Database& db);
// Creates a person, an account and one role assignment valid from today.
Result<std::int64_t> AddUserWithRole(core::storage::Database& db, core::auth::AuthService& auth,
                                     const Actor& actor, const std::string& username,
                                     const std::string& password, const std::string& role,
                                     const std::string& municipality,
                                     const std::string& product_area, const std::string& name);
Status SetUserPassword(core::storage::Database& db, core::auth::AuthService& auth,
                       const Actor& actor, const std::string& username,
                       const std::string& password);

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ORG_SERVICE_H_
