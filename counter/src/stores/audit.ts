import { DEFAULT_TIMEZONE } from '@shared/office-time';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditEntry } from '@shared/schemas/audit';
import { request } from '@ui/api';
import { auditQueryString, emptyAuditFilters, type AuditFilters } from '../audit-query';
import { useKeysetPages } from '../composables/keyset-pages';

/** Entries fetched per page. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log (supervisor, admin): newest first, filtered on the hub, paged by keyset (`beforeId` = the
 * oldest entry shown). A new search replaces the list; "load more" appends older entries.
 */
export const useAuditStore = defineStore('audit', () => {
  /** The filters of the list shown (not of the form being typed). */
  const filters = ref<AuditFilters>(emptyAuditFilters());
  let timeZone = DEFAULT_TIMEZONE;
  const pages = useKeysetPages(
    (beforeId) => request<AuditEntry[]>('GET', `/api/admin/audit?${auditQueryString(filters.value, timeZone, AUDIT_PAGE_SIZE, beforeId)}`),
    AUDIT_PAGE_SIZE,
  );

  /** Runs a new search; dates are read in the office time zone `tz`. */
  function search(next: AuditFilters, tz: string): Promise<void> {
    filters.value = { ...next };
    timeZone = tz;
    return pages.first();
  }

  const { entries, loading, hasMore, errorCode, more: loadMore } = pages;
  return { filters, entries, loading, hasMore, errorCode, search, loadMore };
});
