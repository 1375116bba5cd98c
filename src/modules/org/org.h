// Domain types of the organisation module.
#ifndef SAMKJOP_MODULES_ORG_ORG_H_
#define SAMKJOP_MODULES_ORG_ORG_H_

#include <cstdint>
#include <string>

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

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_ORG_H_
