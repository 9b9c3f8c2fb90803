-- Printers that lack the QR command (issue 16): the ticket's QR code is drawn into the image instead.
ALTER TABLE printers ADD COLUMN qr_raster INTEGER NOT NULL DEFAULT 0;
-- The old default footer thanked the citizen for having waited, on a ticket printed before any wait.
UPDATE settings SET value = json_set(value, '$.footerText', 'Mời ông/bà theo dõi màn hình và loa gọi số.')
  WHERE key = 'ticketLayout' AND json_extract(value, '$.footerText') = 'Xin cảm ơn ông/bà đã chờ đến lượt.';
