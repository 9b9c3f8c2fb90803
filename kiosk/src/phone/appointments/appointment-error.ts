import { ApiError, errorCodeOf } from '@ui/api';

/** The i18n key of a booking refusal: the reason of SLOT_CLOSED/BOOKING_LIMIT when the hub gave one, else the code's text. */
export function refusalKey(e: unknown): string {
  const reason = e instanceof ApiError ? (e.details as { reason?: string } | undefined)?.reason : undefined;
  return reason ? `appt.reasons.${reason}` : `errors.${errorCodeOf(e)}`;
}
