import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useQueueStore } from '@ui/stores/queue';

/** Connects the display to the hub; the queue store reloads the snapshot on every (re)connect. */
export function startHub(): HubSocket {
  const socket = connectHub(ClientRole.DISPLAY);
  useQueueStore().bind(socket);
  return socket;
}
