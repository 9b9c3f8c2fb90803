-- The office hub's link to its province hub (issue 21): one row while connected. The credential is the office's
-- secret at the province (like a webhook's secret: kept here, never sent to any screen; the database file is 0600).
CREATE TABLE province_link (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  url               TEXT    NOT NULL,
  code              TEXT    NOT NULL,
  office_id         INTEGER NOT NULL,
  credential        TEXT    NOT NULL,
  connected_at      INTEGER NOT NULL,
  last_sync_at      INTEGER,
  last_heartbeat_at INTEGER,
  -- The last failed exchange with the province (null once one succeeds again).
  last_error        TEXT,
  last_error_at     INTEGER
) STRICT;
