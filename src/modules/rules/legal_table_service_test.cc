// The legal table in the database: seeded from the built-in table, look-ups
// at a date, adding and superseding values, structural changes (the floor,
// part II) the day before and the day after, validation, the audit entry and
// the change hook. In-memory SQLite with one connection.
#include "modules/rules/legal_table_service.h"

#include <gtest/gtest.h>

#include <soci/soci.h>

#include <memory>
#include <vector>

#include "core/audit/audit.h"
#include "core/module/module.h"
#include "core/nor/civil_date.h"
#include "modules/rules/assessment.h"
#include "modules/rules/module.h"
#include "modules/rules/rules_json.h"

namespace samkjop::rules {
namespace {

using core::nor::Date;

Date D(const char* iso) { return *core::nor::ParseIsoDate(iso); }

class LegalTableServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::nor::PinToday(D("2027-03-15"));
    auto db = core::storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    std::vector<core::storage::Migration> all;
    for (const auto& m : core::CoreModule().migrations()) all.push_back(m);
    for (const auto& m : RulesModule().migrations()) all.push_back(m);
    ASSERT_TRUE(db_->Migrate(all).ok());
    auto access = core::BuildAccessControl({core::CoreModule(), RulesModule()});
    ASSERT_TRUE(access.ok()) << access.status().detail();
    access_ = std::move(access).value();
    svc_ = std::make_unique<LegalTableService>(*db_);
    admin_.user_id = 1;
    admin_.username = "admin";
    admin_.roles = {{1, core::auth::Role::kAdmin, "", "", "2020-01-01", ""}};
    officer_.user_id = 2;
    officer_.username = "officer";
    officer_.roles = {{2, core::auth::Role::kOfficer, "944117784", "", "2020-01-01", ""}};
  }
  void TearDown() override { core::nor::PinToday(std::nullopt); }

  core::auth::Caller Admin() { return core::auth::Caller(admin_, *access_, "test"); }
  core::auth::Caller Officer() { return core::auth::Caller(officer_, *access_, "test"); }

  static NewLegalValue Money(const std::string& key, std::int64_t ore, const std::string& from) {
    NewLegalValue v;
    v.key = key;
    v.amount_ore = ore;
    v.in_force = from;
    v.source = "Testkilde";
    v.confirmed = true;
    return v;
  }

  std::int64_t AuditCount(const std::string& action) {
    auto s = db_->Acquire();
    core::audit::Filter f;
    f.entity = "rules.legal_value";
    std::int64_t total = 0;
    auto rows = core::audit::Find(s.sql(), f, &total);
    std::int64_t n = 0;
    for (const auto& r : rows) n += r.action == action ? 1 : 0;
    return n;
  }

  std::unique_ptr<core::storage::Database> db_;
  std::unique_ptr<core::auth::AccessControl> access_;
  std::unique_ptr<LegalTableService> svc_;
  core::auth::Principal admin_, officer_;
};

// The migration's rows are the built-in table: same ids, keys, amounts,
// dates, sources and confirmed flags.
TEST_F(LegalTableServiceTest, SeedEqualsTheBuiltinTable) {
  const auto& builtin = LegalTable::Builtin().values();
  auto table = svc_->Table();
  ASSERT_EQ(table->values().size(), builtin.size());
  for (size_t i = 0; i < builtin.size(); ++i) {
    const LegalValue& a = builtin[i];
    const LegalValue& b = table->values()[i];
    EXPECT_EQ(LegalValueItemJson(a), LegalValueItemJson(b)) << a.key;
  }
  for (const char* key :
       {"months.framework_max", "months.tax_certificate_max_age", "flag.part_ii_applies"}) {
    EXPECT_TRUE(table->InForce(key, D("2027-03-15")).ok()) << key;
  }
  EXPECT_EQ(table->InForce(kMonthsFrameworkMax, D("2027-03-15"))->months, 48);
  EXPECT_EQ(table->InForce(kMonthsTaxCertificateMaxAge, D("2027-03-15"))->months, 6);
  EXPECT_TRUE(table->InForce(kFlagPartIIApplies, D("2027-03-15"))->flag);
}

