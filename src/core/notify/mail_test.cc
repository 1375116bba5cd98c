// E-mail of notifications: the pure plan (immediate vs. daily digest per the
// user's settings), the texts, and TakeMails on SQLite marking what it took.
#include "core/notify/mail.h"

#include <gtest/gtest.h>

#include <memory>

#include <soci/soci.h>

#include "core/module/module.h"
#include "core/nor/civil_date.h"
#include "core/storage/database.h"
#include "core/storage/sql.h"

namespace samkjop::core::notify {
namespace {

const char kBase[] = "https://samkjop.riik.no/";

PendingNotification P(std::int64_t id, std::int64_t user, const std::string& kind,
                      const std::string& title, bool read = false, const std::string& link = "") {
  PendingNotification n;
  n.id = id;
  n.user_id = user;
  n.kind = kind;
  n.title = title;
  n.read = read;
  n.link = link;
  n.requires_confirmation = kind == kRulesChange;
  return n;
}

MailUser U(const std::string& email, const std::string& name,
           std::map<std::string, EmailMode> settings = {}) {
  MailUser u;
  u.email = email;
  u.name = name;
  u.settings = std::move(settings);
  return u;
}

TEST(MailTest, ModeIsTheUsersChoiceElseTheKindsDefault) {
  MailUser u = U("a@b.no", "A", {{kMessage, EmailMode::kDigest}});
  EXPECT_EQ(ModeFor(u, kMessage), EmailMode::kDigest);
  EXPECT_EQ(ModeFor(u, kRulesChange), EmailMode::kImmediate);  // default
  EXPECT_EQ(ModeFor(u, "unknown.kind"), EmailMode::kOff);
}

TEST(MailTest, LinkJoinsWithOneSlash) {
  EXPECT_EQ(LinkTo("https://x.no/", "/agreements/12"), "https://x.no/agreements/12");
  EXPECT_EQ(LinkTo("https://x.no", "agreements/12"), "https://x.no/agreements/12");
  EXPECT_EQ(LinkTo("https://x.no//", ""), "https://x.no/");
}

TEST(MailTest, ImmediateOnePerNotificationDigestWaitsForDigestTime) {
  std::map<std::int64_t, MailUser> users = {
      {1, U("ola@kv.no", "Ola Haugen", {{kMessage, EmailMode::kDigest}})},
      {2, U("kari@kv.no", "Kari Nordby", {{kRulesChange, EmailMode::kOff}})},
  };
  std::vector<PendingNotification> pending = {
      P(10, 1, kRulesChange, "Ny terskel", false, "/regelverk"),  // immediate by default
      P(11, 1, kMessage, "Melding 1"),                            // digest
      P(12, 2, kRulesChange, "Ny terskel"),                       // off
      P(13, 2, kMessage, "Melding"),                              // off by default
      P(14, 1, kMessage, "Melding 2", false, "/agreements/3"),    // digest
  };
  auto plan = PlanMails(pending, users, false, kBase, "2027-03-15");
  ASSERT_EQ(plan.mails.size(), 1u);
  EXPECT_EQ(plan.mails[0].to_email, "ola@kv.no");
  EXPECT_EQ(plan.mails[0].notification_ids, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(plan.mails[0].subject, "Samkjøp: Ny terskel");
  EXPECT_NE(plan.mails[0].text.find("https://samkjop.riik.no/regelverk"), std::string::npos);
  EXPECT_NE(plan.mails[0].text.find("Jeg har lest dette"), std::string::npos);
  EXPECT_EQ(plan.not_mailed, (std::vector<std::int64_t>{12, 13}));
  EXPECT_TRUE(plan.digest_users.empty()) << "11 and 14 stay pending until digest time";

  auto at_digest = PlanMails(pending, users, true, kBase, "2027-03-15");
  ASSERT_EQ(at_digest.mails.size(), 2u);
  const auto& digest = at_digest.mails[1];
  EXPECT_EQ(digest.notification_ids, (std::vector<std::int64_t>{11, 14}));
  EXPECT_EQ(digest.subject, "Samkjøp: 2 nye varsler 15.03.2027");
  EXPECT_EQ(digest.to_name, "Ola Haugen");
  EXPECT_EQ(digest.text.rfind("Hei, Ola Haugen!\n", 0), 0u);
  EXPECT_NE(digest.text.find("- Melding 1\n"), std::string::npos);
  EXPECT_NE(digest.text.find("- Melding 2\n  https://samkjop.riik.no/agreements/3\n"),
            std::string::npos);
  EXPECT_NE(digest.text.find("https://samkjop.riik.no/varsler"), std::string::npos);
  EXPECT_EQ(at_digest.digest_users, (std::vector<std::int64_t>{1}));
}

TEST(MailTest, ReadNoAddressDisabledOrDigestAlreadySentAreNotMailed) {
  MailUser disabled = U("d@kv.no", "D");
  disabled.active = false;
  MailUser had = U("h@kv.no", "H", {{kMessage, EmailMode::kDigest}});
  had.digest_sent_today = true;
  std::map<std::int64_t, MailUser> users = {
      {1, U("", "Uten adresse")},
      {2, disabled},
      {3, had},
      {4, U("r@kv.no", "R", {{kMessage, EmailMode::kDigest}})},
  };
  std::vector<PendingNotification> pending = {
      P(1, 1, kRulesChange, "A"),
      P(2, 2, kRulesChange, "B"),
      P(3, 3, kMessage, "C"),
      P(4, 4, kMessage, "lest", true),
      P(5, 4, kRulesChange, "lest", true),
      P(6, 99, kRulesChange, "ukjent bruker"),
  };
  auto plan = PlanMails(pending, users, true, kBase, "2027-03-15");
  EXPECT_TRUE(plan.mails.empty());
  EXPECT_EQ(plan.not_mailed, (std::vector<std::int64_t>{1, 2, 4, 5, 6}));
  EXPECT_TRUE(plan.digest_users.empty()) << "3 stays pending for tomorrow's digest";
}

TEST(MailTest, SubjectAndNameNeverCarryLineBreaks) {
  MailUser u = U("x@kv.no", "Eve\r\nBcc: all@x.no");
  auto m = ImmediateMail(u, P(1, 1, kRulesChange, "Tittel\r\nBcc: all@x.no"), kBase);
  EXPECT_EQ(m.subject.find_first_of("\r\n"), std::string::npos);
  EXPECT_EQ(m.to_name.find_first_of("\r\n"), std::string::npos);
  auto d = DigestMail(u, {P(1, 1, kMessage, "A")}, kBase, "2027-03-15");
  EXPECT_EQ(d.subject, "Samkjøp: 1 nytt varsel 15.03.2027");
}

class TakeMailsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nor::PinToday(nor::ParseIsoDate("2027-03-15"));
    auto db = storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
    auto s = db_->Acquire();
    for (const char* name : {"ola", "kari"})
      s.sql() << "INSERT INTO auth_users (username, password_hash, created_at) "
                 "VALUES (:u, 'x', '2027-01-01T00:00:00Z')",
          soci::use(std::string(name));
    s.sql() << "INSERT INTO notify_settings (user_id, kind, email, updated_at) "
               "VALUES (1, 'core.message', 'digest', 'x')";
  }
  void TearDown() override { nor::PinToday(std::nullopt); }

