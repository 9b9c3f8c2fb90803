import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { DossierLookup } from '@shared/schemas/dossier';
import { errorCodeOf, request } from '@ui/api';

/** The public status of one dossier (no personal data beyond a masked name). */
export const useDossierStatusStore = defineStore('dossierStatus', () => {
  const dossier = ref<DossierLookup | null>(null);
  const error = ref<ErrorCode | null>(null);
  async function load(code: string): Promise<void> {
    error.value = null;
    dossier.value = null;
    try {
      dossier.value = await request<DossierLookup>('GET', `/api/dossiers/lookup/${encodeURIComponent(code)}`);
    } catch (e) {
      dossier.value = null;
      error.value = errorCodeOf(e);
    }
  }
  return { dossier, error, load };
});
