-- Appointments glued to the ID card and to notifications (issues 18, 19, 20).

-- The salted hash of the booking's ID number (HMAC with the office's id_number_salt, as on tickets and dossiers): a
-- CCCD scan at the kiosk finds today's booking of that person by it. Blanked with the other personal fields.
ALTER TABLE appointments ADD COLUMN id_hash TEXT;
CREATE INDEX appointments_id_hash ON appointments(id_hash, day) WHERE id_hash IS NOT NULL;

-- When the day-before reminder was put in the outbox (once per booking; NULL: not yet).
ALTER TABLE appointments ADD COLUMN reminded_at INTEGER;
