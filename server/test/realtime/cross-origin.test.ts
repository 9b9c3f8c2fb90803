import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/events';
import { buildTestApp, count, issue, login, staffAtCounter } from '../helper';
import { RawClient } from '../raw-http';
import { XLSX_TYPE } from '../../src/services/catalog-spreadsheet';

const PUBLIC_URL = 'http://motcua.phuong-hoa-binh.vn';

describe('cross-site requests and sockets: Origin / Sec-Fetch-Site checked on unsafe methods and the handshake', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let port = 0;
  let url = '';
  let own = '';
  let staff = '';
  let supervisor = '';
  let client: RawClient;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: true }, config: { publicUrl: PUBLIC_URL } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    own = `http://127.0.0.1:${port}`;
    staff = await staffAtCounter(t.app, 'canbo1', 1);
    supervisor = await login(t.app, 'giamsat');
    client = new RawClient(port);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    client.close();
    await t.close();
  });

  const called = () => count(t.app, "SELECT COUNT(*) AS n FROM tickets WHERE status = 'called'");
  const callNext = (headers: Record<string, string>, body?: string) =>
    client.send({ method: 'POST', target: '/api/counters/1/call-next', headers: { host: `127.0.0.1:${port}`, cookie: staff, ...headers }, ...(body === undefined ? {} : { body }) });

  it('refuses a signed-in console\'s call-next sent by a page on another port of the same host; nothing is called', async () => {
    for (let i = 0; i < 4; i++) await issue(t.app, 1);
    const before = called();
    const foreign: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:5555' },
      { origin: `http://127.0.0.1:${port}.evil.example` },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const r = await callNext(headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'CROSS_ORIGIN_REFUSED' });
    }
    expect(called()).toBe(before);
    // The screens themselves (same origin), the configured PUBLIC_URL and clients that are not browsers still work.
    const allowed: Record<string, string>[] = [{ origin: own, 'sec-fetch-site': 'same-origin' }, { origin: PUBLIC_URL }, { 'sec-fetch-site': 'same-origin' }, {}];
    for (const headers of allowed) {
      const r = await callNext(headers);
      expect(r.status, JSON.stringify(headers)).toBe(200);
    }
    expect(called()).toBe(1);
  });

  it('refuses bodies that are not JSON (text/plain on a bodiless POST), except on upload routes', async () => {
    await issue(t.app, 1);
    const before = count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ticket.called'");
    for (const [type, body] of [
      ['text/plain', ''],
      ['text/plain;charset=UTF-8', '{}'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x--'],
    ] as const) {
      const r = await callNext({ origin: own, 'content-type': type }, body);
      expect(r.status, type).toBe(415);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ticket.called'")).toBe(before);
    const admin = await login(t.app, 'admin');
    const upload = await client.send({ method: 'POST', target: '/api/admin/catalog/import/xlsx', headers: { host: `127.0.0.1:${port}`, origin: own, cookie: admin, 'content-type': XLSX_TYPE }, body: 'PK không phải zip' });
    expect(upload.status).toBe(400);
    expect(JSON.parse(upload.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  const open = (transports: ('websocket' | 'polling')[], headers: Record<string, string>) => {
    const s = connect(url, { auth: { role: 'counter', protocolVersion: PROTOCOL_VERSION, counterId: 1 }, transports, reconnection: false, forceNew: true, extraHeaders: { cookie: supervisor, ...headers } });
    sockets.push(s);
    return new Promise<'connected' | 'refused'>((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', () => resolve('refused'));
    });
  };

  it('refuses the Socket.IO handshake of a page of another origin (the monitor stays unread), on both transports', async () => {
    for (const transports of [['websocket'], ['polling']] as const) {
      expect(await open([...transports], { origin: 'http://127.0.0.1:5555' }), transports[0]).toBe('refused');
      expect(await open([...transports], { 'sec-fetch-site': 'cross-site' }), transports[0]).toBe('refused');
      expect(await open([...transports], { origin: own }), transports[0]).toBe('connected');
      expect(await open([...transports], { origin: PUBLIC_URL }), transports[0]).toBe('connected');
      expect(await open([...transports], {}), transports[0]).toBe('connected');
    }
    const s = connect(url, { auth: { role: 'counter', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: supervisor, origin: own } });
    sockets.push(s);
    await new Promise<void>((r) => s.once('connect', () => r()));
    const ack = (await s.timeout(3000).emitWithAck('monitor:watch')) as { ok: boolean };
    expect(ack.ok).toBe(true);
  });
});
