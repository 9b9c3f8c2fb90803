-- Notifications to citizens (issue 20): the phone a citizen gave for their ticket, and each message sent.

-- Given on the phone's tracking page with consent; personal data, removed with the ticket's other personal data.
CREATE TABLE ticket_contacts (
  ticket_id  INTEGER PRIMARY KEY REFERENCES tickets(id),
  phone      TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- One row per message (channel, kind, target): a message is sent once; a failed one is retried with its event.
CREATE TABLE notification_sends (
  id         INTEGER PRIMARY KEY,
  event_seq  INTEGER NOT NULL,
  channel    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  target     TEXT NOT NULL,                -- 'ticket:<id>' or 'dossier:<id>'
  phone      TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  code       INTEGER,
  error      TEXT,
  at         INTEGER NOT NULL,
  UNIQUE (channel, kind, target, event_seq)
) STRICT;
CREATE INDEX notification_sends_at ON notification_sends(at);
