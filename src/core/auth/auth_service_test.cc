// AuthService on an in-memory SQLite database: passwords, sessions and their
// expiry, throttling (counted before verifying, per account and address, on
// a test clock), disabled accounts, CSRF comparison.
#include "core/auth/auth_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/module/module.h"

namespace samkjop::core::auth {
namespace {

class AuthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
    AuthConfig cfg;
    cfg.hash_opslimit = 1;
    cfg.hash_memlimit = 8192;
    cfg.account_limit = 3;
    cfg.address_limit = 100;
    cfg.session_idle_seconds = 3600;
    cfg.now_ms_for_test = [this] { return now_ms_; };
    auth_ = std::make_unique<AuthService>(*db_, cfg);
    auto s = db_->Acquire();
    auto id = auth_->CreateUser(s.sql(), {}, "Kari", "et-langt-passord", 0, false);
    ASSERT_TRUE(id.ok());
    user_id_ = *id;
  }
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<AuthService> auth_;
  std::int64_t user_id_ = 0;
  std::int64_t now_ms_ = 1'800'000'000'000;  // the throttle's clock
};

TEST_F(AuthServiceTest, HashesVerifyAndDiffer) {
  std::string a = *auth_->HashPassword("hemmelig-passord"),
              b = *auth_->HashPassword("hemmelig-passord");
  EXPECT_NE(a, b);  // salted
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(*auth_->VerifyPassword(a, "hemmelig-passord"));
  EXPECT_FALSE(*auth_->VerifyPassword(a, "hemmelig-passorD"));
}

TEST_F(AuthServiceTest, LoginIsCaseInsensitiveOnUsernameAndResolves) {
  auto r = auth_->Login("KARI", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->principal.username, "kari");
  auto p = auth_->Resolve(r->session_token);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->user_id, user_id_);
  EXPECT_TRUE(AuthService::CsrfMatches(*p, r->principal.csrf_token));
  EXPECT_FALSE(AuthService::CsrfMatches(*p, std::string(64, '0')));
  EXPECT_FALSE(AuthService::CsrfMatches(*p, ""));
  EXPECT_FALSE(auth_->Resolve(std::string(64, 'a')).has_value());
  EXPECT_FALSE(auth_->Resolve("short").has_value());
}

TEST_F(AuthServiceTest, IdleSessionExpires) {
  auto r = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok());
  {
    auto s = db_->Acquire();
    s.sql() << "UPDATE auth_sessions SET last_seen = last_seen - 3601";
  }
  EXPECT_FALSE(auth_->Resolve(r->session_token).has_value());
  // ...and the expired row is gone.
  auto s = db_->Acquire();
  int n = -1;
  s.sql() << "SELECT COUNT(*) FROM auth_sessions", soci::into(n);
  EXPECT_EQ(n, 0);
}

TEST_F(AuthServiceTest, AbsoluteLifetimeEndsEvenActiveSessions) {
  auto r = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok());
  {
    auto s = db_->Acquire();
    s.sql() << "UPDATE auth_sessions SET created_at = created_at - " << 13 * 3600;
  }
  EXPECT_FALSE(auth_->Resolve(r->session_token).has_value());
}

TEST_F(AuthServiceTest, ThrottlesAfterFailuresThenUnlock) {
  for (int i = 0; i < 3; ++i) {
    auto r = auth_->Login("kari", "feil", "10.0.0.1", "t");
    EXPECT_EQ(r.status().code_name(), "auth.invalid_credentials");
  }
  auto locked = auth_->Login("kari", "et-langt-passord", "10.0.0.1", "t");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), ErrorCode::kTooManyRequests);
  ASSERT_TRUE(locked.status().retry_after_seconds().has_value());
  EXPECT_EQ(*locked.status().retry_after_seconds(), 1);  // 2^(3 - 3) s
  {
    auto s = db_->Acquire();  // one pooled connection: release before Login
    EXPECT_TRUE(auth_->IsLocked(s.sql(), "kari"));
    ASSERT_TRUE(auth_->Unlock(s.sql(), {}, user_id_).ok());
  }
  EXPECT_TRUE(auth_->Login("kari", "et-langt-passord", "10.0.0.1", "t").ok());
}

