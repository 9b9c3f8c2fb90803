import { beforeAll, describe, expect, it } from 'vitest';
import { RATING_LEVELS } from '@shared/rating';
import type { DayFacts } from '@shared/schemas/province-facts';
import { issue, staffAtCounter } from '../helper';
import { eventually, linkedHubs, type TestApp } from './linked-hubs';
import { intakeBody, PROC } from '../dossier-helper';

const DAY = '2026-11-23';
const CODE = '000.51.26.H26';

/**
 * What an office sends its province beyond the queue per service (issue 21): per counter and staff member, dossiers
 * per field (Biểu II.06a) and ratings — each day's record equal to the office's own reports of that day, with staff
 * named by username only and no citizen data; the province's dossier and satisfaction reports equal the office's.
 */
describe("an office's day facts at its province", () => {
  const hubs = linkedHubs();
  let province: TestApp;
  let office: TestApp;
  let pAdmin = '';
  let oAdmin = '';

  beforeAll(async () => {
    ({ province, office, pAdmin, oAdmin } = hubs);
    const url = hubs.provinceUrl;
    // The province's per-field rows are this office's alone (the demo province's facts are removed).
    for (const tb of ['province_office_days', 'province_day_figures', 'province_day_groups', 'province_day_fields', 'province_day_ratings']) province.app.db.exec(`DELETE FROM ${tb}`);
    const added = (await province.app.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: pAdmin }, payload: { name: 'UBND xã Số Liệu', code: CODE } })).json() as { enrollToken: string };
    const put = await office.app.inject({ method: 'PUT', url: '/api/admin/province', headers: { cookie: oAdmin }, payload: { url, enrollToken: added.enrollToken, code: CODE } });
    expect(put.statusCode).toBe(200);
  });

  const get = async <T>(t: TestApp, cookie: string, url: string) => (await t.app.inject({ url, headers: { cookie } })).json() as T;
  const post = async (cookie: string, url: string, payload?: object) => {
    const r = await office.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as { id: number; trackingId: string };
  };

  it('sends tickets per counter and staff, dossiers per field and ratings as its own reports say them; the province reports equal them', async () => {
    const c1 = await staffAtCounter(office.app, 'canbo1', 1);
    const c2 = await staffAtCounter(office.app, 'canbo2', 2);
    const tracking: string[] = [];
    for (const [counter, cookie, end] of [[1, c1, 'finish'], [2, c2, 'finish'], [1, c1, 'no-show'], [2, c2, 'finish']] as const) {
      tracking.push(((await issue(office.app, counter)).body as { trackingId: string }).trackingId);
      await post(cookie, `/api/counters/${counter}/call-next`);
      office.clock.advance(3 * 60_000);
      await post(cookie, `/api/counters/${counter}/${end}`);
    }
    for (const [i, level] of [[0, 'very_satisfied'], [1, 'satisfied'], [3, 'unsatisfied']] as const) {
      const r = await office.app.inject({ method: 'POST', url: '/api/ratings', payload: { trackingId: tracking[i], level, ...(level === 'unsatisfied' ? { reason: 'Chờ lâu quá' } : {}) } });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Dossiers: one resolved early and returned, one in progress (submitted online), one refused, in two fields.
    const fieldsBefore = office.app.hub.provinceLink.dayFacts(DAY).fields;
    const d1 = await post(c1, '/api/dossiers', intakeBody(PROC.MARITAL_STATUS));
    const d2 = await post(c1, '/api/dossiers', intakeBody(PROC.MARITAL_STATUS, { channel: 'online' }));
    const d3 = await post(c2, '/api/dossiers', intakeBody(PROC.BUILDING_PERMIT));
    await post(c1, `/api/dossiers/${d1.id}/ready`, {});
    await post(c1, `/api/dossiers/${d1.id}/return`, {});
    await post(c2, `/api/dossiers/${d3.id}/refuse`, { note: 'Hồ sơ không thuộc thẩm quyền' });
    expect(d2.id).toBeGreaterThan(0);
    // The II.06a figures kept for the day are read again once a dossier changed.
    expect(office.app.hub.provinceLink.dayFacts(DAY).fields).not.toEqual(fieldsBefore);

    const link = async () => get<{ pendingEvents: number; state: string }>(office, oAdmin, '/api/admin/province');
    const record = () =>
      province.app.db.prepare("SELECT data FROM province_records WHERE kind = 'day_facts' ORDER BY seq DESC LIMIT 1").get() as { data: string } | undefined;
    await eventually(async () => (await link()).pendingEvents === 0 && record() !== undefined, 10_000, 'sync');
    const sent = JSON.parse(record()?.data ?? '{}') as DayFacts;
    // The last record of the day is what the office's reports say now.
    expect(sent).toEqual(office.app.hub.provinceLink.dayFacts(DAY));
    expect(sent.staff.map((s) => s.staff).sort()).toEqual(['canbo1', 'canbo2']);
    expect(sent.counters.map((c) => c.tickets).reduce((a, n) => a + n, 0)).toBe(4);
    // No citizen data and no staff names went up.
    const everything = (province.app.db.prepare('SELECT data FROM province_records').all() as { data: string }[]).map((r) => r.data).join('\n');
    const fullNames = (office.app.db.prepare('SELECT full_name FROM users').all() as { full_name: string }[]).map((u) => u.full_name);
    for (const secret of ['Trần Thị Hồng Nhung', '001190012345', '0912 345 678', ...fullNames]) expect(everything).not.toContain(secret);

    // Dossiers: the province's row for the office equals the office's II.06a of the day, per field too.
    const own = await get<{ totals: Record<string, number>; byField: ({ label: string } & Record<string, number>)[] }>(office, oAdmin, `/api/reports/dossiers?from=${DAY}&to=${DAY}`);
    type DossierRow = Record<string, number> & { code: string; name: string };
    const theirs = await get<{ offices: DossierRow[]; fields: DossierRow[]; totals: Record<string, number> }>(province, pAdmin, `/api/province/reports/dossiers?from=${DAY}&to=${DAY}`);
    const pick = (r: Record<string, number>) => ({ carriedOver: r.carriedOver, received: r.receivedNew, receivedOnline: r.receivedOnline, receivedInPerson: r.receivedInPerson, resolvedEarly: r.resolvedEarly, resolvedOnTime: r.resolvedOnTime, resolvedLate: r.resolvedLate, inProgress: r.inProgress, inProgressOverdue: r.inProgressOverdue, returned: r.resultsReturned, refused: r.refused, withdrawn: r.withdrawn });
    const mine = theirs.offices.find((o) => o.code === CODE) as DossierRow;
    expect(mine).toMatchObject(pick(own.totals));
    expect(mine).toMatchObject({ received: 3, receivedOnline: 1, receivedInPerson: 2, resolved: 1, resolvedEarly: 1, refused: 1, returned: 1, onTimeRate: 100 });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
    expect(theirs.fields.map((f) => ({ name: f.name, ...pick({ ...f, receivedNew: f.received, resultsReturned: f.returned } as unknown as Record<string, number>) })).sort(byName)).toEqual(
      own.byField.map((f) => ({ name: f.label, ...pick(f) })).sort(byName),
    );

    // Ratings: the province's counts per level for the office equal the office's satisfaction report.
    const ownRatings = await get<{ totals: { total: number; counts: Record<string, number> } }>(office, oAdmin, `/api/reports/satisfaction?from=${DAY}&to=${DAY}`);
    const theirRatings = await get<{ offices: { code: string; total: number; counts: Record<string, number>; satisfiedRate: number | null }[] }>(province, pAdmin, `/api/province/reports/satisfaction?from=${DAY}&to=${DAY}`);
    const row = theirRatings.offices.find((o) => o.code === CODE);
    expect(row?.total).toBe(3);
    expect(row?.counts).toEqual(Object.fromEntries(RATING_LEVELS.map((l) => [l, ownRatings.totals.counts[l] ?? 0])));
    expect(row?.satisfiedRate).toBeCloseTo(66.7, 1);
    const officeId = province.app.hub.repos.province.byCode(CODE)?.id;
    expect(province.app.db.prepare('SELECT staff, level, count FROM province_day_ratings WHERE office_id = ? ORDER BY staff, level').all(officeId)).toEqual([
      { staff: 'canbo1', level: 'very_satisfied', count: 1 },
      { staff: 'canbo2', level: 'satisfied', count: 1 },
      { staff: 'canbo2', level: 'unsatisfied', count: 1 },
    ]);
  });
});
