import { businessDay } from '@shared/office-time';
import { addDays, type DossierReport, type DossierReportRow } from '@shared/schemas/report';
import { zonedInstant } from '@shared/working-days';
import { addCounts, classifyDossier, emptyDossierCounts, type DossierCounts, type DossierFacts } from '../domain/dossier-report';
import { reportsRepository, type ReportDossierEventRow } from '../repositories/reports-repository';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';
import { checkPeriod } from './reports-common';
import { periodText } from './reports-documents';
import { table, type ExportColumn, type ExportDocument } from './reports-export';

const parse = (data: string | null): unknown => (data === null ? null : (JSON.parse(data) as unknown));

/** Dossier figures per field (Biểu II.06a/VPCP/KSTT) and per procedure, from the dossier event log. Read-only. */
export function dossierReports(ctx: ServiceContext, queue: QueueService) {
  const repo = reportsRepository(ctx.db);

  function dossierReport(from: string, to: string): DossierReport {
    const period = checkPeriod(from, to);
    const tz = queue.settings().timezone;
    const p0 = zonedInstant(from, 0, tz);
    const p1 = zonedInstant(addDays(to, 1), 0, tz);
    const dayOf = (ms: number) => businessDay(new Date(ms), tz);
    const dossiers = repo.dossiersBefore(p1);
    const events = new Map<number, ReportDossierEventRow[]>();
    for (const e of repo.dossierEventsBefore(p1)) {
      let list = events.get(e.dossier_id);
      if (!list) events.set(e.dossier_id, (list = []));
      list.push(e);
    }
    const byField = new Map<number, DossierCounts>();
    const byProcedure = new Map<number, { label: string; counts: DossierCounts }>();
    const totals = emptyDossierCounts();
    for (const d of dossiers) {
      const facts: DossierFacts = {
        receivedAt: d.received_at,
        dueAt: d.due_at,
        online: d.channel === 'online',
        events: (events.get(d.id) ?? []).map((e) => ({ type: e.type, at: e.at, data: e.type === 'reschedule' ? parse(e.data) : null })),
      };
      const c = classifyDossier(facts, p0, p1, dayOf);
      if (Object.values(c).every((v) => v === 0)) continue;
      addCounts(totals, c);
      const f = byField.get(d.field_id) ?? emptyDossierCounts();
      addCounts(f, c);
      byField.set(d.field_id, f);
      const p = byProcedure.get(d.procedure_id) ?? { label: `${d.procedure_code} – ${d.procedure_name}`, counts: emptyDossierCounts() };
      addCounts(p.counts, c);
      byProcedure.set(d.procedure_id, p);
    }
    const fields = repo.fields().sort((a, b) => a.display_order - b.display_order || a.id - b.id);
    return {
      officeName: queue.settings().name,
      period,
      byField: fields.filter((f) => byField.has(f.id)).map((f) => ({ key: String(f.id), label: f.name_vi, ...(byField.get(f.id) as DossierCounts) })),
      byProcedure: [...byProcedure]
        .sort((a, b) => a[1].label.localeCompare(b[1].label, 'vi'))
        .map(([id, p]) => ({ key: String(id), label: p.label, ...p.counts })),
      totals,
      generatedAt: new Date(ctx.now()).toISOString(),
    };
  }

  return { dossierReport };
}

/** Columns of the II.06a table (Vietnamese headers as on the form). */
const COUNT_COLUMNS: [keyof DossierCounts, string][] = [
  ['received', 'Tổng số hồ sơ tiếp nhận'],
  ['carriedOver', 'Kỳ trước chuyển qua'],
  ['receivedNew', 'Tiếp nhận mới trong kỳ'],
  ['receivedOnline', 'Tiếp nhận trực tuyến'],
  ['receivedInPerson', 'Tiếp nhận trực tiếp, bưu chính'],
  ['resolved', 'Tổng số đã giải quyết'],
  ['resolvedEarly', 'Giải quyết trước hạn'],
  ['resolvedOnTime', 'Giải quyết đúng hạn'],
  ['resolvedLate', 'Giải quyết quá hạn'],
  ['inProgress', 'Tổng số đang giải quyết'],
  ['inProgressOnTime', 'Đang giải quyết trong hạn'],
  ['inProgressOverdue', 'Đang giải quyết quá hạn'],
  ['resultsReturned', 'Đã trả kết quả'],
  ['refused', 'Từ chối tiếp nhận, giải quyết'],
  ['withdrawn', 'Công dân rút hồ sơ'],
];

/** The dossier report as an exportable document: Biểu II.06a by field, then by procedure. */
export function dossierDocument(r: DossierReport): ExportDocument {
  const counts: ExportColumn<DossierReportRow>[] = COUNT_COLUMNS.map(([k, header]) => ({ header, value: (x) => x[k], width: 12 }));
  const total: DossierReportRow = { key: 'total', label: 'Tổng cộng', ...r.totals };
  const numbered = (rows: DossierReportRow[]) => rows.map((x, i) => ({ ...x, key: String(i + 1) }));
  const stt: ExportColumn<DossierReportRow> = { header: 'STT', value: (x) => (x.label === 'Tổng cộng' ? '' : Number(x.key)), width: 6 };
  return {
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu II.06a/VPCP/KSTT)',
    subtitle: [r.officeName, `Kỳ báo cáo: ${periodText(r.period)}`],
    tables: [
      table({ sheet: 'Theo lĩnh vực', columns: [stt, { header: 'Lĩnh vực', value: (x) => x.label, width: 32 }, ...counts], rows: numbered(r.byField), total }),
      table({ sheet: 'Theo thủ tục', columns: [stt, { header: 'Thủ tục hành chính', value: (x) => x.label, width: 48 }, ...counts], rows: numbered(r.byProcedure), total }),
    ],
  };
}

/** "Báo cáo hồ sơ II.06a 01-11-2026 đến 30-11-2026". */
export const dossierFileName = (r: DossierReport): string =>
  `Báo cáo hồ sơ II.06a ${periodText(r.period).replace(/\//g, '-').replace(' – ', ' đến ')}`;
