// Role assignments: R-1, IA-5 and who may appoint whom (from the grant
// table), ending only shortens, the last administrator, councils.
#include "modules/org/assignment_service.h"

#include "modules/org/org_test_fixture.h"

namespace samkjop::org {
namespace {

using core::ErrorCode;
using core::auth::Role;
using core::auth::Scope;
using testing::kEidskog;
using testing::kKv;

class AssignmentServiceTest : public testing::OrgTest {
 protected:
  std::vector<Assignment> OfficersOn(const std::string& date) {
    store::AssignmentFilter f;
    f.role = "officer";
    f.municipality = kKv;
    f.at = date;
    return roles_->List(Scope::Region(), f, 0, 50).items;
  }
};

TEST_F(AssignmentServiceTest, AppointingAnOfficerEndsThePredecessorTheDayBefore) {
  auto a = NewPerson("Ola Haugen"), b = NewPerson("Kari Vik");
  ASSERT_TRUE(roles_->Appoint(Sys(), Officer(a, kKv, "2025-01-01")).ok());
  auto second = roles_->Appoint(Sys(), Officer(b, kKv, "2026-03-01"));
  ASSERT_TRUE(second.ok()) << second.status().message();
  auto before = OfficersOn("2026-02-28");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].person_id, a);
  EXPECT_EQ(before[0].valid_to, "2026-02-28");
  auto after = OfficersOn("2026-03-01");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].person_id, b);
  EXPECT_EQ(AuditCount("org.role_assignment"), 3) << "two appointments and the predecessor's end";
}

TEST_F(AssignmentServiceTest, AnOfficerStartingTheSameDayIsAConflict) {
  auto a = NewPerson("A"), b = NewPerson("B");
  ASSERT_TRUE(roles_->Appoint(Sys(), Officer(a, kKv, "2026-03-01")).ok());
  auto r = roles_->Appoint(Sys(), Officer(b, kKv, "2026-03-01"));
  EXPECT_EQ(r.status().code_name(), "org.officer_overlap");
}

TEST_F(AssignmentServiceTest, EndingTheOfficerLeavesAVisibleVacancy) {
  auto appointed = roles_->Appoint(Sys(), Officer(NewPerson("A"), kKv, "2025-01-01"));
  ASSERT_TRUE(appointed.ok());
  EXPECT_TRUE(munis_->Get(Scope::Region(), kKv)->officer.has_value());
  ASSERT_TRUE(roles_->End(Sys(), appointed->id, "2026-06-01").ok());
  EXPECT_FALSE(munis_->Get(Scope::Region(), kKv)->officer.has_value());
}

TEST_F(AssignmentServiceTest, EndingOnlyShortens) {
  auto appointed = roles_->Appoint(Sys(), Officer(NewPerson("A"), kKv, "2025-01-01"));
  EXPECT_EQ(roles_->End(Sys(), appointed->id, "2024-12-31").status().code_name(),
            "org.bad_end_date");
  ASSERT_TRUE(roles_->End(Sys(), appointed->id, "2026-05-31").ok());
  // Re-opening or extending an ended assignment would break R-1: refused.
  auto later = roles_->End(Sys(), appointed->id, "2099-12-31");
  EXPECT_EQ(later.status().code_name(), "org.end_would_extend");
  EXPECT_EQ(later.status().code(), ErrorCode::kConflict);
  EXPECT_TRUE(roles_->End(Sys(), appointed->id, "2026-05-01").ok()) << "shortening again is fine";
}

