import { describe, expect, it } from 'vitest';
import { matchTicketNumber, minutesSince, parkedForCounter, waitingForCounter } from './counter-queue';
import { makeStaffedCounter, makeTicket } from '@ui/testing/fixtures';

describe('waitingForCounter', () => {
  const here = makeStaffedCounter({ id: 1, services: [{ serviceId: 1, weight: 1 }, { serviceId: 2, weight: 5 }] });

  it('keeps only waiting tickets of the services this counter serves', () => {
    const a = makeTicket({ number: 'A001', serviceId: 1, sortKey: 1 });
    const d = makeTicket({ number: 'D001', serviceId: 4, sortKey: 2 });
    const parked = makeTicket({ number: 'A002', serviceId: 1, status: 'parked', counterId: 1, sortKey: 3 });
    expect(waitingForCounter([a, d, parked], here).map((t) => t.number)).toEqual(['A001']);
  });

  it('shows a ticket transferred to a counter only at that counter, even for a service it does not serve', () => {
    const toUs = makeTicket({ number: 'D007', serviceId: 4, targetCounterId: 1, sortKey: 50 });
    const toOther = makeTicket({ number: 'A009', serviceId: 1, targetCounterId: 2, sortKey: 1 });
    expect(waitingForCounter([toUs, toOther], here).map((t) => t.number)).toEqual(['D007']);
    expect(waitingForCounter([toUs, toOther], makeStaffedCounter({ id: 2 })).map((t) => t.number)).toEqual(['A009']);
  });

  it('orders targeted, then priority, then higher weight, then queue order', () => {
    const list = [
      makeTicket({ number: 'A001', serviceId: 1, sortKey: 1 }),
      makeTicket({ number: 'A002', serviceId: 1, sortKey: 2, priorityGroup: 'elderly' }),
      makeTicket({ number: 'B001', serviceId: 2, sortKey: 3 }),
      makeTicket({ number: 'B002', serviceId: 2, sortKey: 2.5 }),
      makeTicket({ number: 'D003', serviceId: 4, sortKey: 9, targetCounterId: 1 }),
    ];
    expect(waitingForCounter(list, here).map((t) => t.number)).toEqual(['D003', 'A002', 'B002', 'B001', 'A001']);
  });

  it('is empty without a counter', () => {
    expect(waitingForCounter([makeTicket()], null)).toEqual([]);
  });
});

describe('parkedForCounter', () => {
  it('lists only tickets this counter parked, oldest first', () => {
    const mine2 = makeTicket({ number: 'A020', status: 'parked', counterId: 1, sortKey: 20 });
    const mine1 = makeTicket({ number: 'A010', status: 'parked', counterId: 1, sortKey: 10 });
    const other = makeTicket({ number: 'A030', status: 'parked', counterId: 2, sortKey: 5 });
    const waiting = makeTicket({ number: 'A040', status: 'waiting', counterId: null, sortKey: 1 });
    expect(parkedForCounter([mine2, other, mine1, waiting], 1).map((t) => t.number)).toEqual(['A010', 'A020']);
    expect(parkedForCounter([mine1], null)).toEqual([]);
  });
});

describe('matchTicketNumber', () => {
  const list = [makeTicket({ number: 'A012' }), makeTicket({ number: 'B012' }), makeTicket({ number: 'A120' })];
  it('matches a full number, without leading zeros, or by digits only', () => {
    expect(matchTicketNumber(list, 'a012').map((t) => t.number)).toEqual(['A012']);
    expect(matchTicketNumber(list, 'A12').map((t) => t.number)).toEqual(['A012']);
    expect(matchTicketNumber(list, '12').map((t) => t.number)).toEqual(['A012', 'B012']);
    expect(matchTicketNumber(list, 'b').map((t) => t.number)).toEqual(['B012']);
    expect(matchTicketNumber(list, '  ')).toHaveLength(3);
    expect(matchTicketNumber(list, '7')).toEqual([]);
  });
});

describe('minutesSince', () => {
  it('counts whole minutes and never goes negative', () => {
    expect(minutesSince('2026-11-23T01:00:00.000Z', new Date('2026-11-23T01:12:59.000Z'))).toBe(12);
    expect(minutesSince('2026-11-23T01:00:00.000Z', new Date('2026-11-23T00:59:00.000Z'))).toBe(0);
  });
});
