// The notification service on in-memory SQLite (one connection): Notify's
// validation, listing in the owner's scope, read, confirm, settings, the
// audit, and the governance count.
#include "core/notify/notify.h"

#include <gtest/gtest.h>

#include <memory>

#include <soci/soci.h>

#include "core/audit/audit.h"
#include "core/module/module.h"
#include "core/module/permissions.h"
#include "core/nor/civil_date.h"
#include "core/storage/database.h"
#include "core/storage/sql.h"

namespace samkjop::core::notify {
namespace {

class NotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nor::PinToday(nor::ParseIsoDate("2027-03-15"));
    auto db = storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
    auto access = BuildAccessControl({CoreModule()});
    ASSERT_TRUE(access.ok());
    access_ = std::move(access).value();
    svc_ = std::make_unique<NotificationService>(*db_);
    auto s = db_->Acquire();
    for (const char* name : {"ola", "kari"})
      s.sql() << "INSERT INTO auth_users (username, password_hash, created_at) "
                 "VALUES (:u, 'x', '2027-01-01T00:00:00Z')",
          soci::use(std::string(name));
    ola_ = 1;
    kari_ = 2;
  }
  void TearDown() override { nor::PinToday(std::nullopt); }

  auth::Caller As(std::int64_t user_id) {
    auth::Principal p;
    p.user_id = user_id;
    p.username = user_id == ola_ ? "ola" : "kari";
    return auth::Caller(p, *access_, "test");
  }
  auth::Scope ReadScope(std::int64_t user_id) {
    return As(user_id).ScopeFor(perm::kNotificationsRead);
  }
  std::vector<std::int64_t> Send(const NotificationInput& in) {
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    std::vector<std::int64_t> ids;
    Status st = Notify(s.sql(), in, &ids);
    EXPECT_TRUE(st.ok()) << st.message();
    tx.Commit();
    return ids;
  }
  std::int64_t AuditCount(const std::string& entity) {
    auto s = db_->Acquire();
    audit::Filter f;
    f.entity = entity;
    std::int64_t total = 0;
    audit::Find(s.sql(), f, &total);
    return total;
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<auth::AccessControl> access_;
  std::unique_ptr<NotificationService> svc_;
  std::int64_t ola_ = 0, kari_ = 0;
};

TEST_F(NotifyTest, RegistryHoldsTheRuleChangeAndRefusesConflicts) {
  const Kind* k = FindKind(kRulesChange);
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(k->requires_confirmation);
  EXPECT_EQ(FindKind("nope.nope"), nullptr);
  RegisterKind({"test.same", "Test", "Test", false, EmailMode::kDigest});
  RegisterKind({"test.same", "Test", "Test", false, EmailMode::kDigest});  // idempotent
  EXPECT_THROW(RegisterKind({"test.same", "Annen", "Other", true, EmailMode::kOff}),
               std::logic_error);
  EXPECT_THROW(RegisterKind({"Bad Code", "X", "X", false, EmailMode::kOff}), std::logic_error);
  EXPECT_THROW(RegisterKind({"nodot", "X", "X", false, EmailMode::kOff}), std::logic_error);
  EXPECT_THROW(RegisterKind({"test.nolabel", "", "", false, EmailMode::kOff}), std::logic_error);
  auto all = Kinds();
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                             [](const Kind& a, const Kind& b) { return a.code < b.code; }));
}

