import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ClientRole } from '@shared/events';
import type { ErrorCode } from '@shared/errors';
import type { Device } from '@shared/schemas/device';
import type { PrintJob, Printer, PrinterInput, PrintSettings, TicketLayout } from '@shared/schemas/printer';
import { errorCodeOf, request } from '@ui/api';
import { connectHub, type HubSocket } from '@ui/socket';

/**
 * The admin's printers: the list with live status (`printer:status` pushes over a console socket opened while the
 * section is shown), paired kiosks to attach them to, the latest jobs, and the ticket layout.
 */
export const usePrintersStore = defineStore('adminPrinters', () => {
  const printers = ref<Printer[]>([]);
  const kiosks = ref<Device[]>([]);
  const jobs = ref<PrintJob[]>([]);
  const layout = shallowRef<TicketLayout | null>(null);
  const settings = shallowRef<PrintSettings | null>(null);
  const loading = ref(false);
  const loadError = ref<ErrorCode | null>(null);
  /** Bumped after a layout save, so the preview image reloads. */
  const previewVersion = ref(0);
  let socket: HubSocket | null = null;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const [p, d, j, l, st] = await Promise.all([
        request<Printer[]>('GET', '/api/admin/printers'),
        request<Device[]>('GET', '/api/admin/devices'),
        request<PrintJob[]>('GET', '/api/admin/print-jobs'),
        request<TicketLayout>('GET', '/api/admin/ticket-layout'),
        request<PrintSettings>('GET', '/api/admin/print-settings'),
      ]);
      settings.value = st;
      printers.value = p;
      kiosks.value = d.filter((x) => x.kind === 'kiosk' && !x.revoked);
      jobs.value = j;
      layout.value = l;
      loadError.value = null;
    } catch (error) {
      loadError.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  async function loadJobs(): Promise<void> {
    jobs.value = await request<PrintJob[]>('GET', '/api/admin/print-jobs');
  }

  /** Opens the live channel (idempotent); every (re)connect reloads, then pushes update the status column. */
  function start(): void {
    if (socket) return;
    const s = connectHub(ClientRole.COUNTER);
    s.on('connect', () => void load());
    s.on('printer:status', ({ status }) => {
      printers.value = printers.value.map((p) => (p.id === status.printerId ? { ...p, status } : p));
      loadJobs().catch((error: unknown) => console.warn('print jobs reload failed', error));
    });
    socket = s;
  }

  function stop(): void {
    socket?.disconnect();
    socket = null;
  }

  async function save(id: number | null, input: PrinterInput): Promise<void> {
    const saved = id === null ? await request<Printer>('POST', '/api/admin/printers', input) : await request<Printer>('PUT', `/api/admin/printers/${id}`, input);
    printers.value = id === null ? [...printers.value, saved] : printers.value.map((p) => (p.id === id ? saved : p));
  }

  async function remove(id: number): Promise<void> {
    await request<null>('DELETE', `/api/admin/printers/${id}`);
    printers.value = printers.value.filter((p) => p.id !== id);
  }

  /** Queues a test page; the job shows in the list. */
  async function testPrint(id: number): Promise<void> {
    const job = await request<PrintJob>('POST', `/api/admin/printers/${id}/test`);
    jobs.value = [job, ...jobs.value.filter((j) => j.id !== job.id)];
  }

  async function saveLayout(next: TicketLayout, nextSettings: PrintSettings): Promise<void> {
    layout.value = await request<TicketLayout>('PUT', '/api/admin/ticket-layout', next);
    settings.value = await request<PrintSettings>('PUT', '/api/admin/print-settings', nextSettings);
    previewVersion.value += 1;
  }

  /** Printers that print but will soon stop (near end): a warning above the list. */
  const warnings = computed(() => printers.value.filter((p) => p.enabled && p.status.state === 'near_end'));

  return { printers, kiosks, jobs, layout, settings, warnings, loading, loadError, previewVersion, load, loadJobs, start, stop, save, remove, testPrint, saveLayout };
});
