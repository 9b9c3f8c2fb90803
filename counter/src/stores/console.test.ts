import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { demoServices, makeOffice, makeStaffedCounter, makeTicket } from '@ui/testing/fixtures';
import { useConsoleStore } from './console';
import { useSessionStore } from './session';

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('console store', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    setActivePinia(createPinia());
    const queue = useQueueStore();
    queue.office = makeOffice();
    queue.services = demoServices();
    queue.connected = true;
    queue.counters = [makeStaffedCounter()];
    queue.waiting = [makeTicket({ id: 1, number: 'A001', sortKey: 1 }), makeTicket({ id: 2, number: 'A002', sortKey: 2 })];
    useSessionStore().me = { id: 3, username: 'canbo1', fullName: 'Nguyễn Văn An', role: 'staff', counterId: 1, mustChangePassword: false };
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('calls the next ticket and shows it at once, before the push arrives', async () => {
    const store = useConsoleStore();
    const queue = useQueueStore();
    expect(store.enabled.recall).toBe(false);
    const called = { ...queue.waiting[0]!, status: 'called' as const, counterId: 1, calledAt: '2026-11-23T01:30:00.000Z' };
    fetchMock.mockResolvedValueOnce(reply(200, { ticket: called }));
    await store.callNext();
    expect(fetchMock).toHaveBeenCalledWith('/api/counters/1/call-next', expect.objectContaining({ method: 'POST' }));
    expect(store.current?.number).toBe('A001');
    expect(store.waiting.map((t) => t.number)).toEqual(['A002']);
    expect(store.enabled.recall).toBe(true);
    expect(store.suggested).toBe('start');
    expect(store.busy).toBeNull();
  });

  it('turns QUEUE_EMPTY into the Vietnamese message key', async () => {
    const store = useConsoleStore();
    fetchMock.mockResolvedValueOnce(reply(409, { code: 'QUEUE_EMPTY', message: 'empty' }));
    await store.callNext();
    expect(store.toast).toMatchObject({ kind: 'error', key: 'errors.QUEUE_EMPTY' });
  });

  it('keeps a no-show ticket to reactivate, then puts it back in the waiting list', async () => {
    const store = useConsoleStore();
    const queue = useQueueStore();
    const current = makeTicket({ id: 9, number: 'A009', status: 'called', counterId: 1 });
    queue.counters = [makeStaffedCounter({ currentTicket: current })];
    fetchMock.mockResolvedValueOnce(reply(200, { ticket: { ...current, status: 'no_show' } }));
    await store.noShow();
    expect(store.current).toBeNull();
    expect(store.noShows.map((t) => t.number)).toEqual(['A009']);
    fetchMock.mockResolvedValueOnce(reply(200, { ticket: { ...current, status: 'waiting', counterId: null, sortKey: 99 } }));
    await store.reactivate(9);
    expect(fetchMock).toHaveBeenLastCalledWith('/api/tickets/9/reactivate', expect.objectContaining({ method: 'POST' }));
    expect(store.noShows).toEqual([]);
    expect(store.waiting.map((t) => t.number)).toEqual(['A001', 'A002', 'A009']);
    expect(store.toast).toMatchObject({ kind: 'info', key: 'toast.reactivated', params: { number: 'A009' } });
  });

  it('sends the clerk back to the counter picker when the hub says the counter is not theirs', async () => {
    const store = useConsoleStore();
    fetchMock.mockResolvedValueOnce(reply(403, { code: 'NOT_AT_COUNTER', message: 'no' }));
    fetchMock.mockResolvedValue(reply(200, []));
    await store.callNext();
    const session = useSessionStore();
    expect(session.counterId).toBeNull();
    expect(session.errorCode).toBe('NOT_AT_COUNTER');
  });
});
