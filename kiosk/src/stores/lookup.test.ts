import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoFields, makeProcedure, makeSummary } from '@ui/testing/procedure-fixtures';
import { SEARCH_DEBOUNCE_MS, useLookupStore } from './lookup';

/** A fetch stub that keeps every request pending until the test answers it (in any order). */
function pendingFetch() {
  const calls: Array<{ url: URL; reply: (status: number, body: unknown) => void }> = [];
  const fetchMock = vi.fn(
    (path: string) =>
      new Promise<Response>((resolve) => {
        calls.push({
          url: new URL(path, 'http://kiosk'),
          reply: (status, body) => resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
        });
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

describe('lookup store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('searches once, 200 ms after the last key, with the query as typed', async () => {
    vi.useFakeTimers();
    const { fetchMock, calls } = pendingFetch();
    const lookup = useLookupStore();
    for (const q of ['k', 'kh', 'kha', 'khai', 'khai ', 'khai s']) {
      lookup.setQuery(q);
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50);
    }
    expect(fetchMock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(calls[0]?.url.pathname).toBe('/api/procedures');
    expect(calls[0]?.url.searchParams.get('q')).toBe('khai s');
    expect(calls[0]?.url.searchParams.get('fieldId')).toBeNull();
    expect(lookup.searching).toBe(true);

    calls[0]?.reply(200, [makeSummary({ id: 1, code: '1.001193', name: 'Đăng ký khai sinh' })]);
    await vi.runAllTimersAsync();
    expect(lookup.searching).toBe(false);
    expect(lookup.answered).toBe(true);
    expect(lookup.results.map((r) => r.code)).toEqual(['1.001193']);
  });

  it('ignores a reply that arrives after a newer search was sent', async () => {
    const { calls } = pendingFetch();
    const lookup = useLookupStore();
    lookup.query = 'kh';
    const first = lookup.search();
    lookup.query = 'khai sinh';
    const second = lookup.search();
    expect(calls).toHaveLength(2);

    calls[1]?.reply(200, [makeSummary({ id: 1, code: '1.001193', name: 'Đăng ký khai sinh' })]);
    await second;
    calls[0]?.reply(200, [makeSummary({ id: 7, code: '1.000000', name: 'Khác' })]);
    await first;
    expect(lookup.results.map((r) => r.id)).toEqual([1]);
    expect(lookup.searching).toBe(false);
  });

  it('browses a field: fields in display order, then that field’s procedures, paged', async () => {
    const { calls } = pendingFetch();
    const lookup = useLookupStore();
    const started = lookup.start();
    expect(calls[0]?.url.pathname).toBe('/api/fields');
    calls[0]?.reply(200, demoFields());
    await started;
    expect(lookup.fields.map((f) => f.code)).toEqual(['HTICH', 'CTHUC']);

    lookup.setPageSize(2);
    const browsing = lookup.chooseField(1);
    expect(calls[1]?.url.searchParams.get('fieldId')).toBe('1');
    expect(calls[1]?.url.searchParams.get('q')).toBeNull();
    calls[1]?.reply(200, [1, 2, 3, 4, 5].map((id) => makeSummary({ id, code: `1.00000${id}`, name: `Thủ tục ${id}` })));
    await browsing;
    expect(lookup.field?.nameVi).toBe('Hộ tịch');
    expect(lookup.pageCount).toBe(3);
    expect(lookup.pageResults.map((r) => r.id)).toEqual([1, 2]);
    lookup.nextPage();
    lookup.nextPage();
    lookup.nextPage();
    expect(lookup.pageResults.map((r) => r.id)).toEqual([5]);
    lookup.prevPage();
    expect(lookup.page).toBe(1);

    // Typing leaves the field: a search covers every field.
    lookup.setQuery('chung thuc');
    expect(lookup.fieldId).toBeNull();
    lookup.clearCriteria();
    expect(lookup.hasCriteria).toBe(false);
    expect(lookup.results).toEqual([]);
  });

  it('opens a procedure, and a reply after reset is dropped', async () => {
    const { calls } = pendingFetch();
    const lookup = useLookupStore();
    const opening = lookup.openProcedure(1);
    expect(lookup.view).toBe('detail');
    expect(lookup.detailLoading).toBe(true);
    expect(calls[0]?.url.pathname).toBe('/api/procedures/1');
    calls[0]?.reply(200, makeProcedure());
    await opening;
    expect(lookup.procedure?.name).toBe('Đăng ký khai sinh');

    lookup.query = 'khai';
    const late = lookup.search();
    lookup.reset();
    calls[1]?.reply(200, [makeSummary({ id: 1, code: '1.001193', name: 'Đăng ký khai sinh' })]);
    await late;
    expect(lookup.view).toBe('browse');
    expect(lookup.procedure).toBeNull();
    expect(lookup.query).toBe('');
    expect(lookup.results).toEqual([]);
  });

  it('says so when the hub cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const lookup = useLookupStore();
    lookup.query = 'khai';
    await lookup.search();
    expect(lookup.failed).toBe(true);
    expect(lookup.results).toEqual([]);
  });
});
