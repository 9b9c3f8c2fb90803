-- Wall display configurations (issue 6): a TV opens /display/?id=<id>. The settings are one JSON document
-- (shared/schemas/display.ts DisplayInput), validated by the route schema before it is written.
CREATE TABLE displays (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
