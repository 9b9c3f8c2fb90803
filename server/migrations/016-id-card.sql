-- Identifying the citizen with the QR on their chip ID card (issue 19). Luật 91/2025/QH15: minimise what is kept.

-- Secrets of this office, created once by the hub and never sent to any screen (the database file is 0600).
-- 'id_number_salt': the key of the salted hash of ID numbers kept on tickets and dossiers.
CREATE TABLE office_secrets (
  name       TEXT PRIMARY KEY,
  value      BLOB NOT NULL,
  created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- A ticket taken after a scan keeps only the salted hash of the ID number (to match bookings and dossiers); never the
-- name or address. Cleared with the priority group by the retention job.
ALTER TABLE tickets ADD COLUMN id_hash TEXT;
CREATE INDEX tickets_id_hash ON tickets(id_hash, queue_day) WHERE id_hash IS NOT NULL;

-- The same hash of the applicant's ID number, so a scan at the kiosk finds the person's open dossiers without a
-- search over personal fields. Filled by the hub for dossiers received before this version.
ALTER TABLE dossiers ADD COLUMN applicant_id_hash TEXT;
CREATE INDEX dossiers_applicant_id_hash ON dossiers(applicant_id_hash) WHERE applicant_id_hash IS NOT NULL;

-- Reads of personal data by a paired device (the kiosk listing a scanned citizen's dossiers), not only by staff.
ALTER TABLE personal_data_reads ADD COLUMN device_id INTEGER REFERENCES devices(id);
