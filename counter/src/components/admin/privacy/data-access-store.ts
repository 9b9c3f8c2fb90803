import { defineStore } from 'pinia';
import { DEFAULT_TIMEZONE } from '@shared/office-time';
import { ref } from 'vue';
import type { DataAccessEntry, PersonalReadKind } from '@shared/schemas/privacy';
import { request } from '@ui/api';
import { parseDay, startOfDayIn } from '../../../audit-query';
import { useKeysetPages } from '../../../composables/keyset-pages';

/** Entries fetched per page. */
export const DATA_ACCESS_PAGE_SIZE = 50;

/** The access log's filters as typed: dates "dd/mm/yyyy" (office time zone), empty = no filter. */
export interface DataAccessFilters {
  from: string;
  to: string;
  userId: number | null;
  dossierCode: string;
  kind: PersonalReadKind | '';
}

/** No filter at all. */
export const emptyDataAccessFilters = (): DataAccessFilters => ({ from: '', to: '', userId: null, dossierCode: '', kind: '' });

/** Query string of `GET /api/admin/data-access`; "to" includes the whole day typed. */
export function dataAccessQueryString(f: DataAccessFilters, timeZone: string, limit: number, beforeId?: number): string {
  const params = new URLSearchParams();
  const from = parseDay(f.from);
  const to = parseDay(f.to);
  if (from) params.set('from', startOfDayIn(from, timeZone).toISOString());
  if (to) params.set('to', new Date(startOfDayIn(to, timeZone).getTime() + 24 * 3600_000).toISOString());
  if (f.userId !== null) params.set('userId', String(f.userId));
  if (f.dossierCode.trim()) params.set('dossierCode', f.dossierCode.trim());
  if (f.kind) params.set('kind', f.kind);
  params.set('limit', String(limit));
  if (beforeId !== undefined) params.set('beforeId', String(beforeId));
  return params.toString();
}

/**
 * The log of staff reads of dossiers' personal fields (supervisor, admin): newest first, filtered on the hub, paged by
 * keyset. A new search replaces the list; "load more" appends older entries.
 */
export const useDataAccessStore = defineStore('dataAccess', () => {
  const filters = ref<DataAccessFilters>(emptyDataAccessFilters());
  let timeZone = DEFAULT_TIMEZONE;
  const pages = useKeysetPages(
    (beforeId) => request<DataAccessEntry[]>('GET', `/api/admin/data-access?${dataAccessQueryString(filters.value, timeZone, DATA_ACCESS_PAGE_SIZE, beforeId)}`),
    DATA_ACCESS_PAGE_SIZE,
  );

  /** Runs a new search; dates are read in the office time zone `tz`. */
  function search(next: DataAccessFilters, tz: string): Promise<void> {
    filters.value = { ...next };
    timeZone = tz;
    return pages.first();
  }

  const { entries, loading, hasMore, errorCode, more: loadMore } = pages;
  return { filters, entries, loading, hasMore, errorCode, search, loadMore };
});
