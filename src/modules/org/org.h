// Domain types of the organisation module (public: other modules use them
// with org's *_service.h).
#ifndef SAMKJOP_MODULES_ORG_ORG_H_
#define SAMKJOP_MODULES_ORG_ORG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.h"

namespace samkjop::org {

// A municipality of the cooperation (kommune). orgnr is the key and never changes.
struct Municipality {
  std::string orgnr;  // nine digits, MOD11-valid
  std::string name;
  std::string municipality_number;  // four digits, leading zero kept ("0402")
  bool host = false;                // vertskommune; exactly one
  std::string member_from;          // YYYY-MM-DD or ""
  std::string member_to;            // YYYY-MM-DD or ""
  bool orgnr_verified = false;      // checked against Enhetsregisteret
};

// Produktområde.
struct ProductArea {
  std::string code;  // lower-case ascii, e.g. "food"
  std::string name_nb;
  std::string name_en;
};

// A person in the contact directory; may or may not have a login.
struct Person {
  std::int64_t id = 0;
  std::string name, email, phone, title;
  std::string municipality;  // orgnr or ""
  std::string username;      // the login, if the person has one (read only)
  // Holds an admin, director, staff or auditor role today (read only): such a person's record
  // is edited by those with org.people.write_central only (issue 8 #10).
  bool central_staff = false;
};

// A role held by a person for [valid_from, valid_to] (valid_to "" = open).
struct Assignment {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string person_name;  // joined for display
  core::auth::Role role = core::auth::Role::kEmployee;
  std::string municipality;  // orgnr or ""
  std::string product_area;  // code or ""
  std::string valid_from;
  std::string valid_to;
};

// The officer of a municipality on a day.
struct Officer {
  std::int64_t assignment_id = 0;
  std::int64_t person_id = 0;
  std::string name;
  std::string valid_from;
};

// A municipality with its officer today.
struct MunicipalityView {
  Municipality m;
  std::optional<Officer> officer;  // in force today; none = R-1 broken
};

struct CouncilMember {
  std::int64_t person_id = 0;
  std::string name;
  std::string municipality;
  core::auth::Role role = core::auth::Role::kOfficer;
};

// Samarbeidsrådet (the chief executives) or innkjøpsrådet (the officers).
struct Council {
  std::string code;  // "cooperation" | "procurement"
  std::string name_nb, name_en;
  std::vector<CouncilMember> members;  // in force today, in municipality order
};

// A user account with its person's name.
struct UserView {
  std::int64_t id = 0;
  std::string username;
  std::int64_t person_id = 0;  // 0 = none
  std::string name;            // the person's name, or the username
  bool active = true;
  bool must_change_password = false;
  bool locked = false;
};

// One page of a list, with the count before paging.
template <typename T>
struct PageOf {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ORG_H_
