// Every route of the OpenAPI document, in the order the access tests call them, with a sample URL each.
import type { AccessRole } from '@shared/access';
import type { App } from '../src/app';
import { login } from './helper';
import { pairDevice } from './helper-devices';

/** Routes that end the caller's own credentials (a session, a device): called last, device revocation the very last. */
export const LAST = ['/logout', '/logout-all', '/revoke'];
/** Codes of an access refusal. */
export const DENIED = ['UNAUTHENTICATED', 'DEVICE_NOT_PAIRED', 'FORBIDDEN'];
/** Usernames of the seeded accounts holding each staff role. */
export const USER_OF_ROLE = { staff: 'canbo1', supervisor: 'giamsat', admin: 'admin' } as const;

const rank = (route: string) => LAST.findIndex((l) => route.endsWith(l)) + 1;

/** `METHOD /path/{param}` of every route of the OpenAPI document, those of LAST at the end. */
export function documentedRoutes(app: App): string[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  return routes.sort((a, b) => rank(a) - rank(b));
}

/** A concrete URL for a documented path: each parameter gets a sample value of its shape. */
export function sampleUrl(path: string): string {
  return path.replace('{id}', '1').replace('{pairingId}', 'khong-co-yeu-cau-nay-0000').replace('{name}', 'motcua-20260101-000000.db').replace('{clip}', 'vi-mootj');
}

/** A sign-out route (it ends the session it is called with, so each staff call needs a fresh one). */
export const endsSession = (route: string) => LAST.some((l) => route.endsWith(l));

let signIns = 0;
/**
 * `n` fresh sessions of a staff role, signed in at once (scrypt runs in the thread pool), each from its own loopback
 * address (sign-in is rate-limited per address).
 */
export function freshSessions(app: App, role: 'staff' | 'supervisor' | 'admin', n: number): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, () => login(app, USER_OF_ROLE[role], undefined, `127.0.4.${(signIns += 1) % 250}`)));
}

/** Cookie headers of every role but anonymous: staff at counter 1, a supervisor, an admin, one paired device of each kind. */
export async function roleCookies(app: App, staffCookie: string): Promise<Partial<Record<AccessRole, string>>> {
  const admin = await login(app, USER_OF_ROLE.admin);
  const cookies: Partial<Record<AccessRole, string>> = { admin, supervisor: await login(app, USER_OF_ROLE.supervisor), staff: staffCookie };
  for (const kind of ['kiosk', 'display', 'rating'] as const) cookies[kind] = (await pairDevice(app, admin, kind)).cookie;
  return cookies;
}
