// The grant table: scopes derived from roles, the host chief executive's
// widened reads, the SQL a Scope filters by, and the table's own checks.
#include "core/auth/grants.h"

#include <gtest/gtest.h>

namespace samkjop::core::auth {
namespace {

constexpr char kKv[] = "944117784", kGrue[] = "964948143";

GrantTable Table() {
  return {{{"m.things.read", false, "Lese", "Read"},
           {"m.things.write", true, "Skrive", "Write"},
           {"m.own.do", true, "Egne", "Own"}},
          {{Role::kDirector, "m.things.read", ScopeKind::kRegion},
           {Role::kChiefExecutive, "m.things.read", ScopeKind::kOwnMunicipality},
           {Role::kChiefExecutive, "m.things.write", ScopeKind::kOwnMunicipality},
           {Role::kOfficer, "m.things.write", ScopeKind::kOwnMunicipality},
           {Role::kProductManager, "m.things.read", ScopeKind::kOwnMunicipalityAndArea},
           {std::nullopt, "m.own.do", ScopeKind::kOwnRecords}}};
}

Principal With(Role r, const std::string& muni, const std::string& area = "") {
  Principal p;
  p.user_id = 42;
  p.roles = {{1, r, muni, area, "2020-01-01", ""}};
  p.host_orgnr = kKv;
  return p;
}

TEST(GrantsTest, ScopesComeFromTheRolesHeld) {
  AccessControl ac;
  ASSERT_TRUE(ac.Add("m", Table()).ok());
  EXPECT_TRUE(ac.ScopeFor(With(Role::kDirector, ""), "m.things.read").is_region());
  EXPECT_TRUE(ac.ScopeFor(With(Role::kDirector, ""), "m.things.write").is_empty());
  Scope officer = ac.ScopeFor(With(Role::kOfficer, kGrue), "m.things.write");
  EXPECT_TRUE(officer.Covers(kGrue));
  EXPECT_FALSE(officer.Covers(kKv));
  Scope pm = ac.ScopeFor(With(Role::kProductManager, kGrue, "food"), "m.things.read");
  EXPECT_TRUE(pm.Covers(kGrue, "food"));
  EXPECT_FALSE(pm.Covers(kGrue, "ict"));
  EXPECT_FALSE(pm.Covers(kGrue));
  EXPECT_TRUE(pm.Touches(kGrue));
  EXPECT_EQ(ac.ScopeFor(With(Role::kEmployee, kKv), "m.own.do").owner_user_id(), 42);
  EXPECT_TRUE(ac.ScopeFor(With(Role::kEmployee, kKv), "m.unknown").is_empty());
}

TEST(GrantsTest, TheHostsChiefExecutiveReadsTheRegionButWritesOnlyOwn) {
  AccessControl ac;
  ASSERT_TRUE(ac.Add("m", Table()).ok());
  EXPECT_TRUE(ac.ScopeFor(With(Role::kChiefExecutive, kKv), "m.things.read").is_region());
  Scope write = ac.ScopeFor(With(Role::kChiefExecutive, kKv), "m.things.write");
  EXPECT_FALSE(write.is_region());
  EXPECT_TRUE(write.Covers(kKv));
  Scope other = ac.ScopeFor(With(Role::kChiefExecutive, kGrue), "m.things.read");
  EXPECT_FALSE(other.is_region());
  EXPECT_TRUE(other.Covers(kGrue));
}

TEST(GrantsTest, ScopeSqlSelectsTheReachedRows) {
  ScopeColumns c{"t.municipality", "t.area", "t.owner"};
  EXPECT_EQ(Scope::Region().Sql(c), "(1=1)");
  EXPECT_EQ(Scope().Sql(c), "(1=0)");
  EXPECT_EQ(Scope::Municipalities({kKv, kGrue}).Sql(c),
            "(t.municipality IN ('944117784','964948143'))");
  Scope s;
  s.AddArea(kKv, "fo'od");
  s.SetOwner(7);
  EXPECT_EQ(s.Sql(c), "((t.municipality = '944117784' AND t.area = 'fo''od') OR t.owner = 7)");
  EXPECT_EQ(s.Sql({"m", "", ""}), "(1=0)") << "no area column: area grants reach nothing";
}

TEST(GrantsTest, TheTableRefusesMistakes) {
  struct Case {
    GrantTable t;
    const char* why;
  } cases[] = {
      {{{{"other.x.read", false, "a", "b"}}, {}}, "named after another module"},
      {{{{"m.x.read", false, "a", "b"}, {"m.x.read", false, "a", "b"}}, {}}, "declared twice"},
      {{{{"m.x.read", false, "", ""}}, {}}, "no description"},
      {{{}, {{Role::kAdmin, "m.nope", ScopeKind::kRegion}}}, "undeclared permission"},
      {{{{"m.x.write", true, "a", "b"}}, {{Role::kAuditor, "m.x.write", ScopeKind::kRegion}}},
       "write to the auditor"},
      {{{{"m.x.write", true, "a", "b"}}, {{std::nullopt, "m.x.write", ScopeKind::kRegion}}},
       "write to everyone"},
      {{{{"m.x.read", false, "a", "b"}},
        {{Role::kDirector, "m.x.read", ScopeKind::kOwnMunicipality}}},
       "per municipality to a region-wide role"},
      {{{{"m.x.read", false, "a", "b"}},
        {{Role::kOfficer, "m.x.read", ScopeKind::kOwnMunicipalityAndArea}}},
       "per area to a role without one"},
  };
  for (const auto& c : cases) {
    AccessControl ac;
    EXPECT_FALSE(ac.Add("m", c.t).ok()) << c.why;
  }
}

TEST(GrantsTest, TheSystemReachesTheRegion) {
  AccessControl ac;
  ASSERT_TRUE(ac.Add("m", Table()).ok());
  EXPECT_TRUE(ac.ScopeFor(Principal::System(), "m.things.write").is_region());
  EXPECT_TRUE(ac.ScopeFor(Principal::System(), "m.unknown").is_empty());
}

}  // namespace
}  // namespace samkjop::core::auth
