import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ERROR_MESSAGES, ErrorCode } from '@shared/errors';
import { ClientRole } from '@shared/events';
import type { MonitorSnapshot } from '@shared/schemas/monitor';
import type { HealthPrinter } from '@shared/schemas/printer';
import type { TransferBody } from '@shared/schemas/ticket';
import { errorCodeOf, request } from '@ui/api';
import { connectHub, type HubSocket } from '@ui/socket';
import { useSessionStore } from './session';

/** Minutes between an ISO instant and the hub's clock now (`skew` = hub time − browser time). */
export function minutesSince(iso: string | null, nowMs: number, skew: number): number | null {
  if (iso === null) return null;
  return Math.max(0, Math.floor((nowMs + skew - Date.parse(iso)) / 60_000));
}

/**
 * The supervisor's live monitor: its own socket (a staff console without a counter) that asks `monitor:watch` on
 * every (re)connect — a full state each time, so a missed push is harmless — then applies `monitor:updated`.
 * Ages (waits, idle times) count up every second on the hub's clock. Actions are plain HTTP commands.
 */
export const useMonitorStore = defineStore('monitor', () => {
  const state = ref<MonitorSnapshot | null>(null);
  const connected = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const busy = ref(false);
  /** Why the last action was refused (shown above the lists until the next action). */
  const actionError = ref<ErrorCode | null>(null);
  /** Browser clock, ticking every second while watching. */
  const now = ref(Date.now());
  /** Hub clock minus browser clock, from the last state received. */
  const skew = ref(0);
  /** Enabled ticket printers and their state (from `GET /api/health`, then `printer:status` pushes). */
  const printers = ref<HealthPrinter[]>([]);
  let socket: HubSocket | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;

  function apply(next: MonitorSnapshot): void {
    state.value = next;
    skew.value = Date.parse(next.serverTime) - Date.now();
    now.value = Date.now();
  }

  function watch(s: HubSocket): void {
    s.emit('monitor:watch', (reply) => {
      if (reply.ok) {
        errorCode.value = null;
        apply(reply.data);
      } else {
        errorCode.value = reply.error.code;
        // Not (or no longer) allowed, e.g. the role was just lowered: nothing stale stays on screen, no socket is kept.
        state.value = null;
        stop();
      }
    });
  }

  /** Connects and starts watching (idempotent). */
  function start(): void {
    if (socket) return;
    const s = connectHub(ClientRole.COUNTER);
    s.on('connect', () => {
      connected.value = true;
      watch(s);
      loadPrinters();
    });
    s.on('printer:status', ({ status }) => {
      const known = printers.value.some((p) => p.id === status.printerId);
      if (!known || status.state === 'disabled') loadPrinters();
      else printers.value = printers.value.map((p) => (p.id === status.printerId ? { ...p, state: status.state, reason: status.reason, pendingJobs: status.pendingJobs } : p));
    });
    s.on('disconnect', () => {
      connected.value = false;
    });
    s.on('connect_error', (error) => {
      connected.value = false;
      if (s.active) return; // a network error: socket.io keeps reconnecting
      errorCode.value = error.message in ERROR_MESSAGES ? (error.message as ErrorCode) : ErrorCode.UNAUTHENTICATED;
      // The session ended (signed out elsewhere, password reset, account deactivated): the staff app returns to sign-in.
      if (errorCode.value === ErrorCode.UNAUTHENTICATED) useSessionStore().handleLostSession(errorCode.value);
    });
    s.on('monitor:updated', ({ monitor }) => apply(monitor));
    socket = s;
    ticker = setInterval(() => (now.value = Date.now()), 1000);
  }

  function loadPrinters(): void {
    request<{ printers: HealthPrinter[] }>('GET', '/api/health')
      .then((h) => (printers.value = h.printers))
      .catch((error: unknown) => console.warn('printer health failed', error));
  }

  /** Stops watching (leaving the screen). */
  function stop(): void {
    socket?.disconnect();
    socket = null;
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
    connected.value = false;
  }

  /** Runs a command; its effect arrives with the next push. Returns the error code, or null when it worked. */
  async function command(method: 'POST', path: string, body?: unknown): Promise<ErrorCode | null> {
    busy.value = true;
    actionError.value = null;
    try {
      await request(method, path, body);
      return null;
    } catch (error) {
      actionError.value = errorCodeOf(error);
      return actionError.value;
    } finally {
      busy.value = false;
    }
  }

  const transfer = (ticketId: number, target: TransferBody) => command('POST', `/api/tickets/${ticketId}/transfer`, target);
  const cancel = (ticketId: number) => command('POST', `/api/tickets/${ticketId}/cancel`);
  const reactivate = (ticketId: number) => command('POST', `/api/tickets/${ticketId}/reactivate`);
  const closeCounter = (counterId: number) => command('POST', `/api/monitor/counters/${counterId}/close`);

  /** Minutes since an instant, on the hub's clock, live. */
  const ageOf = (iso: string | null) => minutesSince(iso, now.value, skew.value);
  const waiting = computed(() => state.value?.tickets.filter((t) => t.status === 'waiting') ?? []);
  const noShows = computed(() => state.value?.tickets.filter((t) => t.status === 'no_show') ?? []);

  return { state, printers, connected, errorCode, busy, actionError, now, waiting, noShows, start, stop, ageOf, transfer, cancel, reactivate, closeCounter };
});
