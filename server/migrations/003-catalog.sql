-- Procedure catalog (thủ tục hành chính) and its accent-insensitive search index (issue 4).
CREATE TABLE fields (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_vi       TEXT NOT NULL,
  name_en       TEXT NOT NULL DEFAULT '',
  icon          TEXT NOT NULL DEFAULT '',
  display_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE procedures (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL,
  local_suffix TEXT NOT NULL DEFAULT '',
  name         TEXT NOT NULL,
  name_folded  TEXT NOT NULL,
  field_id     INTEGER NOT NULL REFERENCES fields(id),
  service_id   INTEGER REFERENCES services(id),
  active       INTEGER NOT NULL DEFAULT 1,
  updated_at   INTEGER NOT NULL,
  data         TEXT NOT NULL,               -- the full ProcedureInput as JSON (documents, fees, legal basis …)
  UNIQUE (code, local_suffix)
) STRICT;
CREATE INDEX procedures_field ON procedures(field_id, active);

-- Folded text (shared/text-fold.ts) of each procedure: name, and everything else worth finding. rowid = procedures.id.
CREATE VIRTUAL TABLE procedures_fts USING fts5(name, body, content='', contentless_delete=1, prefix='2 3');
