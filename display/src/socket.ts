import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';

/**
 * Connects the display to the hub once the hub accepts it (paired, or open LAN; the pairing screen shows until
 * then); the queue store reloads the snapshot on every (re)connect.
 */
export function startHub(): HubSocket {
  const socket = connectHub(ClientRole.DISPLAY, {}, { autoConnect: false });
  useQueueStore().bind(socket);
  void useDeviceStore().start('display', socket);
  return socket;
}
