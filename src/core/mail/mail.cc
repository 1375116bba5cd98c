#include "core/mail/mail.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/jobs/runner.h"
#include "core/module/module.h"
#include "core/storage/database.h"
#include "core/storage/sql.h"

namespace samkjop::core::mail {

namespace {

std::size_t Utf8Chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool HasControl(const std::string& s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

std::string ToJson(const std::vector<Address>& to) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& x : to) a.push_back({{"email", x.email}, {"name", x.name}});
  return a.dump();
}

std::vector<Address> FromJson(const std::string& s) {
  std::vector<Address> out;
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& x : j)
    out.push_back({x.value("email", std::string()), x.value("name", std::string())});
  return out;
}

std::string Clip(std::string s, std::size_t max = 1000) {
  if (s.size() <= max) return s;
  s.resize(max);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
  return s + "…";
}

const char* kColumns =
    "SELECT id, message_id, to_json, subject, state, attempts, last_error, created_at, sent_at, "
    "next_attempt_ms FROM core_mail_outbox";

OutboxItem ItemOf(const soci::row& r) {
  OutboxItem it;
  it.id = jobs::RowInt(r, 0);
  it.message_id = r.get<std::string>(1);
  it.to = FromJson(r.get<std::string>(2));
  it.subject = r.get<std::string>(3);
  it.state = r.get<std::string>(4);
  it.attempts = static_cast<int>(jobs::RowInt(r, 5));
  it.last_error = r.get_indicator(6) == soci::i_ok ? r.get<std::string>(6) : "";
  it.created_at = r.get<std::string>(7);
  it.sent_at = r.get_indicator(8) == soci::i_ok ? r.get<std::string>(8) : "";
  if (it.state == "pending") it.next_attempt_at = jobs::IsoUtc(jobs::RowInt(r, 9));
  return it;
}

std::size_t ReadMessage(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* src = static_cast<std::pair<const std::string*, std::size_t>*>(user);
  std::size_t left = src->first->size() - src->second;
  std::size_t k = std::min(left, size * n);
  std::memcpy(buf, src->first->data() + src->second, k);
  src->second += k;
  return k;
}

}  // namespace

Status Enqueue(soci::session& sql, const Mail& m, std::int64_t* id) {
  std::vector<FieldError> errors;
  if (m.to.empty()) errors.push_back({"to", "Minst én mottaker."});
  if (m.to.size() > 50) errors.push_back({"to", "Høyst 50 mottakere."});
  for (std::size_t i = 0; i < m.to.size() && i < 50; ++i) {
    const auto& a = m.to[i];
    if (!ValidEmail(a.email))
      errors.push_back({"to[" + std::to_string(i) + "].email",
                        "«" + Clip(a.email, 100) + "» er ikke en gyldig e-postadresse."});
    if (!ValidUtf8(a.name) || Utf8Chars(a.name) > 200)
      errors.push_back(
          {"to[" + std::to_string(i) + "].name", "Navnet må være gyldig tekst på høyst 200 tegn."});
  }
  // Control characters in the subject are not refused: the message builder makes them spaces.
  if (!ValidUtf8(m.subject) || m.subject.find_first_not_of(" \t\r\n") == std::string::npos ||
      Utf8Chars(m.subject) > 250)
    errors.push_back({"subject", "Emnet må være 1–250 tegn."});
  if (!ValidUtf8(m.text) || m.text.size() > 100000 || HasControl(m.text, true))
    errors.push_back({"text", "Teksten må være gyldig tekst på høyst 100 000 byte."});
  if (!errors.empty()) {
    std::string code = errors[0].field.rfind("to", 0) == 0 ? "mail.invalid_recipient"
                       : errors[0].field == "subject"      ? "mail.invalid_subject"
                                                           : "mail.invalid_text";
    std::string message = errors[0].message;  // before errors is moved from
    return Status::Invalid(code, std::move(message), std::move(errors));
  }
  const std::int64_t now = jobs::NowMs();
  std::string message_id = NewMessageId("samkjop.outbox");
  std::string to = ToJson(m.to), created = jobs::IsoUtc(now);
  long long now_ll = now, row = 0;
  sql << "INSERT INTO core_mail_outbox (message_id, to_json, subject, body, state, attempts, "
         "next_attempt_ms, created_at, created_ms) VALUES (:m, :t, :s, :b, 'pending', 0, :n, :c, "
         ":cm) RETURNING id",
      soci::use(message_id), soci::use(to), soci::use(m.subject), soci::use(m.text),
      soci::use(now_ll), soci::use(created), soci::use(now_ll), soci::into(row);
  if (id) *id = row;
  return Status::Ok();
}

