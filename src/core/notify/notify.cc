#include "core/notify/notify.h"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include <soci/soci.h>

#include "core/audit/audit.h"
#include "core/http/json_body.h"
#include "core/module/permissions.h"
#include "core/nor/civil_date.h"
#include "core/storage/database.h"
#include "core/storage/sql.h"

namespace samkjop::core::notify {
namespace {

using storage::Nullable;
using storage::OrEmpty;
using storage::Use;

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxBody = 4000;
constexpr std::size_t kMaxLink = 500;

struct Registry {
  std::mutex mu;
  std::deque<Kind> kinds;  // a deque: FindKind's pointers stay valid as kinds are added
};

Registry& TheRegistry() {
  static Registry* r = [] {
    auto* reg = new Registry();
    reg->kinds.push_back({kRulesChange, "Endring i regelverket", "Change in the rules", true,
                          EmailMode::kImmediate});
    reg->kinds.push_back({kMessage, "Melding", "Message", false, EmailMode::kOff});
    return reg;
  }();
  return *r;
}

bool ValidCode(std::string_view code) {
  auto dot = code.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= code.size() || code.size() > 64)
    return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (i == dot) continue;
    bool ok = (c >= 'a' && c <= 'z') || (i > dot && (c == '_' || (c >= '0' && c <= '9')));
    if (!ok) return false;
  }
  return true;
}

bool SameKind(const Kind& a, const Kind& b) {
  return a.code == b.code && a.label_nb == b.label_nb && a.label_en == b.label_en &&
         a.requires_confirmation == b.requires_confirmation && a.default_email == b.default_email;
}

// A path inside the web app: "/", then no second "/" right away, no "\", no
// scheme tricks, no spaces or control characters.
bool LocalPath(const std::string& link) {
  if (link.empty() || link[0] != '/') return false;
  if (link.size() > 1 && (link[1] == '/' || link[1] == '\\')) return false;
  for (unsigned char c : link)
    if (c <= 0x20 || c == 0x7f || c == '\\') return false;
  return true;
}

constexpr char kColumns[] =
    "SELECT n.id, n.user_id, n.kind, n.title_nb, n.title_en, n.body, n.link, "
    "n.requires_confirmation, n.created_at, n.read_at, n.confirmed_at FROM notify_notifications n ";

std::vector<Notification> Query(soci::session& sql, const std::string& tail, long long* bind_id) {
  Notification r;
  long long id = 0, uid = 0;
  int confirm = 0;
  std::string opt[4];
  soci::indicator ind[4];
  soci::statement st =
      bind_id ? (sql.prepare << std::string(kColumns) + tail, soci::use(*bind_id, "id"),
                 soci::into(id), soci::into(uid), soci::into(r.kind), soci::into(r.title_nb),
                 soci::into(opt[0], ind[0]), soci::into(r.body), soci::into(opt[1], ind[1]),
                 soci::into(confirm), soci::into(r.created_at), soci::into(opt[2], ind[2]),
                 soci::into(opt[3], ind[3]))
              : (sql.prepare << std::string(kColumns) + tail, soci::into(id), soci::into(uid),
                 soci::into(r.kind), soci::into(r.title_nb), soci::into(opt[0], ind[0]),
                 soci::into(r.body), soci::into(opt[1], ind[1]), soci::into(confirm),
                 soci::into(r.created_at), soci::into(opt[2], ind[2]), soci::into(opt[3], ind[3]));
  st.execute(false);
  std::vector<Notification> out;
  while (st.fetch()) {
    Notification n = r;
    n.id = id;
    n.user_id = uid;
    n.title_en = OrEmpty(opt[0], ind[0]);
    n.link = OrEmpty(opt[1], ind[1]);
    n.requires_confirmation = confirm != 0;
    n.read_at = OrEmpty(opt[2], ind[2]);
    n.confirmed_at = OrEmpty(opt[3], ind[3]);
    out.push_back(std::move(n));
  }
  return out;
}

std::string Owned(const auth::Scope& scope) { return scope.Sql({.owner = "n.user_id"}); }

