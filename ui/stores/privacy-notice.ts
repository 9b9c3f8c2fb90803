import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { PrivacyNotice } from '@shared/schemas/privacy';
import { request } from '../api';

/**
 * The office's privacy notice (`GET /api/privacy-notice`, edited by the admin), shown where citizens' personal data is
 * asked for or shown: the kiosk's dossier lookup, the phone pages, the intake form. Loaded once per page; when the hub
 * cannot be reached the notice is simply not shown (nothing else depends on it).
 */
export const usePrivacyNoticeStore = defineStore('privacyNotice', () => {
  const notice = shallowRef<PrivacyNotice | null>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= request<PrivacyNotice>('GET', '/api/privacy-notice').then(
      (n) => {
        notice.value = n;
      },
      () => {
        loading = null;
      },
    );
    return loading;
  }

  /** The text in `lang`, Vietnamese when the English one is empty. */
  const text = (lang: string): string => (notice.value ? (lang === 'en' && notice.value.en.trim() ? notice.value.en : notice.value.vi) : '');

  return { notice, load, text };
});
