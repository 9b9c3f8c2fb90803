import { describe, expect, it } from 'vitest';
import { peopleAheadUnder, selectNext, type CallingPolicy, type Candidate } from '../../src/domain/queue-rules';

const c = (id: number, serviceId: number, priority = false, sortKey = id, targetCounterId: number | null = null): Candidate => ({
  id,
  serviceId,
  priority,
  sortKey,
  targetCounterId,
});

const policy = (over: Partial<CallingPolicy> = {}): CallingPolicy => ({
  counterId: 1,
  mode: 'strict',
  normalPerPriority: 2,
  normalsSincePriority: 0,
  weights: new Map([[10, 1]]),
  ...over,
});

describe('selectNext', () => {
  const cases: { name: string; list: Candidate[]; p: CallingPolicy; id: number | null; normals?: number }[] = [
    { name: 'empty queue', list: [], p: policy(), id: null },
    { name: 'oldest first', list: [c(2, 10), c(1, 10)], p: policy(), id: 1, normals: 1 },
    { name: 'equal sort keys: lower id', list: [c(5, 10, false, 7), c(4, 10, false, 7)], p: policy(), id: 4 },
    { name: 'service not served here is ignored', list: [c(1, 20), c(2, 10)], p: policy(), id: 2 },
    { name: 'only foreign services', list: [c(1, 20)], p: policy(), id: null },
    { name: 'strict: priority beats older normal', list: [c(1, 10), c(2, 10, true)], p: policy(), id: 2, normals: 0 },
    {
      name: 'heavier service first even if younger',
      list: [c(1, 10), c(2, 11)],
      p: policy({ weights: new Map([[10, 1], [11, 3]]) }),
      id: 2,
    },
    { name: 'targeted to this counter beats everything in its class', list: [c(1, 10), c(2, 20, false, 9, 1)], p: policy(), id: 2 },
    { name: 'targeted to another counter is skipped', list: [c(1, 10, false, 1, 2), c(2, 10)], p: policy(), id: 2 },
    {
      name: 'interleave: normal while under N',
      list: [c(1, 10), c(2, 10, true)],
      p: policy({ mode: 'interleave', normalsSincePriority: 1 }),
      id: 1,
      normals: 2,
    },
    {
      name: 'interleave: priority once N normals were called',
      list: [c(1, 10), c(2, 10, true)],
      p: policy({ mode: 'interleave', normalsSincePriority: 2 }),
      id: 2,
      normals: 0,
    },
    {
      name: 'interleave: priority when no normal waits',
      list: [c(2, 10, true)],
      p: policy({ mode: 'interleave', normalsSincePriority: 0 }),
      id: 2,
      normals: 0,
    },
    {
      name: 'interleave: normal when no priority waits',
      list: [c(1, 10)],
      p: policy({ mode: 'interleave', normalsSincePriority: 9 }),
      id: 1,
      normals: 10,
    },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const choice = selectNext(tc.list, tc.p);
      expect(choice?.ticket.id ?? null).toBe(tc.id);
      if (tc.normals !== undefined) expect(choice?.normalsSincePriority).toBe(tc.normals);
    });
  }

  it('interleave 2:1 over a long queue gives the expected order', () => {
    const list = [c(1, 10), c(2, 10), c(3, 10), c(4, 10), c(5, 10, true), c(6, 10, true)];
    const order: number[] = [];
    let normals = 0;
    while (list.length > 0) {
      const choice = selectNext(list, policy({ mode: 'interleave', normalsSincePriority: normals }));
      if (!choice) break;
      order.push(choice.ticket.id);
      normals = choice.normalsSincePriority;
      list.splice(list.findIndex((x) => x.id === choice.ticket.id), 1);
    }
    expect(order).toEqual([1, 2, 5, 3, 4, 6]);
  });
});

describe('peopleAheadUnder: what the ticket says about the people called before it', () => {
  const place = (priority: boolean, sameClassAhead: number, priorityWaiting: number, normalWaiting: number) => ({ priority, sameClassAhead, priorityWaiting, normalWaiting });
  it.each([
    // strict: priority tickets only behind priority tickets; normals behind every priority ticket
    ['strict', place(true, 0, 0, 5), 1, 0],
    ['strict', place(true, 2, 3, 5), 1, 2],
    ['strict', place(false, 0, 3, 0), 1, 3],
    ['strict', place(false, 4, 2, 6), 1, 6],
    // interleave 2:1 — the k-th priority after 2(k+1) normals (as many as wait); the k-th normal after ⌊k/2⌋ priority
    ['interleave', place(true, 0, 0, 5), 2, 2],
    ['interleave', place(true, 0, 0, 1), 2, 1],
    ['interleave', place(true, 1, 2, 10), 2, 5],
    ['interleave', place(false, 0, 3, 4), 2, 0],
    ['interleave', place(false, 3, 3, 4), 2, 4],
    ['interleave', place(false, 5, 1, 6), 2, 6],
    ['interleave', place(false, 5, 0, 6), 1, 5],
  ] as const)('%s %o with %i normal per priority → %i', (mode, p, perPriority, expected) => {
    expect(peopleAheadUnder(p, mode, perPriority)).toBe(expected);
  });
});
