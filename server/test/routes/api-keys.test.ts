import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '@shared/schemas/integrations';
import { buildTestApp, count, login } from '../helper';
import { documentedRoutes, sampleUrl } from '../route-table';

/** The routes a key may call, by the scope each declares. */
const SCOPED: Record<string, string> = {
  'GET /api/services': 'queue:read',
  'GET /api/queue/snapshot': 'queue:read',
  'POST /api/tickets': 'tickets:issue',
  'GET /api/reports/queue': 'reports:read',
  'GET /api/reports/dossiers': 'reports:read',
  'GET /api/reports/satisfaction': 'reports:read',
  'GET /api/dossiers': 'dossiers:read',
  'GET /api/dossiers/by-code/{code}': 'dossiers:read',
  'GET /api/dossiers/{id}': 'dossiers:read',
  // A booking portal or the province's one-stop system books for citizens: what a citizen's phone does, no more.
  'GET /api/appointments/options': 'appointments:write',
  'GET /api/appointments/slots': 'appointments:write',
  'POST /api/appointments': 'appointments:write',
  'GET /api/appointments/{code}': 'appointments:write',
  'POST /api/appointments/{code}/cancel': 'appointments:write',
};

describe('API keys: scopes, revocation, rate limit, audit', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  beforeAll(async () => {
    t = await buildTestApp({ config: { apiKeyRateLimit: 1000 } });
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const createKey = async (name: string, scopes: string[]) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie: admin }, payload: { name, scopes } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number; key: string }>();
  };
  const call = (key: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload === undefined ? {} : { payload }) });

  it('refuses bad bodies; shows the key once and stores only its hash', async () => {
    for (const payload of [{ name: '', scopes: ['queue:read'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['admin'] }, { name: 'x' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie: admin }, payload });
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(count(t.app, 'SELECT count(*) AS n FROM api_keys')).toBe(0);
    const { id, key } = await createKey('Cổng tỉnh', ['queue:read']);
    expect(key).toMatch(/^mcua_[A-Za-z0-9_-]{43}$/);
    expect(count(t.app, 'SELECT count(*) AS n FROM api_keys WHERE key_hash = ? OR prefix = ?', key, key)).toBe(0);
    const list = await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: admin } });
    expect(list.body).not.toContain(key);
    expect(list.json()).toEqual([expect.objectContaining({ id, name: 'Cổng tỉnh', scopes: ['queue:read'], prefix: key.slice(0, 11), revokedAt: null })]);
    expect(count(t.app, "SELECT count(*) AS n FROM audit_log WHERE action = 'api_key.create' AND target_id = ?", String(id))).toBe(1);
  });

  it('works exactly on the routes its scopes cover (403 elsewhere), whatever their role rule', async () => {
    const { key } = await createKey('Mọi quyền', [...API_SCOPES]);
    const narrow = await createKey('Chỉ hàng chờ', ['queue:read']);
    const wrong: string[] = [];
    for (const route of documentedRoutes(t.app)) {
      const [method, path] = route.split(' ') as [string, string];
      if (method === 'DELETE' || method === 'PUT') {
        const res = await t.app.inject({ method, url: sampleUrl(path), headers: { authorization: `Bearer ${key}` }, payload: {} });
        if (res.statusCode !== 403 || res.json().code !== 'API_KEY_SCOPE') wrong.push(`${route}: ${res.statusCode}`);
        continue;
      }
      const res = await call(key, method as 'GET' | 'POST', sampleUrl(path), method === 'POST' ? {} : undefined);
      const refused = res.statusCode === 403 && res.json().code === 'API_KEY_SCOPE';
      if (refused === route in SCOPED) wrong.push(`${route}: ${res.statusCode}`);
      if (res.statusCode >= 500) wrong.push(`${route}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect((await call(narrow.key, 'GET', '/api/queue/snapshot')).statusCode).toBe(200);
    for (const [method, url] of [['GET', '/api/reports/queue?from=2026-11-01&to=2026-11-23'], ['POST', '/api/tickets'], ['GET', '/api/dossiers/1']] as const) {
      const res = await call(narrow.key, method, url, method === 'POST' ? { serviceId: 1 } : undefined);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('API_KEY_SCOPE');
    }
  });

  it('issues a ticket under the key (audited with it); reads a dossier (access log names the key)', async () => {
    const { id, key } = await createKey('Ki-ốt đối tác', ['tickets:issue', 'dossiers:read']);
    const res = await call(key, 'POST', '/api/tickets', { serviceId: 1 });
    expect(res.statusCode).toBe(201);
    expect(count(t.app, 'SELECT count(*) AS n FROM tickets WHERE id = ?', res.json<{ id: number }>().id)).toBe(1);
    const audit = t.app.db.prepare("SELECT api_key_id, user_id, details FROM audit_log WHERE action = 'api_key.use' ORDER BY id DESC").get() as { api_key_id: number; user_id: number | null; details: string };
    expect(audit).toMatchObject({ api_key_id: id, user_id: null });
    expect(JSON.parse(audit.details)).toMatchObject({ method: 'POST', route: '/api/tickets', status: 201 });
    const dossier = await call(key, 'GET', '/api/dossiers/1');
    expect(dossier.statusCode).toBe(200);
    expect(t.app.db.prepare('SELECT api_key_id, user_id, kind FROM personal_data_reads ORDER BY id DESC').get()).toEqual({ api_key_id: id, user_id: null, kind: 'view' });
  });

  it('refuses an unknown key and a revoked one at once (401)', async () => {
    const { id, key } = await createKey('Tạm', ['queue:read']);
    expect((await call(key, 'GET', '/api/services')).statusCode).toBe(200);
    for (const bad of [`${key}x`, 'mcua_nope', 'abc']) {
      const res = await call(bad, 'GET', '/api/services');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('API_KEY_INVALID');
    }
    const del = await t.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${id}`, headers: { cookie: admin } });
    expect(del.statusCode).toBe(204);
    const after = await call(key, 'GET', '/api/services');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('API_KEY_INVALID');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/admin/api-keys/9999', headers: { cookie: admin } })).json().code).toBe('API_KEY_NOT_FOUND');
    // A key never lends admin rights, even with an admin's cookie alongside.
    const both = await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: admin, authorization: `Bearer ${key}` } });
    expect(both.statusCode).toBe(401);
  });

  it('limits each key per minute', async () => {
    const limited = await buildTestApp({ config: { apiKeyRateLimit: 3 } });
    try {
      const cookie = await login(limited.app, 'admin');
      const { key } = (await limited.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie }, payload: { name: 'k', scopes: ['queue:read'] } })).json<{ key: string }>();
      const other = (await limited.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie }, payload: { name: 'k2', scopes: ['queue:read'] } })).json<{ key: string }>().key;
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ url: '/api/services', headers: { authorization: `Bearer ${key}` } })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect((await limited.app.inject({ url: '/api/services', headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
