import { ref, type Ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import { errorCodeOf } from '@ui/api';

/**
 * A log read newest first in pages by keyset (`beforeId` = the oldest entry shown), for the stores of the audit log
 * and the personal data access log: `first()` replaces the list, `more()` appends older entries while the last page
 * was full.
 */
export function useKeysetPages<T extends { id: number }>(fetchPage: (beforeId: number | undefined) => Promise<T[]>, pageSize: number) {
  const entries = ref([]) as Ref<T[]>;
  const loading = ref(false);
  /** True while the last page was full: older entries may exist. */
  const hasMore = ref(false);
  const errorCode = ref<ErrorCode | null>(null);

  async function load(beforeId?: number): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const page = await fetchPage(beforeId);
      entries.value = beforeId === undefined ? page : [...entries.value, ...page];
      hasMore.value = page.length === pageSize;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** A new search: the list restarts from the newest entry. */
  function first(): Promise<void> {
    entries.value = [];
    hasMore.value = false;
    return load();
  }

  /** Appends the next older page. */
  function more(): Promise<void> {
    const last = entries.value.at(-1);
    if (!last || !hasMore.value || loading.value) return Promise.resolve();
    return load(last.id);
  }

  return { entries, loading, hasMore, errorCode, first, more };
}