std::optional<Notification> GetOne(soci::session& sql, const auth::Scope& scope, std::int64_t id,
                                   bool lock) {
  long long want = id;
  auto rows = Query(
      sql, "WHERE n.id = :id AND " + Owned(scope) + (lock ? storage::ForUpdate(sql) : ""), &want);
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

Status NotFound() { return Status::NotFound("notify.not_found", "Fant ikke varselet."); }

nlohmann::json NotificationAudit(const Notification& n) {
  return {
      {"kind", n.kind},
      {"user_id", n.user_id},
      {"read_at", n.read_at.empty() ? nlohmann::json() : nlohmann::json(n.read_at)},
      {"confirmed_at", n.confirmed_at.empty() ? nlohmann::json() : nlohmann::json(n.confirmed_at)}};
}

nlohmann::json SettingsAudit(const std::vector<Setting>& s) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& x : s) out[x.kind] = EmailModeName(x.email);
  return out;
}

}  // namespace

std::string_view EmailModeName(EmailMode m) {
  switch (m) {
    case EmailMode::kOff: return "off";
    case EmailMode::kImmediate: return "immediate";
    case EmailMode::kDigest: return "digest";
  }
  return "off";
}

std::optional<EmailMode> ParseEmailMode(std::string_view s) {
  if (s == "off") return EmailMode::kOff;
  if (s == "immediate") return EmailMode::kImmediate;
  if (s == "digest") return EmailMode::kDigest;
  return std::nullopt;
}

void RegisterKind(const Kind& kind) {
  if (!ValidCode(kind.code))
    throw std::logic_error("notification kind code " + kind.code + " is not <module>.<what>");
  if (kind.label_nb.empty() || kind.label_en.empty())
    throw std::logic_error("notification kind " + kind.code + " has no label");
  auto& reg = TheRegistry();
  std::lock_guard<std::mutex> lock(reg.mu);
  for (const auto& k : reg.kinds) {
    if (k.code != kind.code) continue;
    if (SameKind(k, kind)) return;
    throw std::logic_error("notification kind " + kind.code + " registered twice, differently");
  }
  reg.kinds.push_back(kind);
}

const Kind* FindKind(std::string_view code) {
  auto& reg = TheRegistry();
  std::lock_guard<std::mutex> lock(reg.mu);
  for (const auto& k : reg.kinds)
    if (k.code == code) return &k;  // never removed, and a deque does not move them
  return nullptr;
}

std::vector<Kind> Kinds() {
  auto& reg = TheRegistry();
  std::vector<Kind> out;
  {
    std::lock_guard<std::mutex> lock(reg.mu);
    out.assign(reg.kinds.begin(), reg.kinds.end());
  }
  std::sort(out.begin(), out.end(), [](const Kind& a, const Kind& b) { return a.code < b.code; });
  return out;
}

Status Notify(soci::session& tx, const NotificationInput& n, std::vector<std::int64_t>* ids) {
  std::vector<FieldError> errors;
  const Kind* kind = FindKind(n.kind);
  if (!kind) errors.push_back({"kind", "Ukjent varseltype «" + n.kind + "»."});
  std::string err;
  auto title = http::ValidateText(n.title_nb, kMaxTitle, false, &err);
  if (!title)
    errors.push_back({"title_nb", err});
  else if (title->empty())
    errors.push_back({"title_nb", "Tittel mangler."});
  auto title_en = http::ValidateText(n.title_en, kMaxTitle, false, &err);
  if (!title_en) errors.push_back({"title_en", err});
  auto body = http::ValidateText(n.body, kMaxBody, true, &err);
  if (!body) errors.push_back({"body", err});
  if (!n.link.empty() && (n.link.size() > kMaxLink || !LocalPath(n.link)))
    errors.push_back({"link", "Lenken må være en sti i Samkjøp som begynner med «/» (høyst " +
                                  std::to_string(kMaxLink) + " tegn)."});
  std::vector<std::int64_t> to;
  std::set<std::int64_t> seen;
  if (n.recipients.empty()) errors.push_back({"recipients", "Ingen mottakere."});
  for (std::size_t i = 0; i < n.recipients.size(); ++i) {
    long long uid = n.recipients[i], got = 0;
    if (uid > 0) tx << "SELECT id FROM auth_users WHERE id = :id", soci::use(uid), soci::into(got);
    if (uid <= 0 || !tx.got_data()) {
      errors.push_back({"recipients[" + std::to_string(i) + "]",
                        "Ukjent bruker " + std::to_string(n.recipients[i]) + "."});
      continue;
    }
    if (seen.insert(uid).second) to.push_back(uid);
  }
  if (!errors.empty())
    return Status::Invalid("notify.invalid_notification", "Varselet kan ikke sendes.",
                           std::move(errors));

  std::string now = nor::NowUtcIso(), today = nor::TodayIso();
  Nullable en(*title_en), link(n.link);
  int confirm = kind->requires_confirmation ? 1 : 0;
  for (long long uid : to) {
    long long id = 0;
    tx << "INSERT INTO notify_notifications (user_id, kind, title_nb, title_en, body, link, "
          "requires_confirmation, created_at, created_on) "
          "VALUES (:u, :k, :t, :te, :b, :l, :c, :at, :on) RETURNING id",
        soci::use(uid), soci::use(kind->code), soci::use(*title), Use(en), soci::use(*body),
        Use(link), soci::use(confirm), soci::use(now), soci::use(today), soci::into(id);
    if (ids) ids->push_back(id);
  }
  return Status::Ok();
}