TEST_F(NotifyTest, NotifyValidatesEveryFieldAndWritesNothingOnError) {
  auto s = db_->Acquire();
  NotificationInput bad{"nope.kind", {ola_, 99, 0}, "  ", "", "", "//evil.example/x"};
  Status st = Notify(s.sql(), bad);
  ASSERT_EQ(st.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(st.code_name(), "notify.invalid_notification");
  std::set<std::string> fields;
  for (const auto& f : st.fields()) fields.insert(f.field);
  EXPECT_EQ(fields,
            (std::set<std::string>{"kind", "title_nb", "link", "recipients[1]", "recipients[2]"}));
  EXPECT_EQ(storage::ScalarInt(s.sql(), "SELECT COUNT(*) FROM notify_notifications"), 0);
  for (std::string link : {"https://x.no/", "/a b", "/\\evil", "relative", "/a\nb"}) {
    NotificationInput in{kMessage, {ola_}, "Tittel", "", "", link};
    EXPECT_EQ(Notify(s.sql(), in).code(), ErrorCode::kInvalidArgument) << link;
  }
  NotificationInput none{kMessage, {}, "Tittel", "", "", ""};
  Status st2 = Notify(s.sql(), none);
  ASSERT_EQ(st2.fields().size(), 1u);
  EXPECT_EQ(st2.fields()[0].field, "recipients");
  NotificationInput long_title{kMessage, {ola_}, std::string(201, 'a'), "", "", ""};
  EXPECT_EQ(Notify(s.sql(), long_title).fields().at(0).field, "title_nb");
}

TEST_F(NotifyTest, ListsOnlyTheOwnersNewestFirstWithUnreadCount) {
  auto first = Send({kMessage, {ola_, kari_, ola_}, "Første", "First", "Tekst", "/agreements/12"});
  ASSERT_EQ(first.size(), 2u) << "a duplicate recipient gets one";
  auto second = Send({kRulesChange, {ola_}, "Andre", "", "", ""});
  auto page = svc_->List(ReadScope(ola_), false, 0, 50);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.unread, 2);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, second[0]);
  EXPECT_EQ(page.items[0].title_nb, "Andre");
  EXPECT_TRUE(page.items[0].requires_confirmation);
  EXPECT_EQ(page.items[1].title_en, "First");
  EXPECT_EQ(page.items[1].link, "/agreements/12");
  EXPECT_EQ(page.items[1].created_at.size(), 20u);
  auto kari = svc_->List(ReadScope(kari_), false, 0, 50);
  ASSERT_EQ(kari.total, 1);
  EXPECT_EQ(kari.items[0].user_id, kari_);
  // Paging keeps total and unread.
  auto p2 = svc_->List(ReadScope(ola_), false, 1, 1);
  EXPECT_EQ(p2.total, 2);
  ASSERT_EQ(p2.items.size(), 1u);
  EXPECT_EQ(p2.items[0].id, first[0]);
  // An empty scope reaches nothing.
  EXPECT_EQ(svc_->List(auth::Scope(), false, 0, 50).total, 0);
}

TEST_F(NotifyTest, MarkReadIsOwnOnlyAndKeepsTheFirstTime) {
  auto ids = Send({kMessage, {ola_}, "Hei", "", "", ""});
  auto other = svc_->MarkRead(As(kari_), ids[0]);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), ErrorCode::kNotFound);
  auto r = svc_->MarkRead(As(ola_), ids[0]);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->read_at.empty());
  auto again = svc_->MarkRead(As(ola_), ids[0]);
  EXPECT_EQ(again->read_at, r->read_at);
  EXPECT_EQ(svc_->List(ReadScope(ola_), true, 0, 50).total, 0);
  EXPECT_EQ(svc_->MarkRead(As(ola_), 12345).status().code(), ErrorCode::kNotFound);
}

TEST_F(NotifyTest, MarkAllReadMarksOnlyTheCallers) {
  Send({kMessage, {ola_, kari_}, "A", "", "", ""});
  Send({kMessage, {ola_}, "B", "", "", ""});
  auto n = svc_->MarkAllRead(As(ola_));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(svc_->List(ReadScope(ola_), false, 0, 50).unread, 0);
  EXPECT_EQ(svc_->List(ReadScope(kari_), false, 0, 50).unread, 1);
  EXPECT_EQ(*svc_->MarkAllRead(As(ola_)), 0);
}

