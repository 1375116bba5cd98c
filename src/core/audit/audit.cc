#include "core/audit/audit.h"

#include <soci/soci.h>

#include "core/nor/civil_date.h"

namespace samkjop::core::audit {

void Record(soci::session& sql, const Actor& actor, const Entry& e) {
  std::string at = nor::NowUtcIso();
  std::string before = e.before.is_null() ? "" : e.before.dump();
  std::string after = e.after.is_null() ? "" : e.after.dump();
  soci::indicator bi = before.empty() ? soci::i_null : soci::i_ok;
  soci::indicator ai = after.empty() ? soci::i_null : soci::i_ok;
  long long uid = actor.user_id;
  soci::indicator ui = actor.user_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before_json, "
         "after_json, request_id) VALUES (:at, :uid, :un, :ac, :en, :eid, :b, :a, :rid)",
      soci::use(at), soci::use(uid, ui), soci::use(actor.username), soci::use(e.action),
      soci::use(e.entity), soci::use(e.entity_id), soci::use(before, bi), soci::use(after, ai),
      soci::use(actor.request_id);
}

std::vector<Row> Find(soci::session& sql, const Filter& f, std::int64_t* total) {
  std::string where = " WHERE 1=1";
  // "org." matches every org entity; anything else matches exactly.
  std::string entity_like =
      !f.entity.empty() && f.entity.back() == '.' ? f.entity + "%" : std::string();
  std::string from = f.from.empty() ? "" : f.from + "T00:00:00Z";
  std::string to = f.to.empty() ? "" : f.to + "T23:59:59Z";
  // Every filter is bound (never spliced) — empty means "any".
  where += " AND (:e1 = '' OR entity = :e2 OR (:p1 <> '' AND entity LIKE :p2))";
  where += " AND (:eid1 = '' OR entity_id = :eid2)";
  where += " AND (:u1 = '' OR username = :u2)";
  where += " AND (:f1 = '' OR at >= :f2)";
  where += " AND (:t1 = '' OR at <= :t2)";
  auto bind = [&](soci::statement& st) {
    st.exchange(soci::use(f.entity, "e1"));
    st.exchange(soci::use(f.entity, "e2"));
    st.exchange(soci::use(entity_like, "p1"));
    st.exchange(soci::use(entity_like, "p2"));
    st.exchange(soci::use(f.entity_id, "eid1"));
    st.exchange(soci::use(f.entity_id, "eid2"));
    st.exchange(soci::use(f.username, "u1"));
    st.exchange(soci::use(f.username, "u2"));
    st.exchange(soci::use(from, "f1"));
    st.exchange(soci::use(from, "f2"));
    st.exchange(soci::use(to, "t1"));
    st.exchange(soci::use(to, "t2"));
  };
  long long count = 0;
  {
    soci::statement st(sql);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM audit_log" + where);
    bind(st);
    st.exchange(soci::into(count));
    st.define_and_bind();
    st.execute(true);
  }
  if (total) *total = count;
  std::vector<Row> rows;
  Row r;
  long long id = 0;
  std::string before, after;
  soci::indicator bi = soci::i_ok, ai = soci::i_ok;
  int limit = f.limit < 1 ? 1 : (f.limit > kMaxExportRows ? kMaxExportRows : f.limit);
  std::int64_t offset = f.offset < 0 ? 0 : f.offset;
  soci::statement st(sql);
  st.alloc();
  st.prepare(
      "SELECT id, at, username, action, entity, entity_id, before_json, after_json, request_id "
      "FROM audit_log" +
      where + " ORDER BY id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
      std::to_string(offset));
  bind(st);
  st.exchange(soci::into(id));
  st.exchange(soci::into(r.at));
  st.exchange(soci::into(r.username));
  st.exchange(soci::into(r.action));
  st.exchange(soci::into(r.entity));
  st.exchange(soci::into(r.entity_id));
  st.exchange(soci::into(before, bi));
  st.exchange(soci::into(after, ai));
  st.exchange(soci::into(r.request_id));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    Row out = r;
    out.id = id;
    out.before = bi == soci::i_ok && !before.empty() ? nlohmann::json::parse(before, nullptr, false)
                                                     : nlohmann::json();
    out.after = ai == soci::i_ok && !after.empty() ? nlohmann::json::parse(after, nullptr, false)
                                                   : nlohmann::json();
    rows.push_back(std::move(out));
  }
  return rows;
}

nlohmann::json RowToJson(const Row& r) {
  return {{"id", r.id},         {"at", r.at},         {"username", r.username},
          {"action", r.action}, {"entity", r.entity}, {"entity_id", r.entity_id},
          {"before", r.before}, {"after", r.after},   {"request_id", r.request_id}};
}

}  // namespace samkjop::core::audit