  void Send(const NotificationInput& in) {
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    ASSERT_TRUE(Notify(s.sql(), in).ok());
    tx.Commit();
  }
  std::vector<NotificationMail> Take(bool digest_time, const std::string& today = "2027-03-15",
                                     bool commit = true) {
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    TakeOptions o{
        today, digest_time, kBase, [](soci::session&, std::int64_t uid) {
          return Recipient{uid == 1 ? "ola@kv.no" : "kari@kv.no", uid == 1 ? "Ola" : "Kari"};
        }};
    auto mails = TakeMails(s.sql(), o);
    if (commit) tx.Commit();
    return mails;
  }
  std::int64_t Count(const std::string& where) {
    auto s = db_->Acquire();
    return storage::ScalarInt(s.sql(), "SELECT COUNT(*) FROM notify_notifications WHERE " + where);
  }
  std::unique_ptr<storage::Database> db_;
};

TEST_F(TakeMailsTest, MailsEachNotificationOnceAndOneDigestPerDay) {
  Send({kRulesChange, {1, 2}, "Ny terskel", "", "", "/regelverk"});
  Send({kMessage, {1}, "Melding A", "", "", ""});
  Send({kMessage, {2}, "Melding til Kari", "", "", ""});  // off by default
  // A rollback keeps everything pending.
  EXPECT_EQ(Take(false, "2027-03-15", false).size(), 2u);
  EXPECT_EQ(Count("mail_state = 'pending'"), 4);

  auto first = Take(false);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].to_email, "ola@kv.no");
  EXPECT_EQ(first[1].to_email, "kari@kv.no");
  EXPECT_EQ(Count("mail_state = 'sent' AND emailed_at IS NOT NULL"), 2);
  EXPECT_EQ(Count("mail_state = 'none'"), 1);
  EXPECT_EQ(Count("mail_state = 'pending'"), 1) << "Ola's digest item waits";
  EXPECT_TRUE(Take(false).empty()) << "nothing is mailed twice";

  auto digest = Take(true);
  ASSERT_EQ(digest.size(), 1u);
  EXPECT_EQ(digest[0].subject, "Samkjøp: 1 nytt varsel 15.03.2027");
  Send({kMessage, {1}, "Melding B", "", "", ""});
  EXPECT_TRUE(Take(true).empty()) << "one digest per user per day";
  EXPECT_EQ(Count("mail_state = 'pending'"), 1);
  auto tomorrow = Take(true, "2027-03-16");
  ASSERT_EQ(tomorrow.size(), 1u);
  EXPECT_NE(tomorrow[0].text.find("Melding B"), std::string::npos);
  EXPECT_EQ(Count("mail_state = 'pending'"), 0);
}

}  // namespace
}  // namespace samkjop::core::notify
