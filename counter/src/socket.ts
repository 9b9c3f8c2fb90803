import { ERROR_MESSAGES, ErrorCode } from '@shared/errors';
import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useQueueStore } from '@ui/stores/queue';
import { useDossiersStore } from './stores/dossiers';

let socket: HubSocket | null = null;

/**
 * Connects the console to the hub as the given counter and binds the shared queue store to it.
 * Only after sign-in and opening the counter: the hub checks the session cookie sent with the handshake.
 * When the hub refuses the handshake (session expired), socket.io does not retry by itself: `onRefused`
 * gets the hub's error code so the console can go back to the sign-in screen instead of waiting forever.
 */
export function startCounterHub(counterId: number, onRefused: (code: ErrorCode) => void): void {
  stopCounterHub();
  const s = connectHub(ClientRole.COUNTER, { counterId });
  s.on('connect_error', (error) => {
    if (s.active) return; // a network error: socket.io keeps reconnecting
    const code = error.message in ERROR_MESSAGES ? (error.message as ErrorCode) : ErrorCode.UNAUTHENTICATED;
    onRefused(code);
  });
  socket = s;
  useQueueStore().bind(s);
  useDossiersStore().bind(s);
}

/** Disconnects the console (sign-out, counter closed). */
export function stopCounterHub(): void {
  socket?.disconnect();
  socket = null;
}
