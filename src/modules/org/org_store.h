// SQL of the organisation module. Every function runs on the caller's
// session (and transaction); none checks permissions (the service does).
#ifndef SAMKJOP_MODULES_ORG_ORG_STORE_H_
#define SAMKJOP_MODULES_ORG_ORG_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

std::vector<Municipality> ListMunicipalities(soci::session& sql);
std::optional<Municipality> GetMunicipality(soci::session& sql, const std::string& orgnr);
std::optional<Municipality> GetHost(soci::session& sql);
void InsertMunicipality(soci::session& sql, const Municipality& m);
void UpdateMunicipality(soci::session& sql, const Municipality& m);
// Clears the host flag everywhere, then sets it on `orgnr`.
void SetHost(soci::session& sql, const std::string& orgnr);

std::vector<ProductArea> ListProductAreas(soci::session& sql);
std::optional<ProductArea> GetProductArea(soci::session& sql, const std::string& code);
void InsertProductArea(soci::session& sql, const ProductArea& p);

struct PeopleFilter {
  std::string q;             // substring of name, e-mail or title (case-insensitive)
  std::string municipality;  // orgnr or ""
};
std::vector<Person> ListPeople(soci::session& sql, const PeopleFilter& f);
std::optional<Person> GetPerson(soci::session& sql, std::int64_t id);
std::int64_t InsertPerson(soci::session& sql, const Person& p);
void UpdatePerson(soci::session& sql, const Person& p);

struct AssignmentFilter {
  std::int64_t person_id = 0;  // 0 = any
  std::string role;            // "" = any
  std::string municipality;    // "" = any
  std::string product_area;    // "" = any
  std::string at;              // in force on this date; "" = no date filter
  bool include_ended = true;   // with at = "": also those ended before today
  std::string today;           // for include_ended = false
};
std::vector<Assignment> ListAssignments(soci::session& sql, const AssignmentFilter& f);
std::optional<Assignment> GetAssignment(soci::session& sql, std::int64_t id);
std::int64_t InsertAssignment(soci::session& sql, const Assignment& a);
void SetAssignmentEnd(soci::session& sql, std::int64_t id, const std::string& valid_to);

std::int64_t CountMunicipalities(soci::session& sql);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_ORG_STORE_H_
