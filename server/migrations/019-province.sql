-- The province hub (HUB_ROLE=province): the offices it rolls up, what they sent, and their last heartbeat.
-- No personal data: offices send figures and events, never names, ID numbers or phone numbers.
CREATE TABLE province_offices (
  id                INTEGER PRIMARY KEY,
  code              TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  enroll_token_hash TEXT,
  enroll_expires_at INTEGER,
  credential_hash   TEXT    UNIQUE,
  enrolled_at       INTEGER,
  revoked_at        INTEGER,
  created_at        INTEGER NOT NULL
);

-- Every record an office sent, once: (office, seq) is its identity, so a resend changes nothing.
CREATE TABLE province_records (
  office_id   INTEGER NOT NULL REFERENCES province_offices (id),
  seq         INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (office_id, seq)
) WITHOUT ROWID;

-- An office's day figures per service, as of the latest record (by seq) that carried them.
CREATE TABLE province_day_figures (
  office_id     INTEGER NOT NULL REFERENCES province_offices (id),
  day           TEXT    NOT NULL,
  service_code  TEXT    NOT NULL,
  service_name  TEXT    NOT NULL,
  seq           INTEGER NOT NULL,
  tickets       INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  no_show       INTEGER NOT NULL,
  wait_seconds  INTEGER NOT NULL,
  waited        INTEGER NOT NULL,
  serve_seconds INTEGER NOT NULL,
  PRIMARY KEY (office_id, day, service_code)
) WITHOUT ROWID;

CREATE TABLE province_heartbeats (
  office_id            INTEGER PRIMARY KEY REFERENCES province_offices (id),
  received_at          INTEGER NOT NULL,
  sent_at              INTEGER NOT NULL,
  waiting              INTEGER NOT NULL,
  longest_wait_minutes INTEGER NOT NULL,
  open_counters        INTEGER NOT NULL,
  printers_down        INTEGER NOT NULL,
  version              TEXT    NOT NULL
);
