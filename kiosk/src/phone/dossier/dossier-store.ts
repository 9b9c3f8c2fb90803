import { defineStore } from 'pinia';
import { ref } from 'vue';
import { normalizeCheckCode } from '@shared/dossier-code';
import type { ErrorCode } from '@shared/errors';
import type { DossierLookup } from '@shared/schemas/dossier';
import { errorCodeOf, request } from '@ui/api';

/** The public status of one dossier (no personal data beyond a masked name). */
export const useDossierStatusStore = defineStore('dossierStatus', () => {
  const dossier = ref<DossierLookup | null>(null);
  const error = ref<ErrorCode | null>(null);
  /** The status of `code`, opened with its check code or the phone's last 4 digits (a code alone opens nothing). */
  async function load(code: string, check: string): Promise<void> {
    error.value = null;
    dossier.value = null;
    try {
      dossier.value = await request<DossierLookup>('GET', `/api/dossiers/lookup/${encodeURIComponent(code)}?check=${encodeURIComponent(normalizeCheckCode(check))}`);
    } catch (e) {
      dossier.value = null;
      error.value = errorCodeOf(e);
    }
  }
  return { dossier, error, load };
});
