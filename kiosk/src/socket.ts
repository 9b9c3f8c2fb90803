import { ClientRole } from '@shared/events';
import { connectHub, type HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';
import { usePrinterStatusStore } from './components/ticket/printer-status';

/** How often the kiosk reloads the snapshot, so "issuing open" follows the issue windows without a push. */
const REFRESH_MS = 60_000;

/**
 * Connects the kiosk to the hub and keeps the queue store in sync (must run after Pinia is installed). The socket
 * connects only once the hub accepts this kiosk (paired, or open LAN); until then the pairing screen shows.
 */
export function startHub(): HubSocket {
  const socket = connectHub(ClientRole.KIOSK, {}, { autoConnect: false });
  const queue = useQueueStore();
  queue.bind(socket);
  usePrinterStatusStore().bind(socket);
  void useDeviceStore().start('kiosk', socket);
  setInterval(() => {
    if (!queue.connected) return;
    queue.reload().catch((error: unknown) => console.warn('snapshot refresh failed', error));
  }, REFRESH_MS);
  return socket;
}
