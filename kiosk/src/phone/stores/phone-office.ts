import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OfficePublic } from '@shared/schemas/office';
import { request } from '@ui/api';

/** The office's public details for the phone pages' header and printouts (loaded once; the pages work without it). */
export const usePhoneOfficeStore = defineStore('phoneOffice', () => {
  const office = ref<OfficePublic | null>(null);
  let loading: Promise<void> | null = null;

  /** Loads the office once; a failure leaves `office` null (pages then show the generic office title). */
  function load(): Promise<void> {
    loading ??= request<OfficePublic>('GET', '/api/office').then(
      (o) => {
        office.value = o;
      },
      () => {
        loading = null;
      },
    );
    return loading;
  }

  return { office, load };
});
