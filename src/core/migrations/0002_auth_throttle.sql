-- Throttling per key ("u:<username>" for an account, "ip:<address>" for a client
-- address), in milliseconds so a one-second lock is one second. The lock is derived:
-- after `failures` counted attempts (failures >= the key's limit) the key is locked
-- until last_ms + min(first_lock * 2^(failures - limit), 900 s) (core/auth/throttle.h).
-- Replaces auth_login_throttle (seconds, stored lock, counted after verifying); its rows
-- are transient and are not carried over.
CREATE TABLE auth_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_ms BIGINT NOT NULL
);
DROP TABLE auth_login_throttle;
