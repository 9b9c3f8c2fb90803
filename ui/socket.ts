import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientRole, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';

/** The typed socket every screen uses. */
export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to the hub on the same origin. Reconnects forever with backoff capped at 5 s, so screens
 * recover by themselves after a restart of the hub. With `autoConnect: false` the socket waits for
 * `connect()` (devices connect only once paired, so an unpaired screen does not knock on the hub).
 */
export function connectHub(
  role: ClientRole,
  extra: { counterId?: number; trackingId?: string } = {},
  { url, autoConnect = true }: { url?: string; autoConnect?: boolean } = {},
): HubSocket {
  const options = {
    path: '/socket.io',
    withCredentials: true,
    autoConnect,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    auth: { role, protocolVersion: PROTOCOL_VERSION, ...extra },
  };
  const socket: HubSocket = url ? io(url, options) : io(options);
  // The hub drops a staff console's socket when its session ends or the account's role changes. Connecting again
  // is then refused with a code (back to sign-in) or joins only what the account may still see.
  if (role === 'counter') {
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') socket.connect();
    });
  }
  return socket;
}
