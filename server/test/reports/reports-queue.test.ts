import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueReport } from '@shared/schemas/report';
import { durationStats } from '../../src/domain/percentiles';
import { buildTestApp, count, login } from '../helper';
import { generateDays, workingDays, type GeneratedTicket } from './report-month';

/** A generated month (November 2026, 21 working days × 20 tickets) and one week of October before it. */
describe('queue report on a generated month', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  let nov: GeneratedTicket[];
  let oct: GeneratedTicket[];
  const get = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/queue?${query}`, headers: { cookie } });
    return res;
  };
  const report = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as QueueReport;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    oct = await generateDays(t.app, t.clock, workingDays('2026-10-26', '2026-10-30'));
    nov = await generateDays(t.app, t.clock, workingDays('2026-11-01', '2026-11-30'));
    cookie = await login(t.app, 'giamsat');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('totals equal the raw counts of the tickets table and of the generator', async () => {
    const r = await report('from=2026-11-01&to=2026-11-30');
    const raw = (status: string) => count(t.app, `SELECT COUNT(*) AS n FROM tickets WHERE business_day BETWEEN '2026-11-01' AND '2026-11-30' AND status = ?`, status);
    expect(nov).toHaveLength(21 * 20);
    expect(r.officeName).toBe('Trung tâm Phục vụ hành chính công phường Hòa Bình');
    expect(r.totals.tickets).toBe(420);
    expect(r.totals.tickets).toBe(count(t.app, `SELECT COUNT(*) AS n FROM tickets WHERE business_day BETWEEN '2026-11-01' AND '2026-11-30'`));
    expect(r.totals.served).toBe(21 * 16);
    expect(r.totals.served).toBe(raw('done'));
    expect(r.totals.noShow).toBe(21 * 2);
    expect(r.totals.noShow).toBe(raw('no_show'));
    expect(r.totals.cancelled).toBe(21 * 2);
    expect(r.totals.cancelled).toBe(raw('cancelled'));
    expect(r.totals.transferred).toBe(21 * 2);
    expect(r.totals.priority).toBe(21 * 5);
    expect(r.totals.open).toBe(0);
    expect(r.totals.noShowRate).toBe(10);
    expect(r.totals.transferRate).toBe(10);
    expect(r.totals.servedRate).toBe(80);
  });

  it('wait and service times (average, median, p90) match what the generator did', async () => {
    const r = await report('from=2026-11-01&to=2026-11-30');
    const waits = nov.flatMap((g) => (g.waitMs === null ? [] : [g.waitMs]));
    const services = nov.flatMap((g) => (g.serviceMs === null ? [] : [g.serviceMs]));
    expect(r.totals.wait).toEqual(durationStats(waits));
    expect(r.totals.service).toEqual(durationStats(services));
    // Hand-checked figures: waits are 2/4/6/8/10 min in equal shares (the cancelled ones excluded).
    expect(r.totals.wait.count).toBe(21 * 18);
    expect(r.totals.wait.median).toBe(6);
    expect(r.totals.wait.p90).toBe(10);
    // Service per day: 5×5, 5×6, 4×7 min, and the two transferred ones count both counters' time (4+5, 4+6 min).
    expect(r.totals.service.count).toBe(21 * 16);
    expect(r.totals.service.median).toBe(6);
    expect(r.totals.service.p90).toBe(9);
    expect(r.totals.service.avg).toBe(Math.round(((5 * 5 + 5 * 6 + 4 * 7 + 9 + 10) / 16) * 10) / 10);
  });

  it('every breakdown partitions the tickets: the rows add up to the totals', async () => {
    for (const groupBy of ['service', 'counter', 'staff', 'day', 'hour', 'month'] as const) {
      const r = await report(`from=2026-11-01&to=2026-11-30&groupBy=${groupBy}`);
      const sum = (k: 'tickets' | 'served' | 'noShow' | 'cancelled' | 'transferred') => r.rows.reduce((a, row) => a + row[k], 0);
      expect({ groupBy, tickets: sum('tickets'), served: sum('served'), noShow: sum('noShow'), cancelled: sum('cancelled'), transferred: sum('transferred') }).toEqual({
        groupBy,
        tickets: r.totals.tickets,
        served: r.totals.served,
        noShow: r.totals.noShow,
        cancelled: r.totals.cancelled,
        transferred: r.totals.transferred,
      });
    }
  });

  it('groups by service, counter, day and hour with the generator’s figures', async () => {
    const bySvc = await report('from=2026-11-01&to=2026-11-30&groupBy=service');
    const a = bySvc.rows.find((r) => r.key === '1');
    expect(a?.label).toBe('A – Hộ tịch');
    expect(a?.tickets).toBe(nov.filter((g) => g.serviceId === 1).length);
    expect(a?.served).toBe(nov.filter((g) => g.serviceId === 1 && g.outcome === 'done').length);

    const byCounter = await report('from=2026-11-01&to=2026-11-30&groupBy=counter');
    expect(byCounter.rows.map((r) => r.label)).toEqual(['Quầy 1 – Tư pháp – Hộ tịch', 'Quầy 3 – Kinh tế – Hạ tầng – Đô thị', 'Chưa được phục vụ']);
    expect(byCounter.rows[1]?.served).toBe(nov.filter((g) => g.counterId === 3 && g.outcome === 'done').length);
    expect(byCounter.rows[2]?.tickets).toBe(21 * 2);

    const byDay = await report('from=2026-11-01&to=2026-11-30&groupBy=day');
    expect(byDay.rows).toHaveLength(30);
    expect(byDay.rows[0]).toMatchObject({ key: '2026-11-01', label: '01/11/2026', tickets: 0, wait: { count: 0, avg: null } });
    expect(byDay.rows.find((r) => r.key === '2026-11-23')?.tickets).toBe(20);

    const byHour = await report('from=2026-11-01&to=2026-11-30&groupBy=hour');
    expect(byHour.rows.map((r) => r.key)).toEqual(['8', '9', '10', '11', '12', '13', '14', '15', '16', '17']);
    expect(byHour.rows[0]).toMatchObject({ label: '08:00–09:00', tickets: 42 });
  });

  it('gives the busiest-hours heat map by weekday and local hour', async () => {
    const r = await report('from=2026-11-01&to=2026-11-30');
    // Five Mondays in November 2026, two tickets issued each hour from 08:00 to 17:59.
    expect(r.heatmap[1]?.[8]).toBe(10);
    expect(r.heatmap[0]?.every((n) => n === 0)).toBe(true);
    expect(r.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(420);
  });

  it('compares with the previous period of equal length', async () => {
    const r = await report('from=2026-11-01&to=2026-11-30');
    expect(r.previousPeriod).toEqual({ from: '2026-10-02', to: '2026-10-31', days: 30 });
    expect(r.previousTotals.tickets).toBe(oct.length);
    expect(r.previousTotals.served).toBe(oct.filter((g) => g.outcome === 'done').length);
  });

  it('exports XLSX with Vietnamese headers and the same numbers (parsed back)', async () => {
    const res = await get('from=2026-11-01&to=2026-11-30&groupBy=service&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('filename="Bao-cao-xep-hang-01-11-2026-den-30-11-2026-theo-dich-vu.xlsx"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe('Báo cáo xếp hàng 01-11-2026 đến 30-11-2026 theo dịch vụ.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Báo cáo');
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual(['BÁO CÁO HOẠT ĐỘNG XẾP HÀNG', 'Trung tâm Phục vụ hành chính công phường Hòa Bình', 'Kỳ báo cáo: 01/11/2026 – 30/11/2026']);
    const headerAt = rows.findIndex((r) => r[0] === 'Dịch vụ');
    const header = rows[headerAt] as string[];
    expect(header.slice(0, 4)).toEqual(['Dịch vụ', 'Số phiếu', 'Đã phục vụ', 'Vắng mặt']);
    const total = rows.find((r) => r[0] === 'Tổng cộng') as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(total[col('Số phiếu')]).toBe(420);
    expect(total[col('Đã phục vụ')]).toBe(336);
    expect(total[col('Vắng mặt')]).toBe(42);
    expect(total[col('Tỷ lệ vắng mặt (%)')]).toBe(10);
    expect(total[col('Chờ trung vị (phút)')]).toBe(6);
    const a = rows.find((r) => r[0] === 'A – Hộ tịch') as unknown[];
    expect(a[col('Số phiếu')]).toBe(nov.filter((g) => g.serviceId === 1).length);
    const cmp = wb.getWorksheet('So sánh kỳ trước');
    const cmpRows: unknown[][] = [];
    cmp!.eachRow((row) => cmpRows.push((row.values as unknown[]).slice(1)));
    expect(cmpRows.find((r) => String(r[0]).startsWith('Kỳ trước'))?.[1]).toBe(oct.length);
  });

  it('exports CSV (UTF-8 with BOM) with the same numbers', async () => {
    const res = await get('from=2026-11-01&to=2026-11-30&groupBy=counter&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const firstBlock = res.body.slice(1).split('\r\n\r\n')[0] ?? '';
    const parsed = Papa.parse<Record<string, string>>(firstBlock, { header: true });
    const total = parsed.data.find((r) => r['Quầy'] === 'Tổng cộng');
    expect(total?.['Số phiếu']).toBe('420');
    expect(total?.['Đã hủy']).toBe('42');
    expect(parsed.data.find((r) => r['Quầy'] === 'Chưa được phục vụ')?.['Số phiếu']).toBe('42');
  });

  it('refuses a bad period with a coded 400 and writes nothing', async () => {
    const before = count(t.app, 'SELECT COUNT(*) AS n FROM audit_log');
    for (const q of ['from=2026-11-30&to=2026-11-01', 'from=2025-01-01&to=2026-11-30', 'from=2026-02-30&to=2026-03-01']) {
      const res = await get(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('INVALID_DATE_RANGE');
    }
    for (const q of ['from=2026-11-01', 'from=hom-nay&to=2026-11-30', 'from=2026-11-01&to=2026-11-30&groupBy=year', 'from=2026-11-01&to=2026-11-30&format=pdf']) {
      const res = await get(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(before);
  });

  it('is for supervisors and admins only', async () => {
    const staff = await login(t.app, 'canbo3');
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/queue?from=2026-11-01&to=2026-11-30', headers: { cookie: staff } });
    expect(res.statusCode).toBe(403);
    const admin = await login(t.app, 'admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/queue?from=2026-11-01&to=2026-11-30', headers: { cookie: admin } })).statusCode).toBe(200);
  });
});
