import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrackedTicket } from '@shared/schemas/track';
import { useTrackStore, VIBRATE_CALL, VIBRATE_NEAR } from './track-store';

const view = (over: Partial<TrackedTicket> = {}): TrackedTicket => ({
  number: 'A002',
  serviceNameVi: 'Hộ tịch',
  serviceNameEn: 'Civil status',
  status: 'waiting',
  businessDay: '2026-11-23',
  issuedAt: '2026-11-23T02:00:00.000Z',
  peopleAhead: 4,
  estimatedWaitMinutes: 24,
  counterNumber: null,
  counterName: null,
  calledAt: null,
  recallCount: 0,
  notifyPeopleAhead: 2,
  nearTurn: false,
  officeName: 'UBND phường Hòa Bình',
  rating: { scale: 3, open: false, rated: false },
  ...over,
});

describe('track store: what buzzes the phone', () => {
  let vibrate: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    setActivePinia(createPinia());
    vibrate = vi.fn(() => true);
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  });

  it('buzzes once when the turn gets near, and long on a call push', () => {
    const store = useTrackStore();
    store.apply(view());
    expect(vibrate).not.toHaveBeenCalled();
    store.apply(view({ peopleAhead: 2, nearTurn: true }));
    store.apply(view({ peopleAhead: 1, nearTurn: true }));
    expect(vibrate.mock.calls).toEqual([[VIBRATE_NEAR]]);
    const called = view({ status: 'called', peopleAhead: null, estimatedWaitMinutes: null, nearTurn: false, counterNumber: 1, counterName: 'Tư pháp' });
    store.apply(called, { counterNumber: 1, counterName: 'Tư pháp', recall: false });
    expect(vibrate.mock.calls.at(-1)).toEqual([VIBRATE_CALL]);
    expect(store.lastAlert).toEqual({ kind: 'call', call: { counterNumber: 1, counterName: 'Tư pháp', recall: false }, number: 'A002' });
  });

  it('a call missed while the phone slept still buzzes when the re-read finds it; opening an already called ticket does not', () => {
    const store = useTrackStore();
    store.apply(view({ status: 'called', counterNumber: 3, counterName: 'Đất đai', peopleAhead: null }));
    expect(vibrate).not.toHaveBeenCalled();
    expect(store.lastCall).toEqual({ counterNumber: 3, counterName: 'Đất đai', recall: false });

    const other = useTrackStore();
    other.apply(view({ status: 'waiting' }));
    other.apply(view({ status: 'called', counterNumber: 3, counterName: 'Đất đai', peopleAhead: null, recallCount: 1 }));
    expect(vibrate.mock.calls).toEqual([[VIBRATE_CALL]]);
    expect(other.lastCall?.recall).toBe(true);
  });
});
