import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayFigures } from '@shared/schemas/province';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { buildTestApp, count, login, wrongToken } from '../helper';
import { openSocket, RawClient } from '../raw-http';
import { documentedRoutes, sampleUrl } from '../route-table';
import { prng, spellings } from '../spellings';

const figures = (day: string, serviceCode: string, tickets: number): DayFigures => ({
  day,
  serviceCode,
  serviceName: serviceCode === 'HT' ? 'Hộ tịch' : 'Chứng thực',
  tickets,
  served: tickets - 1,
  noShow: 1,
  waitSeconds: (tickets - 1) * 600,
  waited: tickets - 1,
  serveSeconds: (tickets - 1) * 300,
});

describe('the province hub (HUB_ROLE=province): offices, enrolment, heartbeats, records once each, roll-up', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin = '';
  let supervisor = '';

  beforeAll(async () => {
    t = await buildTestApp({ config: { role: 'province' } });
    admin = await login(t.app, 'admin');
    supervisor = await login(t.app, 'giamsat');
  });
  afterAll(async () => t.close());

  const inject = (method: 'GET' | 'POST', url: string, opts: { cookie?: string; credential?: string; payload?: object } = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.credential ? { [OFFICE_CREDENTIAL_HEADER]: opts.credential } : {}) },
      ...(opts.payload ? { payload: opts.payload } : {}),
    });
  const offices = async () => (await inject('GET', '/api/province/offices', { cookie: supervisor })).json() as { id: number; code: string; state: string; online: boolean; waiting: number; openCounters: number }[];

  it('starts as the demo province: its offices listed, none enrolled; no queue, kiosk or counter route exists', async () => {
    const list = await offices();
    expect(list.map((o) => o.code)).toEqual(expect.arrayContaining(['000.00.31.H26', '000.31.26.H26', '000.32.26.H26']));
    expect(list.every((o) => o.state === 'pending' && !o.online)).toBe(true);
    for (const url of ['/api/services', '/api/queue/snapshot', '/api/counters', '/t/abc']) expect((await inject('GET', url, { cookie: admin })).statusCode, url).toBe(404);
    expect((await inject('POST', '/api/tickets', { payload: { serviceId: 1 } })).statusCode).toBe(404);
    const doc = (await inject('GET', '/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/province/offices');
    expect(Object.keys(doc.paths)).not.toContain('/api/tickets');
  });

  it('adds an office (admin only), enrols it once with its token, and takes its heartbeats', async () => {
    const bad = await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'X', code: 'a b' } });
    expect(bad.statusCode).toBe(400);
    expect((await inject('POST', '/api/province/offices', { cookie: supervisor, payload: { name: 'Xã Mới', code: '000.40.26.H26' } })).statusCode).toBe(403);
    const added = await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'UBND xã Mới', code: '000.40.26.H26' } });
    expect(added.statusCode).toBe(201);
    const { id, enrollToken } = added.json() as { id: number; enrollToken: string };
    expect((await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'Trùng', code: '000.40.26.H26' } })).json()).toMatchObject({ code: 'OFFICE_CODE_TAKEN' });
    // Only the token's hash is stored.
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM province_offices WHERE enroll_token_hash = ?', enrollToken)).toBe(0);

    const wrong = await inject('POST', '/api/province/enroll', { payload: { code: '000.40.26.H26', enrollToken: wrongToken(enrollToken) } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'ENROLL_TOKEN_INVALID' });
    const enrolled = await inject('POST', '/api/province/enroll', { payload: { code: '000.40.26.H26', enrollToken } });
    expect(enrolled.statusCode).toBe(200);
    const { credential, officeId } = enrolled.json() as { credential: string; officeId: number };
    expect(officeId).toBe(id);
    expect((await inject('POST', '/api/province/enroll', { payload: { code: '000.40.26.H26', enrollToken } })).statusCode).toBe(401);

    const beat = { sentAt: new Date(t.clock.now()).toISOString(), waiting: 12, longestWaitMinutes: 25, openCounters: 3, printersDown: 1, version: '0.1.0' };
    expect((await inject('POST', '/api/province/heartbeat', { payload: beat })).json()).toMatchObject({ code: 'OFFICE_CREDENTIAL_INVALID' });
    expect((await inject('POST', '/api/province/heartbeat', { credential, payload: beat })).statusCode).toBe(204);
    expect((await offices()).find((o) => o.id === id)).toMatchObject({ state: 'enrolled', online: true, waiting: 12, openCounters: 3 });
    // No heartbeat for two minutes: offline on the board.
    t.clock.advance(2 * 60_000);
    expect((await offices()).find((o) => o.id === id)).toMatchObject({ online: false, waiting: 12 });
  });

  it('stores each record once: a resend changes nothing, a later figure replaces an earlier one, totals add up', async () => {
    const added = (await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'UBND xã Đông', code: '000.41.26.H26' } })).json() as { id: number; enrollToken: string };
    const { credential } = (await inject('POST', '/api/province/enroll', { payload: { code: '000.41.26.H26', enrollToken: added.enrollToken } })).json() as { credential: string };
    const send = (records: { seq: number; kind: 'day_figures'; data: DayFigures }[]) => inject('POST', '/api/province/sync', { credential, payload: { records } });
    const batch = [
      { seq: 1, kind: 'day_figures' as const, data: figures('2026-12-01', 'HT', 30) },
      { seq: 2, kind: 'day_figures' as const, data: figures('2026-12-01', 'CT', 10) },
      { seq: 3, kind: 'day_figures' as const, data: figures('2026-12-02', 'HT', 20) },
    ];
    expect((await send(batch)).json()).toEqual({ accepted: 3, duplicates: 0, lastSeq: 3 });
    const report = async () =>
      ((await inject('GET', '/api/province/reports/queue?from=2026-12-01&to=2026-12-02', { cookie: supervisor })).json() as { offices: { id: number; tickets: number; served: number; noShow: number; avgWaitMinutes: number | null }[]; totals: { tickets: number } });
    const mine = async () => (await report()).offices.find((o) => o.id === added.id);
    expect(await mine()).toEqual({ id: added.id, code: '000.41.26.H26', name: 'UBND xã Đông', tickets: 60, served: 57, noShow: 3, avgWaitMinutes: 10, avgServeMinutes: 5 });
    // The WAN dropped before the office heard the answer: it sends the same records again.
    expect((await send(batch)).json()).toEqual({ accepted: 0, duplicates: 3, lastSeq: 3 });
    expect((await mine())?.tickets).toBe(60);
    // The day went on: a later record carries the day's new figure for HT and replaces the earlier one.
    expect((await send([{ seq: 4, kind: 'day_figures', data: figures('2026-12-02', 'HT', 25) }])).json()).toMatchObject({ accepted: 1, lastSeq: 4 });
    expect((await mine())?.tickets).toBe(65);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM province_records WHERE office_id = ?', added.id)).toBe(4);
    // Totals are the sum of the offices.
    const r = await report();
    expect(r.totals.tickets).toBe(r.offices.reduce((a, o) => a + o.tickets, 0));
    expect((await inject('GET', '/api/province/reports/queue?from=2026-12-03&to=2026-12-01', { cookie: supervisor })).json()).toMatchObject({ code: 'INVALID_DATE_RANGE' });
    expect((await inject('POST', '/api/province/sync', { credential, payload: { records: [{ seq: 0, kind: 'day_figures', data: figures('2026-12-01', 'HT', 1) }] } })).statusCode).toBe(400);
  });

  it('revoking an office refuses its next heartbeat at once and gives it a new token; audited', async () => {
    const added = (await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'UBND xã Tây', code: '000.42.26.H26' } })).json() as { id: number; enrollToken: string };
    const { credential } = (await inject('POST', '/api/province/enroll', { payload: { code: '000.42.26.H26', enrollToken: added.enrollToken } })).json() as { credential: string };
    const beat = { sentAt: new Date(t.clock.now()).toISOString(), waiting: 0, longestWaitMinutes: 0, openCounters: 0, printersDown: 0, version: '0.1.0' };
    expect((await inject('POST', '/api/province/heartbeat', { credential, payload: beat })).statusCode).toBe(204);
    const revoked = await inject('POST', `/api/province/offices/${added.id}/revoke`, { cookie: admin });
    expect(revoked.statusCode).toBe(200);
    expect((await inject('POST', '/api/province/heartbeat', { credential, payload: beat })).statusCode).toBe(401);
    expect((await offices()).find((o) => o.id === added.id)).toMatchObject({ state: 'revoked', online: false });
    const again = (revoked.json() as { enrollToken: string }).enrollToken;
    expect((await inject('POST', '/api/province/enroll', { payload: { code: '000.42.26.H26', enrollToken: again } })).statusCode).toBe(200);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('province.office_add', 'province.office_revoke')")).toBe(4);
  });

  it("takes an office hub's day_services records: every service of a day at once, a later seq replacing it", async () => {
    const added = (await inject('POST', '/api/province/offices', { cookie: admin, payload: { name: 'UBND xã Nam', code: '000.43.26.H26' } })).json() as { id: number; enrollToken: string };
    const { credential } = (await inject('POST', '/api/province/enroll', { payload: { code: '000.43.26.H26', enrollToken: added.enrollToken } })).json() as { credential: string };
    const day = (seq: number, ht: number, ct: number) => ({
      seq,
      kind: 'day_services' as const,
      data: { day: '2026-12-05', services: [ht, ct].map((n, i) => { const { day: _d, ...f } = figures('2026-12-05', i === 0 ? 'HT' : 'CT', n); return f; }) },
    });
    const sync = (records: object[]) => inject('POST', '/api/province/sync', { credential, payload: { records } });
    expect((await sync([day(7, 5, 2)])).json()).toEqual({ accepted: 1, duplicates: 0, lastSeq: 7 });
    expect((await sync([day(9, 6, 3), day(8, 100, 100)])).json()).toEqual({ accepted: 2, duplicates: 0, lastSeq: 9 });
    const rows = t.app.db.prepare('SELECT service_code, tickets, seq FROM province_day_figures WHERE office_id = ? ORDER BY service_code').all(added.id);
    // seq 8 arrived after seq 9: it is kept as a record but changes no figure.
    expect(rows).toEqual([{ service_code: 'CT', tickets: 3, seq: 9 }, { service_code: 'HT', tickets: 6, seq: 9 }]);
    expect((await sync([day(9, 6, 3)])).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    // A record of one kind with the other's data is refused whole.
    expect((await sync([{ seq: 10, kind: 'day_services', data: figures('2026-12-05', 'HT', 1) }])).statusCode).toBe(400);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM province_records WHERE office_id = ?', added.id)).toBe(3);
  });
});

