import { ERROR_MESSAGES, ErrorCode, type ErrorBody } from '@shared/errors';

/** An error reply from the hub, carrying its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** The hub's `details` (e.g. `{ field, message }` of a VALIDATION_FAILED), when it sent some. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Code of any error: the hub's code, or INTERNAL_ERROR when the hub could not be reached. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : ErrorCode.INTERNAL_ERROR;
}

/** JSON request to the hub on the same origin, with the session cookie. Throws ApiError on 4xx/5xx. */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return send<T>(path, init);
}

/** A raw (non-JSON) body to the hub, e.g. a file; the reply and errors as `request()` gives them. */
export function sendRaw<T>(path: string, body: Blob, type: string): Promise<T> {
  return send<T>(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': type }, body });
}

/** Sends and reads the JSON reply (none for an empty body); a 4xx/5xx becomes ApiError with the hub's code and message. */
async function send<T>(path: string, init: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ErrorBody>;
    const code = err.code && err.code in ERROR_MESSAGES ? err.code : ErrorCode.INTERNAL_ERROR;
    throw new ApiError(res.status, code, err.message ?? ERROR_MESSAGES[code].vi, err.details);
  }
  return data as T;
}

/** The office logo's address for a `logoVersion` (the version busts caches when the logo changes); null without a logo. */
export function officeLogoUrl(version: string | null | undefined): string | null {
  return version ? `/api/office/logo?v=${encodeURIComponent(version)}` : null;
}
