-- The province hub's day facts (issue 21): per counter and staff member, per field (Biểu II.06a) and ratings, as of
-- the latest record (by seq) of each office's business day. A later record of a day replaces all of that day's rows;
-- an earlier one arriving late changes nothing. Staff are known by username only; no citizen data is held.
CREATE TABLE province_office_days (
  office_id INTEGER NOT NULL REFERENCES province_offices (id),
  day       TEXT    NOT NULL,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (office_id, day)
) WITHOUT ROWID;

-- Queue figures per counter (kind 'counter', key its name) and per staff member (kind 'staff', key the username).
CREATE TABLE province_day_groups (
  office_id     INTEGER NOT NULL REFERENCES province_offices (id),
  day           TEXT    NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('counter', 'staff')),
  key           TEXT    NOT NULL,
  tickets       INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  no_show       INTEGER NOT NULL,
  wait_seconds  INTEGER NOT NULL,
  waited        INTEGER NOT NULL,
  serve_seconds INTEGER NOT NULL,
  PRIMARY KEY (office_id, day, kind, key)
) WITHOUT ROWID;

-- Dossier figures per field of one day; in progress as at the day's end.
CREATE TABLE province_day_fields (
  office_id           INTEGER NOT NULL REFERENCES province_offices (id),
  day                 TEXT    NOT NULL,
  field_code          TEXT    NOT NULL,
  field_name          TEXT    NOT NULL,
  received            INTEGER NOT NULL,
  received_online     INTEGER NOT NULL,
  received_in_person  INTEGER NOT NULL,
  resolved_early      INTEGER NOT NULL,
  resolved_on_time    INTEGER NOT NULL,
  resolved_late       INTEGER NOT NULL,
  returned            INTEGER NOT NULL,
  refused             INTEGER NOT NULL,
  withdrawn           INTEGER NOT NULL,
  in_progress_on_time INTEGER NOT NULL,
  in_progress_overdue INTEGER NOT NULL,
  PRIMARY KEY (office_id, day, field_code)
) WITHOUT ROWID;
CREATE INDEX province_day_fields_day ON province_day_fields (day);

-- Ratings of one day per receiving staff member ('' when none) and level.
CREATE TABLE province_day_ratings (
  office_id INTEGER NOT NULL REFERENCES province_offices (id),
  day       TEXT    NOT NULL,
  staff     TEXT    NOT NULL,
  level     TEXT    NOT NULL,
  count     INTEGER NOT NULL,
  PRIMARY KEY (office_id, day, staff, level)
) WITHOUT ROWID;
CREATE INDEX province_day_ratings_day ON province_day_ratings (day);

-- Clock skew of the office's last heartbeat: the province's receive time minus the office's sentAt (ms).
ALTER TABLE province_heartbeats ADD COLUMN clock_skew_ms INTEGER;
