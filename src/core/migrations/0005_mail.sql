-- The e-mail outbox (core/mail): a mail is inserted in the transaction of the change
-- that causes it and sent by the job core.send_mail. Nothing is deleted: a mail is
-- pending until sent, or failed after its last attempt (still shown). message_id and
-- created_at (the Date header) are fixed at enqueue, so a resend is the same message.
CREATE TABLE core_mail_outbox (
  id {{id}},
  message_id TEXT NOT NULL UNIQUE,
  to_json TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_ms BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  sent_at TEXT
);
CREATE INDEX core_mail_outbox_due ON core_mail_outbox(state, next_attempt_ms);
