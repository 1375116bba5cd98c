// User accounts: one per person, the caller's own account, who manages them.
#include "modules/org/user_service.h"

#include "modules/org/org_test_fixture.h"

namespace samkjop::org {
namespace {

using core::ErrorCode;
using core::auth::Role;
using core::auth::Scope;

class UserServiceTest : public testing::OrgTest {};

TEST_F(UserServiceTest, OneAccountPerPersonAndValidation) {
  auto p = NewPerson("Ola Haugen");
  auto u = users_->Create(Sys(), "ola", "Lang-og-trygg-frase-9Q", p);
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_TRUE(u->must_change_password);
  EXPECT_EQ(u->name, "Ola Haugen");
  EXPECT_EQ(users_->Create(Sys(), "ola2", "Lang-og-trygg-frase-9Q", p).status().code_name(),
            "org.person_has_user");
  EXPECT_EQ(users_->Create(Sys(), "ola", "Lang-og-trygg-frase-9Q", NewPerson("Other"))
                .status()
                .code_name(),
            "auth.username_taken");
  auto bad = users_->Create(Sys(), "Not Valid", "kort", 999999);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().fields().size(), 3u) << "username, password and person_id";
}

TEST_F(UserServiceTest, OnlyTheUsersPermissionManagesAccounts) {
  auto p = NewPerson("P");
  for (Role r : {Role::kDirector, Role::kAuditor, Role::kOfficer})
    EXPECT_EQ(users_
                  ->Create(CallerOf(As(r, r == Role::kOfficer ? testing::kKv : "")), "pp",
                           "Lang-og-trygg-frase-9Q", p)
                  .status()
                  .code(),
              ErrorCode::kPermissionDenied);
  auto u = users_->Create(CallerOf(As(Role::kAdmin)), "pp", "Lang-og-trygg-frase-9Q", p);
  ASSERT_TRUE(u.ok());
  auto self = As(Role::kAdmin, "", "", u->id);
  EXPECT_EQ(users_->SetActive(CallerOf(self), u->id, false).status().code_name(),
            "org.cannot_deactivate_self");
  EXPECT_EQ(users_->Unlock(CallerOf(As(Role::kAdmin)), 999999).status().code(),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace samkjop::org
