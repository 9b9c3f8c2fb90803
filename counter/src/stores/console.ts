import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ErrorCode } from '@shared/errors';
import type { TicketHolder } from '@shared/schemas/id-card';
import type { Ticket, TicketReply, TransferBody } from '@shared/schemas/ticket';
import { errorCodeOf, request } from '@ui/api';
import { useQueueStore } from '@ui/stores/queue';
import { parkedForCounter, waitingForCounter } from '../counter-queue';
import { useSessionStore } from './session';

/** Queue actions of the console, each bound to a button and a shortcut. */
export type ConsoleAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'park' | 'transfer' | 'callSpecific';

/** A message shown in the console's banner; `key` is an i18n key. */
export interface Toast {
  id: number;
  kind: 'error' | 'info';
  key: string;
  params?: Record<string, string | number>;
}

const TOAST_MS = { error: 8000, info: 4000 } as const;
const NO_SHOWS_KEPT = 5;

/** REST path segment of each counter action that works on the current ticket. */
const COUNTER_PATHS = {
  callNext: 'call-next',
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  noShow: 'no-show',
  park: 'park',
} as const;
type CounterCommand = keyof typeof COUNTER_PATHS;

/**
 * The counter console: what this counter shows (current ticket, its waiting list, parked tickets) derived
 * from the shared live queue store, and the queue actions over HTTP. A reply is applied at once, so the
 * next keypress sees the new state before the push arrives (the push then confirms it).
 */
