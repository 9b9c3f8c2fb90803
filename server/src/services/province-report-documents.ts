import { RATING_LEVEL_LABELS, type RatingLevel } from '@shared/rating';
import type { ProvinceDossierFigures, ProvinceDossierReport, ProvinceQueueFigures, ProvinceQueueReport, ProvinceSatisfactionReport } from '@shared/schemas/province-reports';
import { periodText } from './reports-documents';
import { table, type ExportColumn, type ExportDocument } from './reports-export';

type Labelled<T> = T & { label: string };
const PROVINCE = 'Hệ thống một cửa cấp tỉnh';
const TOTAL = 'Toàn tỉnh';
const PREVIOUS = 'Toàn tỉnh, kỳ trước';
const period = (r: { from: string; to: string; previousFrom: string; previousTo: string }) => [
  PROVINCE,
  `Kỳ báo cáo: ${periodText({ from: r.from, to: r.to, days: 0 })}; kỳ so sánh: ${periodText({ from: r.previousFrom, to: r.previousTo, days: 0 })}`,
];
const fileName = (title: string, r: { from: string; to: string }) => `${title} ${r.from} đến ${r.to}`;
const label = <T>(header: string, width = 36): ExportColumn<Labelled<T>> => ({ header, value: (x) => x.label, width });

/** Office rows, field rows and the two total rows (this period, the previous one) as tables of one document. */
function tables<T>(r: { offices: (T & { code: string; name: string })[]; fields: (T & { name: string })[]; totals: T; previous: T }, columns: ExportColumn<Labelled<T>>[]) {
  const totalRows = [{ ...r.previous, label: PREVIOUS }];
  return [
    table({
      sheet: 'Theo đơn vị',
      columns: [{ header: 'Mã đơn vị', value: (x: Labelled<T> & { code?: string }) => x.code ?? '', width: 16 }, label<T>('Đơn vị'), ...columns],
      rows: [...r.offices.map((o) => ({ ...o, label: o.name })), ...totalRows],
      total: { ...r.totals, label: TOTAL },
    }),
    table({ sheet: 'Theo lĩnh vực', columns: [label<T>('Lĩnh vực'), ...columns], rows: [...r.fields.map((f) => ({ ...f, label: f.name })), ...totalRows], total: { ...r.totals, label: TOTAL } }),
  ];
}

const QUEUE: [keyof ProvinceQueueFigures, string][] = [
  ['tickets', 'Số lượt lấy số'],
  ['served', 'Đã phục vụ'],
  ['noShow', 'Vắng mặt'],
  ['avgWaitMinutes', 'Chờ trung bình (phút)'],
  ['avgServeMinutes', 'Phục vụ trung bình (phút)'],
];

/** The province's queue report as a document (per office, per field). */
export function provinceQueueDocument(r: ProvinceQueueReport): { doc: ExportDocument; name: string } {
  const columns = QUEUE.map(([k, header]): ExportColumn<Labelled<ProvinceQueueFigures>> => ({ header, value: (x) => x[k], width: 12 }));
  return { doc: { title: 'BÁO CÁO TÌNH HÌNH PHỤC VỤ TẠI CÁC BỘ PHẬN MỘT CỬA', subtitle: period(r), tables: tables(r, columns) }, name: fileName('Báo cáo hàng đợi toàn tỉnh', r) };
}

const DOSSIERS: [keyof ProvinceDossierFigures, string][] = [
  ['carriedOver', 'Kỳ trước chuyển qua'],
  ['received', 'Tiếp nhận trong kỳ'],
  ['receivedOnline', 'Tiếp nhận trực tuyến'],
  ['receivedInPerson', 'Tiếp nhận trực tiếp, bưu chính'],
  ['resolved', 'Đã giải quyết'],
  ['resolvedEarly', 'Giải quyết trước hạn'],
  ['resolvedOnTime', 'Giải quyết đúng hạn'],
  ['resolvedLate', 'Giải quyết quá hạn'],
  ['onTimeRate', 'Tỷ lệ đúng hạn (%)'],
  ['inProgress', 'Đang giải quyết'],
  ['inProgressOnTime', 'Đang giải quyết trong hạn'],
  ['inProgressOverdue', 'Đang giải quyết quá hạn'],
  ['returned', 'Đã trả kết quả'],
  ['refused', 'Từ chối tiếp nhận, giải quyết'],
  ['withdrawn', 'Công dân rút hồ sơ'],
];

/** The province's dossier report (Biểu II.06a per office and per field) as a document. */
export function provinceDossierDocument(r: ProvinceDossierReport): { doc: ExportDocument; name: string } {
  const columns = DOSSIERS.map(([k, header]): ExportColumn<Labelled<ProvinceDossierFigures>> => ({ header, value: (x) => x[k], width: 12 }));
  return {
    doc: { title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu II.06a/VPCP/KSTT)', subtitle: period(r), tables: tables(r, columns) },
    name: fileName('Báo cáo hồ sơ II.06a toàn tỉnh', r),
  };
}

/** The province's satisfaction report (per office) as a document. */
export function provinceSatisfactionDocument(r: ProvinceSatisfactionReport): { doc: ExportDocument; name: string } {
  type Row = Labelled<ProvinceSatisfactionReport['totals']> & { code?: string };
  const levels = (r.levels as RatingLevel[]).flatMap((l): ExportColumn<Row>[] => [
    { header: `${RATING_LEVEL_LABELS[l].vi} (số lượng)`, value: (x) => x.counts[l] ?? 0, width: 12 },
    { header: `${RATING_LEVEL_LABELS[l].vi} (%)`, value: (x) => x.percents[l] ?? null, width: 10 },
  ]);
  const columns: ExportColumn<Row>[] = [
    { header: 'Mã đơn vị', value: (x) => x.code ?? '', width: 16 },
    { header: 'Đơn vị', value: (x) => x.label, width: 36 },
    { header: 'Tổng số đánh giá', value: (x) => x.total, width: 11 },
    ...levels,
    { header: 'Tỷ lệ hài lòng (%)', value: (x) => x.satisfiedRate, width: 11 },
  ];
  const rows: Row[] = [...r.offices.map((o) => ({ ...o, label: o.name })), { ...r.previous, label: PREVIOUS }];
  return {
    doc: { title: 'BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG', subtitle: period(r), tables: [table({ sheet: 'Theo đơn vị', columns, rows, total: { ...r.totals, label: TOTAL } })] },
    name: fileName('Báo cáo đánh giá sự hài lòng toàn tỉnh', r),
  };
}
