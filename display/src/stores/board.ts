import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CounterState } from '@shared/schemas/counter';
import type { CallRecord } from '@shared/schemas/ticket';
import { useQueueStore } from '@ui/stores/queue';

/** Calls listed under the latest one. */
export const RECENT_SHOWN = 6;

/** Counter numbers from a `?counters=1,2` query; null (all counters) when absent or unreadable. */
export function parseCounterFilter(search: string): number[] | null {
  const raw = new URLSearchParams(search).get('counters');
  if (!raw) return null;
  const numbers = raw
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return numbers.length ? [...new Set(numbers)] : null;
}

/**
 * What the waiting-room TV shows, derived from the live queue: optionally only some counters (a TV per area),
 * the latest call, the calls before it and each counter's current number.
 */
export const useBoardStore = defineStore('board', () => {
  const queue = useQueueStore();
  const counterFilter = ref<number[] | null>(typeof location === 'undefined' ? null : parseCounterFilter(location.search));

  const shows = (counterNumber: number): boolean => counterFilter.value === null || counterFilter.value.includes(counterNumber);

  const counters = computed<CounterState[]>(() =>
    [...queue.counters].filter((c) => shows(c.number)).sort((a, b) => a.number - b.number),
  );
  const calls = computed<CallRecord[]>(() => queue.recentCalls.filter((c) => shows(c.counterNumber)));
  const latestCall = computed<CallRecord | null>(() => calls.value[0] ?? null);
  /** The calls before the latest one; a recall of the same ticket is not listed twice. */
  const previousCalls = computed<CallRecord[]>(() => {
    const seen = new Set<number>(latestCall.value ? [latestCall.value.ticketId] : []);
    const list: CallRecord[] = [];
    for (const c of calls.value.slice(1)) {
      if (seen.has(c.ticketId)) continue;
      seen.add(c.ticketId);
      list.push(c);
      if (list.length === RECENT_SHOWN) break;
    }
    return list;
  });

  return { counterFilter, counters, calls, latestCall, previousCalls, shows };
});
