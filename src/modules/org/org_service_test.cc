// Service tests on an in-memory SQLite database with ONE pooled connection,
// so a service function that takes a second connection while holding the
// first would hang the test instead of passing silently.
#include "modules/org/org_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/module/module.h"
#include "core/nor/civil_date.h"
#include "modules/org/module.h"

namespace samkjop::org {
namespace {

using core::auth::Role;

class OrgServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::nor::PinToday(core::nor::ParseIsoDate("2026-06-15"));
    auto db = core::storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    std::vector<core::storage::Migration> all;
    for (const auto& m : core::CoreModule().migrations()) all.push_back(m);
    for (const auto& m : OrgModule().migrations()) all.push_back(m);
    ASSERT_TRUE(db_->Migrate(all).ok());
    core::auth::AuthConfig cfg;
    cfg.hash_opslimit = 1;
    cfg.hash_memlimit = 8192;
    auth_ = std::make_unique<core::auth::AuthService>(*db_, cfg);
    org_ = std::make_unique<OrgService>(*db_, *auth_);
    ASSERT_TRUE(
        org_->CreateMunicipality(actor_, {"944117784", "Kongsvinger", "3401", true, "", "", true})
            .ok());
    ASSERT_TRUE(
        org_->CreateMunicipality(actor_, {"874602752", "Eidskog", "3416", false, "", "", false})
            .ok());
    ASSERT_TRUE(org_->CreateProductArea(actor_, {"food", "Matvarer", "Food"}).ok());
    admin_.roles = {{1, Role::kAdmin, "", "", "2020-01-01", ""}};
  }
  void TearDown() override { core::nor::PinToday(std::nullopt); }

  std::int64_t NewPerson(const std::string& name, const std::string& muni = "944117784") {
    Person p;
    p.name = name;
    p.municipality = muni;
    auto r = org_->CreatePerson(actor_, admin_, p);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->id : 0;
  }
  Assignment Officer(std::int64_t person, const std::string& muni, const std::string& from) {
    Assignment a;
    a.person_id = person;
    a.role = Role::kOfficer;
    a.municipality = muni;
    a.valid_from = from;
    return a;
  }
  std::int64_t AuditCount(const std::string& entity) {
    auto s = db_->Acquire();
    core::audit::Filter f;
    f.entity = entity;
    std::int64_t total = 0;
    core::audit::Find(s.sql(), f, &total);
    return total;
  }

  std::unique_ptr<core::storage::Database> db_;
  std::unique_ptr<core::auth::AuthService> auth_;
  std::unique_ptr<OrgService> org_;
  Actor actor_{1, "tester", "test"};
  Principal admin_;
};

TEST_F(OrgServiceTest, AppointingOfficerEndsPredecessorDayBefore) {
  auto a = NewPerson("Ola Haugen"), b = NewPerson("Kari Vik");
  ASSERT_TRUE(org_->Appoint(actor_, admin_, Officer(a, "944117784", "2025-01-01")).ok());
  auto second = org_->Appoint(actor_, admin_, Officer(b, "944117784", "2026-03-01"));
  ASSERT_TRUE(second.ok()) << second.status().message();

  store::AssignmentFilter on;
  on.role = "officer";
  on.municipality = "944117784";
  on.at = "2026-02-28";
  auto before = org_->ListAssignments(on);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].person_id, a);
  EXPECT_EQ(before[0].valid_to, "2026-02-28");
  on.at = "2026-03-01";
  auto after = org_->ListAssignments(on);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].person_id, b);
  // Appoint + end of predecessor are both in the audit log.
  EXPECT_EQ(AuditCount("org.role_assignment"), 3);
}

TEST_F(OrgServiceTest, OfficerStartingSameDayAsCurrentIsConflict) {
  auto a = NewPerson("A"), b = NewPerson("B");
  ASSERT_TRUE(org_->Appoint(actor_, admin_, Officer(a, "944117784", "2026-03-01")).ok());
  auto r = org_->Appoint(actor_, admin_, Officer(b, "944117784", "2026-03-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "org.officer_overlap");
}

TEST_F(OrgServiceTest, EndingOfficerLeavesVisibleVacancy) {
  auto a = NewPerson("A");
  auto appointed = org_->Appoint(actor_, admin_, Officer(a, "944117784", "2025-01-01"));
  ASSERT_TRUE(appointed.ok());
  auto m = org_->GetMunicipality("944117784");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->officer.has_value());
  ASSERT_TRUE(org_->EndAssignment(actor_, admin_, appointed->id, "2026-06-01").ok());
  m = org_->GetMunicipality("944117784");
  EXPECT_FALSE(m->officer.has_value());
  EXPECT_FALSE(ToJson(*m)["r1_ok"].get<bool>());
}

TEST_F(OrgServiceTest, EndBeforeStartIsRejected) {
  auto a = NewPerson("A");
  auto appointed = org_->Appoint(actor_, admin_, Officer(a, "944117784", "2025-01-01"));
  auto r = org_->EndAssignment(actor_, admin_, appointed->id, "2024-12-31");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "org.bad_end_date");
}

