import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingLevel } from '@shared/rating';
import type { SatisfactionReport } from '@shared/schemas/report';
import { buildTestApp, count, login } from '../helper';
import { generateDays } from './report-month';

const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'unsatisfied'];

/** Two generated days (16 served tickets each), every served ticket rated: very satisfied / satisfied / unsatisfied in turn. */
describe('satisfaction report', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/reports/satisfaction?${query}`, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp();
    await generateDays(t.app, t.clock, ['2026-10-05', '2026-10-06']);
    const done = t.app.db.prepare(`SELECT tracking_id, business_day FROM tickets WHERE status = 'done' ORDER BY id`).all() as { tracking_id: string; business_day: string }[];
    const perDay = new Map<string, number>();
    for (const d of done) {
      const k = perDay.get(d.business_day) ?? 0;
      perDay.set(d.business_day, k + 1);
      const level = LEVELS[k % 3] as RatingLevel;
      t.app.hub.ratings.rate({ trackingId: d.tracking_id, level, ...(level === 'unsatisfied' ? { reason: 'Phải chờ quá lâu' } : {}) }, null);
    }
    cookie = await login(t.app, 'giamsat');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('counts each level per unit with its share, equal to the ratings table', async () => {
    const res = await get('from=2026-10-05&to=2026-10-06');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as SatisfactionReport;
    expect(count(t.app, `SELECT COUNT(*) AS n FROM ratings WHERE business_day BETWEEN '2026-10-05' AND '2026-10-06'`)).toBe(32);
    expect(r.levels).toEqual(['very_satisfied', 'satisfied', 'unsatisfied']);
    expect(r.totals).toMatchObject({ total: 32, averageScore: 3.75, satisfiedRate: 68.8 });
    expect(r.totals.counts).toMatchObject({ very_satisfied: 12, satisfied: 10, unsatisfied: 10 });
    expect(r.totals.percents).toMatchObject({ very_satisfied: 37.5, satisfied: 31.3, unsatisfied: 31.3 });
    expect(r.byStaff.map((s) => s.label).sort()).toEqual(['Lê Thị Bình', 'Nguyễn Văn An']);
    expect(r.byStaff.reduce((a, s) => a + s.total, 0)).toBe(32);
    const an = r.byStaff.find((s) => s.label === 'Nguyễn Văn An');
    expect(an?.total).toBe(count(t.app, `SELECT COUNT(*) AS n FROM ratings r JOIN users u ON u.id = r.staff_id WHERE u.username = 'canbo1' AND r.business_day BETWEEN '2026-10-05' AND '2026-10-06'`));
    expect(r.byService.reduce((a, s) => a + s.total, 0)).toBe(32);
    expect(r.previousTotals.total).toBe(0);
    // One day only.
    expect(((await get('from=2026-10-06&to=2026-10-06')).json() as SatisfactionReport).totals.total).toBe(16);
  });

  it('exports the per-officer sheet with Vietnamese headers and the unit total (parsed back); CSV too', async () => {
    const res = await get('from=2026-10-05&to=2026-10-06&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '')).toBe(
      'Báo cáo đánh giá sự hài lòng 05-10-2026 đến 06-10-2026.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Theo cán bộ')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'Cán bộ tiếp nhận') as string[];
    const total = rows.find((r) => r[0] === 'Toàn đơn vị') as unknown[];
    expect(total[header.indexOf('Tổng số đánh giá')]).toBe(32);
    expect(total[header.indexOf('Rất hài lòng (số lượng)')]).toBe(12);
    expect(total[header.indexOf('Không hài lòng (%)')]).toBe(31.3);
    expect(total[header.indexOf('Điểm trung bình (1–5)')]).toBe(3.75);

    const csv = await get('from=2026-10-05&to=2026-10-06&format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Toàn đơn vị,32,12,37.5,10,31.3,10,31.3,68.8,3.75');
  });

  it('refuses a bad period and staff', async () => {
    expect((await get('from=2026-10-06&to=2026-10-05')).json().code).toBe('INVALID_DATE_RANGE');
    const staff = await login(t.app, 'canbo3');
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/satisfaction?from=2026-10-05&to=2026-10-06', headers: { cookie: staff } })).statusCode).toBe(403);
  });
});