ConfirmationCounts ConfirmationRate(soci::session& sql, const std::string& kind,
                                    const std::string& since) {
  long long sent = 0, confirmed = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT COUNT(*), SUM(CASE WHEN confirmed_at IS NULL THEN 0 ELSE 1 END) "
         "FROM notify_notifications WHERE kind = :k AND created_on >= :s",
      soci::use(kind), soci::use(since), soci::into(sent), soci::into(confirmed, ind);
  return {sent, ind == soci::i_ok ? confirmed : 0};
}

ConfirmationCounts ConfirmationRate(storage::Database& db, const std::string& kind,
                                    const std::string& since) {
  auto s = db.Acquire();
  return ConfirmationRate(s.sql(), kind, since);
}

NotificationPage NotificationService::List(const auth::Scope& scope, bool unread_only,
                                           std::int64_t offset, int limit) const {
  auto s = db_.Acquire();
  auto& sql = s.sql();
  const std::string where = "WHERE " + Owned(scope);
  NotificationPage page;
  page.unread = storage::ScalarInt(
      sql, "SELECT COUNT(*) FROM notify_notifications n " + where + " AND n.read_at IS NULL");
  const std::string filtered = where + (unread_only ? " AND n.read_at IS NULL" : "");
  page.total = unread_only ? page.unread
                           : storage::ScalarInt(
                                 sql, "SELECT COUNT(*) FROM notify_notifications n " + filtered);
  page.items = Query(sql,
                     filtered + " ORDER BY n.id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                         std::to_string(offset),
                     nullptr);
  return page;
}

Result<Notification> NotificationService::MarkRead(const auth::Caller& caller, std::int64_t id) {
  auth::Scope scope = caller.ScopeFor(perm::kNotificationsWrite);
  auto s = db_.Acquire();
  storage::WriteTx tx(s);
  auto n = GetOne(s.sql(), scope, id, true);
  if (!n) return NotFound();
  if (n->read_at.empty()) {
    n->read_at = nor::NowUtcIso();
    long long want = id;
    s.sql() << "UPDATE notify_notifications SET read_at = :r WHERE id = :id AND read_at IS NULL",
        soci::use(n->read_at), soci::use(want);
  }
  tx.Commit();
  return *n;
}

Result<std::int64_t> NotificationService::MarkAllRead(const auth::Caller& caller) {
  auth::Scope scope = caller.ScopeFor(perm::kNotificationsWrite);
  if (scope.owner_user_id() == 0) return Status::Forbidden();
  auto s = db_.Acquire();
  storage::WriteTx tx(s);
  long long uid = scope.owner_user_id();
  std::string now = nor::NowUtcIso();
  std::int64_t n = storage::ScalarInt(
      s.sql(), "SELECT COUNT(*) FROM notify_notifications WHERE read_at IS NULL AND user_id = " +
                   std::to_string(uid));
  s.sql() << "UPDATE notify_notifications SET read_at = :r WHERE user_id = :u AND read_at IS NULL",
      soci::use(now), soci::use(uid);
  tx.Commit();
  return n;
}

