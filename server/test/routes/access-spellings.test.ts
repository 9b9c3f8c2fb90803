import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ROLES, type AccessRole } from '@shared/access';
import { buildTestApp, staffAtCounter } from '../helper';
import { RawClient, type RawReply } from '../raw-http';
import { prng, spellings, type Spelling } from '../spellings';
import { DENIED, documentedRoutes, endsSession, freshSessions, roleCookies, sampleUrl } from '../route-table';

const refused = (r: RawReply) => (r.status === 401 || r.status === 403) && DENIED.some((c) => r.body.includes(`"${c}"`));
const show = (r: RawReply) => `${r.status} ${/"code":"(\w+)"/.exec(r.body)?.[1] ?? ''}`;

describe('access is decided on the matched route, whatever the spelling of the request target (raw TCP)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let port = 0;
  let cookies: Partial<Record<AccessRole, string>> = {};
  let routes: string[] = [];
  const clients = new Map<string, RawClient>();
  const staticDir = mkdtempSync(join(tmpdir(), 'motcua-dist-'));

  beforeAll(async () => {
    // A built screen, served from STATIC_DIR as in production.
    mkdirSync(join(staticDir, 'kiosk'));
    writeFileSync(join(staticDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
    t = await buildTestApp({ settings: { openLan: false }, config: { staticDir } });
    // A route someone forgot to give an access rule, outside /api: refused to everyone (fail closed).
    t.app.get('/noi-bo/quen-khai-bao', { schema: { hide: true } }, async () => ({ secret: 'lộ' }));
    t.app.get('/api/quen-khai-bao', { schema: { hide: true } }, async () => ({ secret: 'lộ' }));
    cookies = await roleCookies(t.app, await staffAtCounter(t.app, 'canbo1', 1));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    routes = documentedRoutes(t.app);
  });
  afterAll(async () => {
    for (const c of clients.values()) c.close();
    await t.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  /** One keep-alive connection per role and spelling, each from its own loopback address (rate limits count per address). */
  function client(role: AccessRole, spelling: string): RawClient {
    const key = `${role} ${spelling}`;
    let c = clients.get(key);
    if (!c) {
      const n = clients.size;
      c = new RawClient(port, `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`);
      clients.set(key, c);
    }
    return c;
  }

  /** Sessions for the calls of a sign-out route, per role (each call ends the one it carries). */
  const spare = new Map<AccessRole, string[]>();
  async function call(role: AccessRole, spelling: string, method: string, target: string, route: string): Promise<RawReply> {
    const staff = role === 'staff' || role === 'supervisor' || role === 'admin';
    // Signing out everywhere ends the spare sessions too: sign in just before.
    if (staff && route.endsWith('/logout-all')) spare.set(role, await freshSessions(t.app, role, 1));
    const cookie = endsSession(route) && staff ? spare.get(role)?.pop() : cookies[role];
    const json = method === 'POST' || method === 'PUT';
    return client(role, spelling).send({
      method,
      target,
      headers: { ...(cookie ? { cookie } : {}), ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(json ? { body: '{}' } : {}),
    });
  }

  /** Plain spelling, then every other, then plain again for a command; returns the problems found. */
  async function compare(route: string, role: AccessRole, variants: Spelling[]): Promise<string[]> {
    const [method, path] = route.split(' ') as [string, string];
    const url = sampleUrl(path);
    if (route.endsWith('/logout') && (role === 'staff' || role === 'supervisor' || role === 'admin')) spare.set(role, await freshSessions(t.app, role, variants.length + 2));
    const plain = await call(role, 'plain', method, url, route);
    const replies = [];
    for (const v of variants) replies.push({ v, r: await call(role, v.name, method, v.target, route) });
    // A command whose plain call changes state (sign-out, close a counter) may answer a second call otherwise:
    // there only the access decision is compared. A GET changes nothing.
    const again = method === 'GET' ? plain : await call(role, 'plain', method, url, route);
    const repeatable = again.status === plain.status;
    const problems = plain.status >= 500 ? [`5xx: ${route} as ${role} (plain)`] : [];
    for (const { v, r } of replies) {
      const where = `${route} as ${role}, ${v.name} ${v.target}: ${show(r)}, plain ${show(plain)}`;
      if (r.status >= 500) problems.push(`5xx: ${where}`);
      else if (r.status < 300 && refused(plain)) problems.push(`bypass: ${where}`);
      else if (v.same && repeatable && r.status !== plain.status) problems.push(`differs: ${where}`);
      else if (v.same && refused(r) !== refused(plain)) problems.push(`access differs: ${where}`);
    }
    return problems;
  }

  it('answers every route × role × spelling as the plain spelling does: never a 2xx it refuses, never a 5xx', async () => {
    const started = Date.now();
    const rnd = prng(14);
    const problems: string[] = [];
    expect(routes.length).toBeGreaterThan(100);
    const before = [...clients.values()].length;
    // Route after route; the seven roles of one route at once, each on its own connections.
    for (const route of routes) {
      const variants = spellings(sampleUrl(route.split(' ')[1] ?? ''), rnd);
      problems.push(...(await Promise.all(ACCESS_ROLES.map((role) => compare(route, role, variants)))).flat());
    }
    const requests = [...clients.values()].reduce((n, c) => n + c.sent, 0);
    expect(problems).toEqual([]);
    expect(before).toBe(0);
    expect(requests).toBeGreaterThan(routes.length * ACCESS_ROLES.length * 8);
    if (process.env.TIMING) console.log(`${requests} requests in ${Date.now() - started} ms`);
  }, 120_000);

  it('refuses the spellings of the issue that reached handlers unchecked', async () => {
    const anon = new RawClient(port, '127.0.2.1');
    for (const target of ['/%61pi/admin/users', '/ap%69/dossiers/1', 'http://x/api/admin/audit', '//api/admin/users', '/api//reports/queue']) {
      const r = await anon.send({ method: 'GET', target });
      expect(r.status, target).toBe(401);
      expect(r.body).toContain('UNAUTHENTICATED');
    }
    const before = (t.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const backup = await anon.send({ method: 'POST', target: '/%61pi/admin/backups', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(backup.status).toBe(401);
    expect((t.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    anon.close();
  });

  it('fails closed: a route without an access rule is refused to every role, in /api or not; static files are public', async () => {
    for (const role of ACCESS_ROLES) {
      for (const target of ['/noi-bo/quen-khai-bao', '/n%6Fi-bo/quen-khai-bao', '/api/quen-khai-bao']) {
        const r = await call(role, 'plain', 'GET', target, target);
        expect(r.status, `${role} ${target}`).toBe(403);
        expect(r.body).not.toContain('lộ');
      }
      for (const target of ['/kiosk/', '/%6Biosk/index.html', '/kiosk/index.htm%6C']) {
        const r = await call(role, 'plain', 'GET', target, target);
        expect(r.status, `${role} ${target}`).toBe(200);
        expect(r.body).toContain('<title>kiosk</title>');
      }
      // @fastify/static refuses non-canonical paths itself; never a 5xx.
      for (const target of ['//kiosk/', 'http://x/kiosk/']) expect((await call(role, 'plain', 'GET', target, target)).status).toBeLessThan(500);
    }
  });
});
