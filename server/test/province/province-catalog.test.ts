import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFile, ProcedureInput } from '@shared/schemas/procedure';
import type { CatalogUpdateStatus } from '@shared/schemas/province-catalog';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { freePort } from '../durability/hub-process';
import { count, login } from '../helper';
import { eventually, linkedHubs, type TestApp } from './linked-hubs';

const CODE = '000.60.26.H26';
const DECISION = 'Quyết định số 123/QĐ-UBND';
const key = (p: { code: string; localSuffix: string }) => `${p.code}|${p.localSuffix}`;

/**
 * The published catalog of issue 21 between a province hub and an office hub, both on real ports with real SQLite
 * files: the province edits and publishes, the office's heartbeat finds the edition, the admin sees what it would
 * change and applies it; the office's own services, field placements and fees survive; re-applying is a no-op.
 */
describe('the province publishes its catalog; an office applies it keeping its own parts', () => {
  // The office's maintenance tick every 100 ms: a scheduled edition is applied by it, not by the test.
  const hubs = linkedHubs({ maintenanceTickMs: 100 });
  let province: TestApp;
  let office: TestApp;
  let provinceUrl = '';
  let pAdmin = '';
  let oAdmin = '';
  let credential = '';
  beforeAll(() => {
    ({ province, office, provinceUrl, pAdmin, oAdmin } = hubs);
  });

  const send = (t: TestApp, cookie: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) }).then((r) => ({ status: r.statusCode, body: r.body ? r.json() : null }));
  const status = async () => (await send(office, oAdmin, 'GET', '/api/admin/province/catalog')).body as CatalogUpdateStatus;
  const exportOf = async (t: TestApp, cookie: string) => (await send(t, cookie, 'GET', '/api/admin/catalog/export')).body as CatalogFile;
  /** Edits one procedure through the admin routes (the screens' way). */
  async function edit(t: TestApp, cookie: string, code: string, change: (p: ProcedureInput) => ProcedureInput) {
    const list = (await send(t, cookie, 'GET', '/api/admin/procedures')).body as { id: number; code: string }[];
    const id = (list.find((p) => p.code === code) as { id: number }).id;
    const { id: _i, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = (await send(t, cookie, 'GET', `/api/admin/procedures/${id}`)).body as ProcedureInput & Record<string, unknown>;
    const r = await send(t, cookie, 'PUT', `/api/admin/procedures/${id}`, change(input as ProcedureInput));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  const latest = (headers: Record<string, string>) => province.app.inject({ method: 'GET', url: '/api/province/catalog/latest', headers });

  it('enrols the office; before any edition the office sees nothing new and the province answers CATALOG_NOT_PUBLISHED', async () => {
    const { enrollToken } = (await send(province, pAdmin, 'POST', '/api/province/offices', { name: 'UBND xã Danh Mục', code: CODE })).body as { enrollToken: string };
    expect((await send(office, oAdmin, 'PUT', '/api/admin/province', { url: provinceUrl, enrollToken, code: CODE })).status).toBe(200);
    credential = (office.app.db.prepare('SELECT credential FROM province_link').get() as { credential: string }).credential;
    expect((await latest({})).json()).toMatchObject({ code: 'OFFICE_CREDENTIAL_INVALID' });
    expect((await latest({ [OFFICE_CREDENTIAL_HEADER]: `${credential}x` })).statusCode).toBe(401);
    const none = await latest({ [OFFICE_CREDENTIAL_HEADER]: credential });
    expect([none.statusCode, none.json()]).toMatchObject([404, { code: 'CATALOG_NOT_PUBLISHED' }]);
    const checked = (await send(office, oAdmin, 'POST', '/api/admin/province/catalog/check')).body as CatalogUpdateStatus;
    expect(checked).toMatchObject({ applied: null, pending: null });
    expect(checked.lastCheckedAt).not.toBeNull();
    // The province's catalog starts as the shipped one, serving no queue service (that is each office's choice).
    const own = await exportOf(province, pAdmin);
    expect(own.procedures.length).toBe(57);
    expect(own.procedures.every((p) => p.serviceCode === '')).toBe(true);
  });

  it('refuses a bad publication with nothing written; a supervisor may list editions but not publish', async () => {
    const supervisor = await login(province.app, 'giamsat');
    const publish = (cookie: string, body: object) => send(province, cookie, 'POST', '/api/province/catalog/publications', body);
    expect(await publish(pAdmin, { decision: DECISION, effectiveDate: '2026-02-31' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await publish(pAdmin, { decision: DECISION, effectiveDate: '15/12/2026' })).toMatchObject({ status: 400 });
    expect(await publish(pAdmin, { decision: '   ', effectiveDate: '2026-12-15' })).toMatchObject({ status: 400 });
    expect(await publish(pAdmin, { effectiveDate: '2026-12-15' })).toMatchObject({ status: 400 });
    expect(await publish(supervisor, { decision: DECISION, effectiveDate: '2026-12-15' })).toMatchObject({ status: 403 });
    expect(count(province.app, 'SELECT COUNT(*) AS n FROM catalog_publications')).toBe(0);
    expect(await send(province, supervisor, 'GET', '/api/province/catalog/publications')).toEqual({ status: 200, body: [] });
  });

  it('the office overrides, the province edits and publishes: the office sees "what would change" by itself', async () => {
    // The office's own parts: fees of the birth registration, the marriage one placed in another field, the copy of
    // a civil status extract served at the certification service.
    await edit(office, oAdmin, '1.001193', (p) => ({ ...p, fees: [{ name: 'Lệ phí (mức của xã)', amount: 5000, unit: 'đồng/lần', note: '' }] }));
    await edit(office, oAdmin, '1.000894', (p) => ({ ...p, fieldCode: 'CTHUC' }));
    await edit(office, oAdmin, '2.000635', (p) => ({ ...p, serviceCode: 'CT' }));
    // The province: renames and re-prices the birth registration, changes the marriage time, re-prices the
    // extract copy, retires one, adds one in a new field.
    await edit(province, pAdmin, '1.001193', (p) => ({ ...p, name: 'Đăng ký khai sinh (sửa đổi)', fees: [{ name: 'Lệ phí', amount: 8000, unit: 'đồng/lần', note: '' }] }));
    await edit(province, pAdmin, '1.000894', (p) => ({ ...p, processingTime: { ...p.processingTime, text: 'Trong ngày' } }));
    await edit(province, pAdmin, '2.000635', (p) => ({ ...p, fees: [{ name: 'Phí cấp bản sao', amount: 10000, unit: 'đồng/bản', note: '' }] }));
    await edit(province, pAdmin, '1.004873', (p) => ({ ...p, active: false }));
    expect((await send(province, pAdmin, 'PUT', '/api/admin/fields', { code: 'TPHAP', nameVi: 'Tư pháp mới', nameEn: 'Justice', icon: '', displayOrder: 99 })).status).toBe(200);
    const template = (await exportOf(province, pAdmin)).procedures[0] as ProcedureInput;
    expect((await send(province, pAdmin, 'POST', '/api/admin/procedures', { ...template, code: '2.000001', name: 'Thủ tục mới của tỉnh', fieldCode: 'TPHAP', fees: [] })).status).toBe(201);

    const published = await send(province, pAdmin, 'POST', '/api/province/catalog/publications', { decision: `  ${DECISION} `, effectiveDate: '2026-12-15', note: 'Thay thế danh mục năm 2025' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ id: 1, version: 1, decision: DECISION, effectiveDate: '2026-12-15', procedures: 58, fields: 8 });
    expect(count(province.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'province.catalog_publish' AND target_id = '1'")).toBe(1);
    // Edited after publishing: the edition stays as it was frozen.
    await edit(province, pAdmin, '1.001193', (p) => ({ ...p, name: 'Đăng ký khai sinh (bản nháp sau)' }));
    const v1 = (await latest({ [OFFICE_CREDENTIAL_HEADER]: credential })).json() as { version: number; catalog: CatalogFile };
    expect(v1.catalog.procedures.find((p) => p.code === '1.001193')?.name).toBe('Đăng ký khai sinh (sửa đổi)');
    const cached = await latest({ [OFFICE_CREDENTIAL_HEADER]: credential, 'if-none-match': '"catalog-1"' });
    expect([cached.statusCode, cached.body]).toEqual([304, '']);

    // The heartbeat's check finds it; nothing is applied yet.
    await eventually(async () => (await status()).pending?.version === 1, 5000, 'pending edition');
    const s = await status();
    expect(s.applied).toBeNull();
    expect(s.pending).toMatchObject({ decision: DECISION, effectiveDate: '2026-12-15', note: 'Thay thế danh mục năm 2025' });
    const c = s.pending?.changes;
    expect(c?.added).toEqual([{ code: '2.000001', name: 'Thủ tục mới của tỉnh' }]);
    expect(c?.retired.map((p) => p.code)).toEqual(['1.004873']);
    expect(c?.changed.map((p) => p.code).sort()).toEqual(['1.000894', '1.001193', '2.000635']);
    expect(c?.keptFees.map((p) => p.code)).toEqual(['1.001193']);
    expect(c?.keptFields.map((p) => p.code)).toEqual(['1.000894']);
    expect(c?.newFields).toEqual(['Tư pháp mới']);
    expect((await send(office, oAdmin, 'GET', '/api/office')).body).toMatchObject({ catalogBasis: null });
  });

  it('refuses an edition it never received and a non-admin, with nothing written; applies the pending one in one go', async () => {
    const before = await exportOf(office, oAdmin);
    expect(await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 7 })).toMatchObject({ status: 404, body: { code: 'CATALOG_EDITION_UNKNOWN' } });
    expect(await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 0 })).toMatchObject({ status: 400 });
    const supervisor = await login(office.app, 'giamsat');
    expect((await send(office, supervisor, 'POST', '/api/admin/province/catalog/apply', { version: 1 })).status).toBe(403);
    expect(await exportOf(office, oAdmin)).toEqual(before);

    // The office's day is 23/11/2026, the edition takes effect on 15/12: applying it now schedules it, and the listing
    // keeps the catalog in force until then.
    const audits = (action: string) => count(office.app, 'SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?', action, '1');
    const scheduled = await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 1 });
    expect(scheduled).toMatchObject({ status: 200, body: { applied: null, pending: { version: 1, scheduledAt: '2026-11-23T02:00:00.000Z' } } });
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 1 })).body).toMatchObject({ pending: { scheduledAt: '2026-11-23T02:00:00.000Z' } });
    expect([audits('catalog.edition_schedule'), audits('catalog.edition_apply')]).toEqual([1, 0]);
    expect(await exportOf(office, oAdmin)).toEqual(before);
    // "Hủy hẹn": cancelled (audited), again a no-op; an edition it never received is 404; a supervisor is refused.
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/unschedule', { version: 1 })).body).toMatchObject({ pending: { version: 1, scheduledAt: null } });
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/unschedule', { version: 1 })).status).toBe(200);
    expect(await send(office, oAdmin, 'POST', '/api/admin/province/catalog/unschedule', { version: 7 })).toMatchObject({ status: 404, body: { code: 'CATALOG_EDITION_UNKNOWN' } });
    expect((await send(office, supervisor, 'POST', '/api/admin/province/catalog/unschedule', { version: 1 })).status).toBe(403);
    expect(audits('catalog.edition_unschedule')).toBe(1);
    // Nothing scheduled: the effective day comes and nothing is applied by itself.
    office.clock.set('2026-12-14T17:00:00.000Z');
    expect(office.app.hub.catalogUpdate.applyScheduledIfDue()).toBeNull();
    office.clock.set('2026-11-23T02:30:00.000Z');
    oAdmin = await login(office.app, 'admin');
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 1 })).body).toMatchObject({ pending: { scheduledAt: '2026-11-23T02:30:00.000Z' } });
    // 23:59 on the 14th (office time): still the catalog in force; 00:00 on the 15th: the hub's tick applies it.
    office.clock.set('2026-12-14T16:59:00.000Z');
    expect(office.app.hub.catalogUpdate.applyScheduledIfDue()).toBeNull();
    oAdmin = await login(office.app, 'admin'); // three weeks on: the morning's session has ended
    expect(await exportOf(office, oAdmin)).toEqual(before);
    expect((await status()).today).toBe('2026-12-14');
    office.clock.set('2026-12-14T17:00:00.000Z');
    await eventually(async () => (await status()).applied !== null, 5000, 'the tick applying the scheduled edition');
    const applied = await send(office, oAdmin, 'GET', '/api/admin/province/catalog');
    expect(applied.body).toMatchObject({ applied: { version: 1, decision: DECISION, appliedAt: '2026-12-14T17:00:00.000Z' }, pending: null, today: '2026-12-15' });
    // Applied by the hub, audited as scheduled with who scheduled it; cancelling now changes nothing.
    const audit = office.app.db.prepare("SELECT user_id, details FROM audit_log WHERE action = 'catalog.edition_apply' AND target_id = '1'").all() as { user_id: number | null; details: string }[];
    expect(audit.map((a) => ({ user: a.user_id, ...(JSON.parse(a.details) as object) }))).toEqual([
      expect.objectContaining({ user: null, scheduled: true, scheduledBy: office.app.hub.repos.users.byUsername('admin')?.id, decision: DECISION }),
    ]);
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/unschedule', { version: 1 })).body).toMatchObject({ applied: { version: 1 }, pending: null });

    // The office's catalog is the edition, but for what the office owns.
    const published = ((await latest({ [OFFICE_CREDENTIAL_HEADER]: credential })).json() as { catalog: CatalogFile }).catalog;
    const mine = await exportOf(office, oAdmin);
    const byKey = new Map(before.procedures.map((p) => [key(p), p]));
    const expected = published.procedures.map((p) => {
      const o = byKey.get(key(p));
      if (!o) return p;
      return { ...p, serviceCode: o.serviceCode, ...(p.code === '1.001193' ? { fees: o.fees } : {}), ...(p.code === '1.000894' ? { fieldCode: 'CTHUC' } : {}) };
    });
    const sort = (list: ProcedureInput[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(mine.procedures)).toEqual(sort(expected));
    const birth = mine.procedures.find((p) => p.code === '1.001193');
    expect(birth).toMatchObject({ name: 'Đăng ký khai sinh (sửa đổi)', serviceCode: 'HT', fees: [{ amount: 5000 }] });
    expect(mine.procedures.find((p) => p.code === '2.000635')).toMatchObject({ serviceCode: 'CT', fees: [{ amount: 10000, unit: 'đồng/bản' }] });
    expect(mine.procedures.find((p) => p.code === '1.004873')?.active).toBe(false);
    // The field the edition brought is added; the office's own fields keep their names.
    expect(mine.fields.find((f) => f.code === 'TPHAP')?.nameVi).toBe('Tư pháp mới');
    expect(mine.fields.filter((f) => f.code !== 'TPHAP')).toEqual(before.fields);
    // The public listing says which decision it follows; the search finds the renamed procedure.
    expect((await send(office, oAdmin, 'GET', '/api/office')).body).toMatchObject({ catalogBasis: { decision: DECISION, effectiveDate: '2026-12-15' } });
    const found = (await office.app.inject({ url: `/api/procedures?q=${encodeURIComponent('sửa đổi')}` })).json() as { code: string }[];
    expect(found.map((p) => p.code)).toContain('1.001193');
  });

  it('re-applying changes nothing; a newer edition replaces the pending one; an older one is refused', async () => {
    const stamp = () => count(office.app, 'SELECT MAX(updated_at) AS n FROM procedures');
    const at = stamp();
    office.clock.advance(60_000);
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 1 })).status).toBe(200);
    expect(stamp()).toBe(at);
    expect(count(office.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_apply'")).toBe(1);

    // Edition 2 (the province's later edit, in force from 01/01/2027): the office's fees stay its own, the rename
    // would arrive; applied now it is scheduled.
    expect((await send(province, pAdmin, 'POST', '/api/province/catalog/publications', { decision: 'Quyết định số 200/QĐ-UBND', effectiveDate: '2027-01-01' })).status).toBe(201);
    await send(office, oAdmin, 'POST', '/api/admin/province/catalog/check');
    const s = await status();
    expect(s.pending).toMatchObject({ version: 2, scheduledAt: null, changes: { changedCount: 1, addedCount: 0, retiredCount: 0, keptFees: [{ code: '1.001193' }] } });
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 2 })).body).toMatchObject({ applied: { version: 1 }, pending: { version: 2, scheduledAt: expect.any(String) } });
    // Edition 3 corrects it, in force already: it replaces the scheduled one, which the tick no longer applies.
    expect((await send(province, pAdmin, 'POST', '/api/province/catalog/publications', { decision: 'Quyết định số 201/QĐ-UBND', effectiveDate: '2026-12-01' })).status).toBe(201);
    await send(office, oAdmin, 'POST', '/api/admin/province/catalog/check');
    // The screen says the scheduled one was replaced, and the log has it.
    expect(await status()).toMatchObject({ pending: { version: 3, scheduledAt: null }, replaced: { version: 2, decision: 'Quyết định số 200/QĐ-UBND', effectiveDate: '2027-01-01' } });
    expect(count(office.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_schedule_replaced' AND target_id = '2'")).toBe(1);
    office.clock.set('2027-01-01T01:00:00.000Z');
    expect(office.app.hub.catalogUpdate.applyScheduledIfDue()).toBeNull();
    oAdmin = await login(office.app, 'admin');
    expect(await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 2 })).toMatchObject({ status: 409, body: { code: 'CATALOG_EDITION_STALE' } });
    expect((await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 3 })).body).toMatchObject({ applied: { version: 3 }, pending: null, replaced: null });
    expect((await exportOf(office, oAdmin)).procedures.find((p) => p.code === '1.001193')).toMatchObject({ name: 'Đăng ký khai sinh (bản nháp sau)', fees: [{ amount: 5000 }] });
    const stale = await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CATALOG_EDITION_STALE' } });
    expect((await status()).applied?.version).toBe(3);
    expect((await send(office, oAdmin, 'GET', '/api/office')).body).toMatchObject({ catalogBasis: { decision: 'Quyết định số 201/QĐ-UBND' } });
    const list = (await send(province, pAdmin, 'GET', '/api/province/catalog/publications')).body as { version: number }[];
    expect(list.map((e) => e.version)).toEqual([3, 2, 1]);
  });

  it('with the WAN down a check finds nothing new and the office keeps its catalog', async () => {
    office.app.db.prepare('UPDATE province_link SET url = ?').run(`http://127.0.0.1:${await freePort()}`);
    const before = await status();
    const r = await send(office, oAdmin, 'POST', '/api/admin/province/catalog/check');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applied: { version: 3 }, pending: null, lastCheckedAt: before.lastCheckedAt });
  });

  it('a scheduled edition that fails to apply loses its schedule, on record; disconnecting cancels a schedule', async () => {
    // Edition 4 as if received (a copy of 3), in force from 2030.
    office.app.db.prepare(
      `INSERT INTO catalog_editions (version, decision, effective_date, note, snapshot, procedures, fields, published_at, received_at)
       SELECT 4, 'Quyết định số 300/QĐ-UBND', '2030-01-01', note, snapshot, procedures, fields, published_at, received_at FROM catalog_editions WHERE version = 3`,
    ).run();
    const scheduled = async () => (await send(office, oAdmin, 'POST', '/api/admin/province/catalog/apply', { version: 4 })).body as CatalogUpdateStatus;
    expect((await scheduled()).pending).toMatchObject({ version: 4, scheduledAt: expect.any(String) });
    // Its content unreadable on the day (as a disk fault would leave it): not applied, the schedule dropped, logged.
    const snapshot = (office.app.db.prepare('SELECT snapshot FROM catalog_editions WHERE version = 4').get() as { snapshot: string }).snapshot;
    office.app.db.prepare("UPDATE catalog_editions SET snapshot = '{}' WHERE version = 4").run();
    office.clock.set('2030-01-01T01:00:00.000Z');
    await eventually(async () => count(office.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_schedule_failed' AND target_id = '4'") === 1, 5000, 'the failed apply on record');
    expect(office.app.db.prepare('SELECT scheduled_at, applied_at FROM catalog_editions WHERE version = 4').get()).toEqual({ scheduled_at: null, applied_at: null });
    office.app.db.prepare('UPDATE catalog_editions SET snapshot = ? WHERE version = 4').run(snapshot);
    office.clock.set('2029-12-30T02:00:00.000Z');
    oAdmin = await login(office.app, 'admin');
    expect((await status()).applied?.version).toBe(3);
    // Scheduled again, then the office disconnects from its province: the schedule goes with the link (audited).
    expect((await scheduled()).pending?.scheduledAt).not.toBeNull();
    expect((await send(office, oAdmin, 'DELETE', '/api/admin/province')).status).toBeLessThan(300);
    expect(office.app.db.prepare('SELECT scheduled_at FROM catalog_editions WHERE version = 4').get()).toEqual({ scheduled_at: null });
    expect(count(office.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_unschedule' AND details LIKE '%province_disconnect%'")).toBe(1);
    office.clock.set('2030-01-01T01:00:00.000Z');
    expect(office.app.hub.catalogUpdate.applyScheduledIfDue()).toBeNull();
    expect(office.app.hub.catalogUpdate.status().applied?.version).toBe(3);
  });
});
