import { defineStore } from 'pinia';
import { ref } from 'vue';
import { normalizeBookingCode } from '@shared/booking-code';
import { parseIdCardQr } from '@shared/id-card';
import type { CheckInReply } from '@shared/schemas/appointment';
import { ApiError, errorCodeOf, request } from '@ui/api';

/** What the booking code box accepts from its keyboard: a typed code, or a scanned QR link (a HID scanner types it, then Enter). */
export const MAX_TYPED = 120;
/** A scanned CCCD's QR is longer (name, address): what a scanner may type into the box. */
const MAX_SCANNED = 1000;

/** Whether what was typed is an ID card's QR (its fields are separated by `|`; a booking code or link has none). */
export const isCardPayload = (typed: string): boolean => typed.includes('|');

/**
 * Why no ticket was given: a code's shape, an unreadable card, too early (with the times), the hub's code (`byCard`:
 * the booking was looked up by a scanned ID card).
 */
export type CheckInProblem =
  | { kind: 'format' }
  | { kind: 'card' }
  | { kind: 'early'; start: string; from: string }
  | { kind: 'code'; code: string; byCard?: boolean };

/**
 * "Có lịch hẹn" at the kiosk: the code typed on the kiosk's keyboard or by a scanner, checked in at the hub
 * (`POST /api/appointments/:code/check-in`), or a scanned CCCD (`POST /api/appointments/check-in-by-id-card`); the
 * ticket is returned only once committed. `reset` forgets all.
 */
export const useCheckInStore = defineStore('checkIn', () => {
  const typed = ref('');
  const problem = ref<CheckInProblem | null>(null);
  const submitting = ref(false);

  function setTyped(value: string): void {
    typed.value = value.slice(0, isCardPayload(value) ? MAX_SCANNED : MAX_TYPED);
    problem.value = null;
  }

  /** One check-in request; resolves the reply, or null with `problem` set. */
  async function checkIn(url: string, body: object, byCard: boolean): Promise<CheckInReply | null> {
    submitting.value = true;
    problem.value = null;
    try {
      return await request<CheckInReply>('POST', url, body);
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { start?: string; checkInFrom?: string } | undefined) : undefined;
      problem.value =
        errorCodeOf(e) === 'TOO_EARLY' && details?.start && details.checkInFrom
          ? { kind: 'early', start: details.start, from: details.checkInFrom }
          : { kind: 'code', code: errorCodeOf(e), ...(byCard ? { byCard } : {}) };
      return null;
    } finally {
      submitting.value = false;
    }
  }

  /**
   * Checks in by the booking code typed, or by the ID number of a scanned CCCD (today's booking of that person). The
   * card's payload is forgotten at once: only its ID number goes to the hub, nothing of it stays on the screen.
   */
  async function submit(): Promise<CheckInReply | null> {
    if (submitting.value) return null;
    if (isCardPayload(typed.value)) {
      const parsed = parseIdCardQr(typed.value);
      typed.value = '';
      if (!parsed.ok) {
        problem.value = { kind: 'card' };
        return null;
      }
      return checkIn('/api/appointments/check-in-by-id-card', { idNumber: parsed.card.idNumber }, true);
    }
    const code = normalizeBookingCode(typed.value);
    if (!code) {
      problem.value = { kind: 'format' };
      return null;
    }
    typed.value = code;
    return checkIn(`/api/appointments/${code}/check-in`, {}, false);
  }

  function reset(): void {
    typed.value = '';
    problem.value = null;
  }

  return { typed, problem, submitting, setTyped, submit, reset };
});