describe("the province hub's machine routes and request bodies", () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let port = 0;
  beforeAll(async () => {
    t = await buildTestApp({ config: { role: 'province' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('answers a caller without a credential 401 on the request head, without reading the 1 MB body it announced', async () => {
    for (const path of ['/api/province/sync', '/api/province/heartbeat']) {
      const socket = await openSocket(port);
      const got = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (d: Buffer) => {
          text += d.toString('latin1');
          if (text.includes('\r\n\r\n')) resolve(text);
        });
      });
      // The head only: a hub that waited for the body would never answer.
      socket.write(`POST ${path} HTTP/1.1\r\nhost: tinh.test\r\ncontent-type: application/json\r\ncontent-length: 1048576\r\n${OFFICE_CREDENTIAL_HEADER}: not-a-credential\r\n\r\n`);
      const head = await got;
      socket.destroy();
      expect(head.split('\r\n')[0], path).toBe('HTTP/1.1 401 Unauthorized');
    }
  });

  it("takes a large office's day (300 staff with their ratings, well over 64 KB) from an enrolled office", async () => {
    const admin = await login(t.app, 'admin');
    const added = (await t.app.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: admin }, payload: { name: 'Trung tâm lớn', code: '000.44.26.H26' } })).json() as { enrollToken: string };
    const { credential } = (await t.app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code: '000.44.26.H26', enrollToken: added.enrollToken } })).json() as { credential: string };
    const q = { tickets: 10, served: 9, noShow: 1, waitSeconds: 900, waited: 9, serveSeconds: 1200 };
    const staff = Array.from({ length: 300 }, (_, i) => ({ staff: `canbo${i}`, ...q }));
    const data = {
      day: '2026-12-04',
      services: [{ serviceCode: 'HT', serviceName: 'Hộ tịch', ...q }],
      counters: Array.from({ length: 100 }, (_, i) => ({ counter: `Quầy ${i + 1}`, ...q })),
      staff,
      fields: [],
      ratings: staff.flatMap((s) => (['very_satisfied', 'satisfied', 'unsatisfied'] as const).map((level) => ({ staff: s.staff, level, count: 2 }))),
    };
    const payload = { records: [{ seq: 1, kind: 'day_facts', data }] };
    expect(JSON.stringify(payload).length).toBeGreaterThan(64 * 1024);
    const r = await t.app.inject({ method: 'POST', url: '/api/province/sync', headers: { [OFFICE_CREDENTIAL_HEADER]: credential }, payload });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ accepted: 1, duplicates: 0, lastSeq: 1 });
  });
});