TEST_F(AssignmentServiceTest, WhoMayAppointWhomComesFromTheGrantTable) {
  auto chief = As(Role::kChiefExecutive, kKv), officer = As(Role::kOfficer, kKv);
  auto director = As(Role::kDirector), employee = As(Role::kEmployee, kKv);
  auto x = NewPerson("X", kEidskog), y = NewPerson("Y");
  // The chief executive appoints the officer of their own municipality, not another's.
  EXPECT_TRUE(roles_->Appoint(CallerOf(chief), Officer(y, kKv, "2026-01-01")).ok());
  EXPECT_EQ(roles_->Appoint(CallerOf(chief), Officer(x, kEidskog, "2026-01-01")).status().code(),
            ErrorCode::kPermissionDenied);
  // The officer appoints product managers and employees in their municipality (IA-5)...
  EXPECT_TRUE(
      roles_
          ->Appoint(CallerOf(officer), Assign(y, Role::kProductManager, kKv, "2026-01-01", "food"))
          .ok());
  EXPECT_TRUE(
      roles_->Appoint(CallerOf(officer), Assign(y, Role::kEmployee, kKv, "2026-01-01")).ok());
  // ...not elsewhere, not officers, not central roles.
  EXPECT_EQ(roles_
                ->Appoint(CallerOf(officer),
                          Assign(x, Role::kProductManager, kEidskog, "2026-01-01", "food"))
                .status()
                .code_name(),
            "org.not_allowed_to_appoint");
  EXPECT_EQ(roles_->Appoint(CallerOf(officer), Officer(x, kKv, "2026-05-01")).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(
      roles_->Appoint(CallerOf(officer), Assign(x, Role::kStaff, "", "2026-05-01")).status().code(),
      ErrorCode::kPermissionDenied);
  // The director appoints central roles but not administrators.
  EXPECT_TRUE(roles_->Appoint(CallerOf(director), Assign(x, Role::kStaff, "", "2026-05-01")).ok());
  EXPECT_EQ(roles_->Appoint(CallerOf(director), Assign(x, Role::kAdmin, "", "2026-05-01"))
                .status()
                .code(),
            ErrorCode::kPermissionDenied);
  // An employee appoints nobody.
  EXPECT_EQ(roles_->Appoint(CallerOf(employee), Assign(x, Role::kEmployee, kKv, "2026-05-01"))
                .status()
                .code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(AssignmentServiceTest, FieldsAreValidated) {
  auto p = NewPerson("P");
  struct Case {
    Assignment a;
    std::string field;
  } cases[] = {
      {Assign(p, Role::kProductManager, kKv, "2026-01-01", "nope"), "product_area"},
      {Assign(p, Role::kProductManager, kKv, "2026-01-01", ""), "product_area"},
      {Assign(p, Role::kEmployee, kKv, "2026-01-01", "food"), "product_area"},
      {Assign(p, Role::kOfficer, "", "2026-01-01"), "municipality"},
      {Assign(p, Role::kOfficer, "123456785", "2026-01-01"), "municipality"},
      {Assign(999999, Role::kStaff, "", "2026-01-01"), "person_id"},
  };
  for (const auto& c : cases) {
    auto r = roles_->Appoint(Sys(), c.a);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code_name(), "org.invalid_assignment");
    ASSERT_FALSE(r.status().fields().empty());
    EXPECT_EQ(r.status().fields()[0].field, c.field);
  }
  auto bad_dates = Assign(p, Role::kStaff, "", "2026-01-01");
  bad_dates.valid_to = "2025-12-31";
  EXPECT_EQ(roles_->Appoint(Sys(), bad_dates).status().fields()[0].field, "valid_to");
}

TEST_F(AssignmentServiceTest, TheLastAdministratorStays) {
  auto p = NewPerson("Ada");
  auto admin = roles_->Appoint(Sys(), Assign(p, Role::kAdmin, "", "2025-01-01"));
  ASSERT_TRUE(admin.ok());
  auto uid = users_->Create(Sys(), "ada", "Lang-og-trygg-frase-9Q", p);
  ASSERT_TRUE(uid.ok()) << uid.status().message();
  auto r = roles_->End(Sys(), admin->id, "2026-06-30");
  EXPECT_EQ(r.status().code_name(), "org.last_admin");
  // With a second active administrator the first may go.
  auto q = NewPerson("Bea");
  ASSERT_TRUE(roles_->Appoint(Sys(), Assign(q, Role::kAdmin, "", "2025-01-01")).ok());
  ASSERT_TRUE(users_->Create(Sys(), "bea", "Lang-og-trygg-frase-7Z", q).ok());
  EXPECT_TRUE(roles_->End(Sys(), admin->id, "2026-06-15").ok());
  // From tomorrow Bea is the only one: her account cannot be deactivated.
  auto bea = users_->List(Scope::Region(), 0, 50).items;
  std::int64_t bea_id = 0;
  for (const auto& u : bea)
    if (u.username == "bea") bea_id = u.id;
  EXPECT_EQ(users_->SetActive(Sys(), bea_id, false).status().code_name(), "org.last_admin");
}

TEST_F(AssignmentServiceTest, CouncilsFollowTheRolesInForceToday) {
  auto a = NewPerson("Officer KV"), b = NewPerson("Chief E", kEidskog);
  ASSERT_TRUE(roles_->Appoint(Sys(), Officer(a, kKv, "2025-01-01")).ok());
  ASSERT_TRUE(
      roles_->Appoint(Sys(), Assign(b, Role::kChiefExecutive, kEidskog, "2025-01-01")).ok());
  auto later = NewPerson("Starts later");
  ASSERT_TRUE(roles_->Appoint(Sys(), Assign(later, Role::kChiefExecutive, kKv, "2027-01-01")).ok());
  auto councils = roles_->Councils(Scope::Region());
  ASSERT_EQ(councils.size(), 2u);
  ASSERT_EQ(councils[0].members.size(), 1u);
  EXPECT_EQ(councils[0].members[0].name, "Chief E");
  ASSERT_EQ(councils[1].members.size(), 1u);
  EXPECT_EQ(councils[1].members[0].name, "Officer KV");
}

TEST_F(AssignmentServiceTest, PersonLoaderGivesTheRolesInForceOnTheDate) {
  auto p = NewPerson("Ola Haugen");
  ASSERT_TRUE(roles_->Appoint(Sys(), Officer(p, kKv, "2025-01-01")).ok());
  auto s = db_->Acquire();
  auto info = AssignmentService::LoadPerson(s.sql(), p, "2026-06-15");
  EXPECT_EQ(info.name, "Ola Haugen");
  EXPECT_EQ(info.host_orgnr, kKv);
  ASSERT_EQ(info.roles.size(), 1u);
  EXPECT_EQ(info.roles[0].role, Role::kOfficer);
  EXPECT_TRUE(AssignmentService::LoadPerson(s.sql(), p, "2024-12-31").roles.empty());
}

}  // namespace
}  // namespace samkjop::org