export const useConsoleStore = defineStore('console', () => {
  const queue = useQueueStore();
  const session = useSessionStore();
  /** The action in flight; further actions are ignored until it ends (no double calls on key repeat). */
  const busy = ref<ConsoleAction | 'reactivate' | null>(null);
  const toast = ref<Toast | null>(null);
  /** Tickets this console marked no-show, newest first, so they can be reactivated if the citizen returns. */
  const noShows = ref<Ticket[]>([]);
  let toastSeq = 0;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  const counter = computed(() => (session.counterId === null ? null : (queue.counterById.get(session.counterId) ?? null)));
  const current = computed<Ticket | null>(() => counter.value?.currentTicket ?? null);
  const waiting = computed(() => waitingForCounter(queue.waiting, counter.value));
  const parked = computed(() => parkedForCounter(queue.waiting, session.counterId));

  /** Whether each action makes sense now (mirrors the hub's lifecycle rules). */
  const enabled = computed<Record<ConsoleAction, boolean>>(() => {
    const status = current.value?.status;
    const ready = counter.value !== null && queue.connected;
    return {
      callNext: ready,
      recall: ready && status === 'called',
      start: ready && status === 'called',
      finish: ready && (status === 'called' || status === 'serving'),
      noShow: ready && status === 'called',
      park: ready && (status === 'called' || status === 'serving'),
      transfer: ready && current.value !== null,
      callSpecific: ready && waiting.value.length + parked.value.length > 0,
    };
  });

  /** The action the clerk most likely wants next; shown as the primary button and focused after each action. */
  const suggested = computed<ConsoleAction>(() => {
    const status = current.value?.status;
    if (status === 'called') return 'start';
    if (status === 'serving') return 'finish';
    return 'callNext';
  });

  function showToast(kind: Toast['kind'], key: string, params?: Toast['params']): void {
    clearTimeout(toastTimer);
    toastSeq += 1;
    toast.value = { id: toastSeq, kind, key, ...(params ? { params } : {}) };
    toastTimer = setTimeout(dismissToast, TOAST_MS[kind]);
  }

  function dismissToast(): void {
    clearTimeout(toastTimer);
    toast.value = null;
  }

  /** Puts the hub's reply into the live state right away (the push that follows says the same). */
  function applyReply(ticket: Ticket): void {
    queue.handlers['ticket:updated']({ ticket });
    const c = counter.value;
    if (!c) return;
    const atThisCounter = ticket.counterId === c.id && (ticket.status === 'called' || ticket.status === 'serving');
    if (atThisCounter) queue.handlers['counter:updated']({ counter: { ...c, currentTicket: ticket } });
    else if (c.currentTicket?.id === ticket.id) queue.handlers['counter:updated']({ counter: { ...c, currentTicket: null } });
  }

  async function run(action: ConsoleAction | 'reactivate', fn: () => Promise<Ticket>): Promise<Ticket | null> {
    if (busy.value !== null) return null;
    busy.value = action;
    try {
      const ticket = await fn();
      applyReply(ticket);
      if (toast.value?.kind === 'error') dismissToast();
      return ticket;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.NOT_AT_COUNTER) session.handleLostSession(code);
      else showToast('error', `errors.${code}`);
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function counterCommand(action: CounterCommand, body?: unknown): Promise<Ticket> {
    const id = session.counterId;
    if (id === null) throw new Error('no counter open');
    const reply = await request<TicketReply>('POST', `/api/counters/${id}/${COUNTER_PATHS[action]}`, body);
    return reply.ticket;
  }

  const callNext = () => run('callNext', () => counterCommand('callNext'));
  const recall = () => run('recall', () => counterCommand('recall'));
  const start = () => run('start', () => counterCommand('start'));
  const finish = () => run('finish', () => counterCommand('finish'));
  const park = () => run('park', () => counterCommand('park'));

  async function noShow(): Promise<Ticket | null> {
    const ticket = await run('noShow', () => counterCommand('noShow'));
    if (ticket) noShows.value = [ticket, ...noShows.value.filter((t) => t.id !== ticket.id)].slice(0, NO_SHOWS_KEPT);
    return ticket;
  }

  /** Calls a waiting or parked ticket out of order. */
  function callTicket(ticketId: number): Promise<Ticket | null> {
    return run('callSpecific', async () => {
      const id = session.counterId;
      if (id === null) throw new Error('no counter open');
      return (await request<TicketReply>('POST', `/api/counters/${id}/call`, { ticketId })).ticket;
    });
  }

  /** Sends the current ticket to another service or to one counter. */
  async function transfer(target: TransferBody): Promise<Ticket | null> {
    const ticketId = current.value?.id;
    if (ticketId === undefined) return null;
    const ticket = await run('transfer', async () => (await request<TicketReply>('POST', `/api/tickets/${ticketId}/transfer`, target)).ticket);
    if (ticket) showToast('info', 'toast.transferred', { number: ticket.number });
    return ticket;
  }

  /** Puts a no-show ticket back in the queue. */
  async function reactivate(ticketId: number): Promise<Ticket | null> {
    const ticket = await run('reactivate', async () => (await request<TicketReply>('POST', `/api/tickets/${ticketId}/reactivate`)).ticket);
    if (ticket) {
      noShows.value = noShows.value.filter((t) => t.id !== ticketId);
      showToast('info', 'toast.reactivated', { number: ticket.number });
    }
    return ticket;
  }

  /** The masked name the citizen of the current ticket scanned at the kiosk (the hub keeps it in memory only), or ''. */
  const holderName = ref('');
  /** The ticket being called or served here (the one whose holder is asked for). */
  const calledId = computed(() => (current.value && (current.value.status === 'called' || current.value.status === 'serving') ? current.value.id : null));

  /** Asks the hub for the holder of ticket `id` (null: none); a failed ask just shows none. */
  async function loadHolder(id: number | null): Promise<void> {
    holderName.value = '';
    if (id === null) return;
    try {
      const reply = await request<TicketHolder>('GET', `/api/tickets/${id}/holder`);
      if (calledId.value === id) holderName.value = reply.maskedName ?? '';
    } catch (error) {
      // Only a convenience for the clerk: the ticket is served the same without it.
      console.warn('ticket holder not loaded', errorCodeOf(error));
    }
  }

  return {
    busy,
    toast,
    holderName,
    calledId,
    loadHolder,
    noShows,
    counter,
    current,
    waiting,
    parked,
    enabled,
    suggested,
    showToast,
    dismissToast,
    callNext,
    recall,
    start,
    finish,
    noShow,
    park,
    callTicket,
    transfer,
    reactivate,
  };
});
