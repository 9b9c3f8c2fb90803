import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { KioskPrinter, PrinterStatus } from '@shared/schemas/printer';
import { request } from '@ui/api';
import type { HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';

/** States in which the paper ticket is expected to come out. `unknown`: not checked yet, assumed fine. */
const PRINTING_STATES: readonly PrinterStatus['state'][] = ['online', 'unknown'];

/**
 * The health of this kiosk's ticket printer (its own, else the office default), live. Reloaded on every (re)connect,
 * then kept by `printer:status` pushes; the ticket screen shows the on-screen fallback when no paper will come.
 */
export const usePrinterStatusStore = defineStore('kioskPrinter', () => {
  const device = useDeviceStore();
  const printer = shallowRef<PrinterStatus | null>(null);
  const loaded = shallowRef(false);

  async function load(): Promise<void> {
    const reply = await request<KioskPrinter>('GET', '/api/printers/mine');
    printer.value = reply.printer;
    loaded.value = true;
  }

  function bind(socket: HubSocket): void {
    socket.on('connect', () => {
      load().catch((error: unknown) => console.warn('printer status failed', error));
    });
    socket.on('printer:status', ({ status }) => {
      if (printer.value?.printerId === status.printerId) printer.value = status;
      // A printer of this kiosk appeared (or any, while it has none): ask which one is ours now.
      else if (printer.value === null || status.deviceId === (device.device?.id ?? null))
        load().catch((error: unknown) => console.warn('printer status failed', error));
    });
  }

  /** The paper ticket will not come out: no printer, or it is switched off, out of paper, open or unreachable. */
  const down = computed(() => loaded.value && !(printer.value && PRINTING_STATES.includes(printer.value.state)));

  return { printer, loaded, down, load, bind };
});
