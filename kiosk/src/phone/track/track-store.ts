import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { ErrorCode } from '@shared/errors';
import { ClientRole, type ServerToClientEvents } from '@shared/events';
import type { TrackedTicket } from '@shared/schemas/track';
import { errorCodeOf, request } from '@ui/api';
import { connectHub, type HubSocket } from '@ui/socket';

type Call = NonNullable<Parameters<ServerToClientEvents['track:updated']>[0]['call']>;

/** What the citizen is alerted of: called to a counter, or the turn is near. */
export type TrackAlert = { kind: 'call'; call: Call; number: string } | { kind: 'near'; number: string };

/** Vibration patterns (ms): a call is long and insistent, "near" is one short buzz. */
export const VIBRATE_CALL = [400, 200, 400, 200, 800];
export const VIBRATE_NEAR = [250];

/** Browser notifications: only over HTTPS (secure context) and where the browser has the API. */
export type NotifyState = 'unsupported' | 'default' | 'granted' | 'denied';
const notifyState = (): NotifyState =>
  typeof Notification === 'undefined' || !window.isSecureContext ? 'unsupported' : (Notification.permission as NotifyState);

/**
 * One ticket followed on the citizen's phone. The page is light: one HTTP read and one socket in the ticket's own room
 * (no queue snapshot). Phones sleep and lose the socket: every (re)connect, every return to the page
 * (visibilitychange) and every network comeback re-reads the ticket, so a call missed while asleep still alerts.
 */
export const useTrackStore = defineStore('track', () => {
  const ticket = shallowRef<TrackedTicket | null>(null);
  const error = ref<ErrorCode | null>(null);
  const connected = ref(false);
  const updatedAt = ref<Date | null>(null);
  const lastCall = shallowRef<Call | null>(null);
  const notify = ref<NotifyState>('unsupported');
  /** Set by `alertCitizen` for the page (and tests) to see what the phone did. */
  const lastAlert = shallowRef<TrackAlert | null>(null);
  let socket: HubSocket | null = null;
  let trackingId = '';
  let retry: ReturnType<typeof setTimeout> | undefined;
  let messages: { title: (a: TrackAlert) => string; body: (a: TrackAlert) => string } | null = null;
  let pageTitle = '';

  function alertCitizen(a: TrackAlert): void {
    lastAlert.value = a;
    navigator.vibrate?.(a.kind === 'call' ? VIBRATE_CALL : VIBRATE_NEAR);
    if (messages) document.title = `🔔 ${messages.title(a)}`;
    if (notify.value !== 'granted' || !document.hidden || !messages) return;
    try {
      new Notification(messages.title(a), { body: messages.body(a), tag: `motcua-${trackingId}` });
    } catch (e) {
      // Android browsers allow notifications only from a service worker: vibration and the title remain.
      console.warn('notification not shown', e);
    }
  }

  /** Applies a new view; alerts on a call push, or on a change into "called" / "near" found by a re-read. */
  function apply(next: TrackedTicket, call?: Call): void {
    const prev = ticket.value;
    ticket.value = next;
    error.value = null;
    updatedAt.value = new Date();
    if (next.status === 'called' && next.counterNumber !== null) {
      const c = call ?? { counterNumber: next.counterNumber, counterName: next.counterName ?? '', recall: next.recallCount > 0 };
      lastCall.value = c;
      if (call || (prev !== null && prev.status !== 'called')) alertCitizen({ kind: 'call', call: c, number: next.number });
    } else if (next.nearTurn && prev !== null && !prev.nearTurn && prev.status === 'waiting') {
      alertCitizen({ kind: 'near', number: next.number });
    }
  }

  async function refresh(): Promise<void> {
    if (!trackingId) return;
    try {
      apply(await request<TrackedTicket>('GET', `/api/track/${encodeURIComponent(trackingId)}`));
    } catch (e) {
      error.value = errorCodeOf(e);
    }
  }

  function wake(): void {
    if (document.visibilityState !== 'visible') return;
    void refresh();
    if (socket && !socket.connected) socket.connect();
  }

  /** Follows `id` until `stop()`; `texts` words the notifications in the page's language. */
  function start(id: string, texts: NonNullable<typeof messages>): void {
    stop();
    pageTitle = document.title;
    trackingId = id;
    messages = texts;
    notify.value = notifyState();
    const s = connectHub(ClientRole.TRACKER, { trackingId: id });
    socket = s;
    s.on('connect', () => {
      connected.value = true;
      void refresh();
    });
    s.on('disconnect', () => {
      connected.value = false;
    });
    s.on('connect_error', (err) => {
      connected.value = false;
      if (err.message === ErrorCode.TICKET_NOT_FOUND) error.value = ErrorCode.TICKET_NOT_FOUND;
      // A refusal stops socket.io's own retries; a network error does not. Try again later either way.
      else if (!s.active) retry = setTimeout(() => s.connect(), 5000);
    });
    s.on('track:updated', ({ ticket: next, call }) => apply(next, call));
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    void refresh();
  }

  function stop(): void {
    clearTimeout(retry);
    if (pageTitle) document.title = pageTitle;
    socket?.disconnect();
    socket = null;
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('online', wake);
  }

  /** Asks for notification permission (must follow a tap). */
  async function enableNotifications(): Promise<void> {
    if (notifyState() === 'unsupported') return;
    notify.value = (await Notification.requestPermission()) as NotifyState;
  }

  return { ticket, error, connected, updatedAt, lastCall, notify, lastAlert, start, stop, refresh, apply, enableNotifications };
});
