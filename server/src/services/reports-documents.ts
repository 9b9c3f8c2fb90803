import type { Period, QueueFigures, QueueGroupBy, QueueReport, QueueReportRow } from '@shared/schemas/report';
import { table, type ExportColumn, type ExportDocument } from './reports-export';

/** Vietnamese header of the group column for each breakdown. */
const GROUP_HEADERS: Record<QueueGroupBy, string> = {
  service: 'Dịch vụ',
  counter: 'Quầy',
  staff: 'Cán bộ',
  day: 'Ngày',
  hour: 'Khung giờ',
  month: 'Tháng',
};

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** "01/11/2026 – 30/11/2026". */
export const periodText = (p: Period): string => `${dmy(p.from)} – ${dmy(p.to)}`;

/** The figures' columns, shared by the rows table and the comparison table. */
function figureColumns<R extends QueueFigures>(): ExportColumn<R>[] {
  return [
    { header: 'Số phiếu', value: (r) => r.tickets, width: 10 },
    { header: 'Đã phục vụ', value: (r) => r.served, width: 11 },
    { header: 'Vắng mặt', value: (r) => r.noShow, width: 10 },
    { header: 'Đã hủy', value: (r) => r.cancelled, width: 9 },
    { header: 'Đang xử lý', value: (r) => r.open, width: 10 },
    { header: 'Chuyển quầy/dịch vụ', value: (r) => r.transferred, width: 12 },
    { header: 'Ưu tiên', value: (r) => r.priority, width: 9 },
    { header: 'Tỷ lệ phục vụ (%)', value: (r) => r.servedRate, width: 11 },
    { header: 'Tỷ lệ vắng mặt (%)', value: (r) => r.noShowRate, width: 11 },
    { header: 'Tỷ lệ chuyển (%)', value: (r) => r.transferRate, width: 11 },
    { header: 'Chờ trung bình (phút)', value: (r) => r.wait.avg, width: 12 },
    { header: 'Chờ trung vị (phút)', value: (r) => r.wait.median, width: 12 },
    { header: 'Chờ P90 (phút)', value: (r) => r.wait.p90, width: 11 },
    { header: 'Phục vụ trung bình (phút)', value: (r) => r.service.avg, width: 12 },
    { header: 'Phục vụ trung vị (phút)', value: (r) => r.service.median, width: 12 },
    { header: 'Phục vụ P90 (phút)', value: (r) => r.service.p90, width: 11 },
  ];
}

/** The queue report as an exportable document: the breakdown, the comparison with the previous period, busiest hours. */
export function queueReportDocument(report: QueueReport): ExportDocument {
  const groupColumn: ExportColumn<QueueReportRow> = { header: GROUP_HEADERS[report.groupBy], value: (r) => r.label, width: 34 };
  const totalRow: QueueReportRow = { key: 'total', label: 'Tổng cộng', ...report.totals };
  const comparison = [
    { key: 'current', label: `Kỳ này (${periodText(report.period)})`, ...report.totals },
    { key: 'previous', label: `Kỳ trước (${periodText(report.previousPeriod)})`, ...report.previousTotals },
  ];
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => report.heatmap.some((day) => (day[h] ?? 0) > 0));
  const weekdays = [1, 2, 3, 4, 5, 6, 0];
  const dayName = (w: number) => (w === 0 ? 'Chủ nhật' : `Thứ ${['', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][w]}`);
  return {
    title: 'BÁO CÁO HOẠT ĐỘNG XẾP HÀNG',
    subtitle: [report.officeName, `Kỳ báo cáo: ${periodText(report.period)}`],
    tables: [
      table({ sheet: 'Báo cáo', columns: [groupColumn, ...figureColumns<QueueReportRow>()], rows: report.rows, total: totalRow }),
      table({ sheet: 'So sánh kỳ trước', columns: [{ header: 'Kỳ', value: (r) => r.label, width: 40 }, ...figureColumns<QueueReportRow>()], rows: comparison }),
      table({
        sheet: 'Giờ cao điểm',
        columns: [
          { header: 'Ngày trong tuần', value: (w: number) => dayName(w), width: 14 },
          ...hours.map((h) => ({ header: `${String(h).padStart(2, '0')}:00`, value: (w: number) => report.heatmap[w]?.[h] ?? 0, width: 7 })),
        ],
        rows: weekdays,
      }),
    ],
  };
}

/** File name of the queue report, e.g. "Báo cáo xếp hàng 01-11-2026 đến 30-11-2026 theo dịch vụ". */
export function queueReportFileName(report: QueueReport): string {
  const d = (day: string) => dmy(day).replace(/\//g, '-');
  return `Báo cáo xếp hàng ${d(report.period.from)} đến ${d(report.period.to)} theo ${GROUP_HEADERS[report.groupBy].toLowerCase()}`;
}
