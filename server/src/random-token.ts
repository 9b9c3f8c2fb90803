import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `bytes` random bytes from the system CSPRNG as base64url, drawn from a pooled buffer refilled 4 KB at a time: one
 * `randomBytes` call per ticket cost more than the ticket's insert. Each byte is handed out once.
 */
export function randomToken(bytes: number): string {
  if (bytes > POOL_BYTES) throw new RangeError(`randomToken: at most ${POOL_BYTES} bytes`);
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return token;
}

/**
 * A unique id that sorts by creation time: the time in ms (base 36, fixed width until 2059) then 16 random base64url
 * characters. Inserted into a UNIQUE index, such ids land at its right edge instead of on a random page.
 */
export function timeOrderedId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${randomToken(12)}`;
}
