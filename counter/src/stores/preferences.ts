import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { StaffPreferences } from '@shared/schemas/auth';
import { errorCodeOf, request } from '@ui/api';

/**
 * The signed-in account's own console preferences, kept by the hub per account (`/api/auth/preferences`): today the
 * one-letter shortcuts, which a clerk using speech input or with a tremor can switch off (WCAG 2.1.4).
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const singleKeyShortcuts = ref(true);
  const errorCode = ref<ErrorCode | null>(null);

  async function load(): Promise<void> {
    try {
      singleKeyShortcuts.value = (await request<StaffPreferences>('GET', '/api/auth/preferences')).singleKeyShortcuts;
      errorCode.value = null;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    }
  }

  /** Switches the shortcuts at once; back to what it was if the hub refuses. */
  async function setSingleKeyShortcuts(on: boolean): Promise<void> {
    const before = singleKeyShortcuts.value;
    singleKeyShortcuts.value = on;
    try {
      const saved = await request<StaffPreferences>('PUT', '/api/auth/preferences', { singleKeyShortcuts: on });
      singleKeyShortcuts.value = saved.singleKeyShortcuts;
      errorCode.value = null;
    } catch (error) {
      singleKeyShortcuts.value = before;
      errorCode.value = errorCodeOf(error);
    }
  }

  return { singleKeyShortcuts, errorCode, load, setSingleKeyShortcuts };
});
