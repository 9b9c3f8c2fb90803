import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayFacts } from '@shared/schemas/province-facts';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { buildTestApp, count, login } from '../helper';

type Field = DayFacts['fields'][number];
const queue = (tickets: number) => ({ tickets, served: tickets - 1, noShow: 1, waitSeconds: (tickets - 1) * 600, waited: tickets - 1, serveSeconds: (tickets - 1) * 300 });
const field = (fieldName: string, o: Partial<Field>): Field => ({
  fieldCode: fieldName.slice(0, 2).toUpperCase(),
  fieldName,
  received: 0,
  receivedOnline: 0,
  receivedInPerson: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  returned: 0,
  refused: 0,
  withdrawn: 0,
  inProgressOnTime: 0,
  inProgressOverdue: 0,
  ...o,
});
const facts = (day: string, tickets: number, fields: Field[], ratings: DayFacts['ratings']): DayFacts => ({
  day,
  services: [{ serviceCode: 'HT', serviceName: 'Hộ tịch', ...queue(tickets) }],
  counters: [{ counter: 'Quầy 1', ...queue(tickets) }],
  staff: [{ staff: 'canbo1', ...queue(tickets) }],
  fields,
  ratings,
});

/**
 * The province side of the day facts (issue 21): records stored once by (office, seq), a later record of a day
 * replacing the whole day, an earlier one changing nothing; the queue, dossier (II.06a) and satisfaction reports are
 * the sums of the offices' days with the previous period, as JSON, XLSX and CSV; the heartbeat's clock skew.
 */
