import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { isDossierCode, normalizeDossierCode } from '@shared/dossier-code';
import { ErrorCode } from '@shared/errors';
import type { DossierLookup } from '@shared/schemas/dossier';
import { ApiError, request } from '@ui/api';

/** Longest code the kiosk keyboard accepts (the unit part is at most 40 characters). */
export const MAX_CODE_LENGTH = 60;

/** Why no status is shown: no such dossier, a typed text that is no code, or the hub could not be reached. */
export type DossierLookupProblem = 'notFound' | 'format' | 'failed';

/**
 * "Tra cứu hồ sơ" on the kiosk: the citizen types the code printed on the receipt (Mẫu 01), the hub answers its public
 * status (`GET /api/dossiers/lookup/:code`: status, dates, masked name). The code is normalised by the same function
 * the hub and the phone page use. A reply to anything but the latest request is dropped; `reset` forgets everything,
 * so the next citizen never sees someone else's dossier.
 */
export const useDossierLookupStore = defineStore('dossierLookup', () => {
  const typed = ref('');
  const dossier = shallowRef<DossierLookup | null>(null);
  const problem = ref<DossierLookupProblem | null>(null);
  const searching = ref(false);
  let seq = 0;

  const code = computed(() => normalizeDossierCode(typed.value));
  /** Enough typed to ask the hub (the three parts: unit, date, sequence). */
  const complete = computed(() => isDossierCode(code.value));

  /** A key was pressed: the previous answer no longer matches what is on screen. */
  function setTyped(value: string): void {
    typed.value = value.slice(0, MAX_CODE_LENGTH);
    dossier.value = null;
    problem.value = null;
  }

  async function submit(): Promise<void> {
    if (searching.value) return;
    if (!complete.value) {
      problem.value = 'format';
      return;
    }
    const mine = ++seq;
    searching.value = true;
    problem.value = null;
    try {
      const found = await request<DossierLookup>('GET', `/api/dossiers/lookup/${encodeURIComponent(code.value)}`);
      if (mine !== seq) return;
      dossier.value = found;
    } catch (error) {
      if (mine !== seq) return;
      dossier.value = null;
      const code = error instanceof ApiError ? error.code : null;
      problem.value = code === ErrorCode.DOSSIER_NOT_FOUND ? 'notFound' : code === ErrorCode.VALIDATION_FAILED ? 'format' : 'failed';
    } finally {
      if (mine === seq) searching.value = false;
    }
  }

  function reset(): void {
    seq += 1;
    typed.value = '';
    dossier.value = null;
    problem.value = null;
    searching.value = false;
  }

  return { typed, code, complete, dossier, problem, searching, setTyped, submit, reset };
});
