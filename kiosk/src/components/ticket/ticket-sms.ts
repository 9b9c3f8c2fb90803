import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { normalizeVnMobile } from '@shared/phone-number';
import { ApiError, request } from '@ui/api';

/** National mobile numbers have ten digits. */
export const MOBILE_DIGITS = 10;

/** Why the hub did not take the number: a wrong number, the ticket no longer waiting, or no answer. */
export type SmsProblem = 'number' | 'ticket' | 'network';

/**
 * "Nhận tin nhắn khi sắp đến lượt" on the kiosk's ticket screen: offered only while the office sends messages (SMS or
 * Zalo ZNS); the citizen types a mobile number on the keypad and agrees, and the hub keeps it for that ticket
 * (`PUT /api/track/:trackingId/phone`, as on the phone's tracking page). `forget` drops the number (going home, a
 * new ticket); after a success only its last three digits stay, for the confirmation.
 */
export const useTicketSmsStore = defineStore('ticketSms', () => {
  const available = ref(false);
  /** The keypad is open (the ticket screen's countdown waits, the kiosk's time limit runs instead). */
  const open = ref(false);
  const digits = ref('');
  const sending = ref(false);
  const problem = ref<SmsProblem | null>(null);
  /** The last three digits of the number the hub took for this ticket; null before. */
  const doneFor = ref<string | null>(null);
  let asked = 0;

  const mobile = computed(() => normalizeVnMobile(digits.value));

  /** Asks the hub whether it sends messages now; no answer: no offer (the ticket works without it). */
  async function check(): Promise<void> {
    const mine = ++asked;
    try {
      const reply = await request<{ available: boolean }>('GET', '/api/notifications/available');
      if (mine === asked) available.value = reply.available;
    } catch {
      if (mine === asked) available.value = false;
    }
  }

  function start(): void {
    if (!available.value || doneFor.value !== null) return;
    digits.value = '';
    problem.value = null;
    open.value = true;
  }

  function type(digit: string): void {
    if (sending.value || digits.value.length >= MOBILE_DIGITS || !/^\d$/.test(digit)) return;
    digits.value += digit;
    problem.value = null;
  }

  function backspace(): void {
    if (sending.value) return;
    digits.value = digits.value.slice(0, -1);
    problem.value = null;
  }

  function clear(): void {
    if (sending.value) return;
    digits.value = '';
    problem.value = null;
  }

  /** Back to the ticket without a number. */
  function cancel(): void {
    if (sending.value) return;
    open.value = false;
    digits.value = '';
    problem.value = null;
  }

  /** The citizen agreed: the hub keeps the number for `trackingId`; true once it did. */
  async function confirm(trackingId: string): Promise<boolean> {
    const phone = mobile.value;
    if (!phone || sending.value) {
      if (!phone) problem.value = 'number';
      return false;
    }
    sending.value = true;
    try {
      await request<null>('PUT', `/api/track/${encodeURIComponent(trackingId)}/phone`, { phone, consent: true });
      doneFor.value = phone.slice(-3);
      open.value = false;
      digits.value = '';
      return true;
    } catch (error) {
      const code = error instanceof ApiError ? error.code : null;
      problem.value = code === 'VALIDATION_FAILED' ? 'number' : code === 'INVALID_TRANSITION' || code === 'TICKET_NOT_FOUND' ? 'ticket' : 'network';
      return false;
    } finally {
      sending.value = false;
    }
  }

  /** Forgets everything: the number on screen, the confirmation, the offer (until the next ticket asks again). */
  function forget(): void {
    asked += 1;
    available.value = false;
    open.value = false;
    digits.value = '';
    sending.value = false;
    problem.value = null;
    doneFor.value = null;
  }

  return { available, open, digits, sending, problem, doneFor, mobile, check, start, type, backspace, clear, cancel, confirm, forget };
});
