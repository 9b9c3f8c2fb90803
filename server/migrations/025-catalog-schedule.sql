-- A province catalog edition the office admin applies before its effective date is scheduled, not applied: the hub
-- applies it itself at the start of that day (office time), as the admin who scheduled it. Cleared by "Hủy hẹn".
ALTER TABLE catalog_editions ADD COLUMN scheduled_at INTEGER;
ALTER TABLE catalog_editions ADD COLUMN scheduled_by INTEGER REFERENCES users (id);
