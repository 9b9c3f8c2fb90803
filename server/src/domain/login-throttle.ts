/**
 * Sign-in throttling (pure rules). Failures are counted per (username as typed, address) and per address; after a
 * few free failures each further one makes that pair (or address) wait twice as long as the last, up to a cap. Keyed
 * on the typed name, known or not, so a throttled answer never tells whether an account exists; keyed on the
 * address, so a storm from one machine never keeps the account's owner out on another.
 */
export const LOGIN_THROTTLE = {
  /** Wrong passwords for one username from one address before the first wait. */
  freePerAccount: 3,
  /** Wrong passwords from one address, any usernames, before the first wait. */
  freePerAddress: 20,
  /** The first wait; each further failure doubles it. */
  baseDelayMs: 1000,
  /** The longest wait. */
  maxDelayMs: 15 * 60 * 1000,
  /** A count is forgotten this long after its last failure. */
  forgetAfterMs: 60 * 60 * 1000,
} as const;

/** The wait imposed after the `failures`-th failure, once `free` failures were allowed (0 while under it). */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(LOGIN_THROTTLE.baseDelayMs * 2 ** (failures - free), LOGIN_THROTTLE.maxDelayMs);
}

/** How a username is keyed: trimmed, lower case, at most 64 characters (the longest valid username). */
export const throttleKey = (username: string): string => username.trim().toLowerCase().slice(0, 64);
