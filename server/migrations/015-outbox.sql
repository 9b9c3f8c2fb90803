-- Integrations (issue 20): the transactional outbox, webhook endpoints and their deliveries, API keys.

-- The office's event stream. A row is written in the same transaction as the change it reports, so a change without
-- its event (or the reverse) cannot exist. `seq` orders the stream; `data` may hold personal fields, stripped when
-- sent to an endpoint not allowed them.
CREATE TABLE outbox_events (
  seq  INTEGER PRIMARY KEY AUTOINCREMENT,
  id   TEXT NOT NULL UNIQUE,              -- the webhook-id header: the same on every attempt
  type TEXT NOT NULL,
  at   INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;

-- Where each consumer (a webhook endpoint "webhook:<id>", later the province sync) stands in the stream.
CREATE TABLE outbox_cursors (
  consumer TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One event's delivery to one consumer: taken from the stream in order, one pending at a time per consumer.
CREATE TABLE outbox_deliveries (
  id              INTEGER PRIMARY KEY,
  consumer        TEXT NOT NULL,
  event_seq       INTEGER NOT NULL REFERENCES outbox_events(seq),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  next_at         INTEGER,
  last_attempt_at INTEGER,
  last_code       INTEGER,
  last_error      TEXT,
  delivered_at    INTEGER
) STRICT;
CREATE INDEX outbox_deliveries_pending ON outbox_deliveries(consumer, id) WHERE status = 'pending';
CREATE INDEX outbox_deliveries_consumer ON outbox_deliveries(consumer, id);

CREATE TABLE webhook_endpoints (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL,
  events        TEXT NOT NULL,            -- JSON array of event types
  personal_data INTEGER NOT NULL DEFAULT 0,
  enabled       INTEGER NOT NULL DEFAULT 1,
  secret        TEXT NOT NULL,            -- whsec_…: needed in clear to sign
  -- After a rotation the old secret also signs for a day, so a receiver can switch without losing an event.
  previous_secret TEXT,
  previous_until  INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

-- Keys for machines: only a hash is kept; the key is shown once.
CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  scopes       TEXT NOT NULL,             -- JSON array
  prefix       TEXT NOT NULL,
  key_hash     TEXT NOT NULL UNIQUE,      -- sha256 of the key
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
) STRICT;

-- The audit log names the API key behind a machine's action.
ALTER TABLE audit_log ADD COLUMN api_key_id INTEGER REFERENCES api_keys(id);
-- The access log names the API key of a machine that read a dossier's personal fields.
ALTER TABLE personal_data_reads ADD COLUMN api_key_id INTEGER REFERENCES api_keys(id);
