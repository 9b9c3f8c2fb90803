import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { isDossierCode, normalizeCheckCode, normalizeDossierCode } from '@shared/dossier-code';
import { ErrorCode } from '@shared/errors';
import type { DossierLookup } from '@shared/schemas/dossier';
import { ApiError, request } from '@ui/api';

/** Longest code the kiosk keyboard accepts (the unit part is at most 40 characters). */
export const MAX_CODE_LENGTH = 60;
/** Longest second factor the keyboard accepts (a 6-character check code, or 4 phone digits). */
export const MAX_CHECK_LENGTH = 8;

/**
 * Why no status is shown: no dossier with that code and check, a typed text that is no code, no check typed yet,
 * too many wrong attempts from this kiosk, or the hub could not be reached.
 */
export type DossierLookupProblem = 'notFound' | 'format' | 'check' | 'locked' | 'failed';

/** The box the keyboard types into. */
export type DossierLookupField = 'code' | 'check';

/**
 * "Tra cứu hồ sơ" on the kiosk: the citizen types the code printed on the receipt (Mẫu 01) and its check code (or the
 * last 4 digits of the phone given at intake: codes are sequential, so a code alone must not open a dossier), the hub
 * answers its public status (`GET /api/dossiers/lookup/:code?check=`: status, dates, masked name). The code is
 * normalised by the same function the hub and the phone page use. A reply to anything but the latest request is
 * dropped; `reset` forgets everything, so the next citizen never sees someone else's dossier.
 */
const PROBLEM_OF: Record<string, DossierLookupProblem> = {
  [ErrorCode.DOSSIER_CHECK_FAILED]: 'notFound',
  [ErrorCode.DOSSIER_NOT_FOUND]: 'notFound',
  [ErrorCode.VALIDATION_FAILED]: 'format',
  [ErrorCode.DOSSIER_LOOKUP_LOCKED]: 'locked',
};

export const useDossierLookupStore = defineStore('dossierLookup', () => {
  const typed = ref('');
  const check = ref('');
  const field = ref<DossierLookupField>('code');
  const dossier = shallowRef<DossierLookup | null>(null);
  const problem = ref<DossierLookupProblem | null>(null);
  const searching = ref(false);
  let seq = 0;

  const code = computed(() => normalizeDossierCode(typed.value));
  /** Enough typed to ask the hub (the three parts: unit, date, sequence). */
  const complete = computed(() => isDossierCode(code.value));

  const checkCode = computed(() => normalizeCheckCode(check.value));

  /** A key was pressed in the box being typed: the previous answer no longer matches what is on screen. */
  function setTyped(value: string): void {
    if (field.value === 'code') typed.value = value.slice(0, MAX_CODE_LENGTH);
    else check.value = value.slice(0, MAX_CHECK_LENGTH);
    dossier.value = null;
    problem.value = null;
  }

  /** The citizen tapped a box: the keyboard types there. */
  function focus(which: DossierLookupField): void {
    field.value = which;
  }

  async function submit(): Promise<void> {
    if (searching.value) return;
    if (!complete.value) {
      problem.value = 'format';
      field.value = 'code';
      return;
    }
    if (checkCode.value.length < 4) {
      problem.value = 'check';
      field.value = 'check';
      return;
    }
    const mine = ++seq;
    searching.value = true;
    problem.value = null;
    try {
      const found = await request<DossierLookup>('GET', `/api/dossiers/lookup/${encodeURIComponent(code.value)}?check=${encodeURIComponent(checkCode.value)}`);
      if (mine !== seq) return;
      dossier.value = found;
    } catch (error) {
      if (mine !== seq) return;
      dossier.value = null;
      const code = error instanceof ApiError ? error.code : null;
      problem.value = PROBLEM_OF[code ?? ''] ?? 'failed';
    } finally {
      if (mine === seq) searching.value = false;
    }
  }

  function reset(): void {
    seq += 1;
    typed.value = '';
    check.value = '';
    field.value = 'code';
    dossier.value = null;
    problem.value = null;
    searching.value = false;
  }

  return { typed, check, field, code, complete, dossier, problem, searching, setTyped, focus, submit, reset };
});
