-- Staff reading a booking's citizen (name and phone, on the counters' list of today's bookings) is logged like a read of
-- a dossier's applicant (Luật 91/2025/QH15: log who read personal data): a read is now of a dossier or of a booking.
-- SQLite cannot drop a NOT NULL, so the table is rebuilt with its rows, ids and indexes.
CREATE TABLE personal_data_reads_new (
  id             INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  user_id        INTEGER REFERENCES users(id),
  ip             TEXT,
  dossier_id     INTEGER REFERENCES dossiers(id),
  kind           TEXT NOT NULL CHECK (kind IN ('view', 'list', 'export')),
  fields         TEXT NOT NULL,
  api_key_id     INTEGER REFERENCES api_keys(id),
  device_id      INTEGER REFERENCES devices(id),
  appointment_id INTEGER REFERENCES appointments(id),
  CHECK ((dossier_id IS NULL) <> (appointment_id IS NULL))
) STRICT;
INSERT INTO personal_data_reads_new (id, at, user_id, ip, dossier_id, kind, fields, api_key_id, device_id)
  SELECT id, at, user_id, ip, dossier_id, kind, fields, api_key_id, device_id FROM personal_data_reads;
DROP TABLE personal_data_reads;
ALTER TABLE personal_data_reads_new RENAME TO personal_data_reads;
CREATE INDEX personal_data_reads_dossier ON personal_data_reads(dossier_id, id) WHERE dossier_id IS NOT NULL;
CREATE INDEX personal_data_reads_appointment ON personal_data_reads(appointment_id, user_id, at) WHERE appointment_id IS NOT NULL;
CREATE INDEX personal_data_reads_user ON personal_data_reads(user_id, id);
CREATE INDEX personal_data_reads_at ON personal_data_reads(at);
