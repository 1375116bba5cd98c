#include "modules/org/org_store.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/nor/collate.h"

namespace samkjop::org::store {
namespace {

std::string Opt(const std::string& v, soci::indicator ind) { return ind == soci::i_ok ? v : ""; }
// A text value bound as NULL when empty. soci::use needs lvalues that live
// until the statement runs, so callers keep these as named locals.
struct Nullable {
  explicit Nullable(const std::string& v) : value(v), ind(v.empty() ? soci::i_null : soci::i_ok) {}
  std::string value;
  soci::indicator ind;
};
#define SAMKJOP_USE_NULLABLE(n) soci::use((n).value, (n).ind)

constexpr char kMuniColumns[] =
    "SELECT orgnr, name, municipality_number, host, member_from, member_to, orgnr_verified "
    "FROM org_municipalities";

struct MuniRow {
  Municipality m;
  int host = 0, verified = 0;
  std::string from, to;
  soci::indicator fi = soci::i_null, ti = soci::i_null;
  Municipality Get() const {
    Municipality out = m;
    out.host = host != 0;
    out.orgnr_verified = verified != 0;
    out.member_from = Opt(from, fi);
    out.member_to = Opt(to, ti);
    return out;
  }
};

std::vector<Municipality> QueryMunis(soci::session& sql, const std::string& where,
                                     const std::string& arg) {
  MuniRow r;
  std::vector<Municipality> out;
  std::string q = std::string(kMuniColumns) + where;
  soci::statement st(sql);
  st.alloc();
  st.prepare(q);
  if (where.find(':') != std::string::npos) st.exchange(soci::use(arg));
  st.exchange(soci::into(r.m.orgnr));
  st.exchange(soci::into(r.m.name));
  st.exchange(soci::into(r.m.municipality_number));
  st.exchange(soci::into(r.host));
  st.exchange(soci::into(r.from, r.fi));
  st.exchange(soci::into(r.to, r.ti));
  st.exchange(soci::into(r.verified));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(r.Get());
  return out;
}

}  // namespace

std::vector<Municipality> ListMunicipalities(soci::session& sql) {
  auto out = QueryMunis(sql, "", "");
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return core::nor::NorwegianLess(a.name, b.name); });
  return out;
}

std::optional<Municipality> GetMunicipality(soci::session& sql, const std::string& orgnr) {
  auto out = QueryMunis(sql, " WHERE orgnr = :o", orgnr);
  if (out.empty()) return std::nullopt;
  return out[0];
}

std::optional<Municipality> GetHost(soci::session& sql) {
  auto out = QueryMunis(sql, " WHERE host = 1", "");
  if (out.empty()) return std::nullopt;
  return out[0];
}

void InsertMunicipality(soci::session& sql, const Municipality& m) {
  Nullable n_m_member_from(m.member_from);
  Nullable n_m_member_to(m.member_to);
  std::string now = core::nor::NowUtcIso();
  int host = m.host ? 1 : 0, verified = m.orgnr_verified ? 1 : 0;
  sql << "INSERT INTO org_municipalities (orgnr, name, municipality_number, host, member_from, "
         "member_to, "
         "orgnr_verified, created_at, updated_at) VALUES (:o, :n, :mn, :h, :f, :t, :v, :c, :u)",
      soci::use(m.orgnr), soci::use(m.name), soci::use(m.municipality_number), soci::use(host),
      SAMKJOP_USE_NULLABLE(n_m_member_from), SAMKJOP_USE_NULLABLE(n_m_member_to),
      soci::use(verified), soci::use(now), soci::use(now);
}

void UpdateMunicipality(soci::session& sql, const Municipality& m) {
  Nullable n_m_member_from(m.member_from);
  Nullable n_m_member_to(m.member_to);
  std::string now = core::nor::NowUtcIso();
  int verified = m.orgnr_verified ? 1 : 0;
  sql << "UPDATE org_municipalities SET name = :n, municipality_number = :mn, member_from = :f, "
         "member_to = :t, "
         "orgnr_verified = :v, updated_at = :u WHERE orgnr = :o",
      soci::use(m.name), soci::use(m.municipality_number), SAMKJOP_USE_NULLABLE(n_m_member_from),
      SAMKJOP_USE_NULLABLE(n_m_member_to), soci::use(verified), soci::use(now), soci::use(m.orgnr);
}

void SetHost(soci::session& sql, const std::string& orgnr) {
  std::string now = core::nor::NowUtcIso();
  sql << "UPDATE org_municipalities SET host = 0, updated_at = :u WHERE host = 1", soci::use(now);
  sql << "UPDATE org_municipalities SET host = 1, updated_at = :u WHERE orgnr = :o", soci::use(now),
      soci::use(orgnr);
}

