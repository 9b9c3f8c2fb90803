import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useQueueStore } from '@ui/stores/queue';

/** How often the kiosk reloads the snapshot, so "issuing open" follows the issue windows without a push. */
const REFRESH_MS = 60_000;

/** Connects the kiosk to the hub and keeps the queue store in sync (must run after Pinia is installed). */
export function startHub(): HubSocket {
  const socket = connectHub(ClientRole.KIOSK);
  const queue = useQueueStore();
  queue.bind(socket);
  setInterval(() => {
    if (!queue.connected) return;
    queue.reload().catch((error: unknown) => console.warn('snapshot refresh failed', error));
  }, REFRESH_MS);
  return socket;
}
