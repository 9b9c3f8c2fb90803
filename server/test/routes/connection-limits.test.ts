import type { Socket as TcpSocket } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared/events';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config';
import { buildTestApp, staffAtCounter } from '../helper';
import { openSocket, RawClient, serialise } from '../raw-http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with what the hub sent and when the connection closed (ms after `since`), or 'open' after `waitMs`. */
function outcome(s: TcpSocket, since: number, waitMs: number): Promise<{ reply: string; closedAfter: number | 'open' }> {
  return new Promise((resolve) => {
    let reply = '';
    s.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    const timer = setTimeout(() => resolve({ reply, closedAfter: 'open' }), waitMs);
    s.once('close', () => {
      clearTimeout(timer);
      resolve({ reply, closedAfter: Date.now() - since });
    });
  });
}

describe('limits: configuration', () => {
  it('gives a request 30 s to arrive and caps connections per address by default; both come from the environment', () => {
    expect(loadConfig({}).limits).toEqual({ requestTimeoutMs: 30_000, maxConnectionsPerAddress: 500 });
    expect(DEFAULT_LIMITS).toEqual(loadConfig({}).limits);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', MAX_CONNECTIONS_PER_ADDRESS: '0' }).limits).toEqual({ requestTimeoutMs: 5000, maxConnectionsPerAddress: 0 });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('limits: a trickled body is cut, a 64 KB body within the time completes (raw TCP)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let port = 0;
  beforeAll(async () => {
    t = await buildTestApp({ config: { limits: { requestTimeoutMs: 1500, maxConnectionsPerAddress: 0 } } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it('closes a connection whose body arrives one byte at a time, with 408, soon after the timeout', async () => {
    const s = await openSocket(port);
    const since = Date.now();
    s.write(serialise({ method: 'POST', target: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': '200' } }));
    const trickle = setInterval(() => {
      if (!s.destroyed) s.write('{');
    }, 200);
    const result = await outcome(s, since, 6000);
    clearInterval(trickle);
    s.destroy();
    expect(result.closedAfter).not.toBe('open');
    expect(result.closedAfter).toBeGreaterThanOrEqual(1400);
    expect(result.closedAfter).toBeLessThan(4000);
    expect(result.reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers a 64 KB body sent steadily within the time', async () => {
    const s = await openSocket(port);
    const body = Buffer.from(JSON.stringify({ username: 'canbo1', password: 'x'.repeat(64 * 1024 - 60) }));
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    const since = Date.now();
    s.write(serialise({ method: 'POST', target: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': String(body.length) } }));
    const result = outcome(s, since, 5000);
    for (let at = 0; at < body.length; at += 8 * 1024) {
      s.write(body.subarray(at, at + 8 * 1024));
      await sleep(100);
    }
    await sleep(300);
    s.destroy();
    const { reply } = await result;
    // Refused as a bad sign-in body (password too long), not cut: the whole body arrived and was read.
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('VALIDATION_FAILED');
  });
});

describe('limits: one address at its connection cap does not stop the others (raw TCP, socket.io-client)', () => {
  const MAX = 20;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let port = 0;
  let url = '';
  const held: TcpSocket[] = [];
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await buildTestApp({ settings: { openLan: true }, config: { limits: { requestTimeoutMs: 30_000, maxConnectionsPerAddress: MAX } } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await t.close();
  });

  const screen = (role: string, localAddress: string, cookie?: string, extra: Record<string, unknown> = {}) => {
    const s = connect(url, {
      auth: { role, protocolVersion: PROTOCOL_VERSION, ...extra },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: cookie ? { cookie } : {},
      localAddress,
    } as Parameters<typeof connect>[1]);
    sockets.push(s);
    return new Promise<string>((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err) => resolve(err.message));
    });
  };

  it('closes the connections of an address past the cap as they arrive; kiosks, displays and consoles elsewhere keep connecting', async () => {
    const staff = await staffAtCounter(t.app, 'canbo1', 1);
    // 127.0.0.1 opens connections and holds them, sending nothing.
    for (let i = 0; i < MAX; i += 1) held.push(await openSocket(port, '127.0.0.1'));
    await sleep(100);
    expect(held.every((s) => !s.destroyed)).toBe(true);
    const extra = await openSocket(port, '127.0.0.1');
    const since = Date.now();
    extra.write(serialise({ method: 'GET', target: '/api/health' }));
    const refused = await outcome(extra, since, 2000);
    expect(refused.closedAfter).not.toBe('open');
    expect(refused.reply).toBe('');
    expect(await screen('display', '127.0.0.1')).not.toBe('connected');

    // Another address: HTTP, a kiosk, a display and a counter console all connect.
    const other = new RawClient(port, '127.0.0.2');
    expect((await other.send({ method: 'GET', target: '/api/health' })).status).toBe(200);
    expect(await screen('kiosk', '127.0.0.2')).toBe('connected');
    expect(await screen('display', '127.0.0.2')).toBe('connected');
    expect(await screen('counter', '127.0.0.2', staff, { counterId: 1 })).toBe('connected');
    other.close();

    // Once the address lets go of its connections it may connect again.
    for (const s of held.splice(0)) s.destroy();
    await sleep(200);
    const again = new RawClient(port, '127.0.0.1');
    expect((await again.send({ method: 'GET', target: '/api/health' })).status).toBe(200);
    again.close();
  });
});