std::vector<ProductArea> ListProductAreas(soci::session& sql) {
  ProductArea r;
  std::vector<ProductArea> out;
  soci::statement st = (sql.prepare << "SELECT code, name_nb, name_en FROM org_product_areas",
                        soci::into(r.code), soci::into(r.name_nb), soci::into(r.name_en));
  st.execute(false);
  while (st.fetch()) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return core::nor::NorwegianLess(a.name_nb, b.name_nb);
  });
  return out;
}

std::optional<ProductArea> GetProductArea(soci::session& sql, const std::string& code) {
  ProductArea r;
  sql << "SELECT code, name_nb, name_en FROM org_product_areas WHERE code = :c", soci::use(code),
      soci::into(r.code), soci::into(r.name_nb), soci::into(r.name_en);
  if (!sql.got_data()) return std::nullopt;
  return r;
}

void InsertProductArea(soci::session& sql, const ProductArea& p) {
  sql << "INSERT INTO org_product_areas (code, name_nb, name_en) VALUES (:c, :nb, :en)",
      soci::use(p.code), soci::use(p.name_nb), soci::use(p.name_en);
}

namespace {
std::vector<Person> QueryPeople(soci::session& sql, long long id_filter, const std::string& muni) {
  Person r;
  long long id = 0;
  std::string email, phone, title, m;
  soci::indicator ei, pi, ti, mi;
  std::vector<Person> out;
  soci::statement st =
      (sql.prepare << "SELECT id, name, email, phone, title, municipality FROM org_people "
                      "WHERE (:i1 = 0 OR id = :i2) AND (:m1 = '' OR municipality = :m2)",
       soci::use(id_filter, "i1"), soci::use(id_filter, "i2"), soci::use(muni, "m1"),
       soci::use(muni, "m2"), soci::into(id), soci::into(r.name), soci::into(email, ei),
       soci::into(phone, pi), soci::into(title, ti), soci::into(m, mi));
  st.execute(false);
  while (st.fetch()) {
    Person p = r;
    p.id = id;
    p.email = Opt(email, ei);
    p.phone = Opt(phone, pi);
    p.title = Opt(title, ti);
    p.municipality = Opt(m, mi);
    out.push_back(p);
  }
  return out;
}

std::string Lower(std::string s) {
  // ASCII lower-case plus Æ Ø Å (the search is for names).
  std::string out;
  for (size_t idx = 0; idx < s.size(); ++idx) {
    unsigned char c = static_cast<unsigned char>(s[idx]);
    if (c == 0xC3 && idx + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[idx + 1]);
      if (d >= 0x80 && d <= 0x9E) d = static_cast<unsigned char>(d + 0x20);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d));
      ++idx;
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}
}  // namespace

std::vector<Person> ListPeople(soci::session& sql, const PeopleFilter& f) {
  auto all = QueryPeople(sql, 0, f.municipality);
  std::vector<Person> out;
  std::string q = Lower(f.q);
  for (auto& p : all) {
    if (!q.empty() && Lower(p.name).find(q) == std::string::npos &&
        Lower(p.email).find(q) == std::string::npos && Lower(p.title).find(q) == std::string::npos)
      continue;
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return core::nor::NorwegianLess(a.name, b.name); });
  return out;
}

std::optional<Person> GetPerson(soci::session& sql, std::int64_t id) {
  if (id <= 0) return std::nullopt;
  auto out = QueryPeople(sql, id, "");
  if (out.empty()) return std::nullopt;
  return out[0];
}

