// Municipalities: validation, exactly one host, patch, Norwegian order, and
// the access rules (404 outside the read scope, 403 without write).
#include "modules/org/municipality_service.h"

#include "modules/org/org_test_fixture.h"

namespace samkjop::org {
namespace {

using core::ErrorCode;
using core::auth::Role;
using core::auth::Scope;
using testing::kKv;

class MunicipalityServiceTest : public testing::OrgTest {};

TEST_F(MunicipalityServiceTest, ValidationNamesTheField) {
  struct Case {
    Municipality m;
    std::string code, field;
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
    auto r = munis_->Create(Sys(), c.m);
    ASSERT_FALSE(r.ok()) << c.m.orgnr;
    EXPECT_EQ(r.status().code_name(), c.code) << c.m.orgnr;
    ASSERT_FALSE(r.status().fields().empty());
    EXPECT_EQ(r.status().fields()[0].field, c.field);
  }
}

TEST_F(MunicipalityServiceTest, ExactlyOneHost) {
  EXPECT_EQ(munis_->Create(Sys(), {"964 948 143", "Grue", "3417", true, "", "", false})
                .status()
                .code_name(),
            "org.second_host");
  auto ok = munis_->Create(Sys(), {"964 948 143", "Grue", "3417", false, "", "", false});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->m.orgnr, "964948143") << "spaces are ignored";
  EXPECT_EQ(munis_->Create(Sys(), {"964948143", "Grue", "3417", false, "", "", false})
                .status()
                .code_name(),
            "org.duplicate_orgnr");
  ASSERT_TRUE(munis_->MakeHost(Sys(), "964948143").ok());
  int hosts = 0;
  for (const auto& v : munis_->List(Scope::Region())) hosts += v.m.host ? 1 : 0;
  EXPECT_EQ(hosts, 1);
  EXPECT_TRUE(munis_->Get(Scope::Region(), "964948143")->m.host);
}

TEST_F(MunicipalityServiceTest, PatchChangesOnlyWhatItNames) {
  MunicipalityPatch p;
  p.name = "Kongsvinger kommune";
  p.member_from = "2020-01-01";
  auto r = munis_->Update(Sys(), kKv, p);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->m.name, "Kongsvinger kommune");
  EXPECT_EQ(r->m.municipality_number, "3401");
  MunicipalityPatch clear;
  clear.member_from = "";
  EXPECT_EQ(munis_->Update(Sys(), kKv, clear)->m.member_from, "");
  MunicipalityPatch bad;
  bad.municipality_number = "12";
  EXPECT_EQ(munis_->Update(Sys(), kKv, bad).status().fields()[0].field, "municipality_number");
}

TEST_F(MunicipalityServiceTest, ListsInNorwegianOrder) {
  ASSERT_TRUE(munis_->Create(Sys(), {"974602970", "Åsnes", "3418", false, "", "", false}).ok());
  ASSERT_TRUE(munis_->Create(Sys(), {"874602612", "Sør-Odal", "3415", false, "", "", false}).ok());
  std::vector<std::string> names;
  for (const auto& v : munis_->List(Scope::Region())) names.push_back(v.m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Eidskog", "Kongsvinger", "Sør-Odal", "Åsnes"}));
}

TEST_F(MunicipalityServiceTest, TheStoreFiltersByScope) {
  auto own = Scope::Municipalities({kKv});
  auto listed = munis_->List(own);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].m.orgnr, kKv);
  EXPECT_EQ(munis_->Get(own, testing::kEidskog).status().code(), ErrorCode::kNotFound)
      << "outside the read scope is 404, not 403";
  EXPECT_TRUE(munis_->List(Scope()).empty()) << "the empty scope reaches nothing";
}

TEST_F(MunicipalityServiceTest, WritingNeedsTheWritePermission) {
  auto officer = As(Role::kOfficer, kKv);
  MunicipalityPatch p;
  p.name = "X";
  EXPECT_EQ(munis_->Update(CallerOf(officer), kKv, p).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(munis_->MakeHost(CallerOf(officer), testing::kEidskog).status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_TRUE(munis_->Update(CallerOf(As(Role::kDirector)), kKv, p).ok());
}

}  // namespace
}  // namespace samkjop::org