TEST_F(AuthServiceTest, RetryAfterDoublesPerFailureUpTo900Seconds) {
  // Limit 3: the n-th counted failure locks for min(2^(n - 3), 900) s.
  std::vector<int> seen;
  for (int n = 1; n <= 16; ++n) {
    auto r = auth_->Login("kari", "feil", "10.0.0.1", "t");
    ASSERT_EQ(r.status().code_name(), "auth.invalid_credentials") << n;
    if (n < 3) continue;
    auto next = auth_->Login("kari", "feil", "10.0.0.1", "t");
    ASSERT_EQ(next.status().code(), ErrorCode::kTooManyRequests) << n;
    int wait = *next.status().retry_after_seconds();
    seen.push_back(wait);
    now_ms_ += wait * 1000LL;  // the server never sleeps; the test clock moves
  }
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900}));
}

TEST_F(AuthServiceTest, ARightPasswordResetsTheAccountNotTheAddress) {
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(auth_->Login("kari", "feil", "10.0.0.1", "t").ok());
  EXPECT_TRUE(auth_->Login("kari", "et-langt-passord", "10.0.0.1", "t").ok());
  // Two more failures would lock at 3 had the success not reset the account.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(auth_->Login("kari", "feil", "10.0.0.1", "t").status().code_name(),
              "auth.invalid_credentials");
  auto s = db_->Acquire();
  int address = -1;
  s.sql() << "SELECT failures FROM auth_throttle WHERE key = 'ip:10.0.0.1'", soci::into(address);
  EXPECT_EQ(address, 4) << "the address keeps its four failures; the success gave its own back";
}

TEST_F(AuthServiceTest, AQuietHourResetsTheCount) {
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(auth_->Login("kari", "feil", "10.0.0.1", "t").ok());
  now_ms_ += 3600 * 1000LL + 1;
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(auth_->Login("kari", "feil", "10.0.0.1", "t").status().code_name(),
              "auth.invalid_credentials");
  EXPECT_EQ(auth_->Login("kari", "feil", "10.0.0.1", "t").status().code_name(),
            "auth.invalid_credentials")
      << "third failure since the quiet hour: counted, then locked";
  EXPECT_EQ(auth_->Login("kari", "feil", "10.0.0.1", "t").status().code(),
            ErrorCode::kTooManyRequests);
}

TEST_F(AuthServiceTest, TheAddressIsThrottledApartFromTheAccount) {
  AuthConfig cfg;
  cfg.hash_opslimit = 1;
  cfg.hash_memlimit = 8192;
  cfg.account_limit = 5;
  cfg.address_limit = 4;
  cfg.now_ms_for_test = [this] { return now_ms_; };
  AuthService auth(*db_, cfg);
  // One address guessing across accounts: four failures, each account far below its limit.
  for (const char* u : {"a1", "a2", "a3", "a4"})
    EXPECT_EQ(auth.Login(u, "feil", "203.0.113.7", "t").status().code_name(),
              "auth.invalid_credentials");
  EXPECT_EQ(auth.Login("kari", "et-langt-passord", "203.0.113.7", "t").status().code(),
            ErrorCode::kTooManyRequests)
      << "the address is locked, even for a right password";
  EXPECT_TRUE(auth.Login("kari", "et-langt-passord", "198.51.100.9", "t").ok())
      << "another address is not";
  // IPv6 counts per /64: the neighbour in the same /64 is the same client.
  for (const char* ip :
       {"2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2::c", "2001:db8:1:2::d"})
    EXPECT_FALSE(auth.Login("nobody", "feil", ip, "t").ok());
  EXPECT_EQ(auth.Login("kari", "et-langt-passord", "2001:db8:1:2::e", "t").status().code(),
            ErrorCode::kTooManyRequests);
  EXPECT_TRUE(auth.Login("kari", "et-langt-passord", "2001:db8:1:3::e", "t").ok());
}

TEST_F(AuthServiceTest, PasswordChangeIsThrottledPerAccount) {
  auto r = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok());
  const Principal& p = r->principal;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(
        auth_->ChangePassword(p, "feil", "et-nytt-langt-passord", "127.0.0.1", "t").code_name(),
        "auth.wrong_password");
  Status locked =
      auth_->ChangePassword(p, "et-langt-passord", "et-nytt-langt-passord", "127.0.0.1", "t");
  EXPECT_EQ(locked.code(), ErrorCode::kTooManyRequests) << "even the right password, while locked";
  ASSERT_EQ(locked.fields().size(), 1u);
  EXPECT_EQ(locked.fields()[0].field, "current_password");
  EXPECT_EQ(auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t").status().code(),
            ErrorCode::kTooManyRequests)
      << "one count per account: both doors guess the same password";
  now_ms_ += 1000;
  EXPECT_TRUE(
      auth_->ChangePassword(p, "et-langt-passord", "et-nytt-langt-passord", "127.0.0.1", "t").ok());
}

