// People: validation, scope (in SQL), central staff, search and paging in
// Norwegian order.
#include "modules/org/people_service.h"

#include <soci/soci.h>

#include <map>

#include "modules/org/org_test_fixture.h"

namespace samkjop::org {
namespace {

using core::ErrorCode;
using core::auth::Role;
using core::auth::Scope;
using testing::kEidskog;
using testing::kKv;

class PeopleServiceTest : public testing::OrgTest {};

TEST_F(PeopleServiceTest, AnOfficerWritesPeopleInTheirOwnMunicipalityOnly) {
  auto officer = CallerOf(As(Role::kOfficer, kKv));
  Person p;
  p.name = "Trine Lie";
  p.municipality = kKv;
  auto created = people_->Create(officer, p);
  ASSERT_TRUE(created.ok()) << created.status().message();
  p.municipality = kEidskog;
  EXPECT_EQ(people_->Create(officer, p).status().code_name(), "org.person_out_of_scope");
  p.municipality = "";
  EXPECT_EQ(people_->Create(officer, p).status().code(), ErrorCode::kPermissionDenied)
      << "a person without a municipality needs the region";
  auto other = NewPerson("In Eidskog", kEidskog);
  PersonPatch patch;
  patch.phone = "12345";
  EXPECT_EQ(people_->Update(officer, other, patch).status().code(), ErrorCode::kPermissionDenied);
  PersonPatch move;
  move.municipality = kEidskog;
  EXPECT_EQ(people_->Update(officer, created->id, move).status().code(),
            ErrorCode::kPermissionDenied)
      << "moving a person out of one's municipality";
  EXPECT_EQ(people_->Update(officer, 999999, patch).status().code(), ErrorCode::kNotFound);
}

TEST_F(PeopleServiceTest, CentralStaffAreEditedByAdminAndDirectorOnly) {
  auto dagny = NewPerson("Dagny Lund", kKv);
  ASSERT_TRUE(roles_->Appoint(Sys(), Assign(dagny, Role::kDirector, "", "2022-01-01")).ok());
  PersonPatch patch;
  patch.email = "x@example.no";
  for (Role r : {Role::kOfficer, Role::kChiefExecutive})
    EXPECT_EQ(people_->Update(CallerOf(As(r, kKv)), dagny, patch).status().code_name(),
              "org.central_staff");
  EXPECT_EQ(people_->Update(CallerOf(As(Role::kStaff)), dagny, patch).status().code_name(),
            "org.central_staff");
  EXPECT_TRUE(people_->Update(CallerOf(As(Role::kDirector)), dagny, patch).ok());
  EXPECT_TRUE(people_->Update(CallerOf(As(Role::kAdmin)), dagny, patch).ok());
}

TEST_F(PeopleServiceTest, TheCentralStaffFlagFollowsTodaysRoles) {
  auto dagny = NewPerson("Dagny Lund", kKv);
  auto ola = NewPerson("Ola Nordmann", kKv);
  auto former = NewPerson("Frida Fører", kKv);
  ASSERT_TRUE(roles_->Appoint(Sys(), Assign(dagny, Role::kAuditor, "", "2022-01-01")).ok());
  ASSERT_TRUE(roles_->Appoint(Sys(), Assign(ola, Role::kOfficer, kKv, "2022-01-01")).ok());
  auto staff = Assign(former, Role::kStaff, "", "2020-01-01");
  staff.valid_to = "2021-12-31";
  ASSERT_TRUE(roles_->Appoint(Sys(), staff).ok());
  EXPECT_TRUE(people_->Get(Scope::Region(), dagny)->central_staff);
  EXPECT_FALSE(people_->Get(Scope::Region(), ola)->central_staff);
  EXPECT_FALSE(people_->Get(Scope::Region(), former)->central_staff) << "an ended role";
  store::PeopleFilter f;
  f.municipality = kKv;
  auto page = people_->List(Scope::Region(), f, 0, 50);
  std::map<std::int64_t, bool> flags;
  for (const auto& p : page.items) flags[p.id] = p.central_staff;
  EXPECT_TRUE(flags.at(dagny));
  EXPECT_FALSE(flags.at(ola));
  EXPECT_FALSE(flags.at(former));
}

TEST_F(PeopleServiceTest, CreateAndUpdateValidateTheSameWay) {
  Person bad;
  bad.name = "X";
  bad.email = "not-an-email";
  bad.municipality = kKv;
  EXPECT_EQ(people_->Create(Sys(), bad).status().fields()[0].field, "email");
  auto id = NewPerson("Ok");
  PersonPatch patch;
  patch.email = "not-an-email";
  EXPECT_EQ(people_->Update(Sys(), id, patch).status().fields()[0].field, "email");
  PersonPatch blank;
  blank.name = "";
  EXPECT_EQ(people_->Update(Sys(), id, blank).status().fields()[0].field, "name");
}

TEST_F(PeopleServiceTest, SearchFoldsNorwegianLettersAndPagesInNorwegianOrder) {
  for (const char* n : {"Øystein Ås", "Åse Berg", "Ærlig Dahl", "Anne Møbler", "Zacharias Ek"})
    NewPerson(n, kEidskog);
  store::PeopleFilter f;
  f.municipality = kEidskog;
  auto all = people_->List(Scope::Region(), f, 0, 50);
  std::vector<std::string> names;
  for (const auto& p : all.items) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Anne Møbler", "Zacharias Ek", "Ærlig Dahl",
                                             "Øystein Ås", "Åse Berg"}));
  auto page2 = people_->List(Scope::Region(), f, 2, 2);
  EXPECT_EQ(page2.total, 5);
  ASSERT_EQ(page2.items.size(), 2u);
  EXPECT_EQ(page2.items[0].name, "Ærlig Dahl");
  f.q = "mobler";
  auto hit = people_->List(Scope::Region(), f, 0, 50);
  ASSERT_EQ(hit.items.size(), 1u);
  EXPECT_EQ(hit.items[0].name, "Anne Møbler");
  f.q = "ØYSTEIN";
  EXPECT_EQ(people_->List(Scope::Region(), f, 0, 50).total, 1);
  f.q = "100%_";
  EXPECT_EQ(people_->List(Scope::Region(), f, 0, 50).total, 0) << "LIKE wildcards are escaped";
}

