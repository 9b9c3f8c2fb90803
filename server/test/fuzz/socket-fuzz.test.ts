import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENT_ROLES, ClientRole, HandshakeAuthSchema, PROTOCOL_VERSION } from '@shared/events';
import { ErrorCode } from '@shared/errors';
import { buildTestApp, login } from '../helper';
import { pairDevice } from '../helper-devices';
import { invalidBodies, WEIRD_NUMBERS, WEIRD_STRINGS, type JsonSchema } from './fuzz-values';

const CODES = Object.values(ErrorCode) as string[];

/** Payloads sent to every client event, with and without an ack, and with a non-function where the ack should be. */
const PAYLOADS: unknown[][] = [
  [],
  [null],
  [undefined, 'not-a-function'],
  [{ không: 'hợp lệ' }],
  [[1, 2, 3]],
  ...WEIRD_STRINGS.slice(0, 12).map((s) => [s]),
  ...WEIRD_NUMBERS.map((n) => [n]),
  [{ counterId: -1, displayId: 'x'.repeat(10_000), trackingId: '\uD800', __proto__: { admin: true } }],
  [{ a: { b: { c: { d: { e: { f: [1, { g: 'đ' }] } } } } } }],
  [1, 2, 3, 4, 5, 6, 7, 8],
];

/**
 * Socket events get the same scrutiny as routes (quality.md): malformed handshakes are refused with a code, and
 * malformed payloads to every client event, from every screen role, never crash the hub; acks carry a code.
 */
describe('fuzz: Socket.IO handshakes and every client event', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  let staffCookie: string;
  let tabletCookie: string;
  let trackingId: string;
  beforeAll(async () => {
    t = await buildTestApp({ now: Date.now });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    staffCookie = await login(t.app, 'canbo1');
    // A rating tablet is a paired device, open LAN mode too.
    tabletCookie = (await pairDevice(t.app, await login(t.app, 'admin'), 'rating')).cookie;
    trackingId = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } })).json().trackingId;
  });
  /** A valid handshake for each screen role: counters carry a staff session, phones the ticket they follow. */
  const validAuth = (role: string) => ({
    role,
    protocolVersion: PROTOCOL_VERSION,
    ...(role === 'counter' ? { counterId: 1 } : {}),
    ...('trackingId' in (HandshakeAuthSchema.properties as object) && role === 'tracker' ? { trackingId } : {}),
  });
  afterAll(async () => {
    await t.close();
  });

  const open = (auth: unknown, cookie?: string): Socket =>
    connect(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });

  it('refuses every malformed handshake with a coded connect_error', { timeout: 60_000 }, async () => {
    // The Socket.IO protocol carries `auth` as an object: the wrong-type cases are objects of the wrong shape.
    const auths = [...invalidBodies(HandshakeAuthSchema as unknown as JsonSchema).filter((a) => a !== null && typeof a === 'object' && !Array.isArray(a)), ...WEIRD_STRINGS.slice(0, 10).map((s) => ({ role: s, protocolVersion: PROTOCOL_VERSION }))];
    expect(auths.length).toBeGreaterThan(20);
    for (const auth of auths) {
      const socket = open(auth);
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(err.message));
      });
      socket.disconnect();
      expect(CODES, JSON.stringify(auth).slice(0, 100)).toContain(outcome);
    }
  });

  it('survives malformed payloads to every client event from every role, and acks with a code', { timeout: 60_000 }, async () => {
    const events = Object.keys(CLIENT_EVENT_ROLES);
    let acks = 0;
    for (const role of Object.values(ClientRole)) {
      const socket = open(validAuth(role), role === 'counter' ? staffCookie : role === 'rating' ? tabletCookie : undefined);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(new Error(`${role}: ${err.message}`)));
      });
      for (const event of events) {
        for (const payload of PAYLOADS) socket.emit(event, ...payload);
        const replies: unknown[] = await Promise.all(PAYLOADS.map((payload) => socket.timeout(1_500).emitWithAck(event, ...payload).catch((err: Error) => ({ timedOut: err.message }))));
        for (const reply of replies) {
          // Either the event answers (ok, or refused with a code) or it ignores a payload it cannot use; never a crash.
          if (reply && typeof reply === 'object' && 'ok' in reply) {
            acks++;
            if (reply.ok === false) expect(CODES).toContain((reply as unknown as { error: { code: string } }).error.code);
          }
        }
      }
      expect(socket.connected, `${role} socket still connected`).toBe(true);
      socket.disconnect();
    }
    expect(acks).toBeGreaterThan(events.length);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  });
});
