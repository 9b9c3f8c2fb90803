-- Personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, in force 01/01/2026).

-- The public dossier lookup needs a second factor besides the sequential code: a random check code printed on the
-- receipt (or the last 4 digits of the applicant's phone). Dossiers received before this version get one too; their
-- printed receipts do not show it, so those citizens use their phone's last digits or ask at a counter.
ALTER TABLE dossiers ADD COLUMN check_code TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET check_code =
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (abs(random()) % 31) + 1, 1);

-- Access log: every read of a dossier's personal fields by staff (who, when, which dossier, what), one row per dossier
-- read. Searched by supervisors; anonymised with the audit rows after the office's retention period.
CREATE TABLE personal_data_reads (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  ip          TEXT,
  dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
  kind        TEXT NOT NULL CHECK (kind IN ('view', 'list', 'export')),
  fields      TEXT NOT NULL               -- what was shown, e.g. "name,address,phone" or "applicant" (every field)
) STRICT;
CREATE INDEX personal_data_reads_dossier ON personal_data_reads(dossier_id, id);
CREATE INDEX personal_data_reads_user ON personal_data_reads(user_id, id);
CREATE INDEX personal_data_reads_at ON personal_data_reads(at);
