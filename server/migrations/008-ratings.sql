-- Citizen satisfaction ratings and rating tablets bound to a counter (issue 8).

-- A rating tablet stands at one counter: it receives the tickets that counter finishes.
ALTER TABLE devices ADD COLUMN counter_id INTEGER REFERENCES counters(id);

-- One rating per served ticket. Who and where are copied from the ticket when it is rated (the server decides,
-- never the client), so reports by staff, counter and service need no join and survive later edits.
CREATE TABLE ratings (
  id           INTEGER PRIMARY KEY,
  ticket_id    INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
  level        TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'neutral', 'unsatisfied', 'very_unsatisfied')),
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  scale        INTEGER NOT NULL CHECK (scale IN (3, 5)),
  reason       TEXT,
  criteria     TEXT,                      -- JSON object: criterion → level
  staff_id     INTEGER REFERENCES users(id),
  counter_id   INTEGER REFERENCES counters(id),
  service_id   INTEGER NOT NULL REFERENCES services(id),
  business_day TEXT NOT NULL,             -- the ticket's business day: reports count a visit in the period it happened
  source       TEXT NOT NULL CHECK (source IN ('device', 'phone')),
  device_id    INTEGER REFERENCES devices(id),
  rated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX ratings_day ON ratings(business_day);
CREATE INDEX ratings_staff ON ratings(staff_id, business_day);
CREATE INDEX ratings_counter ON ratings(counter_id, business_day);
CREATE INDEX ratings_service ON ratings(service_id, business_day);