std::int64_t InsertPerson(soci::session& sql, const Person& p) {
  Nullable n_p_email(p.email);
  Nullable n_p_phone(p.phone);
  Nullable n_p_title(p.title);
  Nullable n_p_municipality(p.municipality);
  std::string now = core::nor::NowUtcIso();
  long long id = 0;
  sql << "INSERT INTO org_people (name, email, phone, title, municipality, created_at, updated_at) "
         "VALUES (:n, :e, :p, :t, :m, :c, :u) RETURNING id",
      soci::use(p.name), SAMKJOP_USE_NULLABLE(n_p_email), SAMKJOP_USE_NULLABLE(n_p_phone),
      SAMKJOP_USE_NULLABLE(n_p_title), SAMKJOP_USE_NULLABLE(n_p_municipality), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

void UpdatePerson(soci::session& sql, const Person& p) {
  Nullable n_p_email(p.email);
  Nullable n_p_phone(p.phone);
  Nullable n_p_title(p.title);
  Nullable n_p_municipality(p.municipality);
  std::string now = core::nor::NowUtcIso();
  long long id = p.id;
  sql << "UPDATE org_people SET name = :n, email = :e, phone = :p, title = :t, municipality = :m, "
         "updated_at = :u "
         "WHERE id = :id",
      soci::use(p.name), SAMKJOP_USE_NULLABLE(n_p_email), SAMKJOP_USE_NULLABLE(n_p_phone),
      SAMKJOP_USE_NULLABLE(n_p_title), SAMKJOP_USE_NULLABLE(n_p_municipality), soci::use(now),
      soci::use(id);
}

std::vector<Assignment> ListAssignments(soci::session& sql, const AssignmentFilter& f) {
  long long pid_filter = f.person_id, id = 0, pid = 0;
  std::string role, muni, area, from, to, name;
  soci::indicator mi, ai, ti;
  std::string today = f.today.empty() ? core::nor::FormatIsoDate(core::nor::TodayOslo()) : f.today;
  // at: valid_from <= at AND (valid_to IS NULL OR valid_to >= at).
  // not include_ended: valid_to IS NULL OR valid_to >= today.
  int ended_ok = f.include_ended ? 1 : 0;
  std::vector<Assignment> out;
  soci::statement st =
      (sql.prepare
           << "SELECT a.id, a.person_id, p.name, a.role, a.municipality, a.product_area, "
              "a.valid_from, "
              "a.valid_to FROM org_role_assignments a JOIN org_people p ON p.id = a.person_id "
              "WHERE (:p1 = 0 OR a.person_id = :p2) AND (:r1 = '' OR a.role = :r2) "
              "AND (:m1 = '' OR a.municipality = :m2) AND (:a1 = '' OR a.product_area = :a2) "
              "AND (:at1 = '' OR (a.valid_from <= :at2 AND (a.valid_to IS NULL OR a.valid_to >= "
              ":at3))) "
              "AND (:e1 = 1 OR a.valid_to IS NULL OR a.valid_to >= :td) "
              "ORDER BY a.valid_from DESC, a.id DESC",
       soci::use(pid_filter, "p1"), soci::use(pid_filter, "p2"), soci::use(f.role, "r1"),
       soci::use(f.role, "r2"), soci::use(f.municipality, "m1"), soci::use(f.municipality, "m2"),
       soci::use(f.product_area, "a1"), soci::use(f.product_area, "a2"), soci::use(f.at, "at1"),
       soci::use(f.at, "at2"), soci::use(f.at, "at3"), soci::use(ended_ok, "e1"),
       soci::use(today, "td"), soci::into(id), soci::into(pid), soci::into(name), soci::into(role),
       soci::into(muni, mi), soci::into(area, ai), soci::into(from), soci::into(to, ti));
  st.execute(false);
  while (st.fetch()) {
    Assignment a;
    a.id = id;
    a.person_id = pid;
    a.person_name = name;
    a.role = core::auth::ParseRole(role).value_or(core::auth::Role::kEmployee);
    a.municipality = Opt(muni, mi);
    a.product_area = Opt(area, ai);
    a.valid_from = from;
    a.valid_to = Opt(to, ti);
    out.push_back(a);
  }
  return out;
}

std::optional<Assignment> GetAssignment(soci::session& sql, std::int64_t id) {
  long long aid = id, pid = 0;
  Assignment a;
  std::string role, muni, area, to;
  soci::indicator mi, ai, ti;
  sql << "SELECT a.person_id, p.name, a.role, a.municipality, a.product_area, a.valid_from, "
         "a.valid_to "
         "FROM org_role_assignments a JOIN org_people p ON p.id = a.person_id WHERE a.id = :id",
      soci::use(aid), soci::into(pid), soci::into(a.person_name), soci::into(role),
      soci::into(muni, mi), soci::into(area, ai), soci::into(a.valid_from), soci::into(to, ti);
  if (!sql.got_data()) return std::nullopt;
  a.id = id;
  a.person_id = pid;
  a.role = core::auth::ParseRole(role).value_or(core::auth::Role::kEmployee);
  a.municipality = Opt(muni, mi);
  a.product_area = Opt(area, ai);
  a.valid_to = Opt(to, ti);
  return a;
}

std::int64_t InsertAssignment(soci::session& sql, const Assignment& a) {
  Nullable n_a_municipality(a.municipality);
  Nullable n_a_product_area(a.product_area);
  Nullable n_a_valid_to(a.valid_to);
  std::string now = core::nor::NowUtcIso();
  std::string role(core::auth::RoleName(a.role));
  long long pid = a.person_id, id = 0;
  sql << "INSERT INTO org_role_assignments (person_id, role, municipality, product_area, "
         "valid_from, valid_to, "
         "created_at) VALUES (:p, :r, :m, :a, :f, :t, :c) RETURNING id",
      soci::use(pid), soci::use(role), SAMKJOP_USE_NULLABLE(n_a_municipality),
      SAMKJOP_USE_NULLABLE(n_a_product_area), soci::use(a.valid_from),
      SAMKJOP_USE_NULLABLE(n_a_valid_to), soci::use(now), soci::into(id);
  return id;
}

void SetAssignmentEnd(soci::session& sql, std::int64_t id, const std::string& valid_to) {
  Nullable n_valid_to(valid_to);
  long long aid = id;
  sql << "UPDATE org_role_assignments SET valid_to = :t WHERE id = :id",
      SAMKJOP_USE_NULLABLE(n_valid_to), soci::use(aid);
}

std::int64_t CountMunicipalities(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM org_municipalities", soci::into(n);
  return n;
}

}  // namespace samkjop::org::store
