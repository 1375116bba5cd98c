// Business rules for people (the contact directory): validation, who may
// register and change whom (org.people.write, in the caller's scope; central
// staff's records need org.people.write_central), and the audit entry.
#ifndef SAMKJOP_MODULES_ORG_PEOPLE_SERVICE_H_
#define SAMKJOP_MODULES_ORG_PEOPLE_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/auth/grants.h"
#include "core/error/status.h"
#include "core/storage/database.h"
#include "modules/org/org.h"
#include "modules/org/people_store.h"

namespace samkjop::org {

// A JSON merge patch of a person: unset fields stay; "" clears an optional one.
struct PersonPatch {
  std::optional<std::string> name, email, phone, title, municipality;
};

class PeopleService {
 public:
  explicit PeopleService(core::storage::Database& db) : db_(db) {}

  // A page of the people in `scope` matching `f`, by name.
  PageOf<Person> List(const core::auth::Scope& scope, const store::PeopleFilter& f,
                      std::int64_t offset, int limit);
  // 404 org.person_not_found when absent or outside `scope`.
  core::Result<Person> Get(const core::auth::Scope& scope, std::int64_t id);
  // 400 org.invalid_person (fields); 403 org.person_out_of_scope unless the
  // caller's org.people.write scope covers the person's municipality (a
  // person without one needs the region).
  core::Result<Person> Create(const core::auth::Caller& caller, Person p);
  // 404 outside the read scope; 403 outside the write scope (the current
  // and the new municipality), or for central staff without
  // org.people.write_central; 400 as Create.
  core::Result<Person> Update(const core::auth::Caller& caller, std::int64_t id,
                              const PersonPatch& patch);

 private:
  core::storage::Database& db_;
};

}  // namespace samkjop::org

#endif  // SAMKJOP_MODULES_ORG_PEOPLE_SERVICE_H_
