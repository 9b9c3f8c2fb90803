import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ROLES, type AccessRole } from '@shared/access';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

const E = ACCESS_ROLES;
const K: AccessRole[] = ['kiosk', 'staff', 'supervisor', 'admin'];
const S: AccessRole[] = ['staff', 'supervisor', 'admin'];
const SV: AccessRole[] = ['supervisor', 'admin'];
const A: AccessRole[] = ['admin'];

/** Who may call each route. Every route of the OpenAPI document must be listed: a new route cannot be forgotten. */
const EXPECTED: Record<string, readonly AccessRole[]> = {
  'GET /api/health': E,
  'GET /api/services': E,
  'GET /api/queue/snapshot': E,
  'POST /api/admin/reset-day': A,
  'POST /api/tickets': K,
  'POST /api/tickets/{id}/transfer': S,
  'POST /api/tickets/{id}/reactivate': S,
  'POST /api/tickets/{id}/cancel': S,
  'POST /api/auth/login': E,
  'POST /api/auth/logout': S,
  'POST /api/auth/logout-all': S,
  'GET /api/auth/me': S,
  'POST /api/auth/password': S,
  'GET /api/counters': S,
  'POST /api/counters/{id}/open': S,
  'POST /api/counters/{id}/close': S,
  'POST /api/counters/{id}/call-next': S,
  'POST /api/counters/{id}/recall': S,
  'POST /api/counters/{id}/start': S,
  'POST /api/counters/{id}/finish': S,
  'POST /api/counters/{id}/no-show': S,
  'POST /api/counters/{id}/park': S,
  'POST /api/counters/{id}/call': S,
  'GET /api/devices/me': E,
  'POST /api/devices/pairing': E,
  'GET /api/devices/pairing/{pairingId}': E,
  'GET /api/admin/devices': A,
  'POST /api/admin/devices': A,
  'POST /api/admin/devices/{id}/revoke': A,
  'GET /api/admin/audit': SV,
  'GET /api/admin/settings': A,
  'PUT /api/admin/settings': A,
  'GET /api/admin/services': A,
  'POST /api/admin/services': A,
  'PUT /api/admin/services/{id}': A,
  'GET /api/admin/counters': A,
  'POST /api/admin/counters': A,
  'PUT /api/admin/counters/{id}': A,
  'GET /api/admin/users': SV,
  'POST /api/admin/users': A,
  'PUT /api/admin/users/{id}': A,
  'POST /api/admin/users/{id}/password': A,
  'GET /api/admin/backups': A,
  'POST /api/admin/backups': A,
  'GET /api/admin/backups/{name}': A,
  'GET /api/fields': E,
  'GET /api/procedures': E,
  'GET /api/procedures/{id}': E,
  'GET /api/admin/catalog/export': A,
  'POST /api/admin/catalog/import': A,
  'GET /api/admin/procedures/{id}': A,
  'POST /api/admin/procedures': A,
  'PUT /api/admin/procedures/{id}': A,
  'GET /api/office/logo': E,
  'PUT /api/admin/logo': A,
  'DELETE /api/admin/logo': A,
};
/** Routes that end the caller's own credentials: called last. */
const LAST = ['/logout', '/logout-all', '/revoke'];
const DENIED = ['UNAUTHENTICATED', 'DEVICE_NOT_PAIRED', 'FORBIDDEN'];

describe('access matrix: every route × every role (pairing required)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const cookies: Partial<Record<AccessRole, string>> = {};
  let routes: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
    cookies.admin = await login(t.app, 'admin');
    cookies.supervisor = await login(t.app, 'giamsat');
    cookies.staff = await staffAtCounter(t.app, 'canbo1', 1);
    for (const kind of ['kiosk', 'display', 'rating'] as const) cookies[kind] = (await pairDevice(t.app, cookies.admin, kind)).cookie;
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    routes.sort((a, b) => Number(LAST.some((l) => a.endsWith(l))) - Number(LAST.some((l) => b.endsWith(l))));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists exactly the routes the hub serves', () => {
    expect([...routes].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and refuses each route exactly as declared', async () => {
    const table: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace('{id}', '1').replace('{pairingId}', 'khong-co-yeu-cau-nay-0000').replace('{name}', 'motcua-20260101-000000.db');
      for (const role of ACCESS_ROLES) {
        // Sign-out routes end the session they are called with: give each call a fresh one.
        if (LAST.some((l) => route.endsWith(l)) && (role === 'staff' || role === 'supervisor' || role === 'admin')) {
          cookies[role] = await login(t.app, { staff: 'canbo1', supervisor: 'giamsat', admin: 'admin' }[role]);
        }
        const cookie = cookies[role];
        const res = await t.app.inject({
          method: method as 'GET' | 'POST' | 'PUT' | 'DELETE',
          url,
          headers: cookie ? { cookie } : {},
          ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}),
        });
        const code = res.statusCode >= 400 ? (res.json() as { code: string }).code : 'OK';
        const denied = DENIED.includes(code);
        const allowed = (EXPECTED[route] ?? []).includes(role);
        if (allowed === denied) table.push(`${route} as ${role}: ${res.statusCode} ${code}`);
        if (denied) expect(res.statusCode).toBe(code === 'FORBIDDEN' ? 403 : 401);
      }
    }
    expect(table).toEqual([]);
  });
});
