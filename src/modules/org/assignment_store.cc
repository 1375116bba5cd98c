#include "modules/org/assignment_store.h"

#include <limits>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/storage/sql.h"

namespace samkjop::org::store {
namespace {

using core::storage::Nullable;
using core::storage::OrEmpty;
using core::storage::Use;

// Binds the filter's placeholders (names :p1 … :td) to a statement.
struct Binds {
  explicit Binds(const AssignmentFilter& f)
      : person(f.person_id),
        ended_ok(f.include_ended ? 1 : 0),
        today(f.today.empty() ? core::nor::TodayIso() : f.today),
        f(f) {}
  void Into(soci::statement& st) {
    st.exchange(soci::use(person, "p1"));
    st.exchange(soci::use(person, "p2"));
    st.exchange(soci::use(f.role, "r1"));
    st.exchange(soci::use(f.role, "r2"));
    st.exchange(soci::use(f.municipality, "m1"));
    st.exchange(soci::use(f.municipality, "m2"));
    st.exchange(soci::use(f.product_area, "a1"));
    st.exchange(soci::use(f.product_area, "a2"));
    st.exchange(soci::use(f.at, "at1"));
    st.exchange(soci::use(f.at, "at2"));
    st.exchange(soci::use(f.at, "at3"));
    st.exchange(soci::use(ended_ok, "e1"));
    st.exchange(soci::use(today, "td"));
  }
  long long person;
  int ended_ok;
  std::string today;
  const AssignmentFilter& f;
};

// at: valid_from <= at AND (valid_to IS NULL OR valid_to >= at).
// not include_ended: valid_to IS NULL OR valid_to >= today.
constexpr char kWhere[] =
    "(:p1 = 0 OR a.person_id = :p2) AND (:r1 = '' OR a.role = :r2) "
    "AND (:m1 = '' OR a.municipality = :m2) AND (:a1 = '' OR a.product_area = :a2) "
    "AND (:at1 = '' OR (a.valid_from <= :at2 AND (a.valid_to IS NULL OR a.valid_to >= :at3))) "
    "AND (:e1 = 1 OR a.valid_to IS NULL OR a.valid_to >= :td)";

std::string InScope(const Scope& scope) {
  return scope.Sql({.municipality = "a.municipality", .product_area = "a.product_area"});
}

std::vector<Assignment> Select(soci::session& sql, const std::string& where, Binds* binds,
                               long long* id_arg, const std::string& tail) {
  long long id = 0, pid = 0;
  std::string role, muni, area, from, to, name;
  soci::indicator mi = soci::i_null, ai = soci::i_null, ti = soci::i_null;
  soci::statement st(sql);
  st.alloc();
  st.prepare(
      "SELECT a.id, a.person_id, p.name, a.role, a.municipality, a.product_area, "
      "a.valid_from, a.valid_to FROM org_role_assignments a "
      "JOIN org_people p ON p.id = a.person_id WHERE " +
      where + tail);
  if (binds) binds->Into(st);
  if (id_arg) st.exchange(soci::use(*id_arg, "id"));
  st.exchange(soci::into(id));
  st.exchange(soci::into(pid));
  st.exchange(soci::into(name));
  st.exchange(soci::into(role));
  st.exchange(soci::into(muni, mi));
  st.exchange(soci::into(area, ai));
  st.exchange(soci::into(from));
  st.exchange(soci::into(to, ti));
  st.define_and_bind();
  st.execute(false);
  std::vector<Assignment> out;
  while (st.fetch()) {
    Assignment a;
    a.id = id;
    a.person_id = pid;
    a.person_name = name;
    a.role = core::auth::ParseRole(role).value_or(core::auth::Role::kEmployee);
    a.municipality = OrEmpty(muni, mi);
    a.product_area = OrEmpty(area, ai);
    a.valid_from = from;
    a.valid_to = OrEmpty(to, ti);
    out.push_back(std::move(a));
  }
  return out;
}

constexpr char kOrder[] = " ORDER BY a.valid_from DESC, a.id DESC";

}  // namespace

std::vector<std::int64_t> ActiveUsersWithRole(soci::session& sql, const std::string& role,
                                              const std::string& date) {
  std::vector<std::int64_t> out;
  std::int64_t uid = 0;
  soci::statement st =
      (sql.prepare << "SELECT DISTINCT u.id FROM org_role_assignments a "
                      "JOIN auth_users u ON u.person_id = a.person_id AND u.active = 1 "
                      "WHERE a.role = :r AND a.valid_from <= :d1 "
                      "AND (a.valid_to IS NULL OR a.valid_to >= :d2) ORDER BY u.id",
       soci::use(role, "r"), soci::use(date, "d1"), soci::use(date, "d2"), soci::into(uid));
  st.execute(false);
  while (st.fetch()) out.push_back(uid);
  return out;
}

std::set<std::int64_t> CentralStaffAmong(soci::session& sql,
                                         const std::vector<std::int64_t>& person_ids,
                                         const std::string& date) {
  std::set<std::int64_t> out;
  if (person_ids.empty()) return out;
  // The ids are integers we hold, written into the statement; the date is bound.
  std::string in;
  for (auto id : person_ids) in += (in.empty() ? "" : ",") + std::to_string(id);
  std::int64_t pid = 0;
  soci::statement st =
      (sql.prepare << "SELECT DISTINCT person_id FROM org_role_assignments WHERE person_id IN (" +
                          in +
                          ") AND role IN ('admin', 'director', 'staff', 'auditor') "
                          "AND valid_from <= :d1 AND (valid_to IS NULL OR valid_to >= :d2)",
       soci::use(date, "d1"), soci::use(date, "d2"), soci::into(pid));
  st.execute(false);
  while (st.fetch()) out.insert(pid);
  return out;
}

PageOf<Assignment> ListAssignments(soci::session& sql, const Scope& scope,
                                   const AssignmentFilter& f, std::int64_t offset, int limit) {
  const std::string where = std::string(kWhere) + " AND " + InScope(scope);
  PageOf<Assignment> page;
  {
    Binds b(f);
    long long total = 0;
    soci::statement st(sql);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM org_role_assignments a WHERE " + where);
    b.Into(st);
    st.exchange(soci::into(total));
    st.define_and_bind();
    st.execute(true);
    page.total = total;
  }
  Binds b(f);
  page.items = Select(sql, where, &b, nullptr,
                      std::string(kOrder) + " LIMIT " + std::to_string(limit) + " OFFSET " +
                          std::to_string(offset));
  return page;
}

std::vector<Assignment> FindAssignments(soci::session& sql, const AssignmentFilter& f) {
  Binds b(f);
  return Select(sql, kWhere, &b, nullptr, kOrder);
}

std::optional<Assignment> GetAssignment(soci::session& sql, const Scope& scope, std::int64_t id) {
  long long want = id;
  auto out = Select(sql, "a.id = :id AND " + InScope(scope), nullptr, &want, "");
  if (out.empty()) return std::nullopt;
  return out[0];
}

std::int64_t InsertAssignment(soci::session& sql, const Assignment& a) {
  Nullable muni(a.municipality), area(a.product_area), to(a.valid_to);
  std::string now = core::nor::NowUtcIso();
  std::string role(core::auth::RoleName(a.role));
  long long pid = a.person_id, id = 0;
  sql << "INSERT INTO org_role_assignments (person_id, role, municipality, product_area, "
         "valid_from, valid_to, created_at) VALUES (:p, :r, :m, :a, :f, :t, :c) RETURNING id",
      soci::use(pid), soci::use(role), Use(muni), Use(area), soci::use(a.valid_from), Use(to),
      soci::use(now), soci::into(id);
  return id;
}

void SetAssignmentEnd(soci::session& sql, std::int64_t id, const std::string& valid_to) {
  Nullable to(valid_to);
  long long aid = id;
  sql << "UPDATE org_role_assignments SET valid_to = :t WHERE id = :id", Use(to), soci::use(aid);
}

void LockRole(soci::session& sql, core::auth::Role role) {
  std::string name(core::auth::RoleName(role));
  long long id = 0;
  soci::statement st =
      (sql.prepare << std::string(
                          "SELECT id FROM org_role_assignments WHERE role = :r ORDER BY id") +
                          core::storage::ForUpdate(sql),
       soci::use(name), soci::into(id));
  st.execute(false);
  while (st.fetch()) {
  }
}

}  // namespace samkjop::org::store
