import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { ProvinceDossierReport, ProvinceQueueReport, ProvinceSatisfactionReport } from '@shared/schemas/province-reports';
import { errorCodeOf, request } from '@ui/api';

/** The province's three reports. */
export type ProvinceReportKind = 'queue' | 'dossiers' | 'satisfaction';

/** The province's report page: a period, the report of each tab, its download links. */
export const useProvinceReportsStore = defineStore('province-reports', () => {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const from = ref(day(30));
  const to = ref(day(0));
  const queue = ref<ProvinceQueueReport | null>(null);
  const dossiers = ref<ProvinceDossierReport | null>(null);
  const satisfaction = ref<ProvinceSatisfactionReport | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);

  const url = (kind: ProvinceReportKind, format?: 'xlsx' | 'csv') =>
    `/api/province/reports/${kind}?from=${from.value}&to=${to.value}${format ? `&format=${format}` : ''}`;

  /** Loads the three reports of the period at once (the tabs then switch without waiting). */
  async function load(): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    try {
      const [q, d, s] = await Promise.all([
        request<ProvinceQueueReport>('GET', url('queue')),
        request<ProvinceDossierReport>('GET', url('dossiers')),
        request<ProvinceSatisfactionReport>('GET', url('satisfaction')),
      ]);
      queue.value = q;
      dossiers.value = d;
      satisfaction.value = s;
    } catch (err) {
      errorCode.value = errorCodeOf(err);
    } finally {
      loading.value = false;
    }
  }

  return { from, to, queue, dossiers, satisfaction, loading, errorCode, url, load };
});
