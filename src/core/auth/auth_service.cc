#include "core/auth/auth_service.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <soci/soci.h>
#include <sodium.h>

#include "core/nor/civil_date.h"

namespace samkjop::core::auth {
namespace {

long long NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
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

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

AuthService::AuthService(storage::Database& db, AuthConfig config) : db_(db), config_(config) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  dummy_hash_ = HashPassword("not-a-real-password-only-for-timing");
}

std::string AuthService::HashPassword(const std::string& password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), config_.hash_opslimit,
                            config_.hash_memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}

bool AuthService::VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status AuthService::CheckPasswordPolicy(const std::string& password, const std::string& field,
                                        const std::string& username) const {
  (void)username;  // the dictionary and username checks come with the password policy (issue 8)
  if (static_cast<int>(Utf8Length(password)) < config_.min_password_length)
    return Status::InvalidField(
        "auth.weak_password", field,
        "Passordet må ha minst " + std::to_string(config_.min_password_length) + " tegn.");
  if (password.size() > 1024)
    return Status::InvalidField("auth.weak_password", field, "Passordet er for langt.");
  return Status::Ok();
}

Status AuthService::CheckThrottle(soci::session& sql, const std::string& key, long long now) {
  long long locked_until = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT locked_until FROM auth_login_throttle WHERE key = :k", soci::use(key),
      soci::into(locked_until, ind);
  if (sql.got_data() && ind == soci::i_ok && locked_until > now) {
    int wait = static_cast<int>(locked_until - now);
    int minutes = (wait + 59) / 60;
    Status st(ErrorCode::kTooManyRequests, "auth.throttled",
              "For mange mislykkede innlogginger. Prøv igjen om " + std::to_string(minutes) +
                  (minutes == 1 ? " minutt." : " minutter."));
    st.WithRetryAfter(wait);
    return st;
  }
  return Status::Ok();
}

void AuthService::RecordFailure(soci::session& sql, const std::string& key, int max,
                                long long now) {
  long long failures = 0, window_start = 0;
  sql << "SELECT failures, window_start FROM auth_login_throttle WHERE key = :k", soci::use(key),
      soci::into(failures), soci::into(window_start);
  bool exists = sql.got_data();
  if (!exists || now - window_start > config_.failure_window_seconds) {
    failures = 0;
    window_start = now;
  }
  ++failures;
  long long locked_until = failures >= max ? now + config_.lock_seconds : 0;
  if (exists) {
    sql << "UPDATE auth_login_throttle SET failures = :f, window_start = :w, locked_until = :l "
           "WHERE key = :k",
        soci::use(failures), soci::use(window_start), soci::use(locked_until), soci::use(key);
  } else {
    sql << "INSERT INTO auth_login_throttle (key, failures, window_start, locked_until) "
           "VALUES (:k, :f, :w, :l)",
        soci::use(key), soci::use(failures), soci::use(window_start), soci::use(locked_until);
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
                                                    const std::string& remote_ip,
                                                    const std::string& request_id) {
  std::string username = Lower(username_in);
  long long now = NowSeconds();
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  const std::string ukey = "u:" + username, ikey = "ip:" + remote_ip;
  SAMKJOP_RETURN_IF_ERROR(CheckThrottle(sql, ukey, now));
  SAMKJOP_RETURN_IF_ERROR(CheckThrottle(sql, ikey, now));

  long long uid = 0;
  std::string hash;
  int active = 0;
  sql << "SELECT id, password_hash, active FROM auth_users WHERE username = :u",
      soci::use(username), soci::into(uid), soci::into(hash), soci::into(active);
  bool found = sql.got_data();
  bool ok = VerifyPassword(found ? hash : dummy_hash_, password) && found;

  storage::WriteTx tx(s);
  if (!ok) {
    RecordFailure(sql, ukey, config_.max_failures_per_account, now);
    RecordFailure(sql, ikey, config_.max_failures_per_address, now);
    tx.Commit();
    return Status(ErrorCode::kUnauthenticated, "auth.invalid_credentials",
                  "Feil brukernavn eller passord.");
  }
  if (!active) {
    tx.Commit();
    return Status(ErrorCode::kUnauthenticated, "auth.account_disabled",
                  "Kontoen er deaktivert. Kontakt administrator.");
  }
  sql << "DELETE FROM auth_login_throttle WHERE key = :k", soci::use(ukey);
  LoginResult out;
  out.session_token = RandomToken();
  std::string id_hash = Sha256Hex(out.session_token);
  std::string csrf = RandomToken();
  sql << "INSERT INTO auth_sessions (id_hash, user_id, csrf_token, created_at, last_seen, "
         "remote_ip) "
         "VALUES (:h, :u, :c, :cr, :ls, :ip)",
      soci::use(id_hash), soci::use(uid), soci::use(csrf), soci::use(now), soci::use(now),
      soci::use(remote_ip);
  audit::Record(sql, {uid, username, request_id},
                {"login", "auth.session", username, nullptr, nullptr});
  tx.Commit();
  out.principal = Load(sql, uid);
  out.principal.session_id_hash = id_hash;
  out.principal.csrf_token = csrf;
  return out;
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
                                   const std::string& next, const std::string& request_id) {
  storage::Session s = db_.Acquire();
  auto& sql = s.sql();
  std::string hash;
  long long uid = p.user_id;
  sql << "SELECT password_hash FROM auth_users WHERE id = :id", soci::use(uid), soci::into(hash);
  if (!VerifyPassword(hash, current))
    return Status::InvalidField("auth.wrong_password", "current_password",
                                "Nåværende passord er feil.");
  SAMKJOP_RETURN_IF_ERROR(CheckPasswordPolicy(next, "new_password"));
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
  std::string hash = HashPassword(password);
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
  std::string hash = HashPassword(password);
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
  std::string key = "u:" + username;
  sql << "DELETE FROM auth_login_throttle WHERE key = :k", soci::use(key);
  audit::Record(sql, actor, {"unlock", "auth.user", std::to_string(user_id), nullptr, nullptr});
  return Status::Ok();
}

bool AuthService::IsLocked(soci::session& sql, const std::string& username) {
  std::string key = "u:" + Lower(username);
  long long locked_until = 0;
  sql << "SELECT locked_until FROM auth_login_throttle WHERE key = :k", soci::use(key),
      soci::into(locked_until);
  return sql.got_data() && locked_until > NowSeconds();
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
  long long now = NowSeconds();
  while (st.fetch()) {
    UserRow row = r;
    row.id = uid;
    row.person_id = pind == soci::i_ok ? pid : 0;
    row.active = active != 0;
    row.must_change_password = must != 0;
    out.push_back(row);
  }
  for (auto& row : out) {
    std::string key = "u:" + row.username;
    long long locked_until = 0;
    sql << "SELECT locked_until FROM auth_login_throttle WHERE key = :k", soci::use(key),
        soci::into(locked_until);
    row.locked = sql.got_data() && locked_until > now;
  }
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
