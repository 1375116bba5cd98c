// Notifications: per user, what happened, a link into the web app, read or
// unread; a kind may ask for a confirmation ("Jeg har lest dette"), recorded
// with its time. Kinds are registered in code (RegisterKind); modules create
// notifications with one call, Notify(), inside their own transaction. The
// signed-in user reads and marks their own (NotificationService, behind
// /api/notifications). E-mail (immediate or daily digest) is planned by
// core/notify/mail.h. See docs/services/notifications.md.
#ifndef SAMKJOP_CORE_NOTIFY_NOTIFY_H_
#define SAMKJOP_CORE_NOTIFY_NOTIFY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/auth/grants.h"
#include "core/error/status.h"

namespace soci {
class session;
}

namespace samkjop::core::storage {
class Database;
}

namespace samkjop::core::notify {

// Whether a kind also goes by e-mail, and when.
enum class EmailMode { kOff, kImmediate, kDigest };
std::string_view EmailModeName(EmailMode m);                  // "off", "immediate", "digest"
std::optional<EmailMode> ParseEmailMode(std::string_view s);  // inverse; nullopt if unknown

// A kind of notification, registered in code.
struct Kind {
  std::string code;  // "<module>.<what>", e.g. "rules.change"
  std::string label_nb, label_en;
  bool requires_confirmation = false;
  EmailMode default_email = EmailMode::kOff;  // when the user has chosen nothing
};

// DL-6: the municipalities are informed of rule changes, and confirm having
// read them. Registered by core; the rules module sends it.
inline constexpr char kRulesChange[] = "rules.change";
// A plain message (no confirmation, no e-mail unless chosen): the demo's and
// the tests' kind, and for notices that fit no module's kind.
inline constexpr char kMessage[] = "core.message";

// Adds a kind to the process-wide registry (call from a module's `start`
// hook, before serving). Registering the same definition again is a no-op;
// a malformed code (not "<lowercase>.<lowercase_>") or the same code with
// another definition throws std::logic_error (a programmer error).
void RegisterKind(const Kind& kind);
// The registered kind, or null.
const Kind* FindKind(std::string_view code);
// Every registered kind, by code (the built-in ones included).
std::vector<Kind> Kinds();

// What a module hands Notify().
struct NotificationInput {
  std::string kind;                      // a registered kind
  std::vector<std::int64_t> recipients;  // auth_users ids; duplicates are sent once
  std::string title_nb;                  // required, at most 200 characters
  std::string title_en;                  // optional
  std::string body;                      // optional, at most 4000 characters, line breaks allowed
  std::string link;  // optional: a path in the web app ("/agreements/12"), at most 500
};

// Creates one notification per recipient inside the caller's transaction
// `tx` (so it is kept exactly when the change that causes it is; the caller
// audits that change). Dated today (core::nor::TodayIso). `ids`, when given,
// receives the new ids in recipient order.
// Errors (400 notify.invalid_notification, naming the field): an unknown
// kind ("kind"), no recipients or an unknown user ("recipients[i]"), a blank
// or too long title, a too long body, a link that is not a local path
// ("link": must start with one "/", no "//", "\", control characters).
// Throws on database failure (the transaction rolls back).
Status Notify(soci::session& tx, const NotificationInput& n,
              std::vector<std::int64_t>* ids = nullptr);

struct Notification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind;
  std::string title_nb, title_en, body, link;
  bool requires_confirmation = false;
  std::string created_at;    // UTC instant
  std::string read_at;       // "" = unread
  std::string confirmed_at;  // "" = not confirmed
};

struct NotificationPage {
  std::vector<Notification> items;
  std::int64_t total = 0;   // matching the filter, before paging
  std::int64_t unread = 0;  // the caller's unread notifications (whatever the filter)
};

// One kind as a user has set it.
struct Setting {
  std::string kind;
  std::string label_nb, label_en;
  bool requires_confirmation = false;
  EmailMode email = EmailMode::kOff;
  EmailMode default_email = EmailMode::kOff;
};

// For governance (DL-6): notifications of `kind` dated on or after `since`
// (YYYY-MM-DD), and how many of them are confirmed.
struct ConfirmationCounts {
  std::int64_t sent = 0;
  std::int64_t confirmed = 0;
};
ConfirmationCounts ConfirmationRate(soci::session& sql, const std::string& kind,
                                    const std::string& since);
ConfirmationCounts ConfirmationRate(storage::Database& db, const std::string& kind,
                                    const std::string& since);

// The signed-in user's own notifications and settings. Reads take the
// caller's Scope for core.notifications.read (own records: the SQL filters
// on the user id); writes check core.notifications.write. Another user's
// notification is 404 notify.not_found.
class NotificationService {
 public:
  explicit NotificationService(storage::Database& db) : db_(db) {}

  // Newest first; `unread_only` keeps the unread ones.
  NotificationPage List(const auth::Scope& scope, bool unread_only, std::int64_t offset,
                        int limit) const;
  // Marks one read (keeps an earlier read time).
  Result<Notification> MarkRead(const auth::Caller& caller, std::int64_t id);
  // Marks every unread one read; returns how many were.
  Result<std::int64_t> MarkAllRead(const auth::Caller& caller);
  // Records confirmed_at (and read_at) once, audited; a second confirm keeps
  // the first time. 409 notify.confirmation_not_required for a kind that
  // asks for none.
  Result<Notification> Confirm(const auth::Caller& caller, std::int64_t id);

  // Every registered kind with the caller's choice (or the default).
  std::vector<Setting> Settings(const auth::Caller& caller) const;
  // Sets the e-mail mode of the listed kinds (others unchanged), audited as
  // one entry with before and after. 400 notify.invalid_settings naming
  // "settings[i].kind" (unknown or listed twice).
  Result<std::vector<Setting>> UpdateSettings(
      const auth::Caller& caller, const std::vector<std::pair<std::string, EmailMode>>& changes);

 private:
  storage::Database& db_;
};

// The e-mail mode each registered kind has for `user_id` (their choice or
// the kind's default), in the caller's transaction.
std::vector<Setting> SettingsFor(soci::session& sql, std::int64_t user_id);

}  // namespace samkjop::core::notify

#endif  // SAMKJOP_CORE_NOTIFY_NOTIFY_H_
