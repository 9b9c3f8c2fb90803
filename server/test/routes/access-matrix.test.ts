import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ROLES, type AccessRole } from '@shared/access';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { DENIED, documentedRoutes, endsSession, freshSessions, roleCookies, sampleUrl } from '../route-table';

const E = ACCESS_ROLES;
const K: AccessRole[] = ['kiosk', 'staff', 'supervisor', 'admin'];
const S: AccessRole[] = ['staff', 'supervisor', 'admin'];
const SV: AccessRole[] = ['supervisor', 'admin'];
const A: AccessRole[] = ['admin'];

/** Who may call each route. Every route of the OpenAPI document must be listed: a new route cannot be forgotten. */
const EXPECTED: Record<string, readonly AccessRole[]> = {
  'GET /api/health': E,
  'GET /api/hub': E,
  'GET /api/services': E,
  'GET /api/queue/snapshot': E,
  'POST /api/admin/reset-day': A,
  'POST /api/tickets': K,
  'POST /api/tickets/{id}/transfer': S,
  'GET /api/tickets/{id}/holder': S,
  'POST /api/tickets/{id}/reactivate': S,
  'POST /api/tickets/{id}/cancel': S,
  'POST /api/auth/login': E,
  'POST /api/auth/logout': S,
  'POST /api/auth/logout-all': S,
  'GET /api/auth/me': S,
  'POST /api/auth/password': S,
  'GET /api/auth/preferences': S,
  'PUT /api/auth/preferences': S,
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
  'POST /api/admin/users/{id}/unlock': A,
  'GET /api/admin/backups': A,
  'POST /api/admin/backups': A,
  'GET /api/admin/backups/{name}': A,
  'GET /api/fields': E,
  'GET /api/procedures': E,
  'GET /api/procedures/{id}': E,
  'GET /api/admin/catalog/export': A,
  'POST /api/admin/catalog/import': A,
  'POST /api/admin/catalog/import/xlsx': A,
  'POST /api/admin/catalog/import/csv': A,
  'GET /api/admin/procedures': A,
  'PUT /api/admin/fields': A,
  'DELETE /api/admin/fields/{id}': A,
  'GET /api/forms/{name}': E,
  'GET /api/admin/catalog/files': A,
  'POST /api/admin/catalog/files': A,
  'DELETE /api/admin/catalog/files/{id}': A,
  'GET /api/admin/procedures/{id}': A,
  'POST /api/admin/procedures': A,
  'PUT /api/admin/procedures/{id}': A,
  'GET /api/office/logo': E,
  'PUT /api/admin/logo': A,
  'DELETE /api/admin/logo': A,
  'GET /api/printers/mine': K,
  'POST /api/tickets/{id}/reprint': S,
  'GET /api/admin/printers': A,
  'POST /api/admin/printers': A,
  'PUT /api/admin/printers/{id}': A,
  'DELETE /api/admin/printers/{id}': A,
  'POST /api/admin/printers/{id}/test': A,
  'GET /api/admin/print-jobs': A,
  'GET /api/admin/ticket-layout': A,
  'PUT /api/admin/ticket-layout': A,
  'GET /api/admin/ticket-layout/preview': A,
  'GET /api/admin/print-settings': A,
  'PUT /api/admin/print-settings': A,
  'GET /api/print-page/{trackingId}': E,
  'GET /api/print-page/{trackingId}/ticket.png': E,
  'GET /api/reports/queue': SV,
  'GET /api/reports/satisfaction': SV,
  'GET /api/reports/dossiers': SV,
  'GET /api/reports/appointments': SV,
  'GET /api/monitor': SV,
  'POST /api/monitor/counters/{id}/close': SV,
  'GET /api/displays/{id}': ['display', 'staff', 'supervisor', 'admin'],
  'GET /api/admin/displays': A,
  'POST /api/admin/displays': A,
  'PUT /api/admin/displays/{id}': A,
  'DELETE /api/admin/displays/{id}': A,
  'GET /api/announcements/preview': S,
  'GET /api/voice/{clip}': E,
  'GET /api/office': E,
  'GET /tra-cuu': E,
  'GET /tra-cuu/{id}': E,
  'GET /t/{trackingId}': E,
  'GET /api/track/{trackingId}': E,
  // Citizens only: a browser with a staff session is refused (staff cannot rate for the citizen).
  'POST /api/ratings': ['anonymous', 'kiosk', 'display', 'rating'],
  'PUT /api/admin/devices/{id}/counter': A,
  'POST /api/dossiers/due-date': E,
  'POST /api/dossiers': S,
  'POST /api/kiosk/dossiers-by-id-card': ['kiosk'],
  'GET /api/dossiers': S,
  'GET /api/dossiers/overdue': S,
  'GET /api/dossiers/due-soon': S,
  'GET /api/dossiers/by-code/{code}': S,
  'GET /api/dossiers/lookup/{code}': E,
  'GET /api/dossiers/{id}': S,
  'POST /api/dossiers/{id}/transfer': S,
  'POST /api/dossiers/{id}/process': S,
  'POST /api/dossiers/{id}/request-supplement': S,
  'POST /api/dossiers/{id}/resume': S,
  'POST /api/dossiers/{id}/ready': S,
  'POST /api/dossiers/{id}/return': S,
  'POST /api/dossiers/{id}/refuse': S,
  'POST /api/dossiers/{id}/withdraw': S,
  'POST /api/dossiers/{id}/reschedule': S,
  'GET /api/dossiers/book.xlsx': S,
  'GET /api/calendar': S,
  'GET /api/admin/data-access': SV,
  'GET /api/admin/privacy': A,
  'PUT /api/admin/privacy': A,
  'POST /api/admin/privacy/retention-run': A,
  'GET /api/privacy-notice': E,
  'GET /api/admin/data-subjects/{idNumber}': SV,
  'PUT /api/admin/dossiers/{id}/applicant': SV,
  'POST /api/admin/data-subjects/{idNumber}/erase': SV,
  'PUT /api/admin/calendar/{date}': A,
  'DELETE /api/admin/calendar/{date}': A,
  'GET /h/{code}': E,
  'GET /api/appointments/options': E,
  'GET /api/appointments/slots': E,
  'POST /api/appointments': E,
  'GET /api/appointments/today': S,
  'GET /api/appointments/{code}': E,
  'POST /api/appointments/{code}/cancel': E,
  'POST /api/appointments/{code}/check-in': K,
  'POST /api/appointments/check-in-by-id-card': ['kiosk'],
  'GET /api/admin/appointments': A,
  'PUT /api/admin/appointments/services/{id}': A,
  'PUT /api/admin/appointments/settings': A,
  'GET /api/appointments/blocks': S,
  'POST /api/appointments/blocks': S,
  'DELETE /api/appointments/blocks/{id}': S,
  'GET /h/{code}/{check}': E,
  'GET /api/admin/webhooks': A,
  'POST /api/admin/webhooks': A,
  'GET /api/admin/webhooks/{id}': A,
  'PUT /api/admin/webhooks/{id}': A,
  'DELETE /api/admin/webhooks/{id}': A,
  'GET /api/admin/webhooks/{id}/deliveries': A,
  'POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/replay': A,
  'POST /api/admin/webhooks/{id}/rotate-secret': A,
  'POST /api/admin/webhooks/{id}/ping': A,
  'GET /api/admin/webhook-settings': A,
  'PUT /api/admin/webhook-settings': A,
  'GET /api/admin/api-keys': A,
  'POST /api/admin/api-keys': A,
  'DELETE /api/admin/api-keys/{id}': A,
  'GET /api/admin/notifications': A,
  'PUT /api/admin/notifications': A,
  'POST /api/admin/notifications/test': A,
  'GET /api/admin/notifications/log': A,
  'GET /api/admin/province': A,
  'PUT /api/admin/province': A,
  'DELETE /api/admin/province': A,
  'GET /api/admin/province/catalog': A,
  'POST /api/admin/province/catalog/check': A,
  'POST /api/admin/province/catalog/apply': A,
  'POST /api/admin/province/catalog/unschedule': A,
  'PUT /api/track/{trackingId}/phone': E,
  'GET /api/notifications/available': E,
};

