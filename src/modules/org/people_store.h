// SQL for people (org_people), the contact directory. Reads take the
// caller's Scope (the person's municipality) and filter in SQL; lists page
// in SQL, in Norwegian name order (sort_key), with folded-text search.
#ifndef SAMKJOP_MODULES_ORG_PEOPLE_STORE_H_
#define SAMKJOP_MODULES_ORG_PEOPLE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/auth/grants.h"
#include "core/search/search.h"
#include "modules/org/org.h"

namespace soci {
class session;
}

namespace samkjop::org::store {

using core::auth::Scope;

struct PeopleFilter {
  std::string q;  // words in name, e-mail or title (core::search: "mobler" finds "møbler"; ranked)
  std::string municipality;  // orgnr or ""
};

// People's search index (core::search): folded name, e-mail and title in
// `search`, the name's collation key in `sort_key`; migration 0003 builds it.
const core::search::Index& PeopleIndex();

// A page of the people in `scope` matching `f`, by name; `total` before paging.
PageOf<Person> ListPeople(soci::session& sql, const Scope& scope, const PeopleFilter& f,
                          std::int64_t offset, int limit);
// nullopt when there is no such person or they are outside `scope`. A person
// without a municipality is reached only by a region scope.
std::optional<Person> GetPerson(soci::session& sql, const Scope& scope, std::int64_t id);
// Locks the person's row until the transaction ends (PostgreSQL). False when
// there is no such person.
bool LockPerson(soci::session& sql, std::int64_t id);
std::int64_t InsertPerson(soci::session& sql, const Person& p);
void UpdatePerson(soci::session& sql, const Person& p);
// Fills sort_key and search where they are missing (rows written before
// migration 0002, and every row after 0003 cleared the old-format text).
// Returns the rows filled.
int BackfillSearch(soci::session& sql);

}  // namespace samkjop::org::store

#endif  // SAMKJOP_MODULES_ORG_PEOPLE_STORE_H_
