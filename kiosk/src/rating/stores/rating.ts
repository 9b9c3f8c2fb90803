import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ErrorCode, type ErrorCode as Code } from '@shared/errors';
import type { DeviceSelf } from '@shared/schemas/device';
import type { RatingBody, RatingReply, RatingRequest } from '@shared/schemas/rating';
import { errorCodeOf, request } from '@ui/api';
import type { HubSocket } from '@ui/socket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';

/** The thank-you screen returns to the idle screen after this many seconds (visible countdown). */
export const THANKS_SECONDS = 6;
/** A form nobody touches goes back to the idle screen after this long (the citizen left without rating). */
export const FORM_IDLE_MS = 120_000;

/** `idle` (counter and officer shown), `form` (a finished ticket to rate), `thanks` (sent; the screen counts down, then `reset`). */
export type RatingPhase = 'idle' | 'form' | 'thanks';

/**
 * The counter's rating tablet: which counter it stands at (a paired device an admin bound to it, open LAN mode too), the
 * ticket the counter just finished (pushed by the hub, offered again after a reconnect), and sending the rating.
 */
export const useRatingStore = defineStore('rating', () => {
  const queue = useQueueStore();
  const device = useDeviceStore();
  const phase = ref<RatingPhase>('idle');
  const pending = shallowRef<RatingRequest | null>(null);
  const sending = ref(false);
  const error = ref<Code | null>(null);
  /** The counter an admin bound this tablet to, re-read on every connect (a rebinding reconnects the tablet). */
  const boundCounter = ref<number | null | undefined>(undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const counterId = computed(() => (boundCounter.value === undefined ? device.device?.counterId : boundCounter.value) ?? null);
  const counter = computed(() => queue.counters.find((c) => c.id === counterId.value) ?? null);

  function later(ms: number, fn: () => void): void {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  }

  function reset(): void {
    clearTimeout(timer);
    phase.value = 'idle';
    pending.value = null;
    error.value = null;
  }

  function offer(r: RatingRequest): void {
    pending.value = r;
    error.value = null;
    phase.value = 'form';
    later(FORM_IDLE_MS, reset);
  }

  /** Sends the citizen's rating; the server binds it to the officer and counter of the ticket. */
  async function submit(body: Omit<RatingBody, 'trackingId'>): Promise<void> {
    const r = pending.value;
    if (!r || sending.value) return;
    sending.value = true;
    error.value = null;
    try {
      await request<RatingReply>('POST', '/api/ratings', { trackingId: r.trackingId, ...body });
      phase.value = 'thanks';
    } catch (e) {
      const code = errorCodeOf(e);
      if (code === ErrorCode.ALREADY_RATED) phase.value = 'thanks';
      else error.value = code;
    } finally {
      sending.value = false;
    }
    if (phase.value === 'thanks') clearTimeout(timer);
  }

  /** Listens for the counter's finished tickets (bound once, before the socket connects). */
  function bind(socket: HubSocket): void {
    socket.on('connect', () => {
      request<DeviceSelf>('GET', '/api/devices/me').then(
        (self) => {
          boundCounter.value = self.device?.counterId ?? null;
        },
        (e: unknown) => console.warn('device check failed', e),
      );
    });
    socket.on('rating:requested', ({ request: r }) => offer(r));
    socket.on('rating:closed', ({ trackingId }) => {
      if (phase.value === 'form' && pending.value?.trackingId === trackingId) reset();
    });
  }

  return { phase, pending, sending, error, counterId, counter, submit, reset, bind };
});
