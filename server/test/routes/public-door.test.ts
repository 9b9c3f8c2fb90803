import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/events';
import { PUBLIC_DOOR_ROUTES } from '../../src/public-door-routes';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { RawClient, type RawReply } from '../raw-http';
import { documentedRoutes, roleCookies, sampleUrl } from '../route-table';
import { prng, spellings } from '../spellings';

const DIST = resolve(process.env.MOTCUA_DIST ?? 'dist');
const NOT_FOUND = { code: 'NOT_FOUND' };
/** The door's TLS proxy, as the hub sees it (loopback), and citizens' addresses it forwards. */
const CITIZEN_A = '203.0.113.5';
const CITIZEN_B = '203.0.113.6';
const pattern = (route: string) => route.replace(/\{(\w+)\}/g, ':$1');

describe('the public door: the citizen pages and their routes only, whatever the spelling; nobody signed in there', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let lan = 0;
  let door = 0;
  let doorUrl = '';
  let cookies: Record<string, string> = {};
  const clients: RawClient[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, '.vite/manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    t = await buildTestApp({
      // Open LAN mode: on the LAN an unpaired browser is a kiosk; through the door it must not be.
      settings: { openLan: true },
      config: { staticDir: DIST, publicDoor: { port: 0, host: '127.0.0.1', trustedProxies: ['127.0.0.1'], ratePerMinute: 40 } },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    lan = (t.app.server.address() as { port: number }).port;
    doorUrl = await t.app.listenPublicDoor({ port: 0, host: '127.0.0.1' });
    door = Number(new URL(doorUrl).port);
    cookies = (await roleCookies(t.app, await staffAtCounter(t.app, 'canbo1', 1))) as Record<string, string>;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  /** A raw client on `port` from `local`, each citizen (forwarded address) with its own connection. */
  function raw(port: number, local = '127.0.0.1'): RawClient {
    const c = new RawClient(port, local);
    clients.push(c);
    return c;
  }
  let forwarded = 0;
  /** A fresh citizen address for each check, so the per-address budget of one check does not spill into another. */
  const citizen = () => `198.51.100.${(forwarded += 1) % 250}`;
  const get = (c: RawClient, target: string, headers: Record<string, string> = {}) =>
    c.send({ method: 'GET', target, headers: { 'x-forwarded-for': citizen(), ...headers } });
  const json = (r: RawReply) => JSON.parse(r.body) as unknown;

  it('lists only real routes, and every one answers through the door as it does to an anonymous caller on the LAN', async () => {
    const documented = new Set(documentedRoutes(t.app).map(pattern));
    for (const route of PUBLIC_DOOR_ROUTES) expect(documented, route).toContain(route);
    const onDoor = raw(door);
    const onLan = raw(lan, '127.0.0.9');
    for (const route of PUBLIC_DOOR_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      if (method !== 'GET') continue;
      const url = sampleUrl(path.replace(/:(\w+)/g, '{$1}'));
      const viaDoor = await get(onDoor, url);
      const viaLan = await onLan.send({ method: 'GET', target: url });
      expect(`${route} ${viaDoor.status}`).toBe(`${route} ${viaLan.status}`);
    }
    const office = await get(onDoor, '/api/office');
    expect(office.status).toBe(200);
    expect(json(office)).toMatchObject({ name: expect.any(String) });
  });

  it('answers 404 to every other route, each spelled as an attacker would, with a staff cookie or none; never a 2xx or 5xx', async () => {
    const others = documentedRoutes(t.app).filter((r) => !PUBLIC_DOOR_ROUTES.has(pattern(r)));
    expect(others.length).toBeGreaterThan(100);
    const rnd = prng(18);
    const c = raw(door);
    const notFound = await get(c, '/khong-co-trang-nay');
    const problems: string[] = [];
    for (const route of others) {
      const [method, path] = route.split(' ') as [string, string];
      const url = sampleUrl(path);
      const targets = [url, ...spellings(url, rnd).map((s) => s.target)];
      for (const target of targets) {
        const body = method === 'POST' || method === 'PUT' ? '{}' : undefined;
        const r = await c.send({
          method,
          target,
          headers: { 'x-forwarded-for': citizen(), cookie: cookies.admin ?? '', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        });
        if (r.status !== 404 || r.body !== notFound.body) problems.push(`${route} as ${target}: ${r.status} ${r.body.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(json(notFound)).toMatchObject(NOT_FOUND);
  });

  it('serves the phone pages and what they load, and none of the office screens\' files', async () => {
    const c = raw(door);
    const page = await get(c, '/kiosk/phone/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="app">');
    // Every script and style the phone page names is served.
    const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(`${a} ${(await get(c, a)).status}`).toBe(`${a} 200`);
    // The other screens, their entry scripts, and ways around the list: none.
    const manifest = JSON.parse(readFileSync(resolve(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const counterScript = `/${manifest['counter/index.html']?.file ?? 'missing'}`;
    for (const target of ['/', '/index.html', '/counter/', '/kiosk/', '/kiosk/index.html', '/display/', counterScript, '/kiosk/phone/../../counter/index.html', '/kiosk/phone/%2e%2e/%2e%2e/counter/', '/%6biosk/', '/.vite/manifest.json']) {
      const r = await get(c, target);
      expect(`${target} ${r.status}`).toBe(`${target} 404`);
    }
    // On the LAN the same files are there.
    expect((await raw(lan).send({ method: 'GET', target: counterScript })).status).toBe(200);
  });

  it('reads no cookie: a staff session or a paired device is nobody there, and open LAN mode does not make a kiosk', async () => {
    const c = raw(door);
    // A route open to everyone that answers differently to a signed-in admin on the LAN.
    const lanMe = await raw(lan).send({ method: 'GET', target: '/api/devices/me', headers: { cookie: cookies.kiosk ?? '' } });
    expect(lanMe.status).toBe(200);
    expect((await get(c, '/api/devices/me', { cookie: cookies.kiosk ?? '' })).status).toBe(404);
    // An Authorization header (an API key, a proxy's Basic auth) is not read either: the citizen route answers as usual.
    expect((await get(c, '/api/fields', { authorization: 'Bearer mc_khong-phai-khoa' })).status).toBe(200);
    expect((await get(c, '/api/fields', { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(200);
    const ticket = await c.send({ method: 'POST', target: '/api/tickets', headers: { 'x-forwarded-for': citizen(), 'content-type': 'application/json' }, body: '{"serviceId":1}' });
    expect(ticket.status).toBe(404);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(0);
  });

  it('lets a phone follow its ticket over Socket.IO, and no screen of the office connect', async () => {
    const issued = (await issue(t.app, 1)).body as { trackingId: string };
    const open = (auth: Record<string, unknown>) =>
      new Promise<string>((done) => {
        const s = connect(doorUrl, { auth: { protocolVersion: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, extraHeaders: { 'x-forwarded-for': citizen() } });
        sockets.push(s);
        s.on('connect', () => done('connected'));
        s.on('connect_error', (err: Error & { data?: { code?: string } }) => done(err.data?.code ?? err.message));
      });
    expect(await open({ role: 'tracker', trackingId: issued.trackingId })).toBe('connected');
    expect(await open({ role: 'display' })).toBe('FORBIDDEN');
    expect(await open({ role: 'kiosk' })).toBe('FORBIDDEN');
    expect(await open({ role: 'counter', counterId: 1 })).toBe('FORBIDDEN');
  });

  it('limits each citizen address (the one the trusted proxy forwards), not the proxy; an untrusted peer cannot pick its address', async () => {
    const c = raw(door);
    const statuses = async (from: RawClient, xff: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await from.send({ method: 'GET', target: '/api/fields', headers: { 'x-forwarded-for': xff } })).status);
      return out;
    };
    const a = await statuses(c, CITIZEN_A, 41);
    expect(a.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(a[40]).toBe(429);
    const limited = await c.send({ method: 'GET', target: '/api/fields', headers: { 'x-forwarded-for': CITIZEN_A } });
    expect(json(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another citizen behind the same proxy is not affected.
    expect(await statuses(c, CITIZEN_B, 1)).toEqual([200]);
    // A peer that is not the proxy (127.0.0.2) is counted as itself, whatever it forwards.
    const stranger = raw(door, '127.0.0.2');
    const s = [];
    for (let i = 0; i < 41; i++) s.push((await stranger.send({ method: 'GET', target: '/api/fields', headers: { 'x-forwarded-for': citizen() } })).status);
    expect(s.filter((x) => x === 429)).toHaveLength(1);
  });
});

describe('without PUBLIC_PORT', () => {
  it('opens no door, and the LAN serves as before', async () => {
    const t = await buildTestApp();
    try {
      expect(t.config.publicDoor).toBeUndefined();
      const res = await t.app.inject({ url: '/api/office' });
      expect(res.statusCode).toBe(200);
      expect(await login(t.app, 'admin')).toContain('motcua_session=');
    } finally {
      await t.close();
    }
  });
});
