import { rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '@shared/schemas/auth';
import type { OfficeSettings } from '@shared/schemas/office';
import { buildApp, type App } from '../src/app';
import type { Config } from '../src/config';
import { hashPassword } from '../src/passwords';
import { TEST_PASSWORD, testConfig } from './temp-config';

export { TEST_PASSWORD, testConfig };

/** A controllable clock: starts at `start`, moves only when told. */
export function fakeClock(start: string | number = '2026-11-23T02:00:00.000Z') {
  let t = typeof start === 'number' ? start : Date.parse(start);
  return {
    now: () => t,
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/**
 * Builds a real app (real SQLite file, demo office seeded) for one test file. The clock is fake
 * (Monday 23/11/2026 09:00 in Hà Nội) unless `now` is given.
 */
export async function buildTestApp(options: { now?: () => number; settings?: Partial<OfficeSettings>; config?: Partial<Config> } = {}) {
  const config = testConfig(options.config);
  const clock = fakeClock();
  const app = await buildApp({ config, now: options.now ?? clock.now, logger: false });
  if (options.settings) app.hub.queue.saveSettings({ ...app.hub.queue.settings(), ...options.settings });
  const close = async () => {
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  };
  return { app, config, clock, close };
}

/** Signs a user in through the API (from `remoteAddress`, 127.0.0.1 by default); returns the Cookie header value. */
export async function login(app: App, username: string, password = TEST_PASSWORD, remoteAddress?: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  if (!cookie) throw new Error('no session cookie');
  return `motcua_session=${cookie.value}`;
}

/** Signs `username` in and opens counter `counterId`; returns the cookie. */
export async function staffAtCounter(app: App, username: string, counterId: number): Promise<string> {
  const cookie = await login(app, username);
  const res = await app.inject({ method: 'POST', url: `/api/counters/${counterId}/open`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`open counter ${counterId} failed: ${res.statusCode} ${res.body}`);
  return cookie;
}

/** Adds a staff account directly (for tests needing more than the seeded ones). */
export async function addUser(app: App, username: string, role: Role = 'staff'): Promise<number> {
  return app.hub.repos.users.insert({
    username,
    full_name: `Cán bộ ${username}`,
    role,
    password_hash: await hashPassword(TEST_PASSWORD),
    must_change_password: 0,
    created_at: Date.now(),
  });
}

/** Issues a ticket through the API and returns the reply body. */
export async function issue(app: App, serviceId: number, priorityGroup?: string) {
  const res = await app.inject({ method: 'POST', url: '/api/tickets', payload: priorityGroup ? { serviceId, priorityGroup } : { serviceId } });
  return { status: res.statusCode, body: res.json() };
}

/** Counts rows of a SQL query on the app's database. */
export function count(app: App, sql: string, ...params: unknown[]): number {
  return (app.db.prepare(sql).get(...params) as { n: number }).n;
}

/** A fresh test app per test with `username` signed in, and a JSON client sending that user's cookie. */
export function signedInApp(username: string) {
  const ctx = {} as { t: Awaited<ReturnType<typeof buildTestApp>>; cookie: string };
  beforeEach(async () => {
    ctx.t = await buildTestApp();
    ctx.cookie = await login(ctx.t.app, username);
  });
  afterEach(async () => {
    await ctx.t.close();
  });
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    ctx.t.app
      .inject({ method, url, headers: { cookie: ctx.cookie }, ...(payload ? { payload } : {}) })
      .then((r) => ({ status: r.statusCode, body: r.body ? r.json() : null }));
  return { ctx, send };
}

/** A token that is surely not `token`: its last three characters changed (a fixed suffix could match by chance). */
export function wrongToken(token: string): string {
  const tail = token.slice(-3) === 'abc' ? 'xyz' : 'abc';
  return `${token.slice(0, -3)}${tail}`;
}
