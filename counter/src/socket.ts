import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useQueueStore } from '@ui/stores/queue';

let socket: HubSocket | null = null;

/**
 * Connects the console to the hub as the given counter and binds the shared queue store to it.
 * Only after sign-in and opening the counter: the hub checks the session cookie sent with the handshake.
 */
export function startCounterHub(counterId: number): void {
  stopCounterHub();
  socket = connectHub(ClientRole.COUNTER, { counterId });
  useQueueStore().bind(socket);
}

/** Disconnects the console (sign-out, counter closed). */
export function stopCounterHub(): void {
  socket?.disconnect();
  socket = null;
}
