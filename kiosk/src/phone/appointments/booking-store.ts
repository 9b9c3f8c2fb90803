import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppointmentOptions, AppointmentPublic, BookBody, Booked, Slot } from '@shared/schemas/appointment';
import { request } from '@ui/api';

/** Where the phone keeps the cancel tokens of its own bookings (code → token), so "my appointment" can cancel. */
const TOKENS_KEY = 'motcua.phone.bookings';

function tokens(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Booking on a phone: what can be booked, a day's slots, the booking itself, and one's own booking by code. */
export const useBookingStore = defineStore('booking', () => {
  const options = ref<AppointmentOptions | null>(null);
  const slots = ref<Slot[]>([]);
  const slotsLoading = ref(false);
  let slotSeq = 0;

  async function loadOptions(): Promise<void> {
    options.value = await request<AppointmentOptions>('GET', '/api/appointments/options');
  }

  async function loadSlots(serviceId: number, date: string): Promise<void> {
    const mine = ++slotSeq;
    slotsLoading.value = true;
    try {
      const list = await request<Slot[]>('GET', `/api/appointments/slots?serviceId=${serviceId}&date=${date}`);
      if (mine === slotSeq) slots.value = list;
    } finally {
      if (mine === slotSeq) slotsLoading.value = false;
    }
  }

  /** Books; the token of the cancel link is remembered on this phone. */
  async function book(body: BookBody): Promise<Booked> {
    const booked = await request<Booked>('POST', '/api/appointments', body);
    localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...tokens(), [booked.code]: booked.cancelToken }));
    return booked;
  }

  const tokenOf = (code: string): string | undefined => tokens()[code];

  /** One booking by code, proven by the phone number or the cancel token. */
  function lookup(code: string, proof: { phone?: string; cancelToken?: string }): Promise<AppointmentPublic> {
    const q = new URLSearchParams(proof.phone ? { phone: proof.phone } : { cancelToken: proof.cancelToken ?? '' });
    return request<AppointmentPublic>('GET', `/api/appointments/${encodeURIComponent(code)}?${q.toString()}`);
  }

  function cancel(code: string, proof: { phone?: string; cancelToken?: string }): Promise<AppointmentPublic> {
    return request<AppointmentPublic>('POST', `/api/appointments/${encodeURIComponent(code)}/cancel`, proof.phone ? { phone: proof.phone } : { cancelToken: proof.cancelToken });
  }

  return { options, slots, slotsLoading, loadOptions, loadSlots, book, tokenOf, lookup, cancel };
});