Status CheckConfig(const SmtpConfig& c) {
  if (!c.configured()) return Status::Ok();
  bool scheme = c.url.rfind("smtp://", 0) == 0 || c.url.rfind("smtps://", 0) == 0;
  auto host_at = c.url.find("://") + 3;
  if (!scheme || c.url.size() <= host_at || HasControl(c.url, false) ||
      c.url.find('@') != std::string::npos)
    return Status::InvalidField(
        "app.bad_smtp_url", "--smtp-url",
        "--smtp-url må være smtp://VERT:PORT eller smtps://VERT:PORT (uten brukernavn og "
        "passord; de gis i SAMKJOP_SMTP_USER og SAMKJOP_SMTP_PASSWORD).");
  if (!ValidEmail(c.from))
    return Status::InvalidField(
        "app.bad_mail_from", "--mail-from",
        "--mail-from må være en gyldig e-postadresse når --smtp-url er gitt.");
  return Status::Ok();
}

Status SendSmtp(const SmtpConfig& c, const std::vector<std::string>& rcpts,
                const std::string& message) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* h = curl_easy_init();
  if (!h) return Status(ErrorCode::kUnavailable, "mail.send_failed", "libcurl kunne ikke starte.");
  char err[CURL_ERROR_SIZE] = {0};
  curl_slist* list = nullptr;
  for (const auto& r : rcpts) list = curl_slist_append(list, ("<" + r + ">").c_str());
  std::string from = "<" + c.from + ">";
  std::pair<const std::string*, std::size_t> src{&message, 0};
  curl_easy_setopt(h, CURLOPT_URL, c.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(c.timeout_seconds));
  if (c.url.rfind("smtp://", 0) == 0)
    // STARTTLS when the server offers it; required when a password would be sent.
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     static_cast<long>(c.user.empty() ? CURLUSESSL_TRY : CURLUSESSL_ALL));
  if (!c.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, c.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, c.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, list);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(h, CURLOPT_READDATA, &src);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  CURLcode rc = curl_easy_perform(h);
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(list);
  curl_easy_cleanup(h);
  if (rc == CURLE_OK) return Status::Ok();
  std::string why = err[0] ? err : curl_easy_strerror(rc);
  if (code) why += " (SMTP " + std::to_string(code) + ")";
  return Status(ErrorCode::kUnavailable, "mail.send_failed", "E-posten kunne ikke sendes: " + why,
                {}, why);
}

std::vector<OutboxItem> ListOutbox(soci::session& sql, const std::string& state, int limit,
                                   std::int64_t offset, std::int64_t* total) {
  std::string where = state.empty() ? "" : " WHERE state = :s";
  long long n = 0;
  if (state.empty())
    sql << "SELECT COUNT(*) FROM core_mail_outbox", soci::into(n);
  else
    sql << "SELECT COUNT(*) FROM core_mail_outbox WHERE state = :s", soci::use(state),
        soci::into(n);
  if (total) *total = n;
  std::vector<OutboxItem> out;
  long long off = offset;
  std::string q = std::string(kColumns) + where + " ORDER BY id DESC LIMIT :l OFFSET :o";
  soci::rowset<soci::row> rows =
      state.empty() ? (sql.prepare << q, soci::use(limit), soci::use(off))
                    : (sql.prepare << q, soci::use(state), soci::use(limit), soci::use(off));
  for (const auto& r : rows) out.push_back(ItemOf(r));
  return out;
}

Result<OutboxItem> GetOutboxItem(soci::session& sql, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kColumns) + " WHERE id = :i", soci::use(key));
  for (const auto& r : rows) return ItemOf(r);
  return Status::NotFound("mail.not_found", "Fant ingen e-post med id " + std::to_string(id) + ".");
}