TEST_F(PeopleServiceTest, TheStoreFiltersByScope) {
  NewPerson("Kongsvinger person", kKv);
  NewPerson("Eidskog person", kEidskog);
  auto central = NewPerson("No municipality", "");
  auto own = Scope::Municipalities({kKv});
  auto listed = people_->List(own, {}, 0, 50);
  for (const auto& p : listed.items) EXPECT_EQ(p.municipality, kKv);
  EXPECT_EQ(listed.total, 1);
  EXPECT_EQ(people_->Get(own, central).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(people_->Get(Scope::Region(), central).ok());
}

TEST_F(PeopleServiceTest, SearchRanksWholeWordThenPrefixThenSubstring) {
  for (const char* n : {"Bjørn Skolemøbler", "Anne Møblerud", "Åse Møbler", "Zeta Møbler"})
    NewPerson(n, kEidskog);
  store::PeopleFilter f{"møbler", ""};
  std::vector<std::string> names;
  for (const auto& p : people_->List(Scope::Region(), f, 0, 50).items) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Zeta Møbler", "Åse Møbler", "Anne Møblerud",
                                             "Bjørn Skolemøbler"}));
  f.q = "mø";  // under 3 characters: word prefixes
  EXPECT_EQ(people_->List(Scope::Region(), f, 0, 50).total, 3);
}

TEST_F(PeopleServiceTest, MigrationBuildsTheSearchIndexOfCoreSearch) {
  const core::storage::Migration* m3 = nullptr;
  for (const auto& m : OrgModule().migrations())
    if (m.version == 3) m3 = &m;
  ASSERT_NE(m3, nullptr);
  EXPECT_NE(m3->sql.find(core::search::MigrationSql(store::PeopleIndex())), std::string::npos)
      << "migrations/0003 must hold core::search::MigrationSql(store::PeopleIndex())";
}

TEST_F(PeopleServiceTest, BackfillRewritesClearedSearchTextAndIndexesIt) {
  NewPerson("Kjøkken Kari", kEidskog);
  {
    core::storage::Session s = db_->Acquire();
    s.sql()
        << "UPDATE org_people SET search = NULL, sort_key = NULL";  // as migration 0003 leaves it
  }
  store::PeopleFilter f{"kjokken", ""};
  EXPECT_EQ(people_->List(Scope::Region(), f, 0, 50).total, 0);
  {
    core::storage::Session s = db_->Acquire();
    EXPECT_EQ(store::BackfillSearch(s.sql()), 1);
  }
  EXPECT_EQ(people_->List(Scope::Region(), f, 0, 50).total, 1);
}

}  // namespace
}  // namespace samkjop::org
