-- motcua schema v1. Times are integer milliseconds since the Unix epoch (UTC).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name            TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'admin')),
  active               INTEGER NOT NULL DEFAULT 1,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,            -- sha256 of the cookie token: a stolen database holds no usable token
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;

CREATE TABLE services (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_vi       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  prefix        TEXT NOT NULL,
  group_vi      TEXT NOT NULL DEFAULT '',
  group_en      TEXT NOT NULL DEFAULT '',
  icon          TEXT NOT NULL DEFAULT '',
  start_number  INTEGER NOT NULL DEFAULT 1 CHECK (start_number >= 0),
  end_number    INTEGER NOT NULL DEFAULT 999,
  daily_max     INTEGER NOT NULL DEFAULT 999 CHECK (daily_max >= 0),
  active        INTEGER NOT NULL DEFAULT 1,
  display_order INTEGER NOT NULL DEFAULT 0,
  CHECK (end_number >= start_number)
) STRICT;

CREATE TABLE counters (
  id                     INTEGER PRIMARY KEY,
  number                 INTEGER NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  area                   TEXT NOT NULL DEFAULT '',
  active                 INTEGER NOT NULL DEFAULT 1,
  staff_id               INTEGER REFERENCES users(id),
  session_id             TEXT,
  normals_since_priority INTEGER NOT NULL DEFAULT 0
) STRICT;
-- A staff member works at one counter at a time.
CREATE UNIQUE INDEX counters_one_per_staff ON counters(staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  weight     INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (counter_id, service_id)
) STRICT;

-- How many tickets each service issued in a queue day: the source of the next ordinal.
CREATE TABLE service_days (
  service_id INTEGER NOT NULL REFERENCES services(id),
  queue_day  TEXT NOT NULL,
  issued     INTEGER NOT NULL,
  PRIMARY KEY (service_id, queue_day)
) STRICT, WITHOUT ROWID;

CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  tracking_id       TEXT NOT NULL UNIQUE,
  issued_service_id INTEGER NOT NULL REFERENCES services(id),
  service_id        INTEGER NOT NULL REFERENCES services(id),
  business_day      TEXT NOT NULL,
  queue_day         TEXT NOT NULL,
  ordinal           INTEGER NOT NULL,
  number            TEXT NOT NULL,
  priority_group    TEXT,
  status            TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled')),
  sort_key          REAL NOT NULL,
  issued_at         INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  finished_at       INTEGER,
  counter_id        INTEGER REFERENCES counters(id),
  staff_id          INTEGER REFERENCES users(id),
  target_counter_id INTEGER REFERENCES counters(id),
  recall_count      INTEGER NOT NULL DEFAULT 0,
  no_show_count     INTEGER NOT NULL DEFAULT 0,
  transfer_count    INTEGER NOT NULL DEFAULT 0,
  -- A number is issued once per service and queue day; the database refuses a duplicate.
  UNIQUE (issued_service_id, queue_day, ordinal)
) STRICT;
CREATE INDEX tickets_queue ON tickets(queue_day, status, service_id, sort_key);
CREATE INDEX tickets_business_day ON tickets(business_day);
CREATE INDEX tickets_targeted ON tickets(target_counter_id, queue_day, status, sort_key) WHERE target_counter_id IS NOT NULL;
CREATE INDEX tickets_by_counter ON tickets(counter_id, queue_day, status) WHERE counter_id IS NOT NULL;
CREATE INDEX tickets_done ON tickets(queue_day, service_id, finished_at) WHERE status = 'done';
-- A counter has at most one current (called or serving) ticket.
CREATE UNIQUE INDEX tickets_one_current_per_counter ON tickets(counter_id) WHERE status IN ('called', 'serving');

-- Every transition of every ticket: the source of reports and the audit trail.
CREATE TABLE ticket_events (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  type       TEXT NOT NULL,
  at         INTEGER NOT NULL,
  counter_id INTEGER REFERENCES counters(id),
  staff_id   INTEGER REFERENCES users(id),
  data       TEXT
) STRICT;
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
CREATE INDEX ticket_events_type_at ON ticket_events(type, at);
