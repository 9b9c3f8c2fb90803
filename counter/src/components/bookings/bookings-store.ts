import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { AppointmentStaff } from '@shared/schemas/appointment';
import { request } from '@ui/api';
import { useQueueStore } from '@ui/stores/queue';
import { useSessionStore } from '../../stores/session';

/** How often the list is re-read besides the queue's changes (a booking turns missed with no queue event). */
const REFRESH_MS = 60_000;

/**
 * Today's bookings of this counter's services, with the citizen's name (staff only). Re-read when the queue changes
 * (a check-in issues a ticket; a call moves one) and every minute; a reply to an older read is dropped.
 */
export const useBookingsStore = defineStore('bookings', () => {
  const queue = useQueueStore();
  const session = useSessionStore();
  const list = ref<AppointmentStaff[]>([]);
  const failed = ref(false);
  let seq = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const serviceIds = computed(() => {
    const c = session.counterId === null ? undefined : queue.counterById.get(session.counterId);
    return c ? c.services.map((s) => s.serviceId) : [];
  });
  const byTicket = computed(() => new Map(list.value.filter((b) => b.ticketId !== null).map((b) => [b.ticketId as number, b])));

  async function load(): Promise<void> {
    const ids = serviceIds.value;
    if (ids.length === 0) {
      list.value = [];
      return;
    }
    const mine = ++seq;
    try {
      const rows = await request<AppointmentStaff[]>('GET', `/api/appointments/today?${ids.map((id) => `serviceId=${id}`).join('&')}`);
      if (mine !== seq) return;
      list.value = rows;
      failed.value = false;
    } catch {
      if (mine === seq) failed.value = true;
    }
  }

  /** Cancels a booking for the citizen (e.g. by phone) with the reason they gave (audited by the hub), then re-reads. */
  async function cancel(code: string, reason: string): Promise<void> {
    await request('POST', `/api/appointments/${encodeURIComponent(code)}/cancel`, { reason });
    await load();
  }

  /** Starts following: the queue's waiting tickets and this counter's ticket drive re-reads. */
  function follow(): () => void {
    const stop = watch(
      () => [serviceIds.value.join(), queue.waiting.length, session.counterId === null ? null : queue.counterById.get(session.counterId)?.currentTicket?.id],
      () => void load(),
      { immediate: true },
    );
    timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }

  return { list, failed, byTicket, load, cancel, follow };
});
