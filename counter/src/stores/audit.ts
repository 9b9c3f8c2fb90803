import { DEFAULT_TIMEZONE } from '@shared/office-time';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { AuditEntry } from '@shared/schemas/audit';
import { errorCodeOf, request } from '@ui/api';
import { auditQueryString, emptyAuditFilters, type AuditFilters } from '../audit-query';

/** Entries fetched per page. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log (supervisor, admin): newest first, filtered on the hub, paged by keyset (`beforeId` = the
 * oldest entry shown). A new search replaces the list; "load more" appends older entries.
 */
export const useAuditStore = defineStore('audit', () => {
  /** The filters of the list shown (not of the form being typed). */
  const filters = ref<AuditFilters>(emptyAuditFilters());
  const entries = ref<AuditEntry[]>([]);
  const loading = ref(false);
  /** True while the last page was full: older entries may exist. */
  const hasMore = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  let timeZone = DEFAULT_TIMEZONE;

  async function fetchPage(beforeId?: number): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const qs = auditQueryString(filters.value, timeZone, AUDIT_PAGE_SIZE, beforeId);
      const page = await request<AuditEntry[]>('GET', `/api/admin/audit?${qs}`);
      entries.value = beforeId === undefined ? page : [...entries.value, ...page];
      hasMore.value = page.length === AUDIT_PAGE_SIZE;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Runs a new search; dates are read in the office time zone `tz`. */
  function search(next: AuditFilters, tz: string): Promise<void> {
    filters.value = { ...next };
    timeZone = tz;
    entries.value = [];
    hasMore.value = false;
    return fetchPage();
  }

  /** Appends the next older page. */
  function loadMore(): Promise<void> {
    const last = entries.value[entries.value.length - 1];
    if (!last || !hasMore.value || loading.value) return Promise.resolve();
    return fetchPage(last.id);
  }

  return { filters, entries, loading, hasMore, errorCode, search, loadMore };
});
