import { describe, expect, it } from 'vitest';
import { durationStats, median, percentile, rate } from '../../src/domain/percentiles';
import { ticketTimes } from '../../src/domain/ticket-timeline';

const M = 60_000;

describe('percentiles', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 100, 4],
  ])('nearest rank of %j at p%d is %s', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });
  it.each([
    [[], null],
    [[3], 3],
    [[1, 3], 2],
    [[1, 2, 9], 2],
  ])('median of %j is %s', (sorted, expected) => {
    expect(median(sorted)).toBe(expected);
  });
  it('summarises durations in minutes with one decimal', () => {
    expect(durationStats([2 * M, 4 * M, 6 * M, 9 * M])).toEqual({ count: 4, avg: 5.3, median: 5, p90: 9, totalSeconds: 21 * 60 });
    expect(durationStats([])).toEqual({ count: 0, avg: null, median: null, p90: null, totalSeconds: 0 });
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('ticket timeline', () => {
  const ev = (type: string, min: number) => ({ type, at: min * M });
  it('waits until the first call; serves from start to finish', () => {
    expect(ticketTimes(0, [ev('issued', 0), ev('called', 5), ev('recalled', 6), ev('started', 7), ev('finished', 12)])).toEqual({ waitMs: 5 * M, serviceMs: 5 * M });
  });
  it('counts service from the call when never started', () => {
    expect(ticketTimes(0, [ev('called', 2), ev('finished', 6)])).toEqual({ waitMs: 2 * M, serviceMs: 4 * M });
  });
  it('adds the time at every counter of a transferred or parked ticket, not the wait in between', () => {
    const events = [ev('called', 2), ev('started', 3), ev('transferred', 7), ev('called', 20), ev('started', 21), ev('parked', 23), ev('called', 30), ev('started', 31), ev('finished', 33)];
    expect(ticketTimes(0, events)).toEqual({ waitMs: 2 * M, serviceMs: (4 + 2 + 2) * M });
  });
  it('has no service time for a no-show, a cancelled or a waiting ticket', () => {
    expect(ticketTimes(0, [ev('called', 4), ev('no_show', 6)])).toEqual({ waitMs: 4 * M, serviceMs: null });
    expect(ticketTimes(0, [ev('issued', 0), ev('cancelled', 9)])).toEqual({ waitMs: null, serviceMs: null });
    expect(ticketTimes(0, [ev('called', 4), ev('no_show', 6), ev('reactivated', 8), ev('called', 10), ev('finished', 15)])).toEqual({ waitMs: 4 * M, serviceMs: 5 * M });
  });
});
