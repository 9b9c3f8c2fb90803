import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login } from '../helper';
import { RawClient } from '../raw-http';

/**
 * `POST /api/admin/province/catalog/unschedule` (admin only) as an outsider sends it: raw request targets over a real
 * socket, percent-escaped anywhere in the path, answer exactly as the plain spelling does.
 */
describe('the catalog unschedule route over a raw socket', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let client: RawClient;
  let host = '';
  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    host = `127.0.0.1:${port}`;
    client = new RawClient(port);
  });
  afterAll(async () => {
    client.close();
    await t.close();
  });

  const TARGETS = ['/api/admin/province/catalog/unschedule', '/api/admin/province/catalog/%75nschedule', '/%61pi/admin/province/%63atalog/unschedul%65', '/api/admin/province/catalog/unschedule%2F'];
  const post = (target: string, cookie?: string) =>
    client.send({ method: 'POST', target, headers: { host, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ version: 1 }) });
  const code = (body: string) => /"code":"(\w+)"/.exec(body)?.[1];

  it('refuses anyone but an admin, however the path is spelled; the admin reaches the route (no such edition: 404)', async () => {
    const supervisor = await login(t.app, 'giamsat');
    const admin = await login(t.app, 'admin');
    for (const target of TARGETS.slice(0, 3)) {
      const anonymous = await post(target);
      expect([anonymous.status, code(anonymous.body)], target).toEqual([401, 'UNAUTHENTICATED']);
      expect((await post(target, supervisor)).status, target).toBe(403);
      const own = await post(target, admin);
      expect([own.status, code(own.body)], target).toEqual([404, 'CATALOG_EDITION_UNKNOWN']);
    }
    // An escaped slash is no path separator: no route, and never a 2xx or 5xx.
    const slash = await post(TARGETS[3] as string, admin);
    expect(slash.status).toBeGreaterThanOrEqual(400);
    expect(slash.status).toBeLessThan(500);
    expect(t.app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'catalog.%'").get()).toEqual({ n: 0 });
  });
});
