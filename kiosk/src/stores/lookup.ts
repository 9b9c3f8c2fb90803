import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Field, Procedure, ProcedureSummary } from '@shared/schemas/procedure';
import { ApiError, request } from '@ui/api';

/** Results update this long after the last key press, so a fast typist sends one request, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Results fetched at once; the kiosk pages through them (no scrolling on the list). */
export const RESULT_LIMIT = 60;
/** Longest query the on-screen keyboard accepts. */
export const MAX_QUERY_LENGTH = 60;

/** The lookup's two screens: fields/search/results, and one procedure's listing. */
export type LookupView = 'browse' | 'detail';

/**
 * Procedure lookup on the kiosk ("Tra cứu thủ tục"): browse by field or search as you type. Every reply carries the
 * number of the request that asked for it; a reply to anything but the latest request is dropped, so a slow answer
 * to "kh" never replaces the answer to "khai sinh".
 */
export const useLookupStore = defineStore('lookup', () => {
  const view = ref<LookupView>('browse');
  const fields = ref<Field[]>([]);
  const fieldsLoaded = ref(false);
  const query = ref('');
  const fieldId = ref<number | null>(null);
  const results = ref<ProcedureSummary[]>([]);
  const searching = ref(false);
  /** True once the latest criteria got their reply (to tell "no match" from "not asked yet"). */
  const answered = ref(false);
  const page = ref(0);
  const pageSize = ref(6);
  const procedure = shallowRef<Procedure | null>(null);
  const detailLoading = ref(false);
  /** The procedure asked for does not exist or was retired (an old link or QR code). */
  const detailMissing = ref(false);
  /** The last request could not reach the hub (shown as a message; the next action retries). */
  const failed = ref(false);
  let searchSeq = 0;
  let detailSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const field = computed(() => fields.value.find((f) => f.id === fieldId.value) ?? null);
  const hasCriteria = computed(() => query.value.trim() !== '' || fieldId.value !== null);
  const pageCount = computed(() => Math.max(1, Math.ceil(results.value.length / pageSize.value)));
  const pageResults = computed(() => results.value.slice(page.value * pageSize.value, (page.value + 1) * pageSize.value));

  async function loadFields(): Promise<void> {
    try {
      const list = await request<Field[]>('GET', '/api/fields');
      fields.value = [...list].sort((a, b) => a.displayOrder - b.displayOrder);
      failed.value = false;
    } catch {
      failed.value = true;
    } finally {
      fieldsLoaded.value = true;
    }
  }

  /** Runs the search for the current query and field now; with neither, the list is simply emptied. */
  async function search(): Promise<void> {
    clearTimeout(timer);
    const mine = ++searchSeq;
    const q = query.value.trim();
    if (!q && fieldId.value === null) {
      results.value = [];
      searching.value = false;
      answered.value = false;
      return;
    }
    const params = new URLSearchParams({ limit: String(RESULT_LIMIT) });
    if (q) params.set('q', q);
    if (fieldId.value !== null) params.set('fieldId', String(fieldId.value));
    searching.value = true;
    try {
      const found = await request<ProcedureSummary[]>('GET', `/api/procedures?${params.toString()}`);
      if (mine !== searchSeq) return;
      results.value = found;
      failed.value = false;
    } catch {
      if (mine !== searchSeq) return;
      results.value = [];
      failed.value = true;
    } finally {
      if (mine === searchSeq) {
        searching.value = false;
        answered.value = true;
        page.value = 0;
      }
    }
  }

  /** What the keyboard typed: results follow after a short pause. Typing searches every field. */
  function setQuery(text: string): void {
    query.value = text.slice(0, MAX_QUERY_LENGTH);
    if (query.value.trim()) fieldId.value = null;
    answered.value = false;
    clearTimeout(timer);
    timer = setTimeout(() => void search(), SEARCH_DEBOUNCE_MS);
  }

  /** Lists one field's procedures (the query is cleared: browsing and searching are two ways in). */
  function chooseField(id: number): Promise<void> {
    query.value = '';
    fieldId.value = id;
    answered.value = false;
    return search();
  }

  /** Back from a result list to the fields. */
  function clearCriteria(): void {
    query.value = '';
    fieldId.value = null;
    void search();
  }

  function setPageSize(n: number): void {
    pageSize.value = Math.max(1, n);
    page.value = Math.min(page.value, pageCount.value - 1);
  }

  function nextPage(): void {
    if (page.value < pageCount.value - 1) page.value += 1;
  }

  function prevPage(): void {
    if (page.value > 0) page.value -= 1;
  }

  async function openProcedure(id: number): Promise<void> {
    const mine = ++detailSeq;
    view.value = 'detail';
    procedure.value = null;
    detailLoading.value = true;
    detailMissing.value = false;
    try {
      const p = await request<Procedure>('GET', `/api/procedures/${id}`);
      if (mine !== detailSeq) return;
      procedure.value = p;
      failed.value = false;
    } catch (e) {
      if (mine !== detailSeq) return;
      detailMissing.value = e instanceof ApiError && e.status === 404;
      failed.value = !detailMissing.value;
    } finally {
      if (mine === detailSeq) detailLoading.value = false;
    }
  }

  function closeDetail(): void {
    detailSeq += 1;
    view.value = 'browse';
    procedure.value = null;
    detailLoading.value = false;
  }

  /** Forgets everything (the next citizen starts from the fields) and drops any reply still on its way. */
  function reset(): void {
    clearTimeout(timer);
    searchSeq += 1;
    closeDetail();
    query.value = '';
    fieldId.value = null;
    results.value = [];
    searching.value = false;
    answered.value = false;
    page.value = 0;
    failed.value = false;
  }

  /** Entering the lookup: a clean slate and fresh field counts. */
  function start(): Promise<void> {
    reset();
    return loadFields();
  }

  return {
    view,
    fields,
    fieldsLoaded,
    query,
    fieldId,
    field,
    results,
    searching,
    answered,
    page,
    pageSize,
    pageCount,
    pageResults,
    procedure,
    detailLoading,
    detailMissing,
    failed,
    hasCriteria,
    start,
    loadFields,
    search,
    setQuery,
    chooseField,
    clearCriteria,
    setPageSize,
    nextPage,
    prevPage,
    openProcedure,
    closeDetail,
    reset,
  };
});
