import { createHash, randomBytes } from 'node:crypto';
import type { Me } from '@shared/schemas/auth';
import { fail } from '../errors';
import { DUMMY_HASH, verifyPassword } from '../passwords';
import type { ServiceContext } from './context';
import type { CounterService } from './counter-service';

/** A session is dropped after this long without a request. */
export const IDLE_TIMEOUT_MS = 10 * 60 * 60 * 1000;

/** The staff member behind a valid session cookie. */
export interface StaffSession {
  sessionId: string;
  me: Me;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Staff sign-in with scrypt-checked passwords and server-side sessions (only the token's hash is stored). */
export function authService(ctx: ServiceContext, counters: CounterService) {
  const { repos } = ctx;

  function meOf(userId: number): Me | undefined {
    const u = repos.users.byId(userId);
    if (!u || u.active !== 1) return undefined;
    const counter = repos.catalog.counterOfStaff(u.id);
    return { id: u.id, username: u.username, fullName: u.full_name, role: u.role, counterId: counter?.id ?? null };
  }

  /** Checks a password; returns the new session token (for the cookie) and the staff member. */
  async function login(username: string, password: string): Promise<{ token: string; me: Me }> {
    const user = repos.users.byUsername(username.trim());
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.active !== 1) fail('INVALID_CREDENTIALS');
    const token = randomBytes(32).toString('base64url');
    repos.users.createSession(hashToken(token), user.id, ctx.now());
    return { token, me: meOf(user.id) as Me };
  }

  /** The session behind a cookie token, refreshing its idle timer; undefined when absent or expired. */
  function authenticate(token: string | undefined): StaffSession | undefined {
    if (!token) return undefined;
    const id = hashToken(token);
    const s = repos.users.session(id);
    if (!s) return undefined;
    const now = ctx.now();
    if (now - s.last_seen_at > IDLE_TIMEOUT_MS) {
      repos.users.deleteSession(id);
      return undefined;
    }
    const me = meOf(s.user_id);
    if (!me) return undefined;
    if (now - s.last_seen_at > 60_000) repos.users.touchSession(id, now);
    return { sessionId: id, me };
  }

  /** Ends the session; the counter it held is closed (its current ticket finished or returned to the queue). */
  function logout(session: StaffSession): void {
    if (session.me.counterId !== null) counters.close(session.me.counterId, { staffId: session.me.id });
    repos.users.deleteSession(session.sessionId);
  }

  return { login, authenticate, logout, meOf };
}

export type AuthService = ReturnType<typeof authService>;
