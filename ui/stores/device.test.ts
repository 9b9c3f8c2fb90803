import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Device } from '@shared/schemas/device';
import { PAIRING_POLL_MS, RETRY_MS, WELCOME_MS, useDeviceStore, type DeviceSocket } from './device';

type Reply = { status: number; body?: unknown } | Error;

const display: Device = { id: 3, name: 'TV sảnh chờ', kind: 'display', pairedAt: '2025-03-03T01:00:00.000Z', lastSeenAt: null, revoked: false };

/** A fetch stub answering by "METHOD path" from queues the test fills; records every call. */
function hubStub() {
  const replies = new Map<string, Reply[]>();
  const calls: string[] = [];
  const fetchMock = vi.fn((path: string, init: RequestInit) => {
    const key = `${init.method} ${path}`;
    calls.push(key);
    const queue = replies.get(key) ?? [];
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (!next) return Promise.reject(new Error(`unexpected ${key}`));
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(new Response(next.body === undefined ? '' : JSON.stringify(next.body), { status: next.status }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    on(key: string, ...r: Reply[]) {
      replies.set(key, r);
    },
  };
}

/** A socket double: records connect/disconnect, lets the test fire its events. */
function fakeSocket() {
  const listeners: Record<string, (arg: never) => void> = {};
  const s = {
    active: false,
    connect: vi.fn(() => {
      s.active = true;
    }),
    disconnect: vi.fn(() => {
      s.active = false;
    }),
    on(event: string, fn: (arg: never) => void) {
      listeners[event] = fn;
    },
    fire(event: string, arg: unknown) {
      listeners[event]?.(arg as never);
    },
  };
  return s;
}

const pairingReply = (code: string, id = `pairing-${code}-abcdefgh`) => ({
  status: 200,
  body: { pairingId: id, code, kind: 'display', expiresAt: new Date(Date.now() + 600_000).toISOString() },
});

describe('device store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-03T08:00:00+07:00'));
    setActivePinia(createPinia());
  });
  afterEach(() => {
    useDeviceStore().stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('connects the socket at once when the office runs in open LAN mode', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: null, openLan: true } });
    const socket = fakeSocket();
    const device = useDeviceStore();
    await device.start('kiosk', socket as DeviceSocket);
    expect(device.phase).toBe('ready');
    expect(device.showPairing).toBe(false);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    expect(hub.calls).toEqual(['GET /api/devices/me']);
  });

  it('shows a rating tablet its code even in open LAN mode: a tablet is always a paired device', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: null, openLan: true } });
    hub.on('POST /api/devices/pairing', pairingReply('271828'));
    const socket = fakeSocket();
    const device = useDeviceStore();
    await device.start('rating', socket as DeviceSocket);
    expect(device.phase).toBe('pairing');
    expect(device.pairing?.code).toBe('271828');
    expect(socket.connect).not.toHaveBeenCalled();
    expect(hub.calls).toEqual(['GET /api/devices/me', 'POST /api/devices/pairing']);
  });

  it('shows a code without connecting, polls every 2 s, then welcomes and connects once paired', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: null, openLan: false } });
    hub.on('POST /api/devices/pairing', pairingReply('483912'));
    const poll = 'GET /api/devices/pairing/pairing-483912-abcdefgh';
    hub.on(poll, { status: 200, body: { status: 'pending' } }, { status: 200, body: { status: 'paired', device: display } });
    const socket = fakeSocket();
    const device = useDeviceStore();
    await device.start('display', socket as DeviceSocket);

    expect(device.phase).toBe('pairing');
    expect(device.showPairing).toBe(true);
    expect(device.pairing?.code).toBe('483912');
    expect(device.deadline).toBe(Date.now() + 600_000);
    expect(socket.connect).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(PAIRING_POLL_MS);
    expect(device.phase).toBe('pairing');
    expect(socket.connect).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(PAIRING_POLL_MS);
    expect(device.phase).toBe('welcome');
    expect(device.device?.name).toBe('TV sảnh chờ');
    expect(socket.connect).toHaveBeenCalledTimes(1);
    expect(hub.calls.filter((c) => c === poll)).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(WELCOME_MS);
    expect(device.phase).toBe('ready');
    expect(device.showPairing).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * PAIRING_POLL_MS);
    expect(hub.calls.filter((c) => c === poll)).toHaveLength(2);
  });

  it('asks for a new code when the hub says the shown one expired', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: null, openLan: false } });
    hub.on('POST /api/devices/pairing', pairingReply('111222', 'first-request-abcdefgh'), pairingReply('333444', 'second-request-abcdefgh'));
    hub.on('GET /api/devices/pairing/first-request-abcdefgh', { status: 200, body: { status: 'expired' } });
    hub.on('GET /api/devices/pairing/second-request-abcdefgh', { status: 200, body: { status: 'pending' } });
    const device = useDeviceStore();
    await device.start('kiosk', fakeSocket() as DeviceSocket);
    expect(device.pairing?.code).toBe('111222');

    await vi.advanceTimersByTimeAsync(PAIRING_POLL_MS);
    expect(device.pairing?.code).toBe('333444');
    expect(device.phase).toBe('pairing');
    await vi.advanceTimersByTimeAsync(PAIRING_POLL_MS);
    expect(hub.calls.at(-1)).toBe('GET /api/devices/pairing/second-request-abcdefgh');
  });

  it('keeps trying while the hub is unreachable and says so', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', new TypeError('Failed to fetch'), { status: 200, body: { device: null, openLan: true } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const device = useDeviceStore();
    await device.start('display', fakeSocket() as DeviceSocket);
    expect(device.phase).toBe('checking');
    expect(device.reachable).toBe(false);
    expect(device.showPairing).toBe(false);

    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(device.phase).toBe('ready');
    expect(device.reachable).toBe(true);
  });

  it('treats a device paired as another kind as unpaired here', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: display, openLan: true } });
    hub.on('POST /api/devices/pairing', pairingReply('555666'));
    hub.on('GET /api/devices/pairing/pairing-555666-abcdefgh', { status: 200, body: { status: 'pending' } });
    const device = useDeviceStore();
    await device.start('kiosk', fakeSocket() as DeviceSocket);
    expect(device.phase).toBe('pairing');
    expect(device.kind).toBe('kiosk');
  });

  it('goes back to pairing when the handshake is refused with DEVICE_NOT_PAIRED (revoked), without retrying the socket', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: display, openLan: false } });
    hub.on('POST /api/devices/pairing', pairingReply('777888'));
    hub.on('GET /api/devices/pairing/pairing-777888-abcdefgh', { status: 200, body: { status: 'pending' } });
    const socket = fakeSocket();
    const device = useDeviceStore();
    await device.start('display', socket as DeviceSocket);
    expect(device.phase).toBe('ready');

    // The admin revoked the TV: the hub closes its socket; the client reconnects so the handshake says why.
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connect).toHaveBeenCalledTimes(2);
    socket.active = false;
    socket.fire('connect_error', new Error('DEVICE_NOT_PAIRED'));
    await vi.advanceTimersByTimeAsync(0);
    expect(device.phase).toBe('pairing');
    expect(device.device).toBeNull();
    expect(device.pairing?.code).toBe('777888');
    expect(socket.disconnect).toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(socket.connect).toHaveBeenCalledTimes(2);
  });

  it('goes back to pairing when a command answers DEVICE_NOT_PAIRED', async () => {
    const hub = hubStub();
    hub.on('GET /api/devices/me', { status: 200, body: { device: null, openLan: true } });
    hub.on('POST /api/devices/pairing', pairingReply('246810'));
    hub.on('GET /api/devices/pairing/pairing-246810-abcdefgh', { status: 200, body: { status: 'pending' } });
    const device = useDeviceStore();
    await device.start('kiosk', fakeSocket() as DeviceSocket);
    device.lost();
    await vi.advanceTimersByTimeAsync(0);
    expect(device.phase).toBe('pairing');
    expect(device.pairing?.code).toBe('246810');
  });
});
