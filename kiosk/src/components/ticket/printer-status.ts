import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { KioskPrinter, PrinterStatus, PrintJobOutcome } from '@shared/schemas/printer';
import { request } from '@ui/api';
import type { HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { printPage } from './browser-print';

/** States in which the paper ticket is expected to come out. `unknown`: not checked yet (or printed by this browser). */
const PRINTING_STATES: readonly PrinterStatus['state'][] = ['online', 'near_end', 'unknown'];

/**
 * The health of this kiosk's ticket printer (its own, else the office default), live. Reloaded on every (re)connect,
 * then kept by `printer:status` pushes; the ticket screen shows the on-screen fallback when no paper will come —
 * also when the hub says a ticket's job failed or was dropped (`print:job`). A browser printer (USB on this PC) is
 * printed here, through Chromium's silent `--kiosk-printing`.
 */
export const usePrinterStatusStore = defineStore('kioskPrinter', () => {
  const device = useDeviceStore();
  const printer = shallowRef<PrinterStatus | null>(null);
  const loaded = shallowRef(false);
  /** Last outcome the hub reported per ticket id (this session). */
  const outcomes = shallowRef<ReadonlyMap<number, PrintJobOutcome['outcome']>>(new Map());

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
    socket.on('print:job', ({ job }) => {
      if (job.printerId !== printer.value?.printerId) return;
      outcomes.value = new Map(outcomes.value).set(job.ticketId, job.outcome);
    });
  }

  /** The paper ticket will not come out: no printer, or it is switched off, out of paper, open, in error or unreachable. */
  const down = computed(() => loaded.value && !(printer.value && PRINTING_STATES.includes(printer.value.state)));

  /** No paper will come for this ticket: the printer is down, or the hub gave up on its job. */
  const noPaperFor = (ticketId: number): boolean => down.value || outcomes.value.get(ticketId) === 'failed' || outcomes.value.get(ticketId) === 'expired';

  /** Prints a just-issued ticket here when this kiosk's printer is a browser printer (the hub sends nothing then). */
  function printHere(trackingUrl: string): void {
    const p = printer.value;
    if (!p?.browser || p.state === 'disabled') return;
    const trackingId = trackingUrl.split('/t/')[1];
    if (trackingId) printPage(`/api/print-page/${encodeURIComponent(trackingId)}?width=${p.paperWidth}`);
  }

  return { printer, loaded, down, outcomes, noPaperFor, printHere, load, bind };
});
