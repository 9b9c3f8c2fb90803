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

-- Retention (the office's settings, key 'privacy'): a nightly job anonymises what is older than each period.
-- A dossier's applicant fields outside the tracking book's legal columns (Mẫu 06: name or organisation, address,
-- phone) are blanked once the dossier is closed for the period; this marks when.
ALTER TABLE dossiers ADD COLUMN anonymised_at INTEGER;
CREATE INDEX dossiers_closed_pending ON dossiers(updated_at) WHERE anonymised_at IS NULL AND status IN ('returned', 'refused', 'withdrawn');

-- The audit log stays append-only, except that retention may blank a row's address and details (who did what, when
-- and to what are kept).
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  WHEN NOT (NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_id IS OLD.user_id AND NEW.device_id IS OLD.device_id
            AND NEW.action = OLD.action AND NEW.target_type IS OLD.target_type AND NEW.target_id IS OLD.target_id
            AND NEW.ip IS NULL AND NEW.details IS NULL)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
