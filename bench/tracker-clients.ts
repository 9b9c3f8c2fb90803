// Child process of bench/trackers.ts: holds thousands of socket.io-client trackers, so their memory is not counted in
// the hub's RSS. Told over IPC which ids to connect; reports each call push it receives with an epoch timestamp.
import { io as connect, type Socket } from 'socket.io-client';

type Msg = { type: 'connect'; url: string; auth: Record<string, unknown>[] } | { type: 'close' };

const sockets: Socket[] = [];
const send = (m: unknown) => process.send?.(m);
const now = () => performance.timeOrigin + performance.now();

process.on('message', async (msg: Msg) => {
  if (msg.type === 'close') {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
  let failed = 0;
  for (let i = 0; i < msg.auth.length; i += 100) {
    await Promise.all(
      msg.auth.slice(i, i + 100).map((auth) => {
        const s = connect(msg.url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
        sockets.push(s);
        const id = String(auth.trackingId ?? auth.room);
        s.on('track:updated', (p: { call?: unknown }) => p.call && send({ type: 'call', id, at: now() }));
        s.on('bare:call', () => send({ type: 'call', id, at: now() }));
        return new Promise<void>((resolve) => {
          s.once('connect', () => resolve());
          s.once('connect_error', () => (failed++, resolve()));
        });
      }),
    );
  }
  send({ type: 'connected', total: sockets.length, failed });
});
