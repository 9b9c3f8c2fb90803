import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierReport, DossierReportRow } from '@shared/schemas/report';
import { classifyDossier, dueForReport } from '../../src/domain/dossier-report';
import { intakeBody, PROC } from '../dossier-helper';
import { buildTestApp, count, login } from '../helper';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const dayOf = (ms: number) => new Date(ms + 7 * H).toISOString().slice(0, 10);

describe('II.06a classification of one dossier', () => {
  // Period 23/11–27/11/2026 in Hà Nội.
  const p0 = at('2026-11-22T17:00:00Z');
  const p1 = at('2026-11-27T17:00:00Z');
  const ev = (type: string, iso: string, data: unknown = null) => ({ type, at: at(iso), data });
  const due = at('2026-11-26T02:00:00Z');
  const received = at('2026-11-23T02:00:00Z');
  it.each([
    ['early', [ev('ready', '2026-11-24T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, resolved: 1, resolvedEarly: 1 }],
    ['on the due day, after the hour', [ev('ready', '2026-11-26T08:00:00Z')], { receivedNew: 1, receivedInPerson: 1, resolved: 1, resolvedOnTime: 1 }],
    ['late', [ev('ready', '2026-11-27T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, resolved: 1, resolvedLate: 1 }],
    ['still open, due before the period end', [], { receivedNew: 1, receivedInPerson: 1, inProgress: 1, inProgressOverdue: 1 }],
    ['ready after the period: still in progress at its end', [ev('ready', '2026-11-28T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, inProgress: 1, inProgressOverdue: 1 }],
    ['withdrawn', [ev('withdraw', '2026-11-24T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, withdrawn: 1 }],
    ['resolved and handed over', [ev('ready', '2026-11-24T03:00:00Z'), ev('return', '2026-11-25T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, resolved: 1, resolvedEarly: 1, resultsReturned: 1 }],
    ['rescheduled (Mẫu 04): judged against the date it missed', [ev('reschedule', '2026-11-25T03:00:00Z', { oldDueAt: at('2026-11-24T02:00:00Z'), dueAt: due }), ev('ready', '2026-11-26T03:00:00Z')], { receivedNew: 1, receivedInPerson: 1, resolved: 1, resolvedLate: 1 }],
  ])('%s', (_name, events, expected) => {
    const c = classifyDossier({ receivedAt: received, dueAt: due, online: false, events }, p0, p1, dayOf);
    const nonZero = Object.fromEntries(Object.entries(c).filter(([k, v]) => v !== 0 && k !== 'received'));
    expect(nonZero).toEqual(expected);
    expect(c.received).toBe(c.carriedOver + c.receivedNew);
    expect(c.receivedNew).toBe(c.receivedOnline + c.receivedInPerson);
  });
  it('counts a new dossier submitted online apart from one taken in person or by post', () => {
    const online = classifyDossier({ receivedAt: received, dueAt: due, online: true, events: [] }, p0, p1, dayOf);
    expect(online).toMatchObject({ received: 1, receivedNew: 1, receivedOnline: 1, receivedInPerson: 0 });
    // Carried over from before the period, it is neither: the split is of the period's new dossiers.
    const carried = classifyDossier({ receivedAt: at('2026-11-20T02:00:00Z'), dueAt: due, online: true, events: [] }, p0, p1, dayOf);
    expect(carried).toMatchObject({ received: 1, carriedOver: 1, receivedNew: 0, receivedOnline: 0, receivedInPerson: 0 });
  });
  it('carries over what was open when the period began, not what had finished', () => {
    const before = at('2026-11-20T02:00:00Z');
    expect(classifyDossier({ receivedAt: before, dueAt: due, online: false, events: [ev('ready', '2026-11-24T03:00:00Z')] }, p0, p1, dayOf)).toMatchObject({ carriedOver: 1, received: 1, resolved: 1 });
    expect(classifyDossier({ receivedAt: before, dueAt: due, online: false, events: [ev('ready', '2026-11-21T03:00:00Z')] }, p0, p1, dayOf)).toMatchObject({ carriedOver: 0, received: 0, resolved: 0, inProgress: 0 });
    expect(classifyDossier({ receivedAt: null, dueAt: null, online: false, events: [ev('intake.refuse', '2026-11-23T03:00:00Z')] }, p0, p1, dayOf)).toMatchObject({ received: 0, refused: 1 });
    expect(dueForReport({ receivedAt: before, dueAt: due, online: false, events: [] })).toBe(due);
  });
});

type Counts = Omit<DossierReportRow, 'key' | 'label'>;
/** What a scenario added to a report: per row label, after − before (rows left unchanged are dropped). */
function added(after: DossierReport, before: DossierReport, rows: 'byField' | 'byProcedure' = 'byField'): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const row of after[rows]) {
    const { key: _k, label, ...counts } = row;
    const old = before[rows].find((b) => b.label === label);
    const d = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v - ((old?.[k as keyof Counts] as number | undefined) ?? 0)])) as Counts;
    if (Object.values(d).some((v) => v !== 0)) out[label] = d;
  }
  return out;
}
const totalsOf = (r: DossierReport): Counts => r.totals;
const minus = (a: Counts, b: Counts) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k as keyof Counts] as number)]));

describe('GET /api/reports/dossiers (driving the dossier service with the fake clock)', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let cookie: string;
  // The demo office seeds a few dossiers of its own: the scenario's figures are what it adds to them.
  let week: DossierReport;
  let nextWeek: DossierReport;
  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/reports/dossiers?${query}`, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp();
    const hub = t.app.hub;
    week = hub.reports.dossierReport('2026-11-23', '2026-11-27');
    nextWeek = hub.reports.dossierReport('2026-11-30', '2026-12-04');
    const actor = { userId: hub.repos.users.byUsername('canbo1')!.id };
    const intake = (proc: number, iso: string, over = {}) => {
      t.clock.set(iso);
      return hub.dossiers.intake(intakeBody(proc, over), actor).id;
    };
    const act = (id: number, action: Parameters<typeof hub.dossiers.act>[1], iso: string) => {
      t.clock.set(iso);
      hub.dossiers.act(id, action, {}, actor);
    };
    // Before the period: received Fri 20/11 09:00 (due Wed 25/11), ready Tue 24/11 → carried over, early.
    const d7 = intake(PROC.MARITAL_STATUS, '2026-11-20T02:00:00Z');
    // Mon 23/11 09:00: four marital-status dossiers (due Thu 26/11 09:00), a building permit (due 08/12), a refusal, a withdrawal.
    // d2 was submitted online on the portal, the building permit by post.
    const [d1, d2, d3, d4] = [1, 2, 3, 4].map((n) => intake(PROC.MARITAL_STATUS, '2026-11-23T02:00:00Z', n === 2 ? { channel: 'online' } : {}));
    intake(PROC.BUILDING_PERMIT, '2026-11-23T02:00:00Z', { channel: 'post' });
    intake(PROC.MARITAL_STATUS, '2026-11-23T02:30:00Z', { outcome: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết' });
    const d8 = intake(PROC.MARITAL_STATUS, '2026-11-23T03:00:00Z');
    act(d1!, 'ready', '2026-11-24T03:00:00Z');
    act(d7, 'ready', '2026-11-24T04:00:00Z');
    act(d8, 'withdraw', '2026-11-24T05:00:00Z');
    act(d1!, 'return', '2026-11-25T03:00:00Z');
    act(d2!, 'ready', '2026-11-26T08:00:00Z');
    act(d3!, 'ready', '2026-11-27T03:00:00Z');
    act(d4!, 'process', '2026-11-27T04:00:00Z');
    // After the period: must not count.
    act(d4!, 'ready', '2026-11-30T03:00:00Z');
    cookie = await login(t.app, 'giamsat');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('gives the II.06a rows per field with the counts the scenario makes', async () => {
    const res = await get('from=2026-11-23&to=2026-11-27');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as DossierReport;
    const byField = added(r, week);
    expect(Object.keys(byField)).toEqual(['Hộ tịch', 'Hoạt động xây dựng']);
    expect(byField['Hộ tịch']).toEqual({
      received: 6,
      carriedOver: 1,
      receivedNew: 5,
      receivedOnline: 1,
      receivedInPerson: 4,
      resolved: 4,
      resolvedEarly: 2,
      resolvedOnTime: 1,
      resolvedLate: 1,
      inProgress: 1,
      inProgressOnTime: 0,
      inProgressOverdue: 1,
      resultsReturned: 1,
      refused: 1,
      withdrawn: 1,
    });
    expect(byField['Hoạt động xây dựng']).toMatchObject({ received: 1, receivedNew: 1, receivedOnline: 0, receivedInPerson: 1, inProgress: 1, inProgressOnTime: 1, inProgressOverdue: 0 });
    expect(minus(totalsOf(r), totalsOf(week))).toMatchObject({ received: 7 });
    // Every accepted dossier of the period is in exactly one outcome (the seeded ones included).
    expect(r.totals.received).toBe(r.totals.resolved + r.totals.inProgress + r.totals.withdrawn + r.totals.refused - count(t.app, `SELECT COUNT(*) AS n FROM dossiers WHERE received_at IS NULL AND status = 'refused' AND created_at >= ? AND created_at < ?`, Date.parse('2026-11-22T17:00:00Z'), Date.parse('2026-11-27T17:00:00Z')));
    expect(r.totals.receivedNew).toBe(count(t.app, `SELECT COUNT(*) AS n FROM dossiers WHERE received_at >= ? AND received_at < ?`, Date.parse('2026-11-22T17:00:00Z'), Date.parse('2026-11-27T17:00:00Z')));
    expect(r.totals.receivedOnline).toBe(count(t.app, `SELECT COUNT(*) AS n FROM dossiers WHERE channel = 'online' AND received_at >= ? AND received_at < ?`, Date.parse('2026-11-22T17:00:00Z'), Date.parse('2026-11-27T17:00:00Z')));
    expect(r.totals.receivedInPerson).toBe(r.totals.receivedNew - r.totals.receivedOnline);
    expect(Object.keys(added(r, week, 'byProcedure'))).toEqual(['1.004873 – Cấp Giấy xác nhận tình trạng hôn nhân', expect.stringContaining('1.013225')]);
    expect(r.byField.reduce((a, f) => a + f.received, 0)).toBe(r.totals.received);
  });

  it('the next week: what was open is carried over, the late one resolved late', async () => {
    const r = (await get('from=2026-11-30&to=2026-12-04')).json() as DossierReport;
    expect(minus(totalsOf(r), totalsOf(nextWeek))).toMatchObject({ carriedOver: 2, receivedNew: 0, resolved: 1, resolvedLate: 1, inProgress: 1, inProgressOnTime: 1 });
  });

  it('exports the II.06a sheet (parsed back) and CSV', async () => {
    const res = await get('from=2026-11-23&to=2026-11-27&format=xlsx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '')).toBe('Báo cáo hồ sơ II.06a 23-11-2026 đến 27-11-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Theo lĩnh vực')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((x) => x[1] === 'Lĩnh vực') as string[];
    const json = (await get('from=2026-11-23&to=2026-11-27')).json() as DossierReport;
    const hotich = rows.find((x) => x[1] === 'Hộ tịch') as unknown[];
    const expected = json.byField.find((f) => f.label === 'Hộ tịch')!;
    expect(hotich[0]).toBe(json.byField.indexOf(expected) + 1);
    expect(hotich[header.indexOf('Kỳ trước chuyển qua')]).toBe(expected.carriedOver);
    expect(hotich[header.indexOf('Tiếp nhận trực tuyến')]).toBe(1);
    expect(hotich[header.indexOf('Tiếp nhận trực tiếp, bưu chính')]).toBe(expected.receivedInPerson);
    expect(hotich[header.indexOf('Giải quyết quá hạn')]).toBe(expected.resolvedLate);
    expect(hotich[header.indexOf('Đang giải quyết quá hạn')]).toBe(expected.inProgressOverdue);
    expect(rows.find((x) => x[1] === 'Tổng cộng')?.[header.indexOf('Tổng số hồ sơ tiếp nhận')]).toBe(json.totals.received);
    const csv = await get('from=2026-11-23&to=2026-11-27&format=csv');
    expect(csv.body).toContain('STT,Lĩnh vực,Tổng số hồ sơ tiếp nhận,Kỳ trước chuyển qua');
    const e = expected;
    const line = [e.received, e.carriedOver, e.receivedNew, e.receivedOnline, e.receivedInPerson, e.resolved, e.resolvedEarly, e.resolvedOnTime, e.resolvedLate, e.inProgress, e.inProgressOnTime, e.inProgressOverdue, e.resultsReturned, e.refused, e.withdrawn];
    expect(csv.body).toContain(`,Hộ tịch,${line.join(',')}`);
  });

  it('refuses bad periods and staff', async () => {
    expect((await get('from=2026-11-27&to=2026-11-23')).json().code).toBe('INVALID_DATE_RANGE');
    expect((await get('from=2026-11-27')).statusCode).toBe(400);
    const staff = await login(t.app, 'canbo2');
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/dossiers?from=2026-11-23&to=2026-11-27', headers: { cookie: staff } })).statusCode).toBe(403);
  });
});
