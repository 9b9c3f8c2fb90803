// A child process of `npm run bench` holding many socket.io-client sockets (wall displays, phones), so the clients'
// CPU and memory are never the measured server's. Driven over IPC by bench/procs.ts:
//   connect { url, auth[], events[] }      → connected { total, failed }
//   expect { event, count, key?, call? }   → armed; then got { at, n }: when `count` sockets (or the socket whose
//                                            trackingId/room is `key`) first received `event` (with a `call` if asked)
//   count { event, windowMs }              → counted { n, last }: receipts of `event` within the window
//   last { event }                         → last { payload }: what the first socket last received as `event`
//   close
import { io as connect, type Socket } from 'socket.io-client';

type Auth = Record<string, unknown>;
type Msg =
  | { type: 'connect'; url: string; auth: Auth[]; events: string[] }
  | { type: 'expect'; event: string; count: number; key?: string; call?: boolean }
  | { type: 'count'; event: string; windowMs: number }
  | { type: 'last'; event: string }
  | { type: 'close' };

const sockets: Socket[] = [];
const send = (m: unknown) => process.send?.(m);
const now = () => performance.timeOrigin + performance.now();
const EXPECT_TIMEOUT_MS = 10_000;

let expecting: { event: string; count: number; key?: string; call?: boolean; seen: Set<number>; timer: NodeJS.Timeout } | null = null;
let counting: { event: string; n: number; last: number } | null = null;
const lastPayload = new Map<string, unknown>();

function finish(at: number): void {
  if (!expecting) return;
  clearTimeout(expecting.timer);
  send({ type: 'got', at, n: expecting.seen.size });
  expecting = null;
}

function received(index: number, key: string, event: string, payload: { call?: unknown } | undefined): void {
  const at = now();
  if (index === 0) lastPayload.set(event, payload);
  if (counting?.event === event) {
    counting.n++;
    counting.last = at;
  }
  const e = expecting;
  if (!e || e.event !== event || (e.key !== undefined && e.key !== key) || (e.call && !payload?.call) || e.seen.has(index)) return;
  e.seen.add(index);
  if (e.seen.size >= e.count) finish(at);
}

async function connectAll(url: string, auth: Auth[], events: string[]): Promise<void> {
  let failed = 0;
  const start = sockets.length;
  for (let i = 0; i < auth.length; i += 100) {
    await Promise.all(
      auth.slice(i, i + 100).map((a, j) => {
        const s = connect(url, { auth: a, transports: ['websocket'], forceNew: true, reconnection: false });
        const index = start + i + j;
        const key = String(a.trackingId ?? a.room ?? index);
        sockets.push(s);
        for (const event of events) s.on(event, (p: { call?: unknown } | undefined) => received(index, key, event, p));
        return new Promise<void>((resolve) => {
          s.once('connect', () => resolve());
          s.once('connect_error', () => (failed++, resolve()));
        });
      }),
    );
  }
  send({ type: 'connected', total: sockets.length, failed });
}

process.on('disconnect', () => process.exit(0)); // the bench process is gone
process.on('message', (msg: Msg) => {
  if (msg.type === 'close') {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
  if (msg.type === 'connect') void connectAll(msg.url, msg.auth, msg.events);
  if (msg.type === 'expect') {
    expecting = { ...msg, seen: new Set(), timer: setTimeout(() => finish(Number.NaN), EXPECT_TIMEOUT_MS) };
    send({ type: 'armed' });
  }
  if (msg.type === 'last') send({ type: 'last', payload: lastPayload.get(msg.event) ?? null });
  if (msg.type === 'count') {
    counting = { event: msg.event, n: 0, last: Number.NaN };
    setTimeout(() => {
      send({ type: 'counted', n: counting?.n ?? 0, last: counting?.last ?? Number.NaN });
      counting = null;
    }, msg.windowMs);
  }
});
