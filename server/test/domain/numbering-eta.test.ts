import { describe, expect, it } from 'vitest';
import { averageServiceMinutes, estimateWaitMinutes } from '../../src/domain/eta';
import { canApply } from '../../src/domain/lifecycle';
import { planNumber } from '../../src/domain/numbering';

describe('planNumber', () => {
  const rule = { prefix: 'A', startNumber: 1, endNumber: 999, dailyMax: 300 };
  it.each([
    [0, 1, 'A001'],
    [11, 12, 'A012'],
    [299, 300, 'A300'],
  ])('after %i issued → ordinal %i, %s', (issued, ordinal, number) => {
    expect(planNumber(rule, issued)).toEqual({ ordinal, number });
  });
  it('refuses past the daily maximum', () => {
    expect(planNumber(rule, 300)).toBeNull();
  });
  it('wraps from the end number back to the start number', () => {
    const small = { prefix: 'B', startNumber: 100, endNumber: 102, dailyMax: 10 };
    expect([0, 1, 2, 3, 4].map((i) => planNumber(small, i)?.number)).toEqual(['B100', 'B101', 'B102', 'B100', 'B101']);
  });
  it('widens the number to the end number\'s digits', () => {
    expect(planNumber({ prefix: 'C', startNumber: 1, endNumber: 1500, dailyMax: 2000 }, 6)?.number).toBe('C0007');
  });
});

describe('wait estimate', () => {
  it('uses the office default until three services were measured', () => {
    expect(averageServiceMinutes([], 6)).toBe(6);
    expect(averageServiceMinutes([2, 4], 6)).toBe(6);
    expect(averageServiceMinutes([2, 4, 9], 6)).toBe(5);
  });
  it.each([
    [0, 5, 1, 0],
    [4, 5, 2, 10],
    [3, 5, 2, 8],
    [3, 5, 0, 15],
  ])('%i ahead × %i min ÷ %i counters → %i min', (ahead, avg, counters, expected) => {
    expect(estimateWaitMinutes(ahead, avg, counters)).toBe(expected);
  });
});

describe('ticket lifecycle', () => {
  it.each([
    ['call', 'waiting', true],
    ['call', 'parked', true],
    ['call', 'done', false],
    ['start', 'called', true],
    ['start', 'serving', false],
    ['finish', 'serving', true],
    ['no_show', 'serving', false],
    ['reactivate', 'no_show', true],
    ['reactivate', 'cancelled', false],
    ['transfer', 'done', false],
  ] as const)('%s from %s → %s', (action, status, allowed) => {
    expect(canApply(action, status)).toBe(allowed);
  });
});
