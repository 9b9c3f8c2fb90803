import type { Db } from '../db';

/** A login_failures row: failed sign-ins of one typed username ('' for any) from one address. */
export interface LoginFailureRow {
  username: string;
  ip: string;
  failures: number;
  last_at: number;
  blocked_until: number;
}

/** SQL for sign-in throttling. */
export function loginFailuresRepository(db: Db) {
  const s = {
    get: db.prepare<[string, string], LoginFailureRow>('SELECT * FROM login_failures WHERE username = ? AND ip = ?'),
    save: db.prepare(
      `INSERT INTO login_failures (username, ip, failures, last_at, blocked_until) VALUES (@username, @ip, @failures, @last_at, @blocked_until)
       ON CONFLICT (username, ip) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, blocked_until = excluded.blocked_until`,
    ),
    clear: db.prepare<[string, string]>('DELETE FROM login_failures WHERE username = ? AND ip = ?'),
    ipsOf: db.prepare<[string], { ip: string }>('SELECT ip FROM login_failures WHERE username = ?'),
    prune: db.prepare<[number]>('DELETE FROM login_failures WHERE last_at < ?'),
    throttledNames: db.prepare<[number, number], { username: string }>(
      "SELECT DISTINCT username FROM login_failures WHERE username <> '' AND failures >= ? AND last_at >= ?",
    ),
  };
  return {
    get: (username: string, ip: string): LoginFailureRow | undefined => s.get.get(username, ip),
    save: (row: LoginFailureRow): void => {
      s.save.run(row);
    },
    clear: (username: string, ip: string): void => {
      s.clear.run(username, ip);
    },
    /** Addresses with failures counted for a username. */
    ipsOf: (username: string): string[] => s.ipsOf.all(username).map((r) => r.ip),
    /** Forgets counts whose last failure is older than `before`. */
    prune: (before: number): void => {
      s.prune.run(before);
    },
    /** Usernames (as keyed) with at least `failures` counted from some address since `since`. */
    throttledNames: (failures: number, since: number): Set<string> => new Set(s.throttledNames.all(failures, since).map((r) => r.username)),
  };
}
