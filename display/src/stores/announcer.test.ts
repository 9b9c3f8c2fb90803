import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallRecord } from '@shared/schemas/ticket';
import { useQueueStore } from '@ui/stores/queue';
import { makeCall, makeCounter, makeTicket } from '@ui/testing/fixtures';
import { useAnnouncerStore } from './announcer';
import { useDisplayConfigStore } from './display-config';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const call = (ticketId: number, number: string, counterNumber: number, minute: number, over: Partial<CallRecord> = {}) =>
  makeCall({ ticketId, number, counterNumber, calledAt: at(minute), ...over });
const current = (id: number, number: string, status: 'called' | 'serving' = 'called') => makeTicket({ id, number, status });

/** The clips the announcer queued, by ticket number (each played 5 s on fake time). */
function fakePlayer() {
  const played: string[][] = [];
  return {
    played,
    play: (sequence: readonly string[]) => {
      played.push([...sequence]);
      return new Promise<void>((resolve) => setTimeout(resolve, 5000));
    },
  };
}

describe('announcer: calls heard live, during a disconnect and after a resync', () => {
  let player: ReturnType<typeof fakePlayer>;
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
    const queue = useQueueStore();
    queue.counters = [1, 2, 3].map((n) => makeCounter({ id: n, number: n, name: `Quầy ${n}` }));
    queue.recentCalls = [call(1, 'A001', 1, 0)];
    player = fakePlayer();
    useAnnouncerStore().usePlayer(player);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function connect(): void {
    useQueueStore().connected = true;
  }
  function push(c: CallRecord): void {
    useQueueStore().handlers['ticket:called']({ ticket: makeTicket({ id: c.ticketId, number: c.number, status: 'called' }), call: c });
  }
  const numbers = () => window.__motcuaAnnouncements?.slice(-player.played.length).map((e) => `${e.number}→${e.counterNumber}${e.recall ? ' (gọi lại)' : ''}`);

  it('announces nothing already called when the page opens, then each push in order, a recall again', async () => {
    const announcer = useAnnouncerStore();
    connect();
    expect(announcer.announcements.busy).toBe(false);
    push(call(2, 'A002', 1, 1));
    push(call(3, 'B001', 2, 2));
    push(call(2, 'A002', 1, 3, { recall: true }));
    expect(announcer.flashKey).toBe(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(numbers()).toEqual(['A002→1', 'B001→2', 'A002→1 (gọi lại)']);
    // Default configuration: chime, the sentence twice with a pause between.
    const clips = player.played[0]!;
    expect(clips[0]).toBe('chime');
    expect(clips.filter((c) => c === 'pause')).toHaveLength(1);
    expect(clips.slice(1, clips.indexOf('pause'))).toEqual(['vi-xin-mowif-coong-daan-cos-soos-thuws-tuwj', 'vi-chu-a', 'vi-hai', 'vi-ddeens-quaayf-soos', 'vi-mootj']);
  });

  it('during a burst plays only what is still true: the newest call of a counter, not a finished ticket, a recall once', async () => {
    const queue = useQueueStore();
    connect();
    push(call(2, 'A002', 1, 1)); // plays at once
    push(call(3, 'B001', 2, 2)); // waits
    push(call(4, 'C001', 3, 3)); // waits, then is finished before its turn
    push(call(5, 'A003', 1, 4)); // waits
    push(call(6, 'A004', 1, 5)); // replaces A003 (same counter), at A003's place
    push(call(6, 'A004', 1, 6, { recall: true })); // replaces A004's call: A004 is read out once
    push(call(6, 'A004', 1, 7, { recall: true })); // the recall pressed twice: still once
    queue.handlers['counter:updated']({ counter: makeCounter({ id: 3, number: 3, name: 'Quầy 3', currentTicket: null }) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(numbers()).toEqual(['A002→1', 'B001→2', 'A004→1 (gọi lại)']);
  });

  it('after a reconnect announces only the newest still-current call of each counter: no flood', async () => {
    const queue = useQueueStore();
    connect();
    push(call(2, 'A002', 1, 1));
    await vi.advanceTimersByTimeAsync(20_000);
    queue.connected = false;
    // While offline counter 1 called A003, A004, A005 (A005 still called), counter 2 called and finished B001,
    // counter 3 called C001 and has started serving it. The snapshot after reconnecting says so:
    queue.recentCalls = [call(8, 'C001', 3, 9), call(5, 'A005', 1, 8), call(7, 'B001', 2, 7), call(4, 'A004', 1, 6), call(3, 'A003', 1, 5), call(2, 'A002', 1, 1)];
    queue.counters = [
      makeCounter({ id: 1, number: 1, name: 'Quầy 1', currentTicket: current(5, 'A005') }),
      makeCounter({ id: 2, number: 2, name: 'Quầy 2', currentTicket: null }),
      makeCounter({ id: 3, number: 3, name: 'Quầy 3', currentTicket: current(8, 'C001', 'serving') }),
    ];
    connect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(numbers()).toEqual(['A002→1', 'A005→1']);
    expect(useAnnouncerStore().lastHeard).toBe(at(9));
    // A second reconnect with nothing new says nothing.
    queue.connected = false;
    connect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(player.played).toHaveLength(2);
  });

  it('never overlaps: calls arriving while one plays wait their turn; a call its counter moved past is dropped', async () => {
    const queue = useQueueStore();
    connect();
    push(call(2, 'A002', 1, 1));
    push(call(3, 'B001', 2, 2));
    push(call(4, 'C001', 3, 3));
    expect(player.played).toHaveLength(1);
    // Counter 2 called its next ticket before B001 was read out.
    queue.counters = queue.counters.map((c) => (c.id === 2 ? { ...c, currentTicket: current(9, 'B002') } : c));
    await vi.advanceTimersByTimeAsync(4000);
    expect(player.played).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(numbers()).toEqual(['A002→1', 'C001→3']);
  });

  it('follows the display configuration: filtered counters, voice off, announce times, English', async () => {
    const display = useDisplayConfigStore();
    display.config = { ...display.config, layout: 'area', counterIds: [1], voice: true, announceTimes: 1, english: true };
    connect();
    push(call(3, 'B001', 2, 2));
    push(call(2, 'A012', 1, 3));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(numbers()).toEqual(['A012→1']);
    expect(player.played[0]).not.toContain('pause');
    expect(player.played[0]!.slice(-4)).toEqual(['en-one', 'en-two', 'en-please-go-to-counter', 'en-one']);
    display.config = { ...display.config, voice: false };
    push(call(4, 'A013', 1, 4));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(player.played[1]).toEqual(['chime']);
  });
});
