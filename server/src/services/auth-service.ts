import { createHash, randomBytes } from 'node:crypto';
import { rooms } from '@shared/rooms';
import type { Me, StaffPreferences } from '@shared/schemas/auth';
import { throttleKey } from '../domain/login-throttle';
import { fail } from '../errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../passwords';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import type { CounterService } from './counter-service';
import type { LoginThrottle } from './login-throttle';

/** A session is dropped after this long without a request. */
export const IDLE_TIMEOUT_MS = 10 * 60 * 60 * 1000;
/** The staff member behind a valid session cookie. */
export interface StaffSession {
  sessionId: string;
  me: Me;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Staff sign-in with scrypt-checked passwords, throttling, and server-side sessions (only the token's hash is stored). */
export function authService(ctx: ServiceContext, counters: CounterService, throttle: LoginThrottle) {
  const { repos, db } = ctx;

  function meOf(userId: number): Me | undefined {
    const u = repos.users.byId(userId);
    if (!u || u.active !== 1) return undefined;
    const counter = repos.catalog.counterOfStaff(u.id);
    return {
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      role: u.role,
      counterId: counter?.id ?? null,
      mustChangePassword: u.must_change_password === 1,
    };
  }

  /**
   * Checks a password; returns the new session token (for the cookie) and the staff member. Wrong passwords are
   * throttled per (typed username, address) and per address, never per account for everyone; an unknown username
   * costs the same scrypt and gets the same answers as a known one.
   */
  async function login(username: string, password: string, from: Omit<AuditActor, 'userId'>): Promise<{ token: string; me: Me }> {
    const key = throttleKey(username);
    const ip = from.ip ?? '';
    let release: () => void;
    try {
      release = throttle.admit(key, ip);
    } catch (err) {
      repos.audit.write(ctx.now(), { ...from, userId: null }, { action: 'auth.login_throttled', details: { username: key } });
      throw err;
    }
    try {
      const user = repos.users.byUsername(username.trim());
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      const now = ctx.now();
      if (!user || !ok || user.active !== 1) {
        db.transaction(() => {
          throttle.failed(key, ip);
          repos.audit.write(now, { ...from, userId: user?.id ?? null }, { action: 'auth.login_failed', details: { username: username.slice(0, 64) } });
        })();
        fail('INVALID_CREDENTIALS');
      }
      const token = randomBytes(32).toString('base64url');
      db.transaction(() => {
        throttle.succeeded(key, ip);
        repos.users.createSession(hashToken(token), user.id, now);
        repos.audit.write(now, { ...from, userId: user.id }, { action: 'auth.login', targetType: 'user', targetId: user.id });
      })();
      return { token, me: meOf(user.id) as Me };
    } finally {
      release();
    }
  }

  /**
   * The session with this server-side id, if still valid (exists, not idle too long, account active). A use
   * refreshes the idle timer; a mere check (`touch` false, the socket sweep) does not.
   */
  function session(id: string, touch = true): StaffSession | undefined {
    const s = repos.users.session(id);
    if (!s) return undefined;
    const now = ctx.now();
    if (now - s.last_seen_at > IDLE_TIMEOUT_MS) {
      repos.users.deleteSession(id);
      return undefined;
    }
    const me = meOf(s.user_id);
    if (!me) return undefined;
    if (touch && now - s.last_seen_at > 60_000) repos.users.touchSession(id, now);
    return { sessionId: id, me };
  }

  /** The session behind a cookie token, refreshing its idle timer; undefined when absent or expired. */
  const authenticate = (token: string | undefined): StaffSession | undefined => (token ? session(hashToken(token)) : undefined);

  /** Ends the session; the counter it held is closed (its current ticket finished or returned to the queue). */
  function logout(session: StaffSession, actor: StaffActor): void {
    if (session.me.counterId !== null) counters.close(session.me.counterId, actor);
    repos.users.deleteSession(session.sessionId);
    repos.audit.write(ctx.now(), actor, { action: 'auth.logout', targetType: 'user', targetId: session.me.id });
    ctx.realtime.disconnect(rooms.session(session.sessionId));
  }

  /** Signs the user out on every device (all sessions), closing the counter held. */
  function logoutEverywhere(session: StaffSession, actor: StaffActor): void {
    if (session.me.counterId !== null) counters.close(session.me.counterId, actor);
    repos.users.deleteSessionsOf(session.me.id);
    repos.audit.write(ctx.now(), actor, { action: 'auth.logout_all', targetType: 'user', targetId: session.me.id });
    ctx.realtime.disconnect(rooms.user(session.me.id));
  }

  async function changePassword(session: StaffSession, current: string, next: string, actor: AuditActor): Promise<Me> {
    const user = repos.users.byId(session.me.id) ?? fail('UNAUTHENTICATED');
    if (!(await verifyPassword(current, user.password_hash))) fail('INVALID_CREDENTIALS');
    if (next.length < 8 || next === current) fail('WEAK_PASSWORD');
    const hash = await hashPassword(next);
    db.transaction(() => {
      repos.users.setPassword(user.id, hash, false);
      for (const id of repos.users.sessionIdsOf(user.id)) if (id !== session.sessionId) repos.users.deleteSession(id);
      repos.audit.write(ctx.now(), actor, { action: 'auth.password_change', targetType: 'user', targetId: user.id });
    })();
    ctx.realtime.disconnect(rooms.user(user.id), rooms.session(session.sessionId));
    return meOf(user.id) as Me;
  }

  /** The account's own console preferences. */
  function preferences(session: StaffSession): StaffPreferences {
    const user = repos.users.byId(session.me.id) ?? fail('UNAUTHENTICATED');
    return { singleKeyShortcuts: user.single_key_shortcuts === 1 };
  }

  /** Saves the account's console preferences (every console of the account follows at its next load). */
  function setPreferences(session: StaffSession, next: StaffPreferences): StaffPreferences {
    db.transaction(() => repos.users.setSingleKeyShortcuts(session.me.id, next.singleKeyShortcuts))();
    return preferences(session);
  }

  return { login, authenticate, session, logout, logoutEverywhere, changePassword, meOf, preferences, setPreferences };
}

export type AuthService = ReturnType<typeof authService>;
