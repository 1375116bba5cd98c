#include "core/auth/auth_service.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <soci/soci.h>
#include <sodium.h>

#include <spdlog/spdlog.h>

#include "core/http/client_address.h"
#include "core/nor/civil_date.h"

namespace samkjop::core::auth {
namespace {

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string AccountKey(const std::string& lower_username) { return "u:" + lower_username; }
std::string AddressKey(const std::string& client_ip) {
  return "ip:" + http::AddressGroup(client_ip);
}

std::string JsonText(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// 429 auth.throttled with Retry-After in whole seconds (at least 1).
Status Throttled(std::int64_t retry_ms, const std::string& what, const std::string& field) {
  int secs = static_cast<int>(std::max<std::int64_t>(1, (retry_ms + 999) / 1000));
  std::string when;
  if (secs < 60) {
    when = secs == 1 ? "1 sekund" : std::to_string(secs) + " sekunder";
  } else {
    int minutes = (secs + 59) / 60;
    when = minutes == 1 ? "1 minutt" : std::to_string(minutes) + " minutter";
  }
  std::string message = what + " Prøv igjen om " + when + ".";
  std::vector<FieldError> fields;
  if (!field.empty()) fields.push_back({field, message});
  Status st(ErrorCode::kTooManyRequests, "auth.throttled", message, fields);
  st.WithRetryAfter(secs);
  return st;
}

Status Busy() {
  Status st(ErrorCode::kUnavailable, "auth.busy",
            "Serveren er opptatt med andre innlogginger. Prøv igjen om et øyeblikk.");
  st.WithRetryAfter(1);
  return st;
}

std::string Hex(const unsigned char* b, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), b, n);
  out.resize(n * 2);
  return out;
}

std::string RandomToken() {
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return Hex(buf, sizeof buf);
}

std::string Sha256Hex(const std::string& s) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return Hex(out, sizeof out);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

AuthService::AuthService(storage::Database& db, AuthConfig config)
    : db_(db),
      config_(std::move(config)),
      gate_(config_.hash_concurrency, config_.hash_queue,
            std::chrono::milliseconds(config_.hash_wait_ms)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  auto dummy = HashPassword("not-a-real-password-only-for-timing");
  if (!dummy.ok()) throw std::runtime_error("argon2id: cannot make the timing hash");
  dummy_hash_ = *dummy;
}

Result<std::string> AuthService::HashPassword(const std::string& password) const {
  HashGate::Permit permit = gate_.Acquire();
  if (!permit.ok()) return Busy();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), config_.hash_opslimit,
                            config_.hash_memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return std::string(out);
}

