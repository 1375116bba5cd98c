#include "modules/org/user_store.h"

#include <vector>

#include <soci/soci.h>

#include "core/storage/sql.h"

namespace samkjop::org::store {
namespace {

using core::storage::OrEmpty;

std::string InScope(const Scope& scope) { return scope.Sql({.municipality = "p.municipality"}); }

std::vector<UserView> Select(soci::session& sql, const std::string& where, long long* id_arg,
                             const std::string& tail) {
  long long id = 0, pid = 0;
  int active = 0, must = 0;
  std::string username, name;
  soci::indicator pi = soci::i_null, ni = soci::i_null;
  soci::statement st(sql);
  st.alloc();
  st.prepare(
      "SELECT u.id, u.username, u.person_id, p.name, u.active, u.must_change_password "
      "FROM auth_users u LEFT JOIN org_people p ON p.id = u.person_id WHERE " +
      where + tail);
  if (id_arg) st.exchange(soci::use(*id_arg, "id"));
  st.exchange(soci::into(id));
  st.exchange(soci::into(username));
  st.exchange(soci::into(pid, pi));
  st.exchange(soci::into(name, ni));
  st.exchange(soci::into(active));
  st.exchange(soci::into(must));
  st.define_and_bind();
  st.execute(false);
  std::vector<UserView> out;
  while (st.fetch()) {
    UserView u;
    u.id = id;
    u.username = username;
    u.person_id = pi == soci::i_ok ? pid : 0;
    u.name = ni == soci::i_ok && !name.empty() ? name : username;
    u.active = active != 0;
    u.must_change_password = must != 0;
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

PageOf<UserView> ListUsers(soci::session& sql, const Scope& scope, std::int64_t offset, int limit) {
  PageOf<UserView> page;
  page.total = core::storage::ScalarInt(
      sql, "SELECT COUNT(*) FROM auth_users u LEFT JOIN org_people p ON p.id = u.person_id WHERE " +
               InScope(scope));
  page.items = Select(
      sql, InScope(scope), nullptr,
      " ORDER BY u.username LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset));
  return page;
}

std::optional<UserView> GetUser(soci::session& sql, const Scope& scope, std::int64_t id) {
  long long want = id;
  auto out = Select(sql, "u.id = :id AND " + InScope(scope), &want, "");
  if (out.empty()) return std::nullopt;
  return out[0];
}

std::optional<std::string> UsernameOfPerson(soci::session& sql, std::int64_t person_id) {
  long long pid = person_id;
  std::string username;
  sql << "SELECT username FROM auth_users WHERE person_id = :p", soci::use(pid),
      soci::into(username);
  if (!sql.got_data()) return std::nullopt;
  return username;
}

std::int64_t CountActiveAdmins(soci::session& sql, const std::string& date,
                               std::int64_t except_user, std::int64_t except_assignment) {
  long long n = 0, xu = except_user, xa = except_assignment;
  sql << "SELECT COUNT(DISTINCT u.id) FROM auth_users u "
         "JOIN org_role_assignments a ON a.person_id = u.person_id "
         "WHERE u.active = 1 AND a.role = 'admin' AND a.valid_from <= :d1 "
         "AND (a.valid_to IS NULL OR a.valid_to >= :d2) AND u.id <> :xu AND a.id <> :xa",
      soci::use(date, "d1"), soci::use(date, "d2"), soci::use(xu, "xu"), soci::use(xa, "xa"),
      soci::into(n);
  return n;
}

}  // namespace samkjop::org::store
