import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CounterState } from '@shared/schemas/counter';
import type { ServiceSummary } from '@shared/schemas/service';
import type { CallRecord } from '@shared/schemas/ticket';
import { useQueueStore } from '@ui/stores/queue';
import { useDisplayConfigStore } from './display-config';

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
 * What this TV shows, derived from the live queue and its configuration: the whole hall, an area (chosen counters
 * and/or services; also `?counters=1,2` in the URL) or one counter; the latest call, the calls before it, each
 * counter's current number and the waiting count per service.
 */
export const useBoardStore = defineStore('board', () => {
  const queue = useQueueStore();
  const display = useDisplayConfigStore();
  const counterFilter = ref<number[] | null>(typeof location === 'undefined' ? null : parseCounterFilter(location.search));

  const layout = computed(() => display.config.layout);
  const areaCounters = computed(() => (layout.value === 'main' ? [] : display.config.counterIds.slice(0, layout.value === 'counter' ? 1 : undefined)));
  const areaServices = computed(() => (layout.value === 'area' ? display.config.serviceIds : []));

  function showsCounter(c: Pick<CounterState, 'id' | 'number'> & { services?: CounterState['services'] }): boolean {
    if (counterFilter.value && !counterFilter.value.includes(c.number)) return false;
    if (areaCounters.value.length) return areaCounters.value.includes(c.id);
    if (areaServices.value.length) return (c.services ?? []).some((l) => areaServices.value.includes(l.serviceId));
    return true;
  }

  /** Whether a call belongs on this TV (and is announced by it). */
  function showsCall(call: CallRecord): boolean {
    if (counterFilter.value && !counterFilter.value.includes(call.counterNumber)) return false;
    if (areaCounters.value.length && !areaCounters.value.includes(call.counterId)) return false;
    if (areaServices.value.length && !areaServices.value.includes(call.serviceId)) return false;
    return true;
  }

  const counters = computed<CounterState[]>(() => [...queue.counters].filter(showsCounter).sort((a, b) => a.number - b.number));
  const calls = computed<CallRecord[]>(() => queue.recentCalls.filter(showsCall));
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
  /** Services whose waiting count this TV shows: the chosen ones, or those its counters serve. */
  const services = computed<ServiceSummary[]>(() => {
    if (areaServices.value.length) return queue.services.filter((s) => areaServices.value.includes(s.id));
    if (!areaCounters.value.length && !counterFilter.value) return queue.services;
    const served = new Set(counters.value.flatMap((c) => c.services.map((l) => l.serviceId)));
    return queue.services.filter((s) => served.has(s.id));
  });

  return { counterFilter, layout, counters, calls, latestCall, previousCalls, services, showsCall };
});
