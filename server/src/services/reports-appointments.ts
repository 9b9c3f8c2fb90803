import type { AppointmentReport, AppointmentReportRow } from '@shared/schemas/appointment';
import type { ServiceContext } from './context';
import { checkPeriod } from './reports-common';
import { table, type ExportDocument } from './reports-export';

const MIN = 60_000;
type Sums = Omit<AppointmentReportRow, 'serviceId' | 'serviceName' | 'appointmentWaitMinutes' | 'walkInWaitMinutes'> & { appointmentWaitMs: number; walkInWaitMs: number };
const zero = (): Sums => ({ booked: 0, checkedIn: 0, late: 0, missed: 0, cancelled: 0, pending: 0, appointmentCalls: 0, walkInCalls: 0, appointmentWaitMs: 0, walkInWaitMs: 0 });
const avg = (ms: number, n: number) => (n === 0 ? null : Math.round((ms / n / MIN) * 10) / 10);

function toRow(serviceId: number | null, serviceName: string, s: Sums): AppointmentReportRow {
  const { appointmentWaitMs, walkInWaitMs, ...counts } = s;
  return { serviceId, serviceName, ...counts, appointmentWaitMinutes: avg(appointmentWaitMs, s.appointmentCalls), walkInWaitMinutes: avg(walkInWaitMs, s.walkInCalls) };
}

/** The appointments report: bookings by outcome per service, and how long holders waited next to walk-ins. */
export function appointmentReports(ctx: ServiceContext) {
  const { repos } = ctx;
  function appointmentReport(from: string, to: string): AppointmentReport {
    const period = checkPeriod(from, to);
    const per = new Map<number, Sums>();
    const of = (id: number) => per.get(id) ?? per.set(id, zero()).get(id)!;
    for (const o of repos.appointments.outcomes(from, to)) {
      Object.assign(of(o.service_id), { booked: o.booked, checkedIn: o.checked_in, late: o.late, missed: o.missed, cancelled: o.cancelled, pending: o.pending });
    }
    for (const w of repos.appointments.waits(from, to)) {
      const s = of(w.service_id);
      if (w.appt) {
        s.appointmentCalls = w.n;
        s.appointmentWaitMs = w.wait;
      } else {
        s.walkInCalls = w.n;
        s.walkInWaitMs = w.wait;
      }
    }
    const total = zero();
    const services = repos.catalog
      .services()
      .filter((svc) => per.has(svc.id))
      .map((svc) => {
        const s = per.get(svc.id) as Sums;
        for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += s[k];
        return toRow(svc.id, svc.name_vi, s);
      });
    return { officeName: repos.settings.office().name, period, services, total: toRow(null, 'Tổng cộng', total) };
  }
  return { appointmentReport };
}

const dash = (v: number | null) => (v === null ? '' : v);

/** The report as an XLSX/CSV document (Vietnamese headers). */
export function appointmentDocument(r: AppointmentReport): ExportDocument {
  return {
    title: 'Báo cáo lịch hẹn trực tuyến',
    subtitle: [r.officeName, `Từ ngày ${r.period.from} đến ngày ${r.period.to}`],
    tables: [
      table<AppointmentReportRow>({
        sheet: 'Lịch hẹn',
        rows: r.services,
        total: r.total,
        columns: [
          { header: 'Dịch vụ', value: (x) => x.serviceName, width: 30 },
          { header: 'Lượt đặt', value: (x) => x.booked },
          { header: 'Đã nhận số', value: (x) => x.checkedIn },
          { header: 'Trong đó đến muộn', value: (x) => x.late },
          { header: 'Lỡ hẹn', value: (x) => x.missed },
          { header: 'Đã hủy', value: (x) => x.cancelled },
          { header: 'Chưa đến hẹn', value: (x) => x.pending },
          { header: 'Chờ TB có lịch hẹn (phút)', value: (x) => dash(x.appointmentWaitMinutes), width: 18 },
          { header: 'Chờ TB không hẹn (phút)', value: (x) => dash(x.walkInWaitMinutes), width: 18 },
          { header: 'Số lượt gọi có lịch hẹn', value: (x) => x.appointmentCalls, width: 16 },
          { header: 'Số lượt gọi không hẹn', value: (x) => x.walkInCalls, width: 16 },
        ],
      }),
    ],
  };
}

export const appointmentFileName = (r: AppointmentReport): string => `bao-cao-lich-hen-${r.period.from}-${r.period.to}`;
