import { defineStore } from 'pinia';
import { ref } from 'vue';
import { normalizeBookingCode } from '@shared/booking-code';
import type { CheckInReply } from '@shared/schemas/appointment';
import { ApiError, errorCodeOf, request } from '@ui/api';

/** What the booking code box accepts: a typed code, or a scanned QR link (a HID scanner types it, then Enter). */
export const MAX_TYPED = 120;

/** Why no ticket was given: a code's shape, too early (with the times), or the hub's code. */
export type CheckInProblem = { kind: 'format' } | { kind: 'early'; start: string; from: string } | { kind: 'code'; code: string };

/**
 * "Có lịch hẹn" at the kiosk: the code typed on the kiosk's keyboard or by a scanner, checked in at the hub
 * (`POST /api/appointments/:code/check-in`); the ticket is returned only once committed. `reset` forgets all.
 */
export const useCheckInStore = defineStore('checkIn', () => {
  const typed = ref('');
  const problem = ref<CheckInProblem | null>(null);
  const submitting = ref(false);

  function setTyped(value: string): void {
    typed.value = value.slice(0, MAX_TYPED);
    problem.value = null;
  }

  /** Checks in; resolves the reply, or null with `problem` set. */
  async function submit(): Promise<CheckInReply | null> {
    if (submitting.value) return null;
    const code = normalizeBookingCode(typed.value);
    if (!code) {
      problem.value = { kind: 'format' };
      return null;
    }
    submitting.value = true;
    problem.value = null;
    try {
      return await request<CheckInReply>('POST', `/api/appointments/${code}/check-in`, {});
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { start?: string; checkInFrom?: string } | undefined) : undefined;
      problem.value = errorCodeOf(e) === 'TOO_EARLY' && details?.start && details.checkInFrom ? { kind: 'early', start: details.start, from: details.checkInFrom } : { kind: 'code', code: errorCodeOf(e) };
      typed.value = code;
      return null;
    } finally {
      submitting.value = false;
    }
  }

  function reset(): void {
    typed.value = '';
    problem.value = null;
  }

  return { typed, problem, submitting, setTyped, submit, reset };
});
