import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, login } from '../helper';

/** One-letter console shortcuts can be switched off per account (WCAG 2.1.4), and the choice is kept by the hub. */
describe('staff preferences: single-key shortcuts per account', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  }, 60_000);
  afterEach(async () => {
    await t.close();
  }, 60_000);

  const row = (username: string) => t.app.db.prepare('SELECT single_key_shortcuts AS on_ FROM users WHERE username = ?').get(username);
  const get = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/auth/preferences', headers: cookie ? { cookie } : {} });
  const put = (cookie: string | undefined, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: '/api/auth/preferences', headers: cookie ? { cookie } : {}, payload: payload as object });

  it('are on by default, switch off for one account only, and stay off in a new session', async () => {
    const a = await login(t.app, 'canbo1');
    const b = await login(t.app, 'canbo2');
    expect((await get(a)).json()).toEqual({ singleKeyShortcuts: true });
    const off = await put(a, { singleKeyShortcuts: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ singleKeyShortcuts: false });
    expect(row('canbo1')).toEqual({ on_: 0 });
    expect(row('canbo2')).toEqual({ on_: 1 });
    expect((await get(b)).json()).toEqual({ singleKeyShortcuts: true });
    const again = await login(t.app, 'canbo1');
    expect((await get(again)).json()).toEqual({ singleKeyShortcuts: false });
    expect((await put(again, { singleKeyShortcuts: true })).json()).toEqual({ singleKeyShortcuts: true });
    expect(row('canbo1')).toEqual({ on_: 1 });
  });

  it('refuses bad bodies with a coded 400 and strangers with a 401, changing nothing', async () => {
    const a = await login(t.app, 'canbo1');
    for (const body of [{}, { singleKeyShortcuts: 'no' }, { singleKeyShortcuts: false, extra: 1 }, []]) {
      const res = await put(a, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await put(undefined, { singleKeyShortcuts: false })).statusCode).toBe(401);
    expect((await get()).statusCode).toBe(401);
    expect(row('canbo1')).toEqual({ on_: 1 });
  });
});
