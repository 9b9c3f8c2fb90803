import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';

/** A JSON reply as the hub sends it (an empty body for `undefined`). */
export function jsonReply(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Inside a store test's describe: a fresh fetch mock and a fresh Pinia for each test, the real fetch back after it. */
export function useFetchMock() {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.unstubAllGlobals());
  return fetchMock;
}