TEST_F(AuthServiceTest, DeactivatedUserCannotLoginAndLosesSessions) {
  auto r = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok());
  {
    auto s = db_->Acquire();
    ASSERT_TRUE(auth_->SetActive(s.sql(), {}, user_id_, false).ok());
  }
  EXPECT_FALSE(auth_->Resolve(r->session_token).has_value());
  // Right and wrong password answer alike: no oracle.
  Status right = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "req-1").status();
  Status wrong = auth_->Login("kari", "et-galt-passord", "127.0.0.1", "req-2").status();
  EXPECT_EQ(right.code_name(), "auth.invalid_credentials");
  EXPECT_EQ(right.code_name(), wrong.code_name());
  EXPECT_EQ(right.message(), wrong.message());
  EXPECT_EQ(right.code(), ErrorCode::kUnauthenticated);
  // The admin finds the reason in the audit log: the refused right password.
  auto s = db_->Acquire();
  std::string action, after, request_id;
  s.sql() << "SELECT action, after_json, request_id FROM audit_log WHERE entity = 'auth.user' "
             "AND action = 'login_refused'",
      soci::into(action), soci::into(after), soci::into(request_id);
  ASSERT_TRUE(s.sql().got_data());
  EXPECT_NE(after.find("account_disabled"), std::string::npos);
  EXPECT_EQ(request_id, "req-1");
  int refused = 0;
  s.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'login_refused'", soci::into(refused);
  EXPECT_EQ(refused, 1) << "a wrong password is an ordinary failure";
}

TEST_F(AuthServiceTest, PasswordPolicyIsTheSharedOne) {  // the table: password_policy_test.cc
  EXPECT_EQ(auth_->CheckPasswordPolicy("kort", "kari", "p").fields()[0].field, "p");
  EXPECT_FALSE(auth_->CheckPasswordPolicy("ti tegn !!", "kari", "p").ok());
  EXPECT_FALSE(auth_->CheckPasswordPolicy("kari-sitt-passord", "kari", "p").ok());
  EXPECT_TRUE(auth_->CheckPasswordPolicy("korrekt hest batteri stift", "kari", "p").ok());
}

TEST_F(AuthServiceTest, AFullHashGateAnswersBusyAndCountsNothing) {
  AuthConfig cfg;
  cfg.hash_opslimit = 1;
  cfg.hash_memlimit = 8192;
  cfg.account_limit = 1;
  cfg.hash_concurrency = 1;
  cfg.hash_queue = 0;
  cfg.now_ms_for_test = [this] { return now_ms_; };
  AuthService auth(*db_, cfg);
  {
    HashGate::Permit held = auth.HashGateForTest().Acquire();  // someone else is hashing
    ASSERT_TRUE(held.ok());
    for (int i = 0; i < 3; ++i) {
      Status busy = auth.Login("kari", "feil", "10.0.0.1", "t").status();
      EXPECT_EQ(busy.code(), ErrorCode::kUnavailable);
      EXPECT_EQ(busy.code_name(), "auth.busy");
      EXPECT_EQ(busy.retry_after_seconds(), 1);
    }
  }
  // Never checked, so never counted: with a limit of 1, the right password still gets in.
  EXPECT_TRUE(auth.Login("kari", "et-langt-passord", "10.0.0.1", "t").ok());
}

TEST_F(AuthServiceTest, PurgeDeletesExpiredSessionsAndQuietThrottleRows) {
  auto live = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  auto old = auth_->Login("kari", "et-langt-passord", "127.0.0.2", "t");
  ASSERT_TRUE(live.ok() && old.ok());
  EXPECT_FALSE(auth_->Login("kari", "feil-passord-her", "10.0.0.9", "t").ok());  // a throttle row
  {
    auto s = db_->Acquire();
    s.sql() << "UPDATE auth_sessions SET last_seen = last_seen - 3601 WHERE id_hash = :h",
        soci::use(old->principal.session_id_hash);
  }
  auto nothing = auth_->PurgeExpired();
  EXPECT_EQ(nothing.sessions, 1);
  EXPECT_EQ(nothing.throttle_rows, 0) << "the failure is recent";
  EXPECT_TRUE(auth_->Resolve(live->session_token).has_value());
  now_ms_ += 3601LL * 1000;  // past the quiet period: the rows count nothing any more
  auto quiet = auth_->PurgeExpired();
  EXPECT_EQ(quiet.sessions, 0);
  EXPECT_GE(quiet.throttle_rows, 1);
  auto s = db_->Acquire();
  long long left = -1;
  s.sql() << "SELECT COUNT(*) FROM auth_throttle", soci::into(left);
  EXPECT_EQ(left, 0);
}

}  // namespace
}  // namespace samkjop::core::auth