SendReport SendPending(storage::Database& db, const SmtpConfig& c, bool all, std::stop_token stop,
                       std::int64_t now_ms) {
  struct Due {
    long long id, created_ms;
    int attempts;
    std::string message_id, to, subject, body;
  };
  std::vector<Due> due;
  {
    auto s = db.Acquire();
    long long now = now_ms;
    soci::rowset<soci::row> rows =
        (s.sql().prepare << "SELECT id, message_id, to_json, subject, body, created_ms, attempts "
                            "FROM core_mail_outbox WHERE state = 'pending' AND "
                            "(next_attempt_ms <= :n OR 1 = :a) ORDER BY id LIMIT 200",
         soci::use(now), soci::use(all ? 1 : 0));
    for (const auto& r : rows)
      due.push_back({jobs::RowInt(r, 0), jobs::RowInt(r, 5), static_cast<int>(jobs::RowInt(r, 6)),
                     r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                     r.get<std::string>(4)});
  }
  SendReport report;
  for (const auto& d : due) {
    if (stop.stop_requested()) break;
    Message m;
    m.from = {c.from, c.from_name};
    m.to = FromJson(d.to);
    m.subject = d.subject;
    m.text = d.body;
    m.message_id = d.message_id;
    m.date_ms = d.created_ms;
    std::vector<std::string> rcpts;
    for (const auto& a : m.to) rcpts.push_back(a.email);
    Status st = SendSmtp(c, rcpts, BuildMessage(m));
    const std::int64_t now = jobs::NowMs();
    auto s = db.Acquire();
    storage::WriteTx tx(s);
    int attempts = d.attempts + 1;
    if (st.ok()) {
      std::string at = jobs::IsoUtc(now);
      s.sql() << "UPDATE core_mail_outbox SET state = 'sent', attempts = :a, sent_at = :t, "
                 "last_error = NULL WHERE id = :i AND state = 'pending'",
          soci::use(attempts), soci::use(at), soci::use(d.id);
      ++report.sent;
    } else {
      std::string err = Clip(st.detail().empty() ? st.message() : st.detail());
      std::string state = attempts >= kMaxAttempts ? "failed" : "pending";
      long long next = now + jobs::BackoffMs(attempts);
      s.sql() << "UPDATE core_mail_outbox SET state = :st, attempts = :a, last_error = :e, "
                 "next_attempt_ms = :n WHERE id = :i AND state = 'pending'",
          soci::use(state), soci::use(attempts), soci::use(err), soci::use(next), soci::use(d.id);
      ++report.failed;
      report.last_error = err;
      spdlog::warn(R"({{"msg":"mail not sent","id":{},"attempt":{},"error":{}}})", d.id, attempts,
                   nlohmann::json(err).dump());
    }
    tx.Commit();
  }
  return report;
}

SmtpConfig ResolveSmtp(std::string url, std::string from) {
  auto env = [](const char* k) {
    const char* v = std::getenv(k);
    return std::string(v ? v : "");
  };
  SmtpConfig c;
  c.url = url.empty() ? env("SAMKJOP_SMTP_URL") : std::move(url);
  c.from = from.empty() ? env("SAMKJOP_MAIL_FROM") : std::move(from);
  c.user = env("SAMKJOP_SMTP_USER");
  c.password = env("SAMKJOP_SMTP_PASSWORD");
  return c;
}

jobs::JobSpec SendMailJob() {
  jobs::JobSpec j;
  j.name = "core.send_mail";
  j.description_nb = "Sender ventende e-post fra utboksen over SMTP";
  j.description_en = "Sends pending mail from the outbox over SMTP";
  j.schedule.kind = jobs::Schedule::Kind::kEvery;
  j.schedule.every_seconds = 60;
  j.max_attempts = 3;
  j.run = [](jobs::JobContext& ctx) -> Status {
    const SmtpConfig& c = ctx.services.smtp;
    if (!c.configured()) {
      if (ctx.manual)
        return Status::Precondition("mail.not_configured",
                                    "E-post er ikke satt opp (--smtp-url og --mail-from); "
                                    "e-posten blir liggende i utboksen.");
      return Status::Ok();
    }
    SendReport r = SendPending(ctx.services.db, c, ctx.manual, ctx.stop, jobs::NowMs());
    if (r.failed)
      return Status(ErrorCode::kUnavailable, "mail.send_failed",
                    std::to_string(r.failed) + " av " + std::to_string(r.failed + r.sent) +
                        " e-poster ble ikke sendt; de prøves igjen.",
                    {}, r.last_error);
    return Status::Ok();
  };
  return j;
}

}  // namespace samkjop::core::mail
