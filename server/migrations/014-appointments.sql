-- Online appointments (đặt lịch hẹn, issue 18): per-service rules, staff blocks, bookings merged into the queue.

-- One row per service that was ever configured; a service without a row takes the default rule (bookings off).
-- `rule` is the JSON of AppointmentRule (shared/schemas/appointment.ts).
CREATE TABLE appointment_rules (
  service_id  INTEGER PRIMARY KEY REFERENCES services(id),
  rule        TEXT NOT NULL
) STRICT;

-- A staff block: a whole day (start NULL) or one slot (its local start "HH:MM"), of one service or all (service_id NULL).
CREATE TABLE appointment_blocks (
  id          INTEGER PRIMARY KEY,
  service_id  INTEGER REFERENCES services(id),
  date        TEXT NOT NULL,
  start       TEXT,
  reason      TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX appointment_blocks_date ON appointment_blocks(date);

-- Bookings. Times are epoch ms; the check-in window is fixed at booking (a later rule change does not move it).
-- Personal data (name, phone, ID number) is blanked by the retention job after the office's period (anonymised_at).
CREATE TABLE appointments (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  cancel_token_hash TEXT NOT NULL,
  service_id        INTEGER NOT NULL REFERENCES services(id),
  procedure_id      INTEGER REFERENCES procedures(id),
  day               TEXT NOT NULL,              -- local date of the slot
  slot_start        INTEGER NOT NULL,
  slot_end          INTEGER NOT NULL,
  checkin_from      INTEGER NOT NULL,
  checkin_until     INTEGER NOT NULL,
  late_rule         TEXT NOT NULL CHECK (late_rule IN ('ticket', 'refuse')),
  full_name         TEXT NOT NULL,
  phone             TEXT NOT NULL,              -- digits only
  id_number         TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked_in', 'missed', 'cancelled')),
  created_at        INTEGER NOT NULL,
  checked_in_at     INTEGER,
  late              INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  ticket_id         INTEGER REFERENCES tickets(id),
  missed_at         INTEGER,
  cancelled_at      INTEGER,
  cancelled_by      INTEGER REFERENCES users(id),
  cancel_reason     TEXT,
  anonymised_at     INTEGER
) STRICT;
CREATE INDEX appointments_slot ON appointments(service_id, slot_start) WHERE status <> 'cancelled';
CREATE INDEX appointments_day ON appointments(day, service_id);
CREATE INDEX appointments_phone ON appointments(phone, day);
CREATE INDEX appointments_id_number ON appointments(id_number, day) WHERE id_number <> '';
CREATE INDEX appointments_pending ON appointments(checkin_until) WHERE status = 'booked';
CREATE INDEX appointments_ticket ON appointments(ticket_id) WHERE ticket_id IS NOT NULL;