TEST_F(NotifyTest, ConfirmRecordsOnceAuditsAndRefusesKindsWithoutConfirmation) {
  auto rule = Send({kRulesChange, {ola_}, "Ny terskel", "", "", "/regelverk"});
  auto msg = Send({kMessage, {ola_}, "Melding", "", "", ""});
  auto no = svc_->Confirm(As(ola_), msg[0]);
  ASSERT_FALSE(no.ok());
  EXPECT_EQ(no.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(no.status().code_name(), "notify.confirmation_not_required");
  EXPECT_EQ(svc_->Confirm(As(kari_), rule[0]).status().code(), ErrorCode::kNotFound);
  auto c = svc_->Confirm(As(ola_), rule[0]);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->confirmed_at.empty());
  EXPECT_EQ(c->read_at, c->confirmed_at) << "confirming reads it";
  auto again = svc_->Confirm(As(ola_), rule[0]);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->confirmed_at, c->confirmed_at);
  EXPECT_EQ(AuditCount("notify.notification"), 1) << "the second confirm changes nothing";
}

TEST_F(NotifyTest, ConfirmationRateCountsByKindAndDate) {
  nor::PinToday(nor::ParseIsoDate("2027-03-01"));
  auto old = Send({kRulesChange, {ola_}, "Gammel", "", "", ""});
  nor::PinToday(nor::ParseIsoDate("2027-03-15"));
  auto now = Send({kRulesChange, {ola_, kari_}, "Ny", "", "", ""});
  Send({kMessage, {ola_}, "Annet", "", "", ""});
  ASSERT_TRUE(svc_->Confirm(As(ola_), now[0]).ok());
  ASSERT_TRUE(svc_->Confirm(As(ola_), old[0]).ok());
  auto since = ConfirmationRate(*db_, kRulesChange, "2027-03-10");
  EXPECT_EQ(since.sent, 2);
  EXPECT_EQ(since.confirmed, 1);
  auto all = ConfirmationRate(*db_, kRulesChange, "2027-01-01");
  EXPECT_EQ(all.sent, 3);
  EXPECT_EQ(all.confirmed, 2);
  auto none = ConfirmationRate(*db_, "other.kind", "2027-01-01");
  EXPECT_EQ(none.sent, 0);
  EXPECT_EQ(none.confirmed, 0);
}

TEST_F(NotifyTest, SettingsDefaultThenChangeAuditedAndValidated) {
  auto before = svc_->Settings(As(ola_));
  auto find = [](const std::vector<Setting>& v, const std::string& k) {
    for (const auto& s : v)
      if (s.kind == k) return s;
    return Setting{};
  };
  EXPECT_EQ(find(before, kRulesChange).email, EmailMode::kImmediate);
  EXPECT_EQ(find(before, kMessage).email, EmailMode::kOff);
  auto r = svc_->UpdateSettings(As(ola_), {{kMessage, EmailMode::kDigest}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(find(*r, kMessage).email, EmailMode::kDigest);
  EXPECT_EQ(find(*r, kMessage).default_email, EmailMode::kOff);
  EXPECT_EQ(find(*r, kRulesChange).email, EmailMode::kImmediate) << "unlisted kinds kept";
  ASSERT_TRUE(svc_->UpdateSettings(As(ola_), {{kMessage, EmailMode::kImmediate}}).ok());
  EXPECT_EQ(find(svc_->Settings(As(ola_)), kMessage).email, EmailMode::kImmediate);
  EXPECT_EQ(find(svc_->Settings(As(kari_)), kMessage).email, EmailMode::kOff) << "per user";
  EXPECT_EQ(AuditCount("notify.settings"), 2);
  auto bad = svc_->UpdateSettings(As(ola_), {{kMessage, EmailMode::kOff},
                                             {"x.unknown", EmailMode::kOff},
                                             {kMessage, EmailMode::kDigest}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code_name(), "notify.invalid_settings");
  ASSERT_EQ(bad.status().fields().size(), 2u);
  EXPECT_EQ(bad.status().fields()[0].field, "settings[1].kind");
  EXPECT_EQ(bad.status().fields()[1].field, "settings[2].kind");
  EXPECT_EQ(AuditCount("notify.settings"), 2);
}

}  // namespace
}  // namespace samkjop::core::notify
