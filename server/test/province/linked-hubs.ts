import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import { buildTestApp, login } from '../helper';

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** Polls an async check until it holds (real time: the outbox and the heartbeat run on real timers). */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A province hub listening on a real port and an office hub with fast delivery timing and a 150 ms heartbeat, both on
 * real SQLite files, their admins signed in; started before the file's tests and closed after them. `office` adds to
 * the office's config.
 */
export function linkedHubs(office: Partial<Config> = {}) {
  const hubs = { province: undefined as unknown as TestApp, office: undefined as unknown as TestApp, provinceUrl: '', pAdmin: '', oAdmin: '' };
  beforeAll(async () => {
    hubs.province = await buildTestApp({ config: { role: 'province' } });
    await hubs.province.app.listen({ port: 0, host: '127.0.0.1' });
    hubs.provinceUrl = `http://127.0.0.1:${(hubs.province.app.server.address() as AddressInfo).port}`;
    hubs.office = await buildTestApp({ config: { webhooks: { retryBaseMs: 50, retryMaxMs: 200, pollMs: 100, timeoutMs: 2000 }, provinceHeartbeatMs: 150, ...office } });
    await hubs.office.app.ready();
    hubs.pAdmin = await login(hubs.province.app, 'admin');
    hubs.oAdmin = await login(hubs.office.app, 'admin');
  });
  afterAll(async () => {
    await hubs.office.close();
    await hubs.province.close();
  });
  return hubs;
}
