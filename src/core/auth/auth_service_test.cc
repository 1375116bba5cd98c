// AuthService on an in-memory SQLite database: passwords, sessions and their
// expiry, throttling, CSRF comparison.
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
    cfg.max_failures_per_account = 3;
    cfg.max_failures_per_address = 100;
    cfg.session_idle_seconds = 3600;
    auth_ = std::make_unique<AuthService>(*db_, cfg);
    auto s = db_->Acquire();
    auto id = auth_->CreateUser(s.sql(), {}, "Kari", "et-langt-passord", 0, false);
    ASSERT_TRUE(id.ok());
    user_id_ = *id;
  }
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<AuthService> auth_;
  std::int64_t user_id_ = 0;
};

TEST_F(AuthServiceTest, HashesVerifyAndDiffer) {
  std::string a = auth_->HashPassword("hemmelig-passord"),
              b = auth_->HashPassword("hemmelig-passord");
  EXPECT_NE(a, b);  // salted
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(AuthService::VerifyPassword(a, "hemmelig-passord"));
  EXPECT_FALSE(AuthService::VerifyPassword(a, "hemmelig-passorD"));
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
  EXPECT_GT(*locked.status().retry_after_seconds(), 0);
  {
    auto s = db_->Acquire();  // one pooled connection: release before Login
    EXPECT_TRUE(auth_->IsLocked(s.sql(), "kari"));
    ASSERT_TRUE(auth_->Unlock(s.sql(), {}, user_id_).ok());
  }
  EXPECT_TRUE(auth_->Login("kari", "et-langt-passord", "10.0.0.1", "t").ok());
}

TEST_F(AuthServiceTest, DeactivatedUserCannotLoginAndLosesSessions) {
  auto r = auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t");
  ASSERT_TRUE(r.ok());
  {
    auto s = db_->Acquire();
    ASSERT_TRUE(auth_->SetActive(s.sql(), {}, user_id_, false).ok());
  }
  EXPECT_FALSE(auth_->Resolve(r->session_token).has_value());
  EXPECT_EQ(auth_->Login("kari", "et-langt-passord", "127.0.0.1", "t").status().code_name(),
            "auth.account_disabled");
}

TEST_F(AuthServiceTest, PasswordPolicy) {
  EXPECT_FALSE(auth_->CheckPasswordPolicy("kort", "p").ok());
  EXPECT_EQ(auth_->CheckPasswordPolicy("kort", "p").fields()[0].field, "p");
  EXPECT_TRUE(auth_->CheckPasswordPolicy("ti tegn !!", "p").ok());
  EXPECT_FALSE(auth_->CheckPasswordPolicy("æøåæøåæøå", "p").ok());  // 9 characters, 18 bytes
}

}  // namespace
}  // namespace samkjop::core::auth
