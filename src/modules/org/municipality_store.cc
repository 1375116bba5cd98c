#include "modules/org/municipality_store.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/nor/collate.h"
#include "core/storage/sql.h"

namespace samkjop::org::store {
namespace {

using core::storage::Nullable;
using core::storage::OrEmpty;
using core::storage::Use;

struct Row {
  Municipality m;
  int host = 0, verified = 0;
  std::string from, to;
  soci::indicator fi = soci::i_null, ti = soci::i_null;
};

// SELECT … WHERE <where>; `arg` binds :arg when the clause uses it.
std::vector<Municipality> Query(soci::session& sql, const std::string& where,
                                const std::string* arg) {
  Row r;
  std::vector<Municipality> out;
  soci::statement st(sql);
  st.alloc();
  st.prepare(
      "SELECT orgnr, name, municipality_number, host, member_from, member_to, orgnr_verified "
      "FROM org_municipalities WHERE " +
      where);
  if (arg) st.exchange(soci::use(*arg, "arg"));
  st.exchange(soci::into(r.m.orgnr));
  st.exchange(soci::into(r.m.name));
  st.exchange(soci::into(r.m.municipality_number));
  st.exchange(soci::into(r.host));
  st.exchange(soci::into(r.from, r.fi));
  st.exchange(soci::into(r.to, r.ti));
  st.exchange(soci::into(r.verified));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    Municipality m = r.m;
    m.host = r.host != 0;
    m.orgnr_verified = r.verified != 0;
    m.member_from = OrEmpty(r.from, r.fi);
    m.member_to = OrEmpty(r.to, r.ti);
    out.push_back(std::move(m));
  }
  return out;
}

std::string InScope(const Scope& scope) { return scope.Sql({.municipality = "orgnr"}); }

}  // namespace

std::vector<Municipality> ListMunicipalities(soci::session& sql, const Scope& scope) {
  auto out = Query(sql, InScope(scope), nullptr);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return core::nor::NorwegianLess(a.name, b.name); });
  return out;
}

std::optional<Municipality> GetMunicipality(soci::session& sql, const Scope& scope,
                                            const std::string& orgnr) {
  auto out = Query(sql, "orgnr = :arg AND " + InScope(scope), &orgnr);
  if (out.empty()) return std::nullopt;
  return out[0];
}

std::optional<Municipality> GetHost(soci::session& sql) {
  auto out = Query(sql, "host = 1", nullptr);
  if (out.empty()) return std::nullopt;
  return out[0];
}

void InsertMunicipality(soci::session& sql, const Municipality& m) {
  Nullable from(m.member_from), to(m.member_to);
  std::string now = core::nor::NowUtcIso();
  int host = m.host ? 1 : 0, verified = m.orgnr_verified ? 1 : 0;
  sql << "INSERT INTO org_municipalities (orgnr, name, municipality_number, host, member_from, "
         "member_to, orgnr_verified, created_at, updated_at) "
         "VALUES (:o, :n, :mn, :h, :f, :t, :v, :c, :u)",
      soci::use(m.orgnr), soci::use(m.name), soci::use(m.municipality_number), soci::use(host),
      Use(from), Use(to), soci::use(verified), soci::use(now), soci::use(now);
}

void UpdateMunicipality(soci::session& sql, const Municipality& m) {
  Nullable from(m.member_from), to(m.member_to);
  std::string now = core::nor::NowUtcIso();
  int verified = m.orgnr_verified ? 1 : 0;
  sql << "UPDATE org_municipalities SET name = :n, municipality_number = :mn, member_from = :f, "
         "member_to = :t, orgnr_verified = :v, updated_at = :u WHERE orgnr = :o",
      soci::use(m.name), soci::use(m.municipality_number), Use(from), Use(to), soci::use(verified),
      soci::use(now), soci::use(m.orgnr);
}

void SetHost(soci::session& sql, const std::string& orgnr) {
  std::string now = core::nor::NowUtcIso();
  sql << "UPDATE org_municipalities SET host = 0, updated_at = :u WHERE host = 1", soci::use(now);
  sql << "UPDATE org_municipalities SET host = 1, updated_at = :u WHERE orgnr = :o", soci::use(now),
      soci::use(orgnr);
}

bool LockMunicipality(soci::session& sql, const std::string& orgnr) {
  std::string got;
  sql << std::string("SELECT orgnr FROM org_municipalities WHERE orgnr = :o") +
             core::storage::ForUpdate(sql),
      soci::use(orgnr), soci::into(got);
  return sql.got_data();
}

void LockAllMunicipalities(soci::session& sql) {
  std::string orgnr;
  soci::statement st =
      (sql.prepare << std::string("SELECT orgnr FROM org_municipalities ORDER BY orgnr") +
                          core::storage::ForUpdate(sql),
       soci::into(orgnr));
  st.execute(false);
  while (st.fetch()) {
  }
}

std::int64_t CountMunicipalities(soci::session& sql) {
  return core::storage::ScalarInt(sql, "SELECT COUNT(*) FROM org_municipalities");
}

}  // namespace samkjop::org::store
