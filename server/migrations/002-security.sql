-- Devices, pairing, audit log, account lockout (issue 3).
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until INTEGER;

CREATE TABLE devices (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating')),
  token_hash   TEXT NOT NULL UNIQUE,      -- sha256 of the device cookie; the token itself is never stored
  paired_at    INTEGER NOT NULL,
  paired_by    INTEGER REFERENCES users(id),
  last_seen_at INTEGER,
  revoked_at   INTEGER
) STRICT;

-- A device asks to be paired and shows `code`; an admin enters the code; the device collects its token once.
CREATE TABLE pairing_requests (
  id         TEXT PRIMARY KEY,            -- random secret known only to the asking device
  code       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  device_id  INTEGER REFERENCES devices(id),
  token      TEXT                         -- handed to the device once, then cleared
) STRICT;
CREATE UNIQUE INDEX pairing_open_code ON pairing_requests(code) WHERE device_id IS NULL;

-- Every staff and admin action: who, when, from where, what changed. Append-only.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  device_id   INTEGER REFERENCES devices(id),
  ip          TEXT,
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  details     TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user_id, at);
CREATE INDEX audit_log_action ON audit_log(action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
