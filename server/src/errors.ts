import { ERROR_MESSAGES, ErrorCode } from '@shared/errors';

/** HTTP status of each coded error: set once here, never per route. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  DEVICE_NOT_PAIRED: 401,
  PAIRING_CODE_INVALID: 404,
  USERNAME_TAKEN: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_NOT_FOUND: 404,
  SERVICE_INACTIVE: 409,
  DAILY_LIMIT_REACHED: 409,
  OFFICE_CLOSED: 409,
  INVALID_PRIORITY_GROUP: 400,
  COUNTER_NOT_FOUND: 404,
  COUNTER_TAKEN: 409,
  NOT_AT_COUNTER: 403,
  QUEUE_EMPTY: 409,
  NO_CURRENT_TICKET: 409,
  TICKET_NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  SERVICE_NOT_AT_COUNTER: 409,
  INVALID_DATE_RANGE: 400,
  FIELD_IN_USE: 409,
  PRINTER_IN_BROWSER: 409,
  PRINTER_NOT_FOUND: 404,
  NO_PRINTER: 409,
  DOSSIER_NOT_FOUND: 404,
  DOSSIER_INVALID_TRANSITION: 409,
  SUPPLEMENT_ALREADY_REQUESTED: 409,
  REASON_REQUIRED: 400,
  INVALID_DUE_DATE: 400,
  ALREADY_RATED: 409,
  TICKET_NOT_DONE: 409,
  RATING_REASON_REQUIRED: 400,
  RATING_LEVEL_NOT_OFFERED: 400,
  // Sessions and sign-in (issue 14).
  LOGIN_THROTTLED: 429,
  CROSS_ORIGIN_REFUSED: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DOSSIER_CHECK_FAILED: 404,
  DOSSIER_LOOKUP_LOCKED: 429,
  DATA_SUBJECT_NOT_FOUND: 404,
  RECORD_MUST_BE_KEPT: 409,
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_URL_NOT_ALLOWED: 400,
  DELIVERY_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  API_KEY_INVALID: 401,
  API_KEY_SCOPE: 403,
  INTERNAL_ERROR: 500,
};

/** A coded domain error; the error handler turns it into `{ code, message }` with its status. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code].vi,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = STATUS[code];
  }
}

/** Throws the coded error (for use in expressions). */
export function fail(code: ErrorCode, details?: unknown): never {
  throw new AppError(code, ERROR_MESSAGES[code].vi, details);
}

/** Status code for an error code. */
export const statusOf = (code: ErrorCode): number => STATUS[code];