describe('an office hub', () => {
  it('has no province routes', async () => {
    const t = await buildTestApp();
    try {
      const admin = await login(t.app, 'admin');
      expect((await t.app.inject({ url: '/api/province/offices', headers: { cookie: admin } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code: '000.40.26.H26', enrollToken: 'x'.repeat(20) } })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('the province hub\'s routes, spelled as an attacker would, over a raw socket', () => {
  it('answer every percent-escaped, doubled-slash and absolute-form spelling as the plain one: never a 2xx it refuses, never a 5xx', async () => {
    const t = await buildTestApp({ config: { role: 'province' } });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const raw = new RawClient((t.app.server.address() as { port: number }).port);
      // The roll-up's 7, the dossier and satisfaction reports' 2, one office's day and the published catalog's 3; and
      // the catalog administration the province hub shares with offices (its editing before a publication).
      const routes = documentedRoutes(t.app).filter((r) => r.includes('/api/province/') || r.includes('/api/admin/'));
      expect(routes.filter((r) => r.includes('/api/province/')).length).toBe(13);
      expect(routes).toContain('PUT /api/admin/procedures/{id}');
      const rnd = prng(21);
      const problems: string[] = [];
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        const url = sampleUrl(path);
        const send = (target: string) =>
          raw.send({ method, target, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
        const plain = await send(url);
        expect(plain.status, route).toBeGreaterThanOrEqual(400);
        for (const v of spellings(url, rnd).filter((s) => s.same)) {
          const r = await send(v.target);
          if (r.status >= 500 || r.status < 300 || r.status !== plain.status) problems.push(`${route} as ${v.target}: ${r.status}, plain ${plain.status}`);
        }
      }
      raw.close();
      expect(problems).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
