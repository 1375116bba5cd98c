#include "core/notify/mail.h"

#include <algorithm>
#include <set>

#include <soci/soci.h>

#include "core/nor/civil_date.h"
#include "core/storage/sql.h"

namespace samkjop::core::notify {
namespace {

// Header text: CR, LF and other controls become spaces.
std::string OneLine(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return s;
}

std::string NorwegianDate(const std::string& iso) {
  auto d = nor::ParseIsoDate(iso);
  return d ? nor::FormatNorwegianDate(*d) : iso;
}

std::string Greeting(const MailUser& user) {
  return user.name.empty() ? "Hei!\n\n" : "Hei, " + OneLine(user.name) + "!\n\n";
}

constexpr char kFooter[] =
    "\n-- \nDu får denne e-posten fra Samkjøp fordi du har valgt det i varselinnstillingene "
    "dine.\nDu kan endre valget under «Varsler» i Samkjøp";

std::string Footer(const std::string& base_url) {
  return std::string(kFooter) + ": " + LinkTo(base_url, "/varsler") + "\n";
}

}  // namespace

EmailMode ModeFor(const MailUser& user, const std::string& kind) {
  const Kind* k = FindKind(kind);
  if (!k) return EmailMode::kOff;
  auto it = user.settings.find(kind);
  return it != user.settings.end() ? it->second : k->default_email;
}

std::string LinkTo(const std::string& base_url, const std::string& path) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (path.empty()) return base.empty() ? "/" : base + "/";
  return base + (path[0] == '/' ? path : "/" + path);
}

NotificationMail ImmediateMail(const MailUser& user, const PendingNotification& n,
                               const std::string& base_url) {
  NotificationMail m;
  m.to_email = user.email;
  m.to_name = OneLine(user.name);
  m.subject = OneLine("Samkjøp: " + n.title);
  m.text = Greeting(user) + n.title + "\n";
  if (!n.body.empty()) m.text += "\n" + n.body + "\n";
  if (!n.link.empty()) m.text += "\nLes mer: " + LinkTo(base_url, n.link) + "\n";
  if (n.requires_confirmation)
    m.text += "\nDette varselet må bekreftes: åpne det i Samkjøp og velg «Jeg har lest dette».\n";
  m.text += Footer(base_url);
  m.notification_ids = {n.id};
  return m;
}

NotificationMail DigestMail(const MailUser& user, const std::vector<PendingNotification>& items,
                            const std::string& base_url, const std::string& today) {
  NotificationMail m;
  m.to_email = user.email;
  m.to_name = OneLine(user.name);
  const std::string count =
      items.size() == 1 ? "1 nytt varsel" : std::to_string(items.size()) + " nye varsler";
  m.subject = OneLine("Samkjøp: " + count + " " + NorwegianDate(today));
  m.text = Greeting(user) + "Du har " + count + " i Samkjøp som du ikke har lest:\n\n";
  for (const auto& n : items) {
    m.text += "- " + n.title;
    if (n.requires_confirmation) m.text += " (må bekreftes)";
    m.text += "\n";
    if (!n.link.empty()) m.text += "  " + LinkTo(base_url, n.link) + "\n";
    m.notification_ids.push_back(n.id);
  }
  m.text += "\nAlle varslene dine: " + LinkTo(base_url, "/varsler") + "\n";
  m.text += Footer(base_url);
  return m;
}

MailPlan PlanMails(const std::vector<PendingNotification>& pending_in,
                   const std::map<std::int64_t, MailUser>& users, bool digest_time,
                   const std::string& base_url, const std::string& today) {
  std::vector<PendingNotification> pending = pending_in;
  std::sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return a.user_id != b.user_id ? a.user_id < b.user_id : a.id < b.id;
  });
  MailPlan plan;
  std::size_t i = 0;
  while (i < pending.size()) {
    const std::int64_t uid = pending[i].user_id;
    std::size_t end = i;
    while (end < pending.size() && pending[end].user_id == uid) ++end;
    auto u = users.find(uid);
    std::vector<PendingNotification> digest;
    for (std::size_t j = i; j < end; ++j) {
      const auto& n = pending[j];
      if (u == users.end() || !u->second.active || u->second.email.empty()) {
        plan.not_mailed.push_back(n.id);
        continue;
      }
      switch (ModeFor(u->second, n.kind)) {
        case EmailMode::kOff: plan.not_mailed.push_back(n.id); break;
        case EmailMode::kImmediate:
          if (n.read)
            plan.not_mailed.push_back(n.id);
          else
            plan.mails.push_back(ImmediateMail(u->second, n, base_url));
          break;
        case EmailMode::kDigest:
          if (!digest_time || u->second.digest_sent_today) break;  // stays pending
          if (n.read)
            plan.not_mailed.push_back(n.id);
          else
            digest.push_back(n);
          break;
      }
    }
    if (!digest.empty()) {
      plan.mails.push_back(DigestMail(u->second, digest, base_url, today));
      plan.digest_users.push_back(uid);
    }
    i = end;
  }
  return plan;
}

