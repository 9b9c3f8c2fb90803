import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfter, LOGIN_THROTTLE } from '../../src/domain/login-throttle';
import { buildTestApp, count, login, TEST_PASSWORD } from '../helper';

/** One sign-in over a real TCP connection from `localAddress` (the hub sees that address). */
function loginFrom(port: number, localAddress: string, username: string, password: string): Promise<{ status: number; code?: string; cookie?: string }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, agent: false },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { code?: string }).code, cookie: res.headers['set-cookie']?.[0] }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in throttling: growing waits per (username, address), never a lockout for everyone', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp();
  }, 60_000);
  afterEach(async () => {
    await t.close();
  });

  const attempt = async (username: string, password: string, remoteAddress = '10.0.0.5') => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
    const body = res.json() as { code?: string; message?: string; details?: { retryAfterSeconds: number } };
    return { status: res.statusCode, code: body.code, wait: body.details?.retryAfterSeconds, body };
  };

  it('a wrong-password storm from 127.0.0.1 does not stop the right password from 127.0.0.2 (real sockets)', async () => {
    await t.app.listen({ port: 0, host: '0.0.0.0' });
    const port = (t.app.server.address() as { port: number }).port;
    const storm = [];
    for (let i = 0; i < 25; i++) storm.push(await loginFrom(port, '127.0.0.1', 'admin', `doan-sai-${i}`));
    expect(storm.slice(0, 3).map((r) => r.code)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    expect(storm.filter((r) => r.code === 'LOGIN_THROTTLED').length).toBeGreaterThan(15);
    expect(storm.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    // The attacker's own address waits, even with the right password...
    expect((await loginFrom(port, '127.0.0.1', 'admin', TEST_PASSWORD)).code).toBe('LOGIN_THROTTLED');
    // ...while the admin at another machine signs in at once.
    const owner = await loginFrom(port, '127.0.0.2', 'admin', TEST_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.cookie).toMatch(/^motcua_session=/);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login' AND ip = '127.0.0.2'")).toBe(1);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM login_failures WHERE username = 'admin' AND ip = '127.0.0.1'")).toBe(1);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM login_failures WHERE ip = '127.0.0.2'")).toBe(0);
  });

  it('lets 3 wrong passwords through, then doubles the wait after each further one; the right password starts afresh', async () => {
    const seen: (string | number | undefined)[][] = [];
    for (let i = 0; i < 3; i++) seen.push([(await attempt('canbo2', 'sai')).code]);
    for (const expected of [1, 2, 4, 8, 16]) {
      const early = await attempt('canbo2', TEST_PASSWORD);
      seen.push([early.code, early.wait]);
      t.clock.advance(expected * 1000 - 1);
      expect((await attempt('canbo2', TEST_PASSWORD)).code).toBe('LOGIN_THROTTLED');
      t.clock.advance(1);
      seen.push([(await attempt('canbo2', 'sai')).code]);
    }
    expect(seen).toEqual([
      ['INVALID_CREDENTIALS'],
      ['INVALID_CREDENTIALS'],
      ['INVALID_CREDENTIALS'],
      ...[1, 2, 4, 8, 16].flatMap((s) => [['LOGIN_THROTTLED', s], ['INVALID_CREDENTIALS']]),
    ]);
    t.clock.advance(32_000);
    expect((await attempt('canbo2', TEST_PASSWORD)).status).toBe(200);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM login_failures WHERE username = 'canbo2'")).toBe(0);
    expect((await attempt('canbo2', 'sai')).code).toBe('INVALID_CREDENTIALS');
    // Throttled attempts were not checked, only audited.
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login_failed'")).toBe(9);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login_throttled'")).toBe(10);
  });

  it('caps the wait and limits one address across usernames', async () => {
    expect([3, 4, 10, 12, 13, 40].map((n) => delayAfter(n, LOGIN_THROTTLE.freePerAccount) / 1000)).toEqual([1, 2, 128, 512, 900, 900]);
    expect(delayAfter(2, LOGIN_THROTTLE.freePerAccount)).toBe(0);
    for (let i = 0; i < LOGIN_THROTTLE.freePerAddress; i++) expect((await attempt(`ten-${i}`, 'sai', '10.0.0.9')).code).toBe('INVALID_CREDENTIALS');
    expect(await attempt('ten-moi', 'sai', '10.0.0.9')).toMatchObject({ code: 'LOGIN_THROTTLED', wait: 1 });
    expect((await attempt('canbo3', TEST_PASSWORD, '10.0.0.9')).code).toBe('LOGIN_THROTTLED');
    expect((await attempt('canbo3', TEST_PASSWORD, '10.0.0.8')).status).toBe(200);
  });

  it('answers unknown and known usernames alike: same statuses, codes, messages, waits and comparable time', async () => {
    const known = [];
    const unknown = [];
    for (let i = 0; i < 5; i++) {
      known.push((await attempt('canbo1', 'sai', '10.0.1.1')).body);
      unknown.push((await attempt('khong-co-ai', 'sai', '10.0.1.2')).body);
    }
    expect(unknown).toEqual(known);
    expect(known.map((b) => b.code)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'LOGIN_THROTTLED']);
    // Timing: each wrong password costs one scrypt, known or not (fresh addresses, so nothing is throttled).
    const time = async (username: string, ip: string) => {
      const start = performance.now();
      expect((await attempt(username, 'sai', ip)).code).toBe('INVALID_CREDENTIALS');
      return performance.now() - start;
    };
    const k: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < 9; i++) {
      k.push(await time('canbo1', `10.2.0.${i}`));
      u.push(await time(`khong-co-${i}`, `10.3.0.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const ratio = median(u) / median(k);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('lets an admin unlock an account from the users screen (audited); staff may not', async () => {
    for (let i = 0; i < 4; i++) await attempt('canbo2', 'sai');
    expect((await attempt('canbo2', TEST_PASSWORD)).code).toBe('LOGIN_THROTTLED');
    const admin = await login(t.app, 'admin');
    const staff = await login(t.app, 'canbo1');
    const users = (await t.app.inject({ url: '/api/admin/users', headers: { cookie: admin } })).json() as { id: number; username: string; locked: boolean }[];
    const target = users.find((u) => u.username === 'canbo2');
    expect(users.filter((u) => u.locked).map((u) => u.username)).toEqual(['canbo2']);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${target?.id}/unlock`, headers: { cookie: staff } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/users/999/unlock', headers: { cookie: admin } })).json().code).toBe('NOT_FOUND');
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/users/${target?.id}/unlock`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'canbo2', locked: false });
    expect(count(t.app, "SELECT COUNT(*) AS n FROM login_failures WHERE ip = '10.0.0.5'")).toBe(0);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'admin.user_unlock' AND target_id = ?", String(target?.id))).toBe(1);
    expect((await attempt('canbo2', TEST_PASSWORD)).status).toBe(200);
  });
});
