import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@shared/errors';
import { buildTestApp, login, staffAtCounter } from '../helper';

const BODIES: unknown[] = [null, 'chuỗi', 42, [], [1, 2], { x: 1 }, { serviceId: '1; DROP TABLE tickets' }, { ticketId: -5 }, { serviceId: 1.5 }, { username: 'a'.repeat(500), password: 'b' }, { a: { b: { c: { d: [1, { e: 'đ' }] } } } }];
const IDS = ['abc', '-1', '0', '1.5', '99999999999', '%00', "1'--"];

/** Rows that a rejected request must never change. */
function fingerprint(db: { prepare: (sql: string) => { all: () => unknown[] } }): string {
  return JSON.stringify(
    ['tickets', 'ticket_events', 'sessions', 'counters', 'service_days', 'users', 'settings'].map((table) => db.prepare(`SELECT * FROM ${table}`).all()),
  );
}

describe('every route rejects malformed input with a coded 4xx and writes nothing', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  let staff: string;
  let routes: { method: string; url: string; hasBody: boolean }[];
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, 'admin');
    staff = await staffAtCounter(t.app, 'canbo1', 1);
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), url: path, hasBody: op.requestBody !== undefined })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('knows the public contract paths', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    for (const p of [
      'GET /api/health',
      'GET /api/services',
      'POST /api/tickets',
      'GET /api/queue/snapshot',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'POST /api/counters/{id}/open',
      'POST /api/counters/{id}/close',
      'POST /api/counters/{id}/call-next',
      'POST /api/counters/{id}/recall',
      'POST /api/counters/{id}/start',
      'POST /api/counters/{id}/finish',
      'POST /api/counters/{id}/no-show',
      'POST /api/counters/{id}/park',
      'POST /api/counters/{id}/call',
      'POST /api/tickets/{id}/transfer',
    ]) {
      expect(names).toContain(p);
    }
  });

  it('answers 4xx with a stable code for malformed ids, bodies, JSON and content types', async () => {
    const before = fingerprint(t.app.db);
    let requests = 0;
    // Routes with no input at all (e.g. logout, reset-day) have nothing to malform.
    for (const route of routes.filter((r) => r.hasBody || /\{(id|name|pairingId)\}/.test(r.url))) {
      const urls = /\{(id|name|pairingId)\}/.test(route.url) ? IDS.map((id) => route.url.replace(/\{(id|name|pairingId)\}/, id)) : [route.url];
      for (const url of urls) {
        for (const cookie of [admin, staff, undefined]) {
          const payloads: { payload?: string; type?: string }[] = route.method === 'GET' ? [{}] : [
            ...BODIES.map((b) => ({ payload: JSON.stringify(b), type: 'application/json' })),
            { payload: '{"serviceId":', type: 'application/json' },
            { payload: 'serviceId=1', type: 'application/x-www-form-urlencoded' },
            { payload: 'x'.repeat(70_000), type: 'text/plain' },
          ];
          for (const p of payloads) {
            const res = await t.app.inject({
              method: route.method as 'GET' | 'POST' | 'PUT' | 'DELETE',
              url,
              headers: { ...(cookie ? { cookie } : {}), ...(p.type ? { 'content-type': p.type } : {}) },
              ...(p.payload !== undefined ? { payload: p.payload } : {}),
            });
            requests++;
            expect(res.statusCode, `${route.method} ${url} ${p.payload?.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, `${route.method} ${url} ${p.payload?.slice(0, 40)}`).toBeLessThan(500);
            expect(Object.values(ErrorCode)).toContain(res.json().code);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(fingerprint(t.app.db)).toBe(before);
  });

  it('answers unknown API paths with a coded 404', async () => {
    const res = await t.app.inject({ url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
