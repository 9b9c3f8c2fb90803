import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { PrivacySettings, RetentionRun } from '@shared/schemas/privacy';
import { errorCodeOf, request } from '@ui/api';

/** The admin's privacy settings (retention periods, notice) and the last retention run started from the screen. */
export const usePrivacyAdminStore = defineStore('privacyAdmin', () => {
  const settings = ref<PrivacySettings | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const lastRun = ref<RetentionRun | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      settings.value = await request<PrivacySettings>('GET', '/api/admin/privacy');
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Saves; throws the hub's ApiError (shown by the form). */
  async function save(next: PrivacySettings): Promise<PrivacySettings> {
    settings.value = await request<PrivacySettings>('PUT', '/api/admin/privacy', next);
    return settings.value;
  }

  /** Runs the nightly anonymisation now; throws the hub's ApiError. */
  async function runNow(): Promise<RetentionRun> {
    lastRun.value = await request<RetentionRun>('POST', '/api/admin/privacy/retention-run');
    return lastRun.value;
  }

  return { settings, loading, errorCode, lastRun, load, save, runNow };
});
