-- Notifications (core/notify): per user, newest first; a kind may ask for a
-- confirmation ("Jeg har lest dette"). `created_on` is the business date
-- (Europe/Oslo "today", pinned in tests) the governance report counts by;
-- `created_at`, `read_at`, `confirmed_at`, `emailed_at` are UTC instants.
-- `mail_state`: pending (not yet looked at by the mailer), sent (handed to
-- mail at emailed_at), none (never mailed: e-mail off, read before the
-- digest, no address).
CREATE TABLE notify_notifications (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES auth_users(id),
  kind TEXT NOT NULL,
  title_nb TEXT NOT NULL,
  title_en TEXT,
  body TEXT NOT NULL DEFAULT '',
  link TEXT,
  requires_confirmation INTEGER NOT NULL DEFAULT 0 CHECK (requires_confirmation IN (0, 1)),
  created_at TEXT NOT NULL,
  created_on TEXT NOT NULL,
  read_at TEXT,
  confirmed_at TEXT,
  mail_state TEXT NOT NULL DEFAULT 'pending' CHECK (mail_state IN ('pending', 'sent', 'none')),
  emailed_at TEXT,
  CHECK (confirmed_at IS NULL OR requires_confirmation = 1)
);
CREATE INDEX notify_notifications_user ON notify_notifications(user_id, id);
CREATE INDEX notify_notifications_kind ON notify_notifications(kind, created_on);
CREATE INDEX notify_notifications_mail ON notify_notifications(mail_state, user_id);
-- Per user and kind: e-mail off, at once, or in the daily digest. No row: the
-- kind's default.
CREATE TABLE notify_settings (
  user_id BIGINT NOT NULL REFERENCES auth_users(id),
  kind TEXT NOT NULL,
  email TEXT NOT NULL CHECK (email IN ('off', 'immediate', 'digest')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind)
);
-- One digest per user per business day.
CREATE TABLE notify_digests (
  user_id BIGINT NOT NULL REFERENCES auth_users(id),
  day TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  PRIMARY KEY (user_id, day)
);
