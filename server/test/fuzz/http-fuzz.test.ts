import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@shared/errors';
import type { App } from '../../src/app';
import { buildTestApp, login } from '../helper';
import { hostileBodies, invalidBodies, invalidQueryValues, WEIRD_STRINGS, type JsonSchema } from './fuzz-values';

interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  bodyTypes: string[];
}

/** Every operation of the generated OpenAPI document: the fuzzer follows the routes as they are, new ones included. */
function operations(app: App): Operation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
      bodyTypes: Object.keys(op.requestBody?.content ?? {}),
    })),
  );
}

/** Every row of every table but the FTS index and session bookkeeping: what a rejected request must not change. */
function fingerprint(app: App): string {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%' AND name NOT IN ('sessions')")
    .all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, app.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

/** Lone surrogates cannot be percent-encoded: replace them as String#toWellFormed does (Node 20 has it; lib es2023 types do not). */
function wellFormed(value: string): string {
  return (value as string & { toWellFormed(): string }).toWellFormed();
}

/** A concrete URL: path parameters filled with a sample (or the given override), plus a query string. */
function url(op: Operation, override: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(override[name] ?? '1')));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

const CODES = Object.values(ErrorCode) as string[];

describe('fuzz: every route of the OpenAPI document with malformed and hostile input', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let ops: Operation[];
  let admin: string;
  const seen = { requests: 0, rejected: 0 };
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, 'admin');
    await t.app.ready();
    ops = operations(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  async function send(op: Operation, target: string, cookie: string | undefined, payload?: string, type = 'application/json') {
    const res = await t.app.inject({
      method: op.method as 'GET',
      url: target,
      headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': type } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    });
    seen.requests++;
    const where = `${op.method} ${target.slice(0, 120)} ${payload?.slice(0, 80) ?? ''}`;
    expect(res.statusCode, where).toBeLessThan(500);
    if (res.statusCode >= 400) {
      seen.rejected++;
      expect(CODES, `${where} → ${res.body.slice(0, 200)}`).toContain(res.json().code);
    }
    return res;
  }

  it('rejects invalid input with a coded 4xx and leaves the database unchanged', { timeout: 120_000 }, async () => {
    // The hub's 30-second scheduler starts the queue day on its first tick: start it now, so a slow run (a busy
    // machine, more routes) does not count the scheduler's write as a rejected request's.
    t.app.hub.queue.rollIfNeeded();
    const before = fingerprint(t.app);
    for (const op of ops) {
      for (const cookie of [admin, undefined]) {
        const attempts: { target: string; payload?: string; type?: string }[] = [];
        for (const p of op.params.filter((x) => x.in === 'path' || x.in === 'query')) {
          for (const bad of invalidQueryValues(p.schema)) {
            attempts.push({ target: p.in === 'path' ? url(op, { [p.name]: bad }) : url(op, {}, { [p.name]: bad }) });
          }
        }
        if (op.body) {
          for (const body of invalidBodies(op.body)) attempts.push({ target: url(op), payload: JSON.stringify(body) });
          attempts.push({ target: url(op), payload: '{"serviceId":' }, { target: url(op), payload: 'a=1', type: 'application/x-www-form-urlencoded' });
          attempts.push({ target: url(op), payload: JSON.stringify({ x: 'đ'.repeat(1_100_000) }) });
        }
        for (const a of attempts) {
          const res = await send(op, a.target, cookie, a.payload, a.type);
          expect(res.statusCode, `${op.method} ${a.target} ${a.payload?.slice(0, 80)} was accepted`).toBeGreaterThanOrEqual(400);
        }
      }
    }
    expect(seen.rejected).toBeGreaterThan(2_000);
    expect(fingerprint(t.app)).toBe(before);
  });

  it('survives hostile strings and edge numbers in every string/number field, path and query parameter', { timeout: 120_000 }, async () => {
    const start = seen.requests;
    for (const op of ops) {
      // Sign-out, revocation and password changes would end the admin's session half-way: they run last.
      for (const p of op.params.filter((x) => x.in === 'path' || x.in === 'query')) {
        const strings = p.schema.type === 'string' ? WEIRD_STRINGS : WEIRD_STRINGS.slice(0, 8);
        for (const w of strings) await send(op, p.in === 'path' ? url(op, { [p.name]: w }) : url(op, {}, { [p.name]: w }), admin);
      }
      if (op.body) for (const body of hostileBodies(op.body)) await send(op, url(op), admin, JSON.stringify(body));
    }
    expect(seen.requests - start).toBeGreaterThan(1_000);
    // The hub still answers after all of it.
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
