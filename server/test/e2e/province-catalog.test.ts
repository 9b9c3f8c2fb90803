import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot, signInStaff } from './browser';

const CODE = '000.71.26.H26';
/** A day of the office's calendar `days` from today, as ISO and as typed (dd/mm/yyyy). */
function officeDay(days: number): { iso: string; vn: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));
  return { iso, vn: iso.split('-').reverse().join('/') };
}
/** The first edition is in force from today: applying it applies it at once. */
const TODAY = officeDay(0);

/**
 * The published catalog on screen: the province admin publishes an edition from the province's catalog tab; the
 * office admin sees "Có bản cập nhật danh mục" on the province screen, applies it; the phone listing then says
 * which decision it follows.
 */
describe('screens: the province publishes its catalog, the office applies it', () => {
  let province: App;
  let office: App;
  let provinceBase = '';
  let officeBase = '';
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    province = await buildApp({ config: testConfig({ role: 'province', staticDir: DIST }), logger: false });
    provinceBase = await province.listen({ port: 0, host: '127.0.0.1' });
    office = await buildApp({ config: testConfig({ staticDir: DIST, webhooks: { retryBaseMs: 200, retryMaxMs: 400, pollMs: 100, timeoutMs: 2000 }, provinceHeartbeatMs: 300 }), logger: false });
    officeBase = await office.listen({ port: 0, host: '127.0.0.1' });
    // The office enrols (the link's own screen is tested in province-link-admin).
    const pAdmin = await login(province, 'admin');
    const { enrollToken } = (await province.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: pAdmin }, payload: { name: 'UBND xã Thử', code: CODE } })).json() as { enrollToken: string };
    const oAdmin = await login(office, 'admin');
    const put = await office.inject({ method: 'PUT', url: '/api/admin/province', headers: { cookie: oAdmin }, payload: { url: provinceBase, enrollToken, code: CODE } });
    expect(put.statusCode).toBe(200);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await office?.close();
    await province?.close();
    expect(errors).toEqual([]);
  });

  async function signIn(base: string, ready: string): Promise<Page> {
    if (ready !== 'open-admin') return signInStaff(browser, base, 'admin', TEST_PASSWORD, ready, errors);
    const page = await signInStaff(browser, base, 'admin', TEST_PASSWORD, 'open-admin', errors);
    await page.getByTestId('open-admin').click();
    return page;
  }

  it('the province admin publishes an edition from the catalog tab', async () => {
    // The province's edits (the catalog screens are the office's, tested in catalog-admin): one procedure retired,
    // one added.
    const pAdmin = await login(province, 'admin');
    const list = (await province.inject({ url: '/api/admin/procedures', headers: { cookie: pAdmin } })).json() as { id: number; code: string }[];
    const id = list.find((p) => p.code === '1.004873')?.id;
    const { id: _i, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = (await province.inject({ url: `/api/admin/procedures/${id}`, headers: { cookie: pAdmin } })).json() as Record<string, unknown>;
    expect((await province.inject({ method: 'PUT', url: `/api/admin/procedures/${id}`, headers: { cookie: pAdmin }, payload: { ...input, active: false } })).statusCode).toBe(200);
    const added = { ...input, code: '2.002001', name: 'Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới', active: true };
    expect((await province.inject({ method: 'POST', url: '/api/admin/procedures', headers: { cookie: pAdmin }, payload: added })).statusCode).toBe(201);

    const page = await signIn(provinceBase, 'province-area');
    await page.getByTestId('province-tab-catalog').click();
    await page.getByTestId('catalog-publish').waitFor();
    await page.getByTestId('procedures-table').waitFor();
    // Without a decision nothing is sent.
    await page.getByTestId('catalog-publish-submit').click();
    await expect.poll(() => page.getByTestId('catalog-publish').textContent()).toContain('Bắt buộc.');
    await page.getByTestId('catalog-decision').fill('Quyết định số 123/QĐ-UBND');
    await page.getByTestId('catalog-effective-date').fill(TODAY.vn);
    await page.getByTestId('catalog-note').fill('Danh mục thủ tục hành chính cấp xã năm 2026');
    await page.getByTestId('catalog-publish-submit').click();
    await expect.poll(() => page.getByTestId('catalog-editions').textContent()).toContain(`Bản 1 — Quyết định số 123/QĐ-UBND · hiệu lực từ ${TODAY.vn}`);
    await shoot(page, 'province-catalog-published');
    expect(province.db.prepare('SELECT version, decision, effective_date AS day FROM catalog_publications').all()).toEqual([{ version: 1, decision: 'Quyết định số 123/QĐ-UBND', day: TODAY.iso }]);
  });

  it('the office admin sees "Có bản cập nhật danh mục", applies it, and the phone listing says the decision', async () => {
    const page = await signIn(officeBase, 'open-admin');
    await page.getByTestId('admin-nav-province').click();
    await page.getByTestId('catalog-update').waitFor();
    await page.getByTestId('catalog-check').click();
    const pending = page.getByTestId('catalog-pending');
    await expect.poll(() => pending.textContent(), { timeout: 10_000 }).toContain('Có bản cập nhật danh mục');
    expect(await page.getByTestId('catalog-pending-basis').textContent()).toBe(`Theo Quyết định số 123/QĐ-UBND (hiệu lực từ ${TODAY.vn})`);
    expect(await page.getByTestId('catalog-applied').textContent()).toContain('Chưa áp dụng bản danh mục nào');
    // The office's queue services are its own (the province's catalog names none): only the province's edits count.
    const changes = await page.getByTestId('catalog-changes').textContent();
    expect(changes).toContain('Thêm 1 thủ tục');
    expect(changes).toContain('Ngừng áp dụng 1 thủ tục');
    expect(changes).not.toContain('Sửa');
    await page.getByText('Xem các thủ tục thay đổi').click();
    expect(await page.getByTestId('catalog-change').allTextContents()).toEqual([
      '2.002001 Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới',
      '1.004873 Cấp Giấy xác nhận tình trạng hôn nhân',
    ]);
    await pending.scrollIntoViewIfNeeded();
    await shoot(page, 'admin-catalog-update-pending');

    await page.getByTestId('catalog-apply').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('catalog-applied').textContent()).toContain(`Đang áp dụng: Theo Quyết định số 123/QĐ-UBND (hiệu lực từ ${TODAY.vn})`);
    await page.getByTestId('catalog-up-to-date').waitFor();
    await shoot(page, 'admin-catalog-update-applied');
    expect(office.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_apply'").get()).toEqual({ n: 1 });
    expect(office.db.prepare("SELECT active FROM procedures WHERE code = '1.004873'").get()).toEqual({ active: 0 });
    // Services kept: the birth registration is still served at the civil status service.
    expect((office.db.prepare("SELECT s.code FROM procedures p JOIN services s ON s.id = p.service_id WHERE p.code = '1.001193'").get() as { code: string }).code).toBe('HT');

    const phone = await openPage(browser, `${officeBase}/kiosk/phone/#/`, 360, 800, errors);
    await expect.poll(() => phone.getByTestId('phone-listing-basis').textContent()).toBe(`Danh mục theo Quyết định số 123/QĐ-UBND (hiệu lực từ ${TODAY.vn})`);
    await shoot(phone, 'phone-listing-basis');
    await phone.getByTestId('phone-search').fill('khai sinh');
    await phone.getByTestId('phone-result-1.001193').click();
    await expect.poll(() => phone.getByTestId('phone-basis').textContent()).toContain('Quyết định số 123/QĐ-UBND');
  });

  it('an edition in force in ten days is scheduled, not applied: "Hẹn áp dụng từ …", then "Hủy hẹn"', async () => {
    const later = officeDay(10);
    const pAdmin = await login(province, 'admin');
    const published = await province.inject({ method: 'POST', url: '/api/province/catalog/publications', headers: { cookie: pAdmin }, payload: { decision: 'Quyết định số 456/QĐ-UBND', effectiveDate: later.iso } });
    expect(published.statusCode).toBe(201);
    const page = await signIn(officeBase, 'open-admin');
    await page.getByTestId('admin-nav-province').click();
    await page.getByTestId('catalog-check').click();
    await expect.poll(() => page.getByTestId('catalog-pending-basis').textContent(), { timeout: 10_000 }).toContain('Quyết định số 456/QĐ-UBND');
    expect(await page.getByTestId('catalog-apply').textContent()).toContain(`Hẹn áp dụng từ ${later.vn}`);
    await page.getByTestId('catalog-apply').click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain(`Hệ thống sẽ tự áp dụng vào đầu ngày ${later.vn}`);
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('catalog-scheduled').textContent()).toContain(`Đã hẹn áp dụng từ ${later.vn}`);
    await page.getByTestId('catalog-pending').scrollIntoViewIfNeeded();
    await shoot(page, 'admin-catalog-update-scheduled');
    // The listing still follows the decision in force; the schedule is on record.
    expect(office.db.prepare('SELECT version FROM catalog_editions WHERE applied_at IS NOT NULL ORDER BY version DESC LIMIT 1').get()).toEqual({ version: 1 });
    expect(office.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.edition_schedule'").get()).toEqual({ n: 1 });
    expect(await page.getByTestId('catalog-applied').textContent()).toContain('Quyết định số 123/QĐ-UBND');

    await page.getByTestId('catalog-unschedule').click();
    await page.getByTestId('catalog-apply').waitFor();
    expect(await page.getByTestId('catalog-scheduled').count()).toBe(0);
    expect(office.db.prepare('SELECT scheduled_at FROM catalog_editions WHERE version = 2').get()).toEqual({ scheduled_at: null });
  });
});
