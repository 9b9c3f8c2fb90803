import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@shared/errors';
import { buildTestApp } from '../helper';

/** The malformed-input sweep over every route is the OpenAPI-driven fuzz test in ../fuzz/http-fuzz.test.ts. */
describe('public contract paths and unknown paths', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let routes: { method: string; url: string }[];
  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), url: path })));
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
      'GET /api/announcements/preview',
      'GET /api/reports/queue',
      'GET /api/reports/dossiers',
      'GET /api/reports/satisfaction',
    ]) {
      expect(names).toContain(p);
    }
  });

  it('answers unknown API paths with a coded 404', async () => {
    const res = await t.app.inject({ url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe(ErrorCode.NOT_FOUND);
  });

  it('answers a path parameter longer than the router allows with a coded 400, not a framework error', async () => {
    const res = await t.app.inject({ url: `/api/procedures/${'9'.repeat(500)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('refuses numbers that only look finite (Ajv coerces "1e999" to Infinity and then skips maximum)', async () => {
    const res = await t.app.inject({ url: '/api/procedures?limit=1e999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
