import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubSocket } from '@ui/socket';
import { makeCall, makeCounter, makeTicket } from '@ui/testing/fixtures';
import { useQueueStore } from './queue';

/** A socket that only records listeners, so the test can deliver hub events by hand. */
function recordingSocket() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const socket = { connected: true, on: (event: string, fn: (payload: unknown) => void) => listeners.set(event, fn) } as unknown as HubSocket;
  return { socket, deliver: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('queue store: pushes from the hub', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
  });

  it('a call shows at once in the calling counter\'s cell, before the counter\'s own update arrives', () => {
    const queue = useQueueStore();
    queue.counters = [makeCounter({ id: 1, number: 1, name: 'Quầy 1' }), makeCounter({ id: 2, number: 2, name: 'Quầy 2' })];
    const { socket, deliver } = recordingSocket();
    queue.bind(socket);
    const ticket = makeTicket({ id: 5, number: 'A005', status: 'called', counterId: 2 });
    deliver('ticket:called', { ticket, call: makeCall({ ticketId: 5, number: 'A005', counterId: 2, counterNumber: 2 }) });
    expect(queue.counters.find((c) => c.id === 2)?.currentTicket?.number).toBe('A005');
    expect(queue.counters.find((c) => c.id === 1)?.currentTicket ?? null).toBeNull();
    expect(queue.recentCalls[0]?.number).toBe('A005');
  });
});
