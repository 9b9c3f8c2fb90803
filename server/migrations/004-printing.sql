-- Ticket printers and the persisted print job queue (issue 5).
-- One row per printer; `device_id` ties it to a paired kiosk. The row with `from_env = 1` is the default printer
-- set by the PRINTER environment variable (its address is rewritten from the environment on every start).
CREATE TABLE printers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  device_id   INTEGER UNIQUE REFERENCES devices(id),
  type        TEXT NOT NULL DEFAULT 'epson' CHECK (type IN ('epson', 'star')),
  address     TEXT NOT NULL,
  paper_width INTEGER NOT NULL DEFAULT 80 CHECK (paper_width IN (58, 80)),
  enabled     INTEGER NOT NULL DEFAULT 1,
  from_env    INTEGER NOT NULL DEFAULT 0,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX printers_one_env ON printers(from_env) WHERE from_env = 1;

-- A job is printed at most once after it succeeds: `status` moves pending → done (or expired/cancelled), never back.
CREATE TABLE print_jobs (
  id              INTEGER PRIMARY KEY,
  printer_id      INTEGER NOT NULL REFERENCES printers(id) ON DELETE CASCADE,
  ticket_id       INTEGER REFERENCES tickets(id),
  kind            TEXT NOT NULL CHECK (kind IN ('ticket', 'reprint', 'test')),
  payload         TEXT NOT NULL,             -- the TicketPrint as JSON: what the paper says
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'expired', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,          -- process clock (Date.now), for backoff
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  printed_at      INTEGER
) STRICT;
CREATE INDEX print_jobs_pending ON print_jobs(printer_id, status, id);
CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
