/**
 * Counts failures per key (a client address) in a fixed window: after `max` failures the key is locked until its
 * window ends, whatever it sends. Pure, with the clock passed in; bounded memory (at most `maxKeys` keys, the oldest
 * window dropped first).
 */
export function failureLimiter(options: { max: number; windowMs: number; maxKeys?: number }) {
  const maxKeys = options.maxKeys ?? 10_000;
  const entries = new Map<string, { since: number; failures: number }>();
  const live = (key: string, now: number) => {
    const e = entries.get(key);
    if (e && now - e.since >= options.windowMs) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    /** True when the key has used up its failures in the current window. */
    locked: (key: string, now: number): boolean => (live(key, now)?.failures ?? 0) >= options.max,
    /** Records one failure. */
    fail(key: string, now: number): void {
      const e = live(key, now);
      if (e) e.failures += 1;
      else {
        if (entries.size >= maxKeys) entries.delete(entries.keys().next().value as string);
        entries.set(key, { since: now, failures: 1 });
      }
    },
    /** Milliseconds until the key's window ends (for Retry-After). */
    retryAfterMs: (key: string, now: number): number => {
      const e = live(key, now);
      return e ? options.windowMs - (now - e.since) : 0;
    },
  };
}
