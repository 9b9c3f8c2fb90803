-- One-stop dossiers (hồ sơ): intake, appointment dates, tracking, return (issue 7; Nghị định 118/2025/NĐ-CP).

-- Days the office calendar marks differently from the generated default: compensatory days off, make-up working
-- Saturdays, the Government's yearly Tết decision (shared/working-days.ts).
CREATE TABLE calendar_days (
  date       TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  working    INTEGER NOT NULL CHECK (working IN (0, 1)),
  name       TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
) STRICT;

-- Daily sequence of dossier codes per receiving unit: bumped inside the intake transaction.
CREATE TABLE dossier_sequences (
  unit_code TEXT NOT NULL,
  day       TEXT NOT NULL,               -- local "YYYY-MM-DD"
  last      INTEGER NOT NULL,
  PRIMARY KEY (unit_code, day)
) STRICT;

CREATE TABLE dossiers (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  seq                INTEGER NOT NULL,
  procedure_id       INTEGER NOT NULL REFERENCES procedures(id),
  procedure_code     TEXT NOT NULL,      -- snapshot: the listing may change after intake
  procedure_name     TEXT NOT NULL,
  field_id           INTEGER NOT NULL REFERENCES fields(id),
  agency             TEXT NOT NULL,      -- deciding agency (cơ quan chủ trì giải quyết)
  status             TEXT NOT NULL CHECK (status IN ('received', 'transferred', 'processing', 'supplement_requested',
                                                     'result_ready', 'returned', 'refused', 'withdrawn')),
  applicant          TEXT NOT NULL,      -- ApplicantSchema as JSON
  applicant_name     TEXT NOT NULL,
  applicant_folded   TEXT NOT NULL,      -- accent-folded name, ID number and phone, for search
  sets               INTEGER NOT NULL,
  fees_collected     INTEGER NOT NULL,
  delivery           TEXT NOT NULL CHECK (delivery IN ('counter', 'post', 'online')),
  notes              TEXT NOT NULL,
  reason             TEXT NOT NULL,      -- of the supplement request or refusal
  limit_kind         TEXT NOT NULL,
  limit_value        REAL,
  limit_cutoff       INTEGER NOT NULL,
  limit_text         TEXT NOT NULL,
  received_at        INTEGER,            -- clock start: null while an intake supplement is pending
  due_at             INTEGER,
  original_due_at    INTEGER,            -- first due date, kept when rescheduled (Mẫu 04)
  paused_at          INTEGER,            -- supplement pause start
  supplement_count   INTEGER NOT NULL DEFAULT 0 CHECK (supplement_count <= 1),
  returned_at        INTEGER,
  ticket_id          INTEGER REFERENCES tickets(id),
  received_by        INTEGER NOT NULL REFERENCES users(id),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX dossiers_created ON dossiers(created_at);
CREATE INDEX dossiers_status_due ON dossiers(status, due_at);
CREATE INDEX dossiers_procedure ON dossiers(procedure_id, created_at);
CREATE INDEX dossiers_field ON dossiers(field_id, created_at);

CREATE TABLE dossier_documents (
  dossier_id       INTEGER NOT NULL REFERENCES dossiers(id),
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL,
  originals        INTEGER NOT NULL,
  certified_copies INTEGER NOT NULL,
  copies           INTEGER NOT NULL,
  missing          INTEGER NOT NULL CHECK (missing IN (0, 1)),
  PRIMARY KEY (dossier_id, position)
) STRICT;

-- Every status change: who, when, from → to (the source of Mẫu 05). Append-only.
CREATE TABLE dossier_events (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
  at          INTEGER NOT NULL,
  type        TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  note        TEXT NOT NULL DEFAULT '',
  agency      TEXT NOT NULL DEFAULT '',
  data        TEXT
) STRICT;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events BEGIN SELECT RAISE(ABORT, 'dossier log is append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events BEGIN SELECT RAISE(ABORT, 'dossier log is append-only'); END;