std::vector<NotificationMail> TakeMails(soci::session& tx, const TakeOptions& o) {
  const bool pg = storage::IsPostgres(tx);
  std::vector<PendingNotification> pending;
  std::map<std::int64_t, MailUser> users;
  {
    PendingNotification r;
    long long id = 0, uid = 0;
    int active = 1, confirm = 0;
    std::string link, read_at;
    soci::indicator link_ind, read_ind;
    soci::statement st =
        (tx.prepare << std::string("SELECT n.id, n.user_id, n.kind, n.title_nb, n.body, n.link, "
                                   "n.read_at, n.requires_confirmation, u.active "
                                   "FROM notify_notifications n JOIN auth_users u ON u.id = "
                                   "n.user_id WHERE n.mail_state = 'pending' "
                                   "ORDER BY n.user_id, n.id") +
                           (pg ? " FOR UPDATE OF n SKIP LOCKED" : ""),
         soci::into(id), soci::into(uid), soci::into(r.kind), soci::into(r.title),
         soci::into(r.body), soci::into(link, link_ind), soci::into(read_at, read_ind),
         soci::into(confirm), soci::into(active));
    st.execute(false);
    while (st.fetch()) {
      PendingNotification n = r;
      n.id = id;
      n.user_id = uid;
      n.link = storage::OrEmpty(link, link_ind);
      n.read = read_ind == soci::i_ok;
      n.requires_confirmation = confirm != 0;
      pending.push_back(std::move(n));
      if (!users.count(uid)) users[uid].active = active != 0;
    }
  }
  if (pending.empty()) return {};
  for (auto& [uid, u] : users) {
    if (o.recipient) {
      Recipient who = o.recipient(tx, uid);
      u.email = who.email;
      u.name = who.name;
    }
    for (const auto& s : SettingsFor(tx, uid)) u.settings[s.kind] = s.email;
    long long id = uid, n = 0;
    tx << "SELECT COUNT(*) FROM notify_digests WHERE user_id = :u AND day = :d", soci::use(id),
        soci::use(o.today), soci::into(n);
    u.digest_sent_today = n > 0;
  }
  MailPlan plan = PlanMails(pending, users, o.digest_time, o.base_url, o.today);
  const std::string now = nor::NowUtcIso();
  std::vector<std::int64_t> sent;
  for (const auto& m : plan.mails)
    sent.insert(sent.end(), m.notification_ids.begin(), m.notification_ids.end());
  // In chunks of ids (integers we read ourselves, so safe to splice): one statement per chunk,
  // not one per row.
  auto mark = [&tx](const std::vector<std::int64_t>& ids, const std::string& set) {
    constexpr std::size_t kChunk = 500;
    for (std::size_t i = 0; i < ids.size(); i += kChunk) {
      std::string in;
      for (std::size_t j = i; j < std::min(ids.size(), i + kChunk); ++j)
        in += (in.empty() ? "" : ",") + std::to_string(ids[j]);
      tx << "UPDATE notify_notifications SET " + set + " WHERE mail_state = 'pending' AND id IN (" +
                in + ")";
    }
  };
  mark(sent, "mail_state = 'sent', emailed_at = '" + now + "'");
  mark(plan.not_mailed, "mail_state = 'none'");
  for (long long uid : plan.digest_users)
    tx << "INSERT INTO notify_digests (user_id, day, sent_at) VALUES (:u, :d, :t)", soci::use(uid),
        soci::use(o.today), soci::use(now);
  return plan.mails;
}

}  // namespace samkjop::core::notify
