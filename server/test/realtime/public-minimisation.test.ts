import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import type { QueueSnapshot } from '@shared/schemas/queue';
import { buildTestApp, login, staffAtCounter } from '../helper';
import { pairDevice } from '../helper-devices';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Luật 91/2025/QH15: a priority group is health data and a staff name is personal data. Over a real port, every push
 * a public screen (display, kiosk, rating tablet) receives during a whole ticket lifecycle, and the public snapshot,
 * must carry "priority" but not the group, and no staff name unless the office shows names; a staff console gets both.
 */
describe('public channels carry no priority group and no staff name', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  const clients: Client[] = [];

  function client(auth: Record<string, unknown>, cookie?: string): Promise<Client> {
    const s: Client = connect(url, { auth: { protocolVersion: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    clients.push(s);
    return new Promise((resolve, reject) => {
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
  }
  /** Every push a socket receives, as [event, payload]. */
  function record(s: Client): [string, unknown][] {
    const got: [string, unknown][] = [];
    s.onAny((event: string, payload: unknown) => got.push([event, payload]));
    return got;
  }
  const snapshotOver = (s: Client) => new Promise<Ack<QueueSnapshot>>((resolve) => s.emit('queue:snapshot', resolve));
  const post = (path: string, cookie?: string, body?: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };

  beforeEach(async () => {
    t = await buildTestApp({ now: Date.now, settings: { showStaffNames: false } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  async function lifecycle() {
    const display = await client({ role: 'display' });
    const kiosk = await client({ role: 'kiosk' });
    // A rating tablet is a paired device bound to its counter (open LAN mode too).
    const admin = await login(t.app, 'admin');
    const paired = await pairDevice(t.app, admin, 'rating', 'Đánh giá quầy 1');
    await t.app.inject({ method: 'PUT', url: `/api/admin/devices/${paired.id}/counter`, headers: { cookie: admin }, payload: { counterId: 1 } });
    const tablet = await client({ role: 'rating', counterId: 1 }, paired.cookie);
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    const consoleSocket = await client({ role: 'counter', counterId: 1 }, cookie);
    const pub = [record(display), record(kiosk), record(tablet)];
    const staff = record(consoleSocket);
    expect((await post('/api/tickets', undefined, { serviceId: 1, priorityGroup: 'pregnant' })).status).toBe(201);
    expect((await post('/api/tickets', undefined, { serviceId: 1, priorityGroup: 'disabled' })).status).toBe(201);
    for (const action of ['call-next', 'recall', 'start', 'park', 'call-next', 'finish']) expect((await post(`/api/counters/1/${action}`, cookie)).status).toBe(200);
    // The derived pushes (counter states, the finished ticket's rating request) follow within a few hundred ms.
    // The finished ticket's rating request comes with the last derived pushes; counter states are coalesced (on a fast
    // run the whole lifecycle may yield a single one), so wait for the request and one counter state, then a moment.
    await until(() => pub[2]!.some(([e]) => e === 'rating:requested') && pub[0]!.some(([e]) => e === 'counter:updated'));
    await new Promise((r) => setTimeout(r, 300));
    return { pub, staff, display, consoleSocket, cookie };
  }

  it('every push to displays, kiosks and rating tablets over a ticket lifecycle: priority yes, group and staff name no', async () => {
    const { pub, staff } = await lifecycle();
    for (const got of pub) {
      const text = JSON.stringify(got);
      expect(got.length).toBeGreaterThan(8);
      expect(text).not.toMatch(/pregnant|disabled|"staffId":\d/);
      expect(text).not.toContain('Nguyễn Văn An');
    }
    const issued = pub[0]!.filter(([e]) => e === 'ticket:issued').map(([, p]) => (p as { ticket: { priority: boolean; priorityGroup: null } }).ticket);
    expect(issued.map((x) => [x.priority, x.priorityGroup])).toEqual([
      [true, null],
      [true, null],
    ]);
    const call = pub[0]!.find(([e]) => e === 'ticket:called')![1] as Parameters<ServerToClientEvents['ticket:called']>[0];
    expect(call.call).toMatchObject({ number: 'A001', priority: true, priorityGroup: null });
    const tabletRequest = pub[2]!.find(([e]) => e === 'rating:requested')![1] as Parameters<ServerToClientEvents['rating:requested']>[0];
    expect(tabletRequest.request).toMatchObject({ number: 'A002', staffName: null });

    // The console hears each push once, in full.
    const staffIssued = staff.filter(([e]) => e === 'ticket:issued').map(([, p]) => (p as { ticket: { priorityGroup: string } }).ticket.priorityGroup);
    expect(staffIssued).toEqual(['pregnant', 'disabled']);
    expect(staff.filter(([e]) => e === 'ticket:called')).toHaveLength(pub[0]!.filter(([e]) => e === 'ticket:called').length);
    expect(JSON.stringify(staff.filter(([e]) => e === 'counter:updated'))).toContain('Nguyễn Văn An');
  });

  it('the snapshot: public over HTTP and to screens; in full to a staff caller and a console', async () => {
    const { display, consoleSocket, cookie } = await lifecycle();
    await post('/api/tickets', undefined, { serviceId: 1, priorityGroup: 'elderly' });
    await post('/api/counters/1/call-next', cookie);
    const anonymous = await fetch(`${url}/api/queue/snapshot`);
    const raw = await anonymous.text();
    // The office's list of offered groups is public (the kiosk shows it); no ticket's group is.
    expect(raw).not.toMatch(/"priorityGroup":"/);
    expect(raw).not.toMatch(/"staffId":\d/);
    expect(raw).not.toContain('Nguyễn Văn An');
    const snap = JSON.parse(raw) as QueueSnapshot;
    expect(snap.counters.find((c) => c.id === 1)).toMatchObject({ staffName: null, currentTicket: { number: 'A003', priority: true, priorityGroup: null } });
    expect(snap.recentCalls[0]).toMatchObject({ number: 'A003', priority: true, priorityGroup: null });

    const asStaff = (await (await fetch(`${url}/api/queue/snapshot`, { headers: { cookie } })).json()) as QueueSnapshot;
    expect(asStaff.counters.find((c) => c.id === 1)).toMatchObject({ staffName: 'Nguyễn Văn An', currentTicket: { priorityGroup: 'elderly' } });
    expect(asStaff.recentCalls[0]).toMatchObject({ priorityGroup: 'elderly' });

    const overDisplay = await snapshotOver(display);
    const overConsole = await snapshotOver(consoleSocket);
    if (!overDisplay.ok || !overConsole.ok) throw new Error('snapshot refused');
    expect(JSON.stringify(overDisplay.data)).not.toMatch(/"priorityGroup":"|Nguyễn Văn An/);
    expect(overConsole.data.counters.find((c) => c.id === 1)?.currentTicket?.priorityGroup).toBe('elderly');
  });

  it('staff names appear on public screens once the office chooses to show them', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), showStaffNames: true });
    const { pub } = await lifecycle();
    const counters = pub[0]!.filter(([e]) => e === 'counter:updated').map(([, p]) => (p as Parameters<ServerToClientEvents['counter:updated']>[0]).counter);
    expect(counters.some((c) => c.staffName === 'Nguyễn Văn An')).toBe(true);
    const tabletRequest = pub[2]!.find(([e]) => e === 'rating:requested')![1] as Parameters<ServerToClientEvents['rating:requested']>[0];
    expect(tabletRequest.request.staffName).toBe('Nguyễn Văn An');
    // Still never the group.
    expect(JSON.stringify(pub)).not.toMatch(/pregnant|disabled/);
    const snap = (await (await fetch(`${url}/api/queue/snapshot`)).json()) as QueueSnapshot;
    expect(snap.counters.find((c) => c.id === 1)?.staffName).toBe('Nguyễn Văn An');
  });
});
