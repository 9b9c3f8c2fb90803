import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';
import { useAnnouncerStore } from './stores/announcer';
import { useDisplayConfigStore } from './stores/display-config';

/**
 * Connects the display to the hub once the hub accepts it (paired, or open LAN; the pairing screen shows until
 * then); on every (re)connect the queue store reloads the snapshot and the display its configuration, and the
 * announcer (created before the first connect) announces only what is new.
 */
export function startHub(): HubSocket {
  const socket = connectHub(ClientRole.DISPLAY, {}, { autoConnect: false });
  useQueueStore().bind(socket);
  useDisplayConfigStore().bind(socket);
  useAnnouncerStore();
  void useDeviceStore().start('display', socket);
  return socket;
}