describe('the province reports across offices', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let supervisor = '';
  const creds: string[] = [];
  const ids: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ config: { role: 'province' } });
    const admin = await login(t.app, 'admin');
    supervisor = await login(t.app, 'giamsat');
    // Only the two offices of this test have facts (the demo province's are removed).
    for (const tb of ['province_office_days', 'province_day_figures', 'province_day_groups', 'province_day_fields', 'province_day_ratings']) t.app.db.exec(`DELETE FROM ${tb}`);
    for (const code of ['000.71.26.H26', '000.72.26.H26']) {
      const added = (await t.app.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: admin }, payload: { name: `UBND ${code}`, code } })).json() as { id: number; enrollToken: string };
      const enrolled = (await t.app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code, enrollToken: added.enrollToken } })).json() as { credential: string };
      creds.push(enrolled.credential);
      ids.push(added.id);
    }
  });
  afterAll(async () => t.close());

  const sync = (i: number, records: { seq: number; data: DayFacts }[]) =>
    t.app.inject({ method: 'POST', url: '/api/province/sync', headers: { [OFFICE_CREDENTIAL_HEADER]: creds[i] }, payload: { records: records.map((r) => ({ ...r, kind: 'day_facts' })) } }).then((r) => r.json() as object);
  const report = (kind: string, from: string, to: string, extra = '') => t.app.inject({ url: `/api/province/reports/${kind}?from=${from}&to=${to}${extra}`, headers: { cookie: supervisor } });
  const json = async <T>(kind: string, from = '2026-12-01', to = '2026-12-02') => (await report(kind, from, to)).json() as T;
  const rows = () => ['province_day_figures', 'province_day_groups', 'province_day_fields', 'province_day_ratings'].map((tb) => count(t.app, `SELECT COUNT(*) AS n FROM ${tb} WHERE office_id IN (?, ?)`, ids[0], ids[1]));

  it('stores each day once: a resend changes nothing, a later record replaces the day, an earlier one arriving late is ignored', async () => {
    const ht = 'Hộ tịch';
    const day1 = facts('2026-12-01', 10, [field(ht, { received: 4, receivedInPerson: 4, resolvedEarly: 2, resolvedLate: 1, inProgressOnTime: 5 })], [{ staff: 'canbo1', level: 'very_satisfied', count: 3 }]);
    expect(await sync(0, [{ seq: 5, data: day1 }])).toEqual({ accepted: 1, duplicates: 0, lastSeq: 5 });
    const before = rows();
    expect(before).toEqual([1, 2, 1, 1]);
    expect(await sync(0, [{ seq: 5, data: day1 }])).toEqual({ accepted: 0, duplicates: 1, lastSeq: 5 });
    expect(rows()).toEqual(before);
    // Day 2 goes up twice: seq 9 (the later figures) arrives before seq 8; the land field of seq 8 never shows.
    const day2 = facts('2026-12-02', 6, [field(ht, { received: 1, receivedInPerson: 1, resolvedOnTime: 1, inProgressOnTime: 3, inProgressOverdue: 2 }), field('Xây dựng', { refused: 1, returned: 2 })], [
      { staff: 'canbo1', level: 'satisfied', count: 1 },
      { staff: null, level: 'unsatisfied', count: 1 },
    ]);
    const stale = facts('2026-12-02', 2, [field('Đất đai', { received: 9 })], []);
    expect(await sync(0, [{ seq: 9, data: day2 }, { seq: 8, data: stale }])).toEqual({ accepted: 2, duplicates: 0, lastSeq: 9 });
    expect(count(t.app, "SELECT COUNT(*) AS n FROM province_day_fields WHERE field_name = 'Đất đai' AND office_id = ?", ids[0])).toBe(0);
    // A later record of day 1 replaces all of day 1 (a field gone from it is gone at the province too).
    const day1b = { ...day1, fields: [field(ht, { received: 5, receivedInPerson: 5, resolvedEarly: 2, resolvedLate: 1, inProgressOnTime: 6 })] };
    expect(await sync(0, [{ seq: 10, data: day1b }])).toMatchObject({ accepted: 1 });
    expect(t.app.db.prepare('SELECT day, seq FROM province_office_days WHERE office_id = ? ORDER BY day').all(ids[0])).toEqual([
      { day: '2026-12-01', seq: 10 },
      { day: '2026-12-02', seq: 9 },
    ]);
    // Office 2: one day in the period, one in the previous period (29/11–30/11).
    await sync(1, [
      { seq: 1, data: facts('2026-11-30', 4, [field(ht, { received: 2, receivedInPerson: 2, resolvedEarly: 1, resolvedLate: 1, inProgressOnTime: 2 })], [{ staff: 'canbo9', level: 'unsatisfied', count: 2 }]) },
      { seq: 2, data: facts('2026-12-01', 3, [field(ht, { received: 3, receivedInPerson: 3, resolvedOnTime: 3, inProgressOverdue: 1 })], [{ staff: 'canbo9', level: 'very_satisfied', count: 1 }]) },
    ]);
  });

  it('sums dossiers (II.06a) per office and field: flows over the days, in progress from the last reported day, on-time rate, the previous period', async () => {
    type Row = Record<string, number | string | null>;
    const r = await json<{ offices: Row[]; fields: Row[]; totals: Row; previous: Row; previousFrom: string; previousTo: string }>('dossiers');
    expect([r.previousFrom, r.previousTo]).toEqual(['2026-11-29', '2026-11-30']);
    const a = r.offices.find((o) => o.id === ids[0]);
    expect(a).toMatchObject({ received: 6, resolved: 4, resolvedEarly: 2, resolvedOnTime: 1, resolvedLate: 1, onTimeRate: 75, refused: 1, returned: 2, inProgress: 5, inProgressOnTime: 3, inProgressOverdue: 2 });
    const b = r.offices.find((o) => o.id === ids[1]);
    // Office 2 had 2 in progress at the end of 30/11, its last day before the period: carried over.
    expect(b).toMatchObject({ carriedOver: 2, received: 3, resolved: 3, onTimeRate: 100, inProgress: 1, inProgressOverdue: 1 });
    expect(a).toMatchObject({ carriedOver: 0 });
    expect(r.offices.filter((o) => o.received === 0 && o.id !== ids[0] && o.id !== ids[1]).length).toBe(r.offices.length - 2);
    for (const k of ['carriedOver', 'received', 'resolved', 'inProgress', 'refused', 'returned']) expect(r.totals[k], k).toBe(r.offices.reduce((s, o) => s + Number(o[k]), 0));
    expect(r.fields.map((f) => [f.name, f.carriedOver, f.received, f.inProgress])).toEqual([
      ['Hộ tịch', 2, 9, 6],
      ['Xây dựng', 0, 0, 0],
    ]);
    expect(r.totals.onTimeRate).toBeCloseTo((6 / 7) * 100, 1);
    expect(r.previous).toMatchObject({ carriedOver: 0, received: 2, resolved: 2, onTimeRate: 50, inProgress: 2 });
  });

  it('sums ratings per office (count and % per level) and queue figures per office and field, each with the previous period', async () => {
    const s = await json<{ levels: string[]; offices: { id: number; total: number; counts: Record<string, number>; percents: Record<string, number | null>; satisfiedRate: number | null }[]; totals: { total: number; satisfiedRate: number }; previous: { total: number; counts: Record<string, number> } }>('satisfaction');
    expect(s.levels).toEqual(['very_satisfied', 'satisfied', 'unsatisfied']);
    expect(s.offices.find((o) => o.id === ids[0])).toMatchObject({ total: 5, counts: { very_satisfied: 3, satisfied: 1, unsatisfied: 1 }, percents: { very_satisfied: 60, unsatisfied: 20 }, satisfiedRate: 80 });
    expect(s.totals).toMatchObject({ total: 6, satisfiedRate: 83.3 });
    expect(s.previous).toMatchObject({ total: 2, counts: { unsatisfied: 2 } });
    const q = await json<{ offices: { id: number; tickets: number }[]; fields: { name: string; tickets: number; avgWaitMinutes: number }[]; totals: { tickets: number }; previous: { tickets: number } }>('queue');
    expect(q.offices.find((o) => o.id === ids[0])?.tickets).toBe(16);
    expect(q.fields).toEqual([{ name: 'Hộ tịch', tickets: 19, served: 16, noShow: 3, avgWaitMinutes: 10, avgServeMinutes: 5 }]);
    expect(q.totals.tickets).toBe(19);
    expect(q.previous.tickets).toBe(4);
  });

  it('downloads each report as XLSX and CSV with Vietnamese headers; refuses a bad period and anyone signed out', async () => {
    const csv = await report('dossiers', '2026-12-01', '2026-12-02', '&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toContain('Mã đơn vị,Đơn vị,Kỳ trước chuyển qua,Tiếp nhận trong kỳ');
    expect(lines.find((l) => l.includes('000.71.26.H26'))).toContain(',0,6,0,6,4,2,1,1,75,5,3,2,2,1,0');
    expect(lines.some((l) => l.startsWith(',Toàn tỉnh,'))).toBe(true);
    const xlsx = await report('satisfaction', '2026-12-01', '2026-12-02', '&format=xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    wb.getWorksheet('Theo đơn vị')?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.find((v) => v[0] === '000.71.26.H26')?.slice(2, 5)).toEqual([5, 3, 60]);
    expect((await report('queue', '2026-12-01', '2026-12-02', '&format=csv')).body).toContain('Lĩnh vực,Số lượt lấy số');
    expect((await report('queue', '2026-12-03', '2026-12-01')).json()).toMatchObject({ code: 'INVALID_DATE_RANGE' });
    expect((await report('dossiers', '2026-12-01', '2026-12-02', '&format=pdf')).statusCode).toBe(400);
    for (const kind of ['queue', 'dossiers', 'satisfaction']) expect((await t.app.inject({ url: `/api/province/reports/${kind}?from=2026-12-01&to=2026-12-02` })).statusCode).toBe(401);
  });

  it("keeps the heartbeat's clock skew (the province's time minus the office's) and shows it per office", async () => {
    const beat = (sentAt: number) =>
      t.app.inject({ method: 'POST', url: '/api/province/heartbeat', headers: { [OFFICE_CREDENTIAL_HEADER]: creds[0] }, payload: { sentAt: new Date(sentAt).toISOString(), waiting: 1, longestWaitMinutes: 2, openCounters: 1, printersDown: 0, version: '0.1.0' } });
    const skew = async () => ((await t.app.inject({ url: '/api/province/offices', headers: { cookie: supervisor } })).json() as { id: number; clockSkewSeconds: number | null }[]).find((o) => o.id === ids[0])?.clockSkewSeconds;
    expect(await skew()).toBeNull();
    expect((await beat(t.clock.now() - 300_000)).statusCode).toBe(204);
    expect(await skew()).toBe(300);
    await beat(t.clock.now() + 4_000);
    expect(await skew()).toBe(-4);
  });
});