TEST_F(OrgServiceTest, ScopeRulesForAppointing) {
  auto chief_kv = NewPerson("Rådmann KV");
  auto officer_kv = NewPerson("Officer KV");
  auto x = NewPerson("X", "874602752");
  Principal chief;
  chief.roles = {{1, Role::kChiefExecutive, "944117784", "", "2020-01-01", ""}};
  Principal officer;
  officer.roles = {{2, Role::kOfficer, "944117784", "", "2020-01-01", ""}};
  // The chief executive appoints the officer of their own municipality...
  EXPECT_TRUE(org_->Appoint(actor_, chief, Officer(officer_kv, "944117784", "2026-01-01")).ok());
  // ...but not another municipality's.
  auto denied = org_->Appoint(actor_, chief, Officer(x, "874602752", "2026-01-01"));
  EXPECT_EQ(denied.status().code(), core::ErrorCode::kPermissionDenied);
  // The officer appoints product managers in their municipality (IA-5)...
  Assignment pm;
  pm.person_id = chief_kv;
  pm.role = Role::kProductManager;
  pm.municipality = "944117784";
  pm.product_area = "food";
  pm.valid_from = "2026-01-01";
  EXPECT_TRUE(org_->Appoint(actor_, officer, pm).ok());
  // ...not in another, and not officers.
  pm.municipality = "874602752";
  pm.person_id = x;
  EXPECT_EQ(org_->Appoint(actor_, officer, pm).status().code(), core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(org_->Appoint(actor_, officer, Officer(x, "944117784", "2026-05-01")).status().code(),
            core::ErrorCode::kPermissionDenied);
}

TEST_F(OrgServiceTest, ProductManagerNeedsKnownArea) {
  auto p = NewPerson("P");
  Assignment pm;
  pm.person_id = p;
  pm.role = Role::kProductManager;
  pm.municipality = "944117784";
  pm.product_area = "nope";
  pm.valid_from = "2026-01-01";
  auto r = org_->Appoint(actor_, admin_, pm);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().fields().size(), 1u);
  EXPECT_EQ(r.status().fields()[0].field, "product_area");
}

TEST_F(OrgServiceTest, MunicipalityValidationAndHost) {
  struct Case {
    Municipality m;
    std::string code;
    std::string field;
  } cases[] = {
      {{"944117785", "X", "3401", false, "", "", false}, "org.invalid_orgnr", "orgnr"},
      {{"94411778", "X", "3401", false, "", "", false}, "org.invalid_orgnr", "orgnr"},
      {{"964948143", "", "3417", false, "", "", false}, "org.invalid_municipality", "name"},
      {{"964948143", "Grue", "417", false, "", "", false},
       "org.invalid_municipality",
       "municipality_number"},
      {{"964948143", "Grue", "3417", false, "2026-01-01", "2025-01-01", false},
       "org.invalid_municipality",
       "member_to"},
  };
  for (const auto& c : cases) {
    auto r = org_->CreateMunicipality(actor_, c.m);
    ASSERT_FALSE(r.ok()) << c.m.orgnr;
    EXPECT_EQ(r.status().code_name(), c.code) << c.m.orgnr;
    ASSERT_FALSE(r.status().fields().empty());
    EXPECT_EQ(r.status().fields()[0].field, c.field);
  }
  // Spaces are ignored; a second host is a conflict.
  auto second_host =
      org_->CreateMunicipality(actor_, {"964 948 143", "Grue", "3417", true, "", "", false});
  EXPECT_EQ(second_host.status().code_name(), "org.second_host");
  auto ok = org_->CreateMunicipality(actor_, {"964 948 143", "Grue", "3417", false, "", "", false});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->m.orgnr, "964948143");
  auto dup = org_->CreateMunicipality(actor_, {"964948143", "Grue", "3417", false, "", "", false});
  EXPECT_EQ(dup.status().code_name(), "org.duplicate_orgnr");
  // Moving the host.
  ASSERT_TRUE(org_->MakeHost(actor_, "964948143").ok());
  int hosts = 0;
  for (const auto& v : org_->ListMunicipalities()) hosts += v.m.host ? 1 : 0;
  EXPECT_EQ(hosts, 1);
  EXPECT_TRUE(org_->GetMunicipality("964948143")->m.host);
}

TEST_F(OrgServiceTest, PatchRefusesOrgnrAndHost) {
  auto r = org_->PatchMunicipality(actor_, "944117784", {{"orgnr", "874602752"}, {"host", false}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().size(), 2u);
  auto ok = org_->PatchMunicipality(actor_, "944117784",
                                    {{"name", "Kongsvinger kommune"}, {"member_to", nullptr}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->m.name, "Kongsvinger kommune");
}

TEST_F(OrgServiceTest, ListsSortNorwegian) {
  ASSERT_TRUE(
      org_->CreateMunicipality(actor_, {"974602970", "Åsnes", "3418", false, "", "", false}).ok());
  ASSERT_TRUE(
      org_->CreateMunicipality(actor_, {"874602612", "Sør-Odal", "3415", false, "", "", false})
          .ok());
  std::vector<std::string> names;
  for (const auto& v : org_->ListMunicipalities()) names.push_back(v.m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Eidskog", "Kongsvinger", "Sør-Odal", "Åsnes"}));
}

TEST_F(OrgServiceTest, UsersAndPersonLoader) {
  auto p = NewPerson("Ola Haugen");
  ASSERT_TRUE(org_->Appoint(actor_, admin_, Officer(p, "944117784", "2025-01-01")).ok());
  auto u = org_->CreateUser(actor_, "ola", "et-langt-passord", p);
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_TRUE(u->user.must_change_password);
  EXPECT_EQ(org_->CreateUser(actor_, "ola2", "et-langt-passord", p).status().code_name(),
            "org.person_has_user");
  EXPECT_EQ(org_->CreateUser(actor_, "x", "kort", p).status().fields().size(), 2u);
  auto s = db_->Acquire();
  auto info = OrgService::LoadPerson(s.sql(), p, "2026-06-15");
  EXPECT_EQ(info.name, "Ola Haugen");
  ASSERT_EQ(info.roles.size(), 1u);
  EXPECT_EQ(info.roles[0].role, Role::kOfficer);
  EXPECT_EQ(info.host_orgnr, "944117784");
}

}  // namespace
}  // namespace samkjop::org
