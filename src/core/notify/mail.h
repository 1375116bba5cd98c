// Notifications by e-mail: which notifications need a mail at once and which
// wait for the user's daily digest (pure functions: PlanMails, the texts),
// and TakeMails, which plans over the database's pending notifications and
// records what it handed to mail (emailed_at), so nothing is mailed twice.
// The caller writes the mails to the outbox in the same transaction (see
// docs/services/notifications.md).
#ifndef SAMKJOP_CORE_NOTIFY_MAIL_H_
#define SAMKJOP_CORE_NOTIFY_MAIL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/notify/notify.h"

namespace soci {
class session;
}

namespace samkjop::core::notify {

// One mail to write to the outbox: plain UTF-8 text, Norwegian.
struct NotificationMail {
  std::string to_email, to_name, subject, text;
  std::vector<std::int64_t> notification_ids;  // the notifications it carries
};

// A notification not yet looked at by the mailer.
struct PendingNotification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind, title, body, link;
  bool read = false;
  bool requires_confirmation = false;
};

// What the mailer knows of a recipient.
struct MailUser {
  std::string email;  // "" = no address: never mailed
  std::string name;
  bool active = true;                         // a disabled account is never mailed
  std::map<std::string, EmailMode> settings;  // the user's choices; other kinds: their default
  bool digest_sent_today = false;             // one digest per user per day
};

struct MailPlan {
  std::vector<NotificationMail> mails;
  std::vector<std::int64_t> not_mailed;    // settled without a mail (off, read, no address)
  std::vector<std::int64_t> digest_users;  // users who got today's digest
  // Everything else stays pending (digest items before digest time).
};

// The user's mode for `kind`: their choice, else the kind's default; off for
// an unregistered kind.
EmailMode ModeFor(const MailUser& user, const std::string& kind);

// `base_url` + `path` with exactly one "/" between ("" path: the base).
std::string LinkTo(const std::string& base_url, const std::string& path);

// Plans the mails for `pending` (any order; users absent from `users` are
// never mailed). Per notification by its user's mode:
//   off, or no address, or account disabled -> not_mailed;
//   immediate -> one mail each, unless already read (-> not_mailed);
//   digest    -> when `digest_time` and the user has had no digest today,
//                the user's unread ones go into ONE mail (read ones ->
//                not_mailed); otherwise they stay pending.
// Mails come in user id, then notification id order. Subjects never hold CR
// or LF.
MailPlan PlanMails(const std::vector<PendingNotification>& pending,
                   const std::map<std::int64_t, MailUser>& users, bool digest_time,
                   const std::string& base_url, const std::string& today);

// The texts (Norwegian bokmål). `today` is YYYY-MM-DD, shown as 15.03.2027.
NotificationMail ImmediateMail(const MailUser& user, const PendingNotification& n,
                               const std::string& base_url);
NotificationMail DigestMail(const MailUser& user, const std::vector<PendingNotification>& items,
                            const std::string& base_url, const std::string& today);

// Who a user is, for the mailer: address and name (from the person record).
struct Recipient {
  std::string email, name;
};
using RecipientLookup = std::function<Recipient(soci::session& sql, std::int64_t user_id)>;

struct TakeOptions {
  std::string today;         // the business date (core::nor::TodayIso(), pinned in tests)
  bool digest_time = false;  // the daily digest job: also send digests
  std::string base_url;      // the address users see (serve --public-url)
  RecipientLookup recipient;
};

// In the caller's write transaction `tx`: plans over every pending
// notification (PostgreSQL: rows locked with FOR UPDATE SKIP LOCKED, so two
// app servers never take the same one), marks the mailed ones sent with
// emailed_at, the settled ones as never mailed, records the digests sent
// today, and returns the mails. The caller writes them to the outbox before
// committing; a rollback leaves them all pending.
std::vector<NotificationMail> TakeMails(soci::session& tx, const TakeOptions& o);

}  // namespace samkjop::core::notify

#endif  // SAMKJOP_CORE_NOTIFY_MAIL_H_