describe('access matrix: every route × every role (pairing required)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookies: Partial<Record<AccessRole, string>> = {};
  let routes: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
    cookies = await roleCookies(t.app, await staffAtCounter(t.app, 'canbo1', 1));
    await t.app.ready();
    routes = documentedRoutes(t.app);
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
      const url = sampleUrl(path);
      for (const role of ACCESS_ROLES) {
        // Sign-out routes end the session they are called with: give each call a fresh one.
        if (endsSession(route) && (role === 'staff' || role === 'supervisor' || role === 'admin')) [cookies[role]] = await freshSessions(t.app, role, 1);
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

/** The province hub's own routes (HUB_ROLE=province): its staff are an admin and supervisors; offices' machines call the rest. */
const PROVINCE: Record<string, readonly AccessRole[]> = {
  'GET /api/province/offices': SV,
  'POST /api/province/offices': A,
  'POST /api/province/offices/{id}/revoke': A,
  'POST /api/province/enroll': E,
  'POST /api/province/heartbeat': E,
  'POST /api/province/sync': E,
  'GET /api/province/reports/queue': SV,
  'GET /api/province/reports/dossiers': SV,
  'GET /api/province/reports/satisfaction': SV,
  'GET /api/province/offices/{id}/day': SV,
  'POST /api/province/catalog/publications': A,
  'GET /api/province/catalog/publications': SV,
  'GET /api/province/catalog/latest': E,
};

describe('access matrix of the province hub: every province route × anonymous, supervisor, admin', () => {
  it('lists exactly the province routes and allows and refuses each as declared', async () => {
    const t = await buildTestApp({ config: { role: 'province' } });
    try {
      const cookies: Partial<Record<AccessRole, string>> = { supervisor: await login(t.app, 'giamsat'), admin: await login(t.app, 'admin') };
      const routes = documentedRoutes(t.app).filter((r) => r.includes(' /api/province/'));
      expect([...routes].sort()).toEqual(Object.keys(PROVINCE).sort());
      const table: string[] = [];
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        for (const role of ['anonymous', 'supervisor', 'admin'] as const) {
          const cookie = role === 'anonymous' ? undefined : cookies[role];
          const query = path.includes('/reports/') ? '?from=2026-12-01&to=2026-12-02' : '';
          const res = await t.app.inject({ method: method as 'GET' | 'POST', url: `${sampleUrl(path)}${query}`, headers: cookie ? { cookie } : {}, ...(method === 'POST' ? { payload: {} } : {}) });
          const code = res.statusCode >= 400 ? (res.json() as { code: string }).code : 'OK';
          if ((PROVINCE[route] ?? []).includes(role) === DENIED.includes(code)) table.push(`${route} as ${role}: ${res.statusCode} ${code}`);
        }
      }
      expect(table).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
