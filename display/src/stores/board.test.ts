import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { makeCall, makeCounter } from '@ui/testing/fixtures';
import { parseCounterFilter, useBoardStore } from './board';

describe('parseCounterFilter', () => {
  it.each([
    ['', null],
    ['?counters=1,2', [1, 2]],
    ['?counters=3', [3]],
    ['?counters= 2 , 2,x,-1', [2]],
    ['?counters=abc', null],
  ])('%s', (search, expected) => {
    expect(parseCounterFilter(search)).toEqual(expected);
  });
});

describe('board store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    const queue = useQueueStore();
    queue.counters = [makeCounter({ id: 2, number: 2, name: 'Quầy 2' }), makeCounter({ id: 1, number: 1, name: 'Quầy 1' })];
    queue.recentCalls = [
      makeCall({ ticketId: 9, number: 'B004', counterNumber: 2, recall: true }),
      makeCall({ ticketId: 8, number: 'A003', counterNumber: 1 }),
      makeCall({ ticketId: 9, number: 'B004', counterNumber: 2 }),
      makeCall({ ticketId: 7, number: 'A002', counterNumber: 1 }),
    ];
  });

  it('sorts counters, takes the newest call as latest and lists each earlier ticket once', () => {
    const board = useBoardStore();
    expect(board.counters.map((c) => c.number)).toEqual([1, 2]);
    expect(board.latestCall?.number).toBe('B004');
    expect(board.previousCalls.map((c) => c.number)).toEqual(['A003', 'A002']);
  });

  it('shows only the counters of a ?counters= filter', () => {
    const board = useBoardStore();
    board.counterFilter = [1];
    expect(board.counters.map((c) => c.number)).toEqual([1]);
    expect(board.latestCall?.number).toBe('A003');
    expect(board.previousCalls.map((c) => c.number)).toEqual(['A002']);
  });
});