Result<Notification> NotificationService::Confirm(const auth::Caller& caller, std::int64_t id) {
  auth::Scope scope = caller.ScopeFor(perm::kNotificationsWrite);
  auto s = db_.Acquire();
  auto& sql = s.sql();
  storage::WriteTx tx(s);
  auto n = GetOne(sql, scope, id, true);  // the row lock serialises two confirms
  if (!n) return NotFound();
  if (!n->requires_confirmation)
    return Status::Precondition("notify.confirmation_not_required",
                                "Dette varselet skal ikke bekreftes.");
  if (n->confirmed_at.empty()) {
    Notification before = *n;
    std::string now = nor::NowUtcIso();
    n->confirmed_at = now;
    if (n->read_at.empty()) n->read_at = now;
    long long want = id;
    sql << "UPDATE notify_notifications SET confirmed_at = :c, read_at = :r "
           "WHERE id = :id AND confirmed_at IS NULL",
        soci::use(n->confirmed_at), soci::use(n->read_at), soci::use(want);
    audit::Record(sql, caller.actor(),
                  {"confirm", "notify.notification", std::to_string(id), NotificationAudit(before),
                   NotificationAudit(*n)});
  }
  tx.Commit();
  return *n;
}

std::vector<Setting> SettingsFor(soci::session& sql, std::int64_t user_id) {
  std::map<std::string, std::string> chosen;
  {
    long long uid = user_id;
    std::string kind, email;
    soci::statement st =
        (sql.prepare << "SELECT kind, email FROM notify_settings WHERE user_id = :u",
         soci::use(uid), soci::into(kind), soci::into(email));
    st.execute(false);
    while (st.fetch()) chosen[kind] = email;
  }
  std::vector<Setting> out;
  for (const auto& k : Kinds()) {
    Setting s{k.code,          k.label_nb,     k.label_en, k.requires_confirmation,
              k.default_email, k.default_email};
    auto it = chosen.find(k.code);
    if (it != chosen.end())
      if (auto m = ParseEmailMode(it->second)) s.email = *m;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Setting> NotificationService::Settings(const auth::Caller& caller) const {
  auto s = db_.Acquire();
  return SettingsFor(s.sql(), caller.ScopeFor(perm::kNotificationsRead).owner_user_id());
}

Result<std::vector<Setting>> NotificationService::UpdateSettings(
    const auth::Caller& caller, const std::vector<std::pair<std::string, EmailMode>>& changes) {
  auth::Scope scope = caller.ScopeFor(perm::kNotificationsWrite);
  if (scope.owner_user_id() == 0) return Status::Forbidden();
  std::vector<FieldError> errors;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const std::string field = "settings[" + std::to_string(i) + "].kind";
    if (!FindKind(changes[i].first))
      errors.push_back({field, "Ukjent varseltype «" + changes[i].first + "»."});
    else if (!seen.insert(changes[i].first).second)
      errors.push_back({field, "Varseltypen «" + changes[i].first + "» står flere ganger."});
  }
  if (!errors.empty())
    return Status::Invalid("notify.invalid_settings", "Varselinnstillingene er ugyldige.",
                           std::move(errors));
  long long uid = scope.owner_user_id();
  auto s = db_.Acquire();
  auto& sql = s.sql();
  storage::WriteTx tx(s);
  // Serialise two saves of one user's settings (PostgreSQL: lock the account row).
  {
    long long got = 0;
    sql << std::string("SELECT id FROM auth_users WHERE id = :id") + storage::ForUpdate(sql),
        soci::use(uid), soci::into(got);
  }
  auto before = SettingsFor(sql, uid);
  std::string now = nor::NowUtcIso();
  for (const auto& [kind, mode] : changes) {
    std::string m(EmailModeName(mode));
    sql << "INSERT INTO notify_settings (user_id, kind, email, updated_at) "
           "VALUES (:u, :k, :e, :t) ON CONFLICT (user_id, kind) "
           "DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at",
        soci::use(uid), soci::use(kind), soci::use(m), soci::use(now);
  }
  auto after = SettingsFor(sql, uid);
  audit::Record(sql, caller.actor(),
                {"update", "notify.settings", std::to_string(uid), SettingsAudit(before),
                 SettingsAudit(after)});
  tx.Commit();
  return after;
}

}  // namespace samkjop::core::notify
