import { defineStore } from 'pinia';
import type { AppointmentReport } from '@shared/schemas/appointment';
import { computed, ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { DossierReport, QueueGroupBy, QueueReport, ReportFormat, SatisfactionReport } from '@shared/schemas/report';
import { errorCodeOf, request } from '@ui/api';
import { presetRange, type DayRange, type ReportPreset } from './reports-presets';

/** The reports of the screen: queue statistics, dossiers (Biểu II.06a), citizen satisfaction. */
export const REPORT_KINDS = ['queue', 'dossiers', 'satisfaction', 'appointments'] as const;
/** One report of the screen. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** `?from=&to=&groupBy=[&format=]` of the queue report. */
export function queueReportQuery(range: DayRange, groupBy: QueueGroupBy, format?: ReportFormat): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, groupBy });
  if (format) q.set('format', format);
  return q.toString();
}

/**
 * The statistics screen (supervisor, admin): a period (quick presets or two dates), one of three reports (queue with
 * a breakdown and the previous period, dossiers per Biểu II.06a, satisfaction), and download links for the same
 * figures as XLSX/CSV.
 */
export const useReportsStore = defineStore('reports', () => {
  const kind = ref<ReportKind>('queue');
  const range = ref<DayRange>({ from: '', to: '' });
  const groupBy = ref<QueueGroupBy>('service');
  const report = ref<QueueReport | null>(null);
  const dossiers = ref<DossierReport | null>(null);
  const satisfaction = ref<SatisfactionReport | null>(null);
  const appointments = ref<AppointmentReport | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  let seq = 0;

  /** Path and query of the report shown, optionally as a download. */
  function pathOf(format?: ReportFormat): string {
    if (kind.value === 'queue') return `/api/reports/queue?${queueReportQuery(range.value, groupBy.value, format)}`;
    const q = new URLSearchParams({ from: range.value.from, to: range.value.to });
    if (format) q.set('format', format);
    return `/api/reports/${kind.value}?${q.toString()}`;
  }

  /** Loads the report of the chosen kind and period; an older reply arriving late is dropped. */
  async function load(): Promise<void> {
    if (!range.value.from || !range.value.to) return;
    const mine = ++seq;
    const which = kind.value;
    loading.value = true;
    errorCode.value = null;
    try {
      const r = await request<QueueReport | DossierReport | SatisfactionReport | AppointmentReport>('GET', pathOf());
      if (mine !== seq) return;
      if (which === 'queue') report.value = r as QueueReport;
      else if (which === 'dossiers') dossiers.value = r as DossierReport;
      else if (which === 'appointments') appointments.value = r as AppointmentReport;
      else satisfaction.value = r as SatisfactionReport;
    } catch (error) {
      if (mine === seq) errorCode.value = errorCodeOf(error);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** Picks a quick period ("hôm nay", "tuần này"…) at `now` in the office time zone, and loads it. */
  function usePreset(preset: ReportPreset, now: Date, timeZone: string): Promise<void> {
    range.value = presetRange(preset, now, timeZone);
    return load();
  }

  /** Sets both dates and the breakdown, and loads. */
  function choose(next: DayRange, by: QueueGroupBy = groupBy.value): Promise<void> {
    range.value = { ...next };
    groupBy.value = by;
    return load();
  }

  /** Shows another report for the same period. */
  function show(next: ReportKind): Promise<void> {
    kind.value = next;
    return load();
  }

  /** Address of the download of the report shown (the session cookie goes with a plain link). */
  const downloadUrl = (format: ReportFormat) => pathOf(format);
  const ready = computed(() => ({ queue: report, dossiers, satisfaction, appointments })[kind.value].value !== null);

  return { kind, range, groupBy, report, dossiers, satisfaction, appointments, loading, errorCode, ready, load, usePreset, choose, show, downloadUrl };
});
