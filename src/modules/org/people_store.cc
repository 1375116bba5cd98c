#include "modules/org/people_store.h"

#include <vector>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/nor/collate.h"
#include "core/search/search.h"
#include "core/storage/sql.h"

namespace samkjop::org::store {
namespace {

using core::storage::Nullable;
using core::storage::OrEmpty;
using core::storage::Use;

std::string SortKey(const Person& p) { return core::search::SortKey(p.name); }
std::string SearchText(const Person& p) {
  return core::search::IndexText({p.name, p.email, p.title});
}

constexpr char kColumns[] =
    "SELECT p.id, p.name, p.email, p.phone, p.title, p.municipality, u.username "
    "FROM org_people p LEFT JOIN auth_users u ON u.person_id = p.id ";

constexpr char kColumnsAndTotal[] =
    "SELECT p.id, p.name, p.email, p.phone, p.title, p.municipality, u.username, "
    "COUNT(*) OVER () FROM org_people p LEFT JOIN auth_users u ON u.person_id = p.id ";

std::string InScope(const Scope& scope) { return scope.Sql({.municipality = "p.municipality"}); }

std::vector<Person> Fetch(soci::statement& st, Person& r, long long& id, std::string (&opt)[5],
                          soci::indicator (&ind)[5]) {
  std::vector<Person> out;
  while (st.fetch()) {
    Person p = r;
    p.id = id;
    p.email = OrEmpty(opt[0], ind[0]);
    p.phone = OrEmpty(opt[1], ind[1]);
    p.title = OrEmpty(opt[2], ind[2]);
    p.municipality = OrEmpty(opt[3], ind[3]);
    p.username = OrEmpty(opt[4], ind[4]);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

const core::search::Index& PeopleIndex() {
  static const core::search::Index ix{.table = "org_people",
                                      .alias = "p",
                                      .id_column = "id",
                                      .text_column = "search",
                                      .sort_column = "sort_key",
                                      .tie_column = "p.name"};
  return ix;
}

PageOf<Person> ListPeople(soci::session& sql, const Scope& scope, const PeopleFilter& f,
                          std::int64_t offset, int limit) {
  const auto kind = core::storage::IsPostgres(sql) ? core::storage::DbKind::kPostgres
                                                   : core::storage::DbKind::kSqlite;
  const core::search::Query q(PeopleIndex(), f.q, kind);
  const std::string where =
      "WHERE " + InScope(scope) + " AND (:m1 = '' OR p.municipality = :m2) AND " + q.Where() + " ";
  PageOf<Person> page;
  // One statement: the page and, by a window, the total of all hits (the
  // search runs once, not once for COUNT and once for the page).
  Person r;
  long long id = 0, total = 0;
  std::string opt[5];
  soci::indicator ind[5];
  {
    soci::statement st(sql);
    st.exchange(soci::into(id));
    st.exchange(soci::into(r.name));
    for (int i = 0; i < 5; ++i) st.exchange(soci::into(opt[i], ind[i]));
    st.exchange(soci::into(total));
    st.exchange(soci::use(f.municipality, "m1"));
    st.exchange(soci::use(f.municipality, "m2"));
    q.Bind(st, true);
    st.alloc();
    st.prepare(std::string(kColumnsAndTotal) + where + "ORDER BY " + q.OrderBy() + " LIMIT " +
               std::to_string(limit) + " OFFSET " + std::to_string(offset));
    st.define_and_bind();
    st.execute(false);
    page.items = Fetch(st, r, id, opt, ind);
  }
  if (!page.items.empty() || offset == 0) {
    page.total = page.items.empty() ? 0 : total;
    return page;
  }
  // A page past the end: count on its own.
  soci::statement st(sql);
  st.exchange(soci::into(total));
  st.exchange(soci::use(f.municipality, "m1"));
  st.exchange(soci::use(f.municipality, "m2"));
  q.Bind(st, false);
  st.alloc();
  st.prepare("SELECT COUNT(*) FROM org_people p " + where);
  st.define_and_bind();
  st.execute(true);
  page.total = total;
  return page;
}

std::optional<Person> GetPerson(soci::session& sql, const Scope& scope, std::int64_t person_id) {
  if (person_id <= 0) return std::nullopt;
  Person r;
  long long id = 0, want = person_id;
  std::string opt[5];
  soci::indicator ind[5];
  soci::statement st =
      (sql.prepare << std::string(kColumns) + "WHERE p.id = :id AND " + InScope(scope),
       soci::use(want, "id"), soci::into(id), soci::into(r.name), soci::into(opt[0], ind[0]),
       soci::into(opt[1], ind[1]), soci::into(opt[2], ind[2]), soci::into(opt[3], ind[3]),
       soci::into(opt[4], ind[4]));
  st.execute(false);
  auto out = Fetch(st, r, id, opt, ind);
  if (out.empty()) return std::nullopt;
  return out[0];
}

bool LockPerson(soci::session& sql, std::int64_t person_id) {
  long long id = person_id, got = 0;
  sql << std::string("SELECT id FROM org_people WHERE id = :id") + core::storage::ForUpdate(sql),
      soci::use(id), soci::into(got);
  return sql.got_data();
}

std::int64_t InsertPerson(soci::session& sql, const Person& p) {
  Nullable email(p.email), phone(p.phone), title(p.title), muni(p.municipality);
  std::string now = core::nor::NowUtcIso(), sort_key = SortKey(p), search = SearchText(p);
  long long id = 0;
  sql << "INSERT INTO org_people (name, email, phone, title, municipality, sort_key, search, "
         "created_at, updated_at) VALUES (:n, :e, :p, :t, :m, :k, :s, :c, :u) RETURNING id",
      soci::use(p.name), Use(email), Use(phone), Use(title), Use(muni), soci::use(sort_key),
      soci::use(search), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void UpdatePerson(soci::session& sql, const Person& p) {
  Nullable email(p.email), phone(p.phone), title(p.title), muni(p.municipality);
  std::string now = core::nor::NowUtcIso(), sort_key = SortKey(p), search = SearchText(p);
  long long id = p.id;
  sql << "UPDATE org_people SET name = :n, email = :e, phone = :p, title = :t, municipality = :m, "
         "sort_key = :k, search = :s, updated_at = :u WHERE id = :id",
      soci::use(p.name), Use(email), Use(phone), Use(title), Use(muni), soci::use(sort_key),
      soci::use(search), soci::use(now), soci::use(id);
}

int BackfillSearch(soci::session& sql) {
  std::vector<Person> todo;
  {
    Person r;
    long long id = 0;
    std::string email, title;
    soci::indicator ei, ti;
    soci::statement st =
        (sql.prepare << "SELECT id, name, email, title FROM org_people "
                        "WHERE sort_key IS NULL OR search IS NULL",
         soci::into(id), soci::into(r.name), soci::into(email, ei), soci::into(title, ti));
    st.execute(false);
    while (st.fetch()) {
      Person p = r;
      p.id = id;
      p.email = OrEmpty(email, ei);
      p.title = OrEmpty(title, ti);
      todo.push_back(p);
    }
  }
  for (const auto& p : todo) {
    long long id = p.id;
    std::string sort_key = SortKey(p), search = SearchText(p);
    sql << "UPDATE org_people SET sort_key = :k, search = :s WHERE id = :id", soci::use(sort_key),
        soci::use(search), soci::use(id);
  }
  return static_cast<int>(todo.size());
}

}  // namespace samkjop::org::store
