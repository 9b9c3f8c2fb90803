import { DEFAULT_TIMEZONE } from '@shared/office-time';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ServerToClientEvents } from '@shared/events';
import type { CounterState } from '@shared/schemas/counter';
import type { OfficePublic } from '@shared/schemas/office';
import type { QueueSnapshot } from '@shared/schemas/queue';
import type { ServiceSummary } from '@shared/schemas/service';
import type { CallRecord, Ticket } from '@shared/schemas/ticket';
import { request } from '../api';
import type { HubSocket } from '../socket';

const RECENT_CALLS_KEPT = 12;

/** The pushes this store applies; others (display configuration, printers…) belong to other stores. */
type QueueEvent = 'ticket:issued' | 'ticket:called' | 'ticket:updated' | 'counter:updated' | 'services:updated' | 'queue:reset' | 'office:updated';

function byQueueOrder(a: Ticket, b: Ticket): number {
  return a.sortKey - b.sortKey || a.id - b.id;
}

/**
 * The live queue state every screen shows. Socket listeners are bound once here, never in components:
 * on every (re)connect the full snapshot is reloaded, then pushes are applied, so a missed push is harmless.
 */
export const useQueueStore = defineStore('queue', () => {
  const connected = ref(false);
  const loaded = ref(false);
  const office = shallowRef<OfficePublic | null>(null);
  const businessDay = ref('');
  const services = ref<ServiceSummary[]>([]);
  const counters = ref<CounterState[]>([]);
  const waiting = ref<Ticket[]>([]);
  const recentCalls = ref<CallRecord[]>([]);
  /** Milliseconds to add to Date.now() to get the hub's clock. */
  const clockOffset = ref(0);
  /** Increases on each new call; displays watch it to flash and chime. */
  const callSeq = ref(0);
  let socket: HubSocket | null = null;

  const serviceById = computed(() => new Map(services.value.map((s) => [s.id, s])));
  /** The office's time zone for every date and time a screen shows. */
  const timezone = computed(() => office.value?.timezone ?? DEFAULT_TIMEZONE);
  const counterById = computed(() => new Map(counters.value.map((c) => [c.id, c])));
  const latestCall = computed<CallRecord | null>(() => recentCalls.value[0] ?? null);

  function applySnapshot(s: QueueSnapshot): void {
    office.value = s.office;
    businessDay.value = s.businessDay;
    services.value = s.services;
    counters.value = s.counters;
    waiting.value = [...s.waiting].sort(byQueueOrder);
    recentCalls.value = s.recentCalls;
    clockOffset.value = Date.parse(s.serverTime) - Date.now();
    loaded.value = true;
  }

  async function reload(): Promise<void> {
    applySnapshot(await request<QueueSnapshot>('GET', '/api/queue/snapshot'));
  }

  function upsertTicket(ticket: Ticket): void {
    const rest = waiting.value.filter((t) => t.id !== ticket.id);
    if (ticket.status === 'waiting' || ticket.status === 'parked') rest.push(ticket);
    waiting.value = rest.sort(byQueueOrder);
  }

  function upsertCounter(counter: CounterState): void {
    const i = counters.value.findIndex((c) => c.id === counter.id);
    if (i === -1) counters.value = [...counters.value, counter].sort((a, b) => a.number - b.number);
    else counters.value = counters.value.map((c) => (c.id === counter.id ? counter : c));
  }

  const handlers: { [E in QueueEvent]: ServerToClientEvents[E] } = {
    'ticket:issued': ({ ticket }) => upsertTicket(ticket),
    'ticket:updated': ({ ticket }) => upsertTicket(ticket),
    'ticket:called': ({ ticket, call }) => {
      upsertTicket(ticket);
      // The counter's full state follows shortly (counter:updated); its current ticket is known now.
      const at = counterById.value.get(call.counterId);
      if (at) upsertCounter({ ...at, currentTicket: ticket });
      recentCalls.value = [call, ...recentCalls.value].slice(0, RECENT_CALLS_KEPT);
      callSeq.value += 1;
    },
    'counter:updated': ({ counter }) => upsertCounter(counter),
    'services:updated': ({ services: list }) => {
      services.value = list;
    },
    'queue:reset': () => {
      void reload();
    },
    'office:updated': ({ office: next }) => {
      office.value = next;
    },
  };

  /** Binds the socket's listeners (once) and keeps the state in sync with the hub. */
  function bind(s: HubSocket): void {
    if (socket === s) return;
    socket = s;
    for (const [event, handler] of Object.entries(handlers)) s.on(event as keyof ServerToClientEvents, handler as never);
    const sync = (): void => {
      reload().then(
        () => {
          connected.value = s.connected;
        },
        () => {
          connected.value = false;
          if (s.connected) setTimeout(sync, 2000);
        },
      );
    };
    s.on('connect', sync);
    s.on('disconnect', () => {
      connected.value = false;
    });
  }

  /** Hub time now, corrected for this device's clock drift. */
  function now(): Date {
    return new Date(Date.now() + clockOffset.value);
  }

  return {
    connected,
    loaded,
    office,
    timezone,
    businessDay,
    services,
    counters,
    waiting,
    recentCalls,
    latestCall,
    callSeq,
    serviceById,
    counterById,
    applySnapshot,
    reload,
    bind,
    now,
    handlers,
  };
});
