-- Sign-in throttling per (username as typed, address) and per address (issue 14), replacing the account lockout:
-- five wrong passwords from anywhere locked an account for everyone, so a stranger could keep staff out.
CREATE TABLE login_failures (
  username      TEXT NOT NULL,     -- trimmed, lower case, as typed (known or not); '' counts every name from `ip`
  ip            TEXT NOT NULL,
  failures      INTEGER NOT NULL,
  last_at       INTEGER NOT NULL,  -- last failure (epoch ms); counts are forgotten an hour after it
  blocked_until INTEGER NOT NULL,  -- no attempt is checked before this (epoch ms)
  PRIMARY KEY (username, ip)
) STRICT, WITHOUT ROWID;
CREATE INDEX login_failures_last ON login_failures(last_at);

ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
