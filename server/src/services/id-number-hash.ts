import { createHmac, randomBytes } from 'node:crypto';
import type { ServiceContext } from './context';

/** Name of the per-office key in office_secrets. */
export const ID_NUMBER_SALT = 'id_number_salt';

/**
 * The salted hash of a citizen's ID number (số định danh cá nhân): what tickets, bookings and dossiers keep to match
 * one person without keeping the number itself (Luật 91/2025/QH15: minimisation). HMAC-SHA-256 keyed with a random
 * per-office secret made once on first use: a hash from one office's database cannot be matched against the
 * 10^12 possible numbers without that key, nor against another office's hashes.
 */
export function idNumberHasher(ctx: Pick<ServiceContext, 'repos' | 'now'>) {
  let key: Buffer | undefined;
  return {
    /** The hash of a 12-digit ID number (base64url, 43 characters). */
    hash(idNumber: string): string {
      key ??= ctx.repos.secrets.getOrCreate(ID_NUMBER_SALT, () => randomBytes(32), ctx.now());
      return createHmac('sha256', key).update(idNumber.trim()).digest('base64url');
    },
  };
}
/** The office's ID-number hasher. */
export type IdNumberHasher = ReturnType<typeof idNumberHasher>;
