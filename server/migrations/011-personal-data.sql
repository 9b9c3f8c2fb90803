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
