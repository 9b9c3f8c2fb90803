import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import { buildTestApp, staffAtCounter } from '../helper';
import { intakeBody } from '../dossier-helper';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('dossier pushes on a real port', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  const clients: Client[] = [];
  function client(auth: Record<string, unknown>, cookie?: string): Client {
    const s: Client = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    clients.push(s);
    return s;
  }
  const connected = (s: Client) => new Promise<void>((resolve, reject) => s.once('connect', () => resolve()).once('connect_error', reject));

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  }, 60_000);

  it('tells the other staff consoles after commit, and never a display', async () => {
    const c1 = await staffAtCounter(t.app, 'canbo1', 1);
    const c2 = await staffAtCounter(t.app, 'canbo2', 2);
    const other = client({ role: 'counter', protocolVersion: PROTOCOL_VERSION, counterId: 2 }, c2);
    const display = client({ role: 'display', protocolVersion: PROTOCOL_VERSION });
    await Promise.all([connected(other), connected(display)]);
    const seenByDisplay: unknown[] = [];
    display.on('dossier:updated', (p) => seenByDisplay.push(p));
    const pushes: { code: string; status: string; committed: number }[] = [];
    other.on('dossier:updated', ({ dossier }) =>
      pushes.push({ code: dossier.code, status: dossier.status, committed: (t.app.db.prepare('SELECT COUNT(*) n FROM dossiers WHERE code = ?').get(dossier.code) as { n: number }).n }),
    );
    const res = await fetch(`${url}/api/dossiers`, { method: 'POST', headers: { cookie: c1, 'content-type': 'application/json' }, body: JSON.stringify(intakeBody()) });
    expect(res.status).toBe(201);
    const d = (await res.json()) as { id: number; code: string };
    await fetch(`${url}/api/dossiers/${d.id}/process`, { method: 'POST', headers: { cookie: c1, 'content-type': 'application/json' }, body: '{}' });
    // A refused command pushes nothing.
    expect((await fetch(`${url}/api/dossiers/${d.id}/return`, { method: 'POST', headers: { cookie: c1, 'content-type': 'application/json' }, body: '{}' })).status).toBe(409);
    await expect.poll(() => pushes.length).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(pushes).toEqual([
      { code: d.code, status: 'received', committed: 1 },
      { code: d.code, status: 'processing', committed: 1 },
    ]);
    expect(seenByDisplay).toEqual([]);
  });
});