TEST_F(LegalTableServiceTest, From2026UnconfirmedUntilTheAdministratorEntersTheValues) {
  auto before = Assess(1'500'000'00, Kind::kGoods, D("2025-12-31"), *svc_->Table());
  ASSERT_TRUE(before.ok());
  auto after = Assess(1'500'000'00, Kind::kGoods, D("2026-01-01"), *svc_->Table());
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->confirmed);
  // The administrator enters the 2026–2027 values (superseding the carried-forward rows).
  auto table = svc_->Table();
  for (const char* key : {"threshold.national", "threshold.eea.goods_services"}) {
    auto placeholder = table->InForce(key, D("2026-01-01"));
    ASSERT_TRUE(placeholder.ok());
    ASSERT_FALSE(placeholder->confirmed);
    NewLegalValue v = Money(key, placeholder->amount_ore + 10'000'00, "2026-01-01");
    v.supersedes = placeholder->id;
    v.reason = "2026–2027-verdiene er fastsatt";
    auto r = svc_->Add(Admin(), v);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  // Goods at 1.5 mill: part II, resting on the floor, national, EEA and the tax certificate.
  auto now = Assess(1'500'000'00, Kind::kGoods, D("2026-01-01"), *svc_->Table());
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->part, Part::kII);
  for (const Reason& r : now->reasons) {
    if (r.source.find("IKKE lagt inn") != std::string::npos) ADD_FAILURE() << r.text_nb;
  }
}

TEST_F(LegalTableServiceTest, TheFloorRaisedGivesTwoAnswersTheDayBeforeAndTheDayAfter) {
  ASSERT_TRUE(svc_->Add(Admin(), Money("threshold.floor", 300'000'00, "2027-07-01")).ok());
  auto before = Assess(200'000'00, Kind::kServices, D("2027-06-30"), *svc_->Table());
  auto after = Assess(200'000'00, Kind::kServices, D("2027-07-01"), *svc_->Table());
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->part, Part::kI);
  EXPECT_TRUE(before->protocol_required);
  EXPECT_EQ(after->part, Part::kOutside);
  EXPECT_FALSE(after->protocol_required);
}

TEST_F(LegalTableServiceTest, PartIIRemovedGivesTwoAnswersTheDayBeforeAndTheDayAfter) {
  NewLegalValue v;
  v.key = "flag.part_ii_applies";
  v.flag = false;
  v.in_force = "2028-01-01";
  v.source = "Tenkt lovendring (test)";
  v.confirmed = false;
  ASSERT_TRUE(svc_->Add(Admin(), v).ok());
  auto before = Assess(1'500'000'00, Kind::kGoods, D("2027-12-31"), *svc_->Table());
  auto after = Assess(1'500'000'00, Kind::kGoods, D("2028-01-01"), *svc_->Table());
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->part, Part::kII);
  EXPECT_EQ(before->publication, Publication::kDoffin);
  EXPECT_EQ(after->part, Part::kI);
  EXPECT_EQ(after->publication, Publication::kNone);
  EXPECT_FALSE(after->confirmed);
  // Above the EEA threshold nothing changes.
  auto eea = Assess(3'000'000'00, Kind::kGoods, D("2028-01-01"), *svc_->Table());
  ASSERT_TRUE(eea.ok());
  EXPECT_EQ(eea->part, Part::kIII);
}

TEST_F(LegalTableServiceTest, SupersedingSkipsTheWrongRowAndKeepsItInTheHistory) {
  auto added = svc_->Add(Admin(), Money("threshold.national", 1'400'000'00, "2027-06-01"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(svc_->Table()->InForce(kThresholdNational, D("2027-06-01"))->amount_ore, 1'400'000'00);
  NewLegalValue fix = Money("threshold.national", 1'450'000'00, "2027-06-01");
  fix.supersedes = added->id;
  fix.reason = "Skrivefeil i beløpet";
  auto fixed = svc_->Add(Admin(), fix);
  ASSERT_TRUE(fixed.ok()) << fixed.status().message();
  auto table = svc_->Table();
  EXPECT_EQ(table->InForce(kThresholdNational, D("2027-06-01"))->amount_ore, 1'450'000'00);
  EXPECT_EQ(table->InForce(kThresholdNational, D("2027-06-01"))->id, fixed->id);
  bool found = false;
  for (const LegalValue& v : table->values()) {
    if (v.id == added->id) {
      found = true;
      EXPECT_EQ(v.superseded_by, fixed->id);
    }
  }
  EXPECT_TRUE(found);
  // Superseding it again is a conflict.
  NewLegalValue again = fix;
  again.amount_ore = 1'500'000'00;
  auto twice = svc_->Add(Admin(), again);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().code_name(), "rules.already_superseded");
  EXPECT_EQ(twice.status().code(), core::ErrorCode::kConflict);
  EXPECT_EQ(AuditCount("create"), 1);
  EXPECT_EQ(AuditCount("supersede"), 1);
}

TEST_F(LegalTableServiceTest, TheHookRunsInTheTransactionAndItsErrorRollsBack) {
  int calls = 0;
  svc_->SetOnChange([&](soci::session& tx, const LegalValueChange& c) {
    ++calls;
    long long n = 0;
    tx << "SELECT COUNT(*) FROM rules_legal_values WHERE id = :id", soci::use(c.value.id),
        soci::into(n);
    EXPECT_EQ(n, 1);  // the row is there, inside the same transaction
    EXPECT_EQ(c.actor.username, "admin");
    if (c.value.amount_ore == 999) {
      return core::Status::Invalid("test.refused", "Nei.");
    }
    return core::Status::Ok();
  });
  ASSERT_TRUE(svc_->Add(Admin(), Money("threshold.floor", 300'000'00, "2027-07-01")).ok());
  EXPECT_EQ(calls, 1);
  const std::size_t rows = svc_->Table()->values().size();
  auto refused = svc_->Add(Admin(), Money("threshold.floor", 999, "2027-08-01"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code_name(), "test.refused");
  EXPECT_EQ(svc_->Table()->values().size(), rows);
  EXPECT_EQ(AuditCount("create"), 1);
}

TEST_F(LegalTableServiceTest, OnlyTheAdministratorWrites) {
  auto r = svc_->Add(Officer(), Money("threshold.floor", 300'000'00, "2027-07-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), core::ErrorCode::kPermissionDenied);
}

struct BadCase {
  const char* name;
  NewLegalValue value;
  const char* code;
  const char* field;
};

TEST_F(LegalTableServiceTest, BadInputNamesTheField) {
  auto days_for_threshold = Money("threshold.national", 0, "2027-06-01");
  days_for_threshold.amount_ore.reset();
  days_for_threshold.days = 10;
  auto none = Money("days.standstill", 0, "2027-06-01");
  none.amount_ore.reset();
  auto no_reason = Money("threshold.national", 1, "2027-06-01");
  no_reason.supersedes = 3;
  auto backdated = Money("threshold.national", 1'200'000'00, "2020-01-01");
  auto no_source = Money("threshold.national", 1, "2027-06-01");
  no_source.source = "";
  auto no_confirmed = Money("threshold.national", 1, "2027-06-01");
  no_confirmed.confirmed.reset();
  auto flag_as_amount = Money("flag.part_ii_applies", 1, "2027-06-01");
  auto unknown_row = Money("threshold.national", 1, "2027-06-01");
  unknown_row.supersedes = 99999;
  unknown_row.reason = "x";
  auto other_key = Money("threshold.floor", 1, "2027-06-01");
  other_key.supersedes = 3;  // a threshold.national row
  other_key.reason = "x";
  auto duplicate = Money("threshold.national", 1, "2018-04-06");
  duplicate.reason = "x";
  const BadCase cases[] = {
      {"negative", Money("threshold.national", -1, "2027-06-01"), "rules.invalid_legal_value",
       "amount_ore"},
      {"unknown key", Money("threshold.made_up", 1, "2027-06-01"), "rules.unknown_key", "key"},
      {"unknown prefix", Money("limit.x", 1, "2027-06-01"), "rules.unknown_key", "key"},
      {"days for a threshold", days_for_threshold, "rules.unit_mismatch", "days"},
      {"no amount", none, "rules.unit_mismatch", "days"},
      {"flag given as amount", flag_as_amount, "rules.unit_mismatch", "amount_ore"},
      {"bad date", Money("threshold.national", 1, "2027-02-30"), "rules.invalid_legal_value",
       "in_force"},
      {"date before 2017", Money("threshold.national", 1, "2016-12-31"),
       "rules.invalid_legal_value", "in_force"},
      {"no source", no_source, "rules.invalid_legal_value", "source"},
      {"no confirmed", no_confirmed, "rules.invalid_legal_value", "confirmed"},
      {"superseding without reason", no_reason, "rules.reason_required", "reason"},
      {"back-dated without reason", backdated, "rules.reason_required", "reason"},
      {"unknown row", unknown_row, "rules.value_not_found", "supersedes"},
      {"other key", other_key, "rules.invalid_legal_value", "key"},
      {"same key and date", duplicate, "rules.duplicate_value", "in_force"},
  };
  ASSERT_EQ(LegalTable::Builtin().values()[2].key, "threshold.national");
  const std::size_t rows = svc_->Table()->values().size();
  for (const BadCase& c : cases) {
    auto r = svc_->Add(Admin(), c.value);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code_name(), c.code) << c.name;
    const core::Status st = r.status();  // fields() of a temporary would dangle in the loop
    bool named = false;
    for (const auto& f : st.fields()) named = named || f.field == c.field;
    EXPECT_TRUE(named) << c.name << ": " << r.status().message();
    EXPECT_NE(r.status().code(), core::ErrorCode::kInternal) << c.name;
  }
  EXPECT_EQ(svc_->Table()->values().size(), rows);
  // Back-dating with a reason is allowed.
  backdated.reason = "Rettet ikrafttredelse etter Lovdata";
  EXPECT_TRUE(svc_->Add(Admin(), backdated).ok());
}

TEST_F(LegalTableServiceTest, TheCacheFollowsTheDatabase) {
  auto first = svc_->Table();
  EXPECT_EQ(svc_->Table().get(), first.get());  // unchanged: the same table
  // A write by someone else (another server) is seen at the next call.
  {
    auto s = db_->Acquire();
    s.sql() << "INSERT INTO rules_legal_values (value_key, unit, amount, in_force, source, "
               "confirmed, created_by) VALUES ('threshold.floor', 'ore', 30000000, '2027-07-01', "
               "'x', 1, 'other')";
  }
  auto second = svc_->Table();
  EXPECT_NE(second.get(), first.get());
  EXPECT_EQ(second->InForce(kThresholdFloor, D("2027-07-01"))->amount_ore, 300'000'00);
}

}  // namespace
}  // namespace samkjop::rules
