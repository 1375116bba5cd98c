// A fixture for org's service tests: an in-memory SQLite database with ONE
// pooled connection (a service that takes a second connection while holding
// the first hangs the test instead of passing), core's and org's migrations
// and grant tables, two municipalities, one product area, today pinned, and
// callers for each role.
#ifndef SAMKJOP_MODULES_ORG_ORG_TEST_FIXTURE_H_
#define SAMKJOP_MODULES_ORG_ORG_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/audit/audit.h"
#include "core/module/module.h"
#include "core/nor/civil_date.h"
#include "modules/org/assignment_service.h"
#include "modules/org/module.h"
#include "modules/org/municipality_service.h"
#include "modules/org/people_service.h"
#include "modules/org/product_area_service.h"
#include "modules/org/user_service.h"

namespace samkjop::org::testing {

inline constexpr char kKv[] = "944117784";       // Kongsvinger, the host
inline constexpr char kEidskog[] = "874602752";  // Eidskog

class OrgTest : public ::testing::Test {
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
    auto access = core::BuildAccessControl({core::CoreModule(), OrgModule()});
    ASSERT_TRUE(access.ok()) << access.status().detail();
    access_ = std::move(access).value();
    core::auth::AuthConfig cfg;
    cfg.hash_opslimit = 1;
    cfg.hash_memlimit = 8192;
    auth_ = std::make_unique<core::auth::AuthService>(*db_, cfg);
    munis_ = std::make_unique<MunicipalityService>(*db_);
    areas_ = std::make_unique<ProductAreaService>(*db_);
    people_ = std::make_unique<PeopleService>(*db_);
    roles_ = std::make_unique<AssignmentService>(*db_);
    users_ = std::make_unique<UserService>(*db_, *auth_);
    system_ = core::auth::Principal::System("tester");
    ASSERT_TRUE(munis_->Create(Sys(), {kKv, "Kongsvinger", "3401", true, "", "", true}).ok());
    ASSERT_TRUE(munis_->Create(Sys(), {kEidskog, "Eidskog", "3416", false, "", "", false}).ok());
    ASSERT_TRUE(areas_->Create(Sys(), {"food", "Matvarer", "Food"}).ok());
  }
  void TearDown() override { core::nor::PinToday(std::nullopt); }

  core::auth::Caller Sys() { return core::auth::Caller(system_, *access_, "test"); }
  // A principal holding `role` in `municipality` (and `area`), as the pipeline builds it.
  core::auth::Principal As(core::auth::Role role, const std::string& municipality = "",
                           const std::string& area = "", std::int64_t user_id = 7) {
    core::auth::Principal p;
    p.user_id = user_id;
    p.username = std::string(core::auth::RoleName(role));
    p.roles = {{100, role, municipality, area, "2020-01-01", ""}};
    p.host_orgnr = kKv;
    return p;
  }
  core::auth::Caller CallerOf(const core::auth::Principal& p) {
    return core::auth::Caller(p, *access_, "test");
  }

  std::int64_t NewPerson(const std::string& name, const std::string& muni = kKv) {
    Person p;
    p.name = name;
    p.municipality = muni;
    auto r = people_->Create(Sys(), p);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->id : 0;
  }
  Assignment Assign(std::int64_t person, core::auth::Role role, const std::string& muni,
                    const std::string& from, const std::string& area = "") {
    Assignment a;
    a.person_id = person;
    a.role = role;
    a.municipality = muni;
    a.product_area = area;
    a.valid_from = from;
    return a;
  }
  Assignment Officer(std::int64_t person, const std::string& muni, const std::string& from) {
    return Assign(person, core::auth::Role::kOfficer, muni, from);
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
  std::unique_ptr<core::auth::AccessControl> access_;
  std::unique_ptr<core::auth::AuthService> auth_;
  std::unique_ptr<MunicipalityService> munis_;
  std::unique_ptr<ProductAreaService> areas_;
  std::unique_ptr<PeopleService> people_;
  std::unique_ptr<AssignmentService> roles_;
  std::unique_ptr<UserService> users_;
  core::auth::Principal system_;
};

}  // namespace samkjop::org::testing

#endif  // SAMKJOP_MODULES_ORG_ORG_TEST_FIXTURE_H_
