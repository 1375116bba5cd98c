// E-mail: an outbox in the database and a job that sends it over SMTP.
// A module writes a mail with Enqueue inside the transaction of the change
// that causes it (so the mail exists exactly when the change does); the job
// core.send_mail sends pending mail with libcurl and retries a failure with
// backoff; nothing is dropped. See docs/services/mail.md.
#ifndef SAMKJOP_CORE_MAIL_MAIL_H_
#define SAMKJOP_CORE_MAIL_MAIL_H_

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include "core/error/status.h"
#include "core/jobs/job.h"
#include "core/mail/message.h"

namespace soci {
class session;
}

namespace samkjop::core::storage {
class Database;
}

namespace samkjop::core::mail {

struct Mail {
  std::vector<Address> to;  // 1–50 recipients
  std::string subject;      // UTF-8, at most 250 characters
  std::string text;         // UTF-8 plain text, at most 100 000 bytes
};

// Checks `m` (400 mail.invalid_recipient on `to[i].email`, mail.invalid_subject,
// mail.invalid_text; CR/LF in a name or the subject is not refused but made a
// space when the message is built) and inserts it as pending, in the caller's transaction.
// Sets *id to the outbox row's id when given. Throws (soci) on database
// failure, like every write in a transaction.
Status Enqueue(soci::session& sql, const Mail& m, std::int64_t* id = nullptr);

// Where mail goes (serve --smtp-url/--mail-from, SAMKJOP_SMTP_*). Without a
// URL mail stays in the outbox.
struct SmtpConfig {
  std::string url;   // smtp://HOST:PORT (STARTTLS when offered; required with a login) or smtps://
  std::string from;  // envelope and From address
  std::string from_name = "Samkjøp";
  std::string user, password;  // optional login; the password is never logged
  int timeout_seconds = 30;
  bool configured() const { return !url.empty(); }
};
// The configuration from flags (win) and the environment: SAMKJOP_SMTP_URL,
// SAMKJOP_MAIL_FROM, and SAMKJOP_SMTP_USER / SAMKJOP_SMTP_PASSWORD (only there).
SmtpConfig ResolveSmtp(std::string url_flag, std::string from_flag);
// Checks a configuration: URL scheme smtp:// or smtps:// with a host, a valid
// From address when a URL is set. 400 app.bad_smtp_url / app.bad_mail_from.
Status CheckConfig(const SmtpConfig& c);

// Sends one message to `rcpts` (envelope). kUnavailable with the server's or
// libcurl's error.
Status SendSmtp(const SmtpConfig& c, const std::vector<std::string>& rcpts,
                const std::string& message);

inline constexpr int kMaxAttempts = 10;  // then the mail is `failed` (kept, shown)

struct OutboxItem {
  std::int64_t id = 0;
  std::string message_id;
  std::vector<Address> to;
  std::string subject;
  std::string state;  // pending | sent | failed
  int attempts = 0;
  std::string last_error;
  std::string created_at, sent_at, next_attempt_at;  // ISO UTC; "" when none
};

// Newest first; `state` "" for all. `total` before paging.
std::vector<OutboxItem> ListOutbox(soci::session& sql, const std::string& state, int limit,
                                   std::int64_t offset, std::int64_t* total);
Result<OutboxItem> GetOutboxItem(soci::session& sql, std::int64_t id);

struct SendReport {
  int sent = 0, failed = 0;
  std::string last_error;
};
// Sends pending mail due at `now_ms` (every pending mail when `all`), oldest
// first, until `stop`. Each outcome is written as soon as it is known.
SendReport SendPending(storage::Database& db, const SmtpConfig& c, bool all, std::stop_token stop,
                       std::int64_t now_ms);

// The job core.send_mail (every 60 s): sends pending mail with the services'
// SMTP configuration.
jobs::JobSpec SendMailJob();

}  // namespace samkjop::core::mail

#endif  // SAMKJOP_CORE_MAIL_MAIL_H_