Result<bool> AuthService::VerifyPassword(const std::string& hash,
                                         const std::string& password) const {
  HashGate::Permit permit = gate_.Acquire();
  if (!permit.ok()) return Busy();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status AuthService::CheckPasswordPolicy(const std::string& password, const std::string& username,
                                        const std::string& field) const {
  return policy_.Check(password, username, field);
}

std::int64_t AuthService::NowMs() const {
  if (config_.now_ms_for_test) return config_.now_ms_for_test();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

throttle::Rule AuthService::AccountRule() const {
  return {config_.account_limit, config_.first_lock_seconds * 1000LL,
          config_.max_lock_seconds * 1000LL, config_.quiet_seconds * 1000LL};
}

throttle::Rule AuthService::AddressRule() const {
  throttle::Rule r = AccountRule();
  r.limit = config_.address_limit;
  return r;
}

void AuthService::LogLocks(const char* what, const std::vector<throttle::Key>& keys,
                           const throttle::Counted& counted, const std::string& username,
                           const std::string& client_ip, const std::string& request_id) const {
  for (std::size_t i = 0; i < keys.size() && i < counted.failures.size(); ++i) {
    std::int64_t lock_ms = throttle::LockMs(keys[i].rule, counted.failures[i]);
    if (lock_ms == 0) continue;
    bool account = keys[i].key.rfind("u:", 0) == 0;
    spdlog::warn(
        R"({{"msg":"throttle_lock","on":"{}","scope":"{}","key":{},"failures":{},"limit":{},"lock_seconds":{},"username":{},"client_ip":{},"request_id":{}}})",
        what, account ? "account" : "address", JsonText(keys[i].key.substr(account ? 2 : 3)),
        counted.failures[i], keys[i].rule.limit, (lock_ms + 999) / 1000, JsonText(username),
        JsonText(client_ip), JsonText(request_id));
  }
}

Principal AuthService::Load(soci::session& sql, std::int64_t user_id) {
  Principal p;
  long long uid = user_id, person_id = 0;
  int must_change = 0;
  soci::indicator pind = soci::i_null;
  sql << "SELECT username, person_id, must_change_password FROM auth_users WHERE id = :id",
      soci::use(uid), soci::into(p.username), soci::into(person_id, pind), soci::into(must_change);
  p.user_id = user_id;
  p.person_id = pind == soci::i_ok ? person_id : 0;
  p.must_change_password = must_change != 0;
  p.name = p.username;
  if (person_loader_) {
    PersonInfo info = person_loader_(sql, p.person_id, nor::TodayIso());
    if (!info.name.empty()) p.name = info.name;
    p.email = info.email;
    p.roles = std::move(info.roles);
    p.host_orgnr = info.host_orgnr;
  }
  return p;
}

Result<AuthService::LoginResult> AuthService::Login(const std::string& username_in,
                                                    const std::string& password,
                                                    const std::string& client_ip,
                                                    const std::string& request_id) {
  std::string username = Lower(username_in);
  const std::int64_t now_ms = NowMs();
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  const bool postgres = s.kind() == storage::DbKind::kPostgres;
  // Account before address, always (throttle.h: one lock order).
  const std::vector<throttle::Key> keys = {{AccountKey(username), AccountRule()},
                                           {AddressKey(client_ip), AddressRule()}};
  throttle::Counted counted;
  {
    storage::WriteTx tx(s);
    counted = throttle::CountAttempt(sql, postgres, keys, now_ms);
    tx.Commit();
  }
  if (counted.retry_after_ms > 0)
    return Throttled(counted.retry_after_ms, "For mange mislykkede innlogginger.", "");

  long long uid = 0;
  std::string hash;
  int active = 0;
  sql << "SELECT id, password_hash, active FROM auth_users WHERE username = :u",
      soci::use(username), soci::into(uid), soci::into(hash), soci::into(active);
  bool found = sql.got_data();
  // Unknown users are verified against a dummy hash, so they take as long.
  Result<bool> verified = VerifyPassword(found ? hash : dummy_hash_, password);
  if (!verified.ok()) {  // never checked: the attempt is given back
    storage::WriteTx tx(s);
    for (std::size_t i = 0; i < keys.size(); ++i)
      throttle::Refund(sql, keys[i].key, now_ms, counted.previous_last_ms[i]);
    tx.Commit();
    return verified.status();
  }
  const bool right = found && *verified;
  if (!right || !active) {
    // A disabled account answers exactly like a wrong password (no oracle),
    // and its count stands; the admin sees why in the audit log.
    if (right) {
      storage::WriteTx tx(s);
      audit::Record(sql, {uid, username, request_id},
                    {"login_refused",
                     "auth.user",
                     std::to_string(uid),
                     nullptr,
                     {{"reason", "account_disabled"}, {"client_ip", client_ip}}});
      tx.Commit();
    }
    LogLocks("login", keys, counted, username, client_ip, request_id);
    return Status(ErrorCode::kUnauthenticated, "auth.invalid_credentials",
                  "Feil brukernavn eller passord.");
  }

  storage::WriteTx tx(s);
  throttle::Clear(sql, keys[0].key);
  throttle::Refund(sql, keys[1].key, now_ms, counted.previous_last_ms[1]);
  LoginResult out;
  out.session_token = RandomToken();
  std::string id_hash = Sha256Hex(out.session_token);
  std::string csrf = RandomToken();
  long long now = NowSeconds();  // sessions run on the wall clock (Resolve)
  sql << "INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, last_seen, "
         "remote_ip) "
         "VALUES (:h, :u, :c, :cr, :ls, :ip)",
      soci::use(id_hash), soci::use(uid), soci::use(csrf), soci::use(now), soci::use(now),
      soci::use(client_ip);
  audit::Record(sql, {uid, username, request_id},
                {"login", "auth.session", username, nullptr, nullptr});
  tx.Commit();
  out.principal = Load(sql, uid);
  out.principal.session_id_hash = id_hash;
  out.principal.csrf_token = csrf;
  return out;
}

AuthService::Purged AuthService::PurgeExpired() {
  long long now = NowSeconds();
  long long idle_before = now - config_.session_idle_seconds;
  long long created_before = now - config_.session_absolute_seconds;
  long long quiet_before_ms = NowMs() - static_cast<long long>(config_.quiet_seconds) * 1000;
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  storage::WriteTx tx(s);
  Purged p;
  soci::statement sessions =
      (sql.prepare << "DELETE FROM auth_sessions WHERE last_seen < :i OR created_at < :c",
       soci::use(idle_before), soci::use(created_before));
  sessions.execute(true);
  p.sessions = sessions.get_affected_rows();
  soci::statement rows =
      (sql.prepare << "DELETE FROM auth_throttle WHERE last_ms < :q", soci::use(quiet_before_ms));
  rows.execute(true);
  p.throttle_rows = rows.get_affected_rows();
  tx.Commit();
  return p;
}

std::optional<Principal> AuthService::Resolve(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  std::string id_hash = Sha256Hex(token);
  long long now = NowSeconds();
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  long long uid = 0, created = 0, last_seen = 0;
  int active = 0;
  std::string csrf;
  sql << "SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen, u.active FROM auth_sessions s "
         "JOIN auth_users u ON u.id = s.user_id WHERE s.id_hash = :h",
      soci::use(id_hash), soci::into(uid), soci::into(csrf), soci::into(created),
      soci::into(last_seen), soci::into(active);
  if (!sql.got_data()) return std::nullopt;
  if (!active || now - last_seen > config_.session_idle_seconds ||
      now - created > config_.session_absolute_seconds) {
    sql << "DELETE FROM auth_sessions WHERE id_hash = :h", soci::use(id_hash);
    return std::nullopt;
  }
  if (now - last_seen > 60)
    sql << "UPDATE auth_sessions SET last_seen = :n WHERE id_hash = :h", soci::use(now),
        soci::use(id_hash);
  Principal p = Load(sql, uid);
  p.session_id_hash = id_hash;
  p.csrf_token = csrf;
  return p;
}

Status AuthService::Logout(const Principal& p) {
  storage::Session s = db_.Acquire();
  s.sql() << "DELETE FROM auth_sessions WHERE id_hash = :h", soci::use(p.session_id_hash);
  return Status::Ok();
}

Status AuthService::ChangePassword(const Principal& p, const std::string& current,
                                   const std::string& next, const std::string& client_ip,
                                   const std::string& request_id) {
  const std::int64_t now_ms = NowMs();
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  const std::vector<throttle::Key> keys = {{AccountKey(p.username), AccountRule()}};
  throttle::Counted counted;
  {
    storage::WriteTx tx(s);
    counted = throttle::CountAttempt(sql, s.kind() == storage::DbKind::kPostgres, keys, now_ms);
    tx.Commit();
  }
  if (counted.retry_after_ms > 0)
    return Throttled(counted.retry_after_ms, "For mange feil forsøk med nåværende passord.",
                     "current_password");
  std::string hash;
  long long uid = p.user_id;
  sql << "SELECT password_hash FROM auth_users WHERE id = :id", soci::use(uid), soci::into(hash);
  Result<bool> verified = VerifyPassword(hash, current);
  if (!verified.ok()) {
    storage::WriteTx tx(s);
    throttle::Refund(sql, keys[0].key, now_ms, counted.previous_last_ms[0]);
    tx.Commit();
    return verified.status();
  }
  if (!*verified) {
    LogLocks("password_change", keys, counted, p.username, client_ip, request_id);
    return Status::InvalidField("auth.wrong_password", "current_password",
                                "Nåværende passord er feil.");
  }
  {
    storage::WriteTx tx(s);
    throttle::Clear(sql, keys[0].key);  // the right password resets the account
    tx.Commit();
  }
  SAMKJOP_RETURN_IF_ERROR(CheckPasswordPolicy(next, p.username, "new_password"));
  if (next == current)
    return Status::InvalidField("auth.same_password", "new_password",
                                "Det nye passordet må være forskjellig fra det gamle.");
  storage::WriteTx tx(s);
  audit::Actor actor{p.user_id, p.username, request_id};
  SAMKJOP_RETURN_IF_ERROR(SetPassword(sql, actor, p.user_id, next, false));
  // Other sessions of this user end; this one stays.
  sql << "DELETE FROM auth_sessions WHERE user_id = :u AND id_hash <> :h", soci::use(uid),
      soci::use(p.session_id_hash);
  tx.Commit();
  return Status::Ok();
}

Result<std::int64_t> AuthService::CreateUser(soci::session& sql, const audit::Actor& actor,
                                             const std::string& username_in,
                                             const std::string& password, std::int64_t person_id,
                                             bool must_change) {
  std::string username = Lower(username_in);
  int count = 0;
  sql << "SELECT COUNT(*) FROM auth_users WHERE username = :u", soci::use(username),
      soci::into(count);
  if (count > 0)
    return Status::Conflict("auth.username_taken", "Brukernavnet «" + username + "» er i bruk.",
                            {{"username", "Brukernavnet er i bruk."}});
  Result<std::string> hashed = HashPassword(password);
  if (!hashed.ok()) return hashed.status();
  const std::string& hash = *hashed;
  std::string now = nor::NowUtcIso();
  long long pid = person_id;
  soci::indicator pind = person_id ? soci::i_ok : soci::i_null;
  int mc = must_change ? 1 : 0;
  long long id = 0;
  sql << "INSERT INTO auth_users (username, password_hash, person_id, active, "
         "must_change_password, "
         "created_at, password_changed_at) VALUES (:u, :h, :p, 1, :m, :c, :c2) RETURNING id",
      soci::use(username), soci::use(hash), soci::use(pid, pind), soci::use(mc), soci::use(now),
      soci::use(now), soci::into(id);
  audit::Record(sql, actor,
                {"create",
                 "auth.user",
                 std::to_string(id),
                 nullptr,
                 {{"username", username},
                  {"person_id", person_id ? nlohmann::json(person_id) : nlohmann::json()},
                  {"must_change_password", must_change}}});
  return static_cast<std::int64_t>(id);
}

Status AuthService::SetPassword(soci::session& sql, const audit::Actor& actor, std::int64_t user_id,
                                const std::string& password, bool must_change) {
  Result<std::string> hashed = HashPassword(password);
  if (!hashed.ok()) return hashed.status();
  const std::string& hash = *hashed;
  std::string now = nor::NowUtcIso();
  long long uid = user_id;
  int mc = must_change ? 1 : 0;
  sql << "UPDATE auth_users SET password_hash = :h, must_change_password = :m, "
         "password_changed_at = :n WHERE id = :id",
      soci::use(hash), soci::use(mc), soci::use(now), soci::use(uid);
  audit::Record(sql, actor,
                {must_change ? "reset_password" : "change_password",
                 "auth.user",
                 std::to_string(user_id),
                 nullptr,
                 {{"must_change_password", must_change}}});
  if (must_change) sql << "DELETE FROM auth_sessions WHERE user_id = :u", soci::use(uid);
  return Status::Ok();
}

Status AuthService::SetActive(soci::session& sql, const audit::Actor& actor, std::int64_t user_id,
                              bool active) {
  long long uid = user_id;
  int before = 0;
  sql << "SELECT active FROM auth_users WHERE id = :id", soci::use(uid), soci::into(before);
  if (!sql.got_data()) return Status::NotFound("auth.user_not_found", "Brukeren finnes ikke.");
  int a = active ? 1 : 0;
  sql << "UPDATE auth_users SET active = :a WHERE id = :id", soci::use(a), soci::use(uid);
  if (!active) sql << "DELETE FROM auth_sessions WHERE user_id = :u", soci::use(uid);
  audit::Record(sql, actor,
                {active ? "activate" : "deactivate",
                 "auth.user",
                 std::to_string(user_id),
                 {{"active", before != 0}},
                 {{"active", active}}});
  return Status::Ok();
}

Status AuthService::Unlock(soci::session& sql, const audit::Actor& actor, std::int64_t user_id) {
  long long uid = user_id;
  std::string username;
  sql << "SELECT username FROM auth_users WHERE id = :id", soci::use(uid), soci::into(username);
  if (!sql.got_data()) return Status::NotFound("auth.user_not_found", "Brukeren finnes ikke.");
  throttle::Clear(sql, AccountKey(username));
  audit::Record(sql, actor, {"unlock", "auth.user", std::to_string(user_id), nullptr, nullptr});
  return Status::Ok();
}

bool AuthService::IsLocked(soci::session& sql, const std::string& username) {
  return throttle::LockedFor(sql, AccountRule(), AccountKey(Lower(username)), NowMs()) > 0;
}

std::vector<AuthService::UserRow> AuthService::ListUsers(soci::session& sql, std::int64_t id) {
  std::vector<UserRow> out;
  UserRow r;
  long long uid = 0, pid = 0, filter = id;
  int active = 0, must = 0;
  soci::indicator pind = soci::i_null;
  soci::statement st =
      (sql.prepare << "SELECT id, username, person_id, active, must_change_password "
                      "FROM auth_users WHERE (:f1 = 0 OR id = :f2) ORDER BY username",
       soci::use(filter, "f1"), soci::use(filter, "f2"), soci::into(uid), soci::into(r.username),
       soci::into(pid, pind), soci::into(active), soci::into(must));
  st.execute(false);
  while (st.fetch()) {
    UserRow row = r;
    row.id = uid;
    row.person_id = pind == soci::i_ok ? pid : 0;
    row.active = active != 0;
    row.must_change_password = must != 0;
    out.push_back(row);
  }
  const std::int64_t now_ms = NowMs();
  for (auto& row : out)
    row.locked = throttle::LockedFor(sql, AccountRule(), AccountKey(row.username), now_ms) > 0;
  return out;
}

std::int64_t AuthService::FindUserId(soci::session& sql, const std::string& username) {
  std::string u = Lower(username);
  long long id = 0;
  sql << "SELECT id FROM auth_users WHERE username = :u", soci::use(u), soci::into(id);
  return sql.got_data() ? id : 0;
}

nlohmann::json AuthService::PrincipalJson(const Principal& p) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& a : p.roles) {
    roles.push_back(
        {{"role", RoleName(a.role)},
         {"municipality",
          a.municipality.empty() ? nlohmann::json() : nlohmann::json(a.municipality)},
         {"product_area",
          a.product_area.empty() ? nlohmann::json() : nlohmann::json(a.product_area)},
         {"valid_from", a.valid_from},
         {"valid_to", a.valid_to.empty() ? nlohmann::json() : nlohmann::json(a.valid_to)}});
  }
  return {{"user",
           {{"id", p.user_id},
            {"username", p.username},
            {"name", p.name},
            {"email", p.email.empty() ? nlohmann::json() : nlohmann::json(p.email)},
            {"person_id", p.person_id ? nlohmann::json(p.person_id) : nlohmann::json()},
            {"must_change_password", p.must_change_password}}},
          {"roles", roles},
          {"csrf_token", p.csrf_token},
          {"today", nor::TodayIso()}};
}

bool AuthService::CsrfMatches(const Principal& p, const std::string& header_value) {
  if (p.csrf_token.empty() || header_value.size() != p.csrf_token.size()) return false;
  return sodium_memcmp(p.csrf_token.data(), header_value.data(), header_value.size()) == 0;
}

}  // namespace samkjop::core::auth
