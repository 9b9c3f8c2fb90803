import { delayAfter, LOGIN_THROTTLE } from '../domain/login-throttle';
import { fail } from '../errors';
import type { ServiceContext } from './context';

/** The row key counting every username tried from one address. */
const ANY_NAME = '';
/**
 * Sign-ins checked at once: one per (username, address), a few per address (parallel guesses would skip the waits).
 * Eight per address lets a room of consoles behind one address (or a test) sign in together; a guesser gains at most
 * eight tries before the address's count stops it.
 */
const IN_FLIGHT_PER_PAIR = 1;
const IN_FLIGHT_PER_ADDRESS = 8;

/**
 * Sign-in throttling per (typed username, address) and per address, stored in `login_failures` (survives a restart,
 * visible to the admin). Callers pass the username already keyed (`throttleKey`). `failed` and `succeeded` run inside
 * the caller's transaction.
 */
export function loginThrottle(ctx: ServiceContext) {
  const { repos } = ctx;
  const inFlight = new Map<string, number>();

  /** Failures still counted for a row (a count is forgotten an hour after its last failure). */
  function current(username: string, ip: string, now: number) {
    const row = repos.loginFailures.get(username, ip);
    return row && now - row.last_at <= LOGIN_THROTTLE.forgetAfterMs ? row : undefined;
  }

  function hold(key: string, max: number): boolean {
    const n = inFlight.get(key) ?? 0;
    if (n >= max) return false;
    inFlight.set(key, n + 1);
    return true;
  }
  function drop(key: string): void {
    const n = (inFlight.get(key) ?? 1) - 1;
    if (n <= 0) inFlight.delete(key);
    else inFlight.set(key, n);
  }

  /**
   * Admits one sign-in attempt or throws 429 `LOGIN_THROTTLED` (with `retryAfterSeconds`) while the pair or the
   * address must wait, or another attempt of theirs is still being checked. Returns the release to call when done.
   */
  function admit(username: string, ip: string): () => void {
    const now = ctx.now();
    const waitMs = Math.max(current(username, ip, now)?.blocked_until ?? 0, current(ANY_NAME, ip, now)?.blocked_until ?? 0) - now;
    if (waitMs > 0) fail('LOGIN_THROTTLED', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    const pair = `${username}\n${ip}`;
    const address = `\n${ip}`;
    if (!hold(pair, IN_FLIGHT_PER_PAIR)) fail('LOGIN_THROTTLED', { retryAfterSeconds: 1 });
    if (!hold(address, IN_FLIGHT_PER_ADDRESS)) {
      drop(pair);
      fail('LOGIN_THROTTLED', { retryAfterSeconds: 1 });
    }
    return () => {
      drop(pair);
      drop(address);
    };
  }

  /** Counts a failure for the pair and the address; the next attempt may have to wait. */
  function failed(username: string, ip: string): void {
    const now = ctx.now();
    repos.loginFailures.prune(now - LOGIN_THROTTLE.forgetAfterMs);
    for (const [name, free] of [
      [username, LOGIN_THROTTLE.freePerAccount],
      [ANY_NAME, LOGIN_THROTTLE.freePerAddress],
    ] as const) {
      const failures = (current(name, ip, now)?.failures ?? 0) + 1;
      repos.loginFailures.save({ username: name, ip, failures, last_at: now, blocked_until: now + delayAfter(failures, free) });
    }
  }

  /** The right password: the pair starts afresh (the address keeps its count, so a valid account cannot reset it). */
  function succeeded(username: string, ip: string): void {
    repos.loginFailures.clear(username, ip);
  }

  /** An admin unlocks a username: its counts from every address, and those addresses' own counts, are cleared. */
  function unlock(username: string): number {
    const ips = repos.loginFailures.ipsOf(username);
    for (const ip of ips) {
      repos.loginFailures.clear(username, ip);
      repos.loginFailures.clear(ANY_NAME, ip);
    }
    return ips.length;
  }

  /** Usernames (keyed) being throttled from some address: waiting now, or waiting after their next wrong password. */
  const blockedNames = () => repos.loginFailures.throttledNames(LOGIN_THROTTLE.freePerAccount, ctx.now() - LOGIN_THROTTLE.forgetAfterMs);

  return { admit, failed, succeeded, unlock, blockedNames };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;
