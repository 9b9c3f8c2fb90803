import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, shoot, signInStaff } from './browser';

/** The province hub's pages in the staff app: the live board with its alerts, the queue report, adding an office. */
describe('province pages (HUB_ROLE=province)', () => {
  let app: App;
  let base = '';
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ role: 'province', staticDir: DIST }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    // One demo office enrols and reports a printer down and a long wait; another enrols and goes quiet.
    const admin = await login(app, 'admin');
    for (const [code, beat] of [
      ['000.31.26.H26', { waiting: 14, longestWaitMinutes: 42, openCounters: 4, printersDown: 1 }],
      ['000.32.26.H26', null],
    ] as const) {
      const office = app.hub.repos.province.byCode(code);
      const token = (await app.inject({ method: 'POST', url: `/api/province/offices/${office?.id}/revoke`, headers: { cookie: admin } })).json() as { enrollToken: string };
      const { credential } = (await app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code, enrollToken: token.enrollToken } })).json() as { credential: string };
      if (beat) {
        const sent = await app.inject({ method: 'POST', url: '/api/province/heartbeat', headers: { [OFFICE_CREDENTIAL_HEADER]: credential }, payload: { sentAt: new Date(Date.now() - 300_000).toISOString(), version: '0.1.0', ...beat } });
        expect(sent.statusCode).toBe(204);
      }
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string): Promise<Page> => signInStaff(browser, base, username, TEST_PASSWORD, 'province-area', errors);

  it('the supervisor sees the board: offices online, alerts most severe first, every office listed', async () => {
    const page = await signIn('giamsat');
    await page.getByTestId('province-offices-row').first().waitFor();
    expect(await page.getByTestId('kpi-online').textContent()).toContain('1/2');
    expect(await page.getByTestId('kpi-waiting').textContent()).toContain('14');
    const alerts = await page.getByTestId('province-alert').allTextContents();
    expect(alerts).toEqual([
      'Trung tâm Phục vụ hành chính công xã Tân Lập — Mất kết nối (không nhận được tín hiệu quá 2 phút)',
      'Trung tâm Phục vụ hành chính công phường Hòa Bình — 1 máy in không hoạt động',
      'Trung tâm Phục vụ hành chính công phường Hòa Bình — Đồng hồ máy chủ lệch 300 giây so với tỉnh: kiểm tra đồng bộ giờ (NTP)',
      'Trung tâm Phục vụ hành chính công phường Hòa Bình — Có người chờ 42 phút',
    ]);
    expect(await page.getByTestId('province-offices-row').count()).toBe(3);
    // No office tab for a supervisor.
    expect(await page.getByTestId('province-tab-offices').count()).toBe(0);
    await shoot(page, 'province-board');
    expect(await page.getByTestId('clock-skew').allTextContents()).toEqual(['Lệch giờ 300 giây']);
    await page.close();
  });

  it('the report page: queue, dossiers (II.06a) and satisfaction over the last 30 days against the previous 30, bars, downloads, print', async () => {
    const page = await signIn('giamsat');
    await page.getByTestId('province-tab-report').click();
    await page.getByTestId('province-report-table-row').first().waitFor();
    const rows = await page.getByTestId('province-report-table-row').allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toContain('Toàn tỉnh');
    expect(await page.getByTestId('province-report-fields-row').count()).toBe(4);
    expect(await page.getByTestId('province-bar').count()).toBe(3);
    expect(await page.getByTestId('compare-tickets').textContent()).toMatch(/Kỳ trước: [\d.]+/);
    expect(await page.getByTestId('province-report-period').textContent()).toMatch(/^Kỳ báo cáo \d\d\/\d\d\/\d{4} – \d\d\/\d\d\/\d{4}, so với kỳ trước/);
    await shoot(page, 'province-report');

    await page.getByTestId('province-report-tab-dossiers').click();
    await page.getByTestId('province-dossiers-table-row').first().waitFor();
    // The page shows what the API says: the province's total row equals the report's totals.
    // The fields show dd/mm/yyyy (whatever the PC's language); the API takes ISO days.
    const iso = (dmy: string) => dmy.split('/').reverse().join('-');
    const [from, to] = [iso(await page.getByTestId('report-from').inputValue()), iso(await page.getByTestId('report-to').inputValue())];
    const api = (await app.inject({ url: `/api/province/reports/dossiers?from=${from}&to=${to}`, headers: { cookie: await login(app, 'giamsat') } })).json() as { totals: { received: number; onTimeRate: number } };
    const total = (await page.getByTestId('province-dossiers-table-row').last().textContent()) ?? '';
    expect(total).toContain(api.totals.received.toLocaleString('vi-VN'));
    expect(total).toContain(`${api.totals.onTimeRate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
    expect(await page.getByTestId('province-dossiers-fields-row').allTextContents()).toEqual([
      expect.stringContaining('Chứng thực'),
      expect.stringContaining('Đất đai'),
      expect.stringContaining('Hộ tịch'),
      expect.stringContaining('Toàn tỉnh'),
    ]);
    await shoot(page, 'province-report-dossiers');

    await page.getByTestId('province-report-tab-satisfaction').click();
    await page.getByTestId('province-satisfaction-table-row').first().waitFor();
    expect(await page.getByTestId('province-satisfaction-table').locator('th').allTextContents()).toEqual(['Đơn vị', 'Số lượt đánh giá', 'Rất hài lòng', 'Hài lòng', 'Không hài lòng', 'Tỷ lệ hài lòng']);
    await shoot(page, 'province-report-satisfaction');
    // The downloads are the page's period and tab, as the signed-in supervisor.
    const href = (await page.getByTestId('province-report-xlsx').getAttribute('href')) ?? '';
    expect(href).toBe(`/api/province/reports/satisfaction?from=${from}&to=${to}&format=xlsx`);
    const csv = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    }, (await page.getByTestId('province-report-csv').getAttribute('href')) ?? '');
    expect(csv).toMatchObject({ status: 200, type: expect.stringContaining('text/csv') });
    expect(csv.text).toContain('Trung tâm Phục vụ hành chính công xã Tân Lập');
    // Print: the report alone, without the header, menu, period form or tabs.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('province-report-tab-queue').isVisible()).toBe(false);
    expect(await page.getByTestId('province-satisfaction-table').isVisible()).toBe(true);
    await shoot(page, 'province-report-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('language-toggle').click();
    expect(await page.getByTestId('province-report-tab-dossiers').textContent()).toContain('Dossiers (II.06a)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the admin adds an office and reads its enrolment token once', async () => {
    const page = await signIn('admin');
    await page.getByTestId('province-tab-offices').click();
    await page.getByTestId('office-name').fill('UBND xã Đồng Tâm');
    await page.getByTestId('office-code').fill('000.45.26.H26');
    await page.getByTestId('office-add').click();
    await page.getByTestId('enroll-token').waitFor();
    const token = (await page.getByTestId('enroll-token-value').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(await page.getByTestId('province-office-list-row').count()).toBe(4);
    await shoot(page, 'province-add-office');
    // The token shown is the one the office enrols with.
    const enrolled = await app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code: '000.45.26.H26', enrollToken: token } });
    expect(enrolled.statusCode).toBe(200);
    // A code already listed: the hub's Vietnamese refusal.
    await page.getByTestId('enroll-token-done').click();
    await page.getByTestId('office-name').fill('Trùng mã');
    await page.getByTestId('office-code').fill('000.45.26.H26');
    await page.getByTestId('office-add').click();
    expect(await page.getByTestId('province-error').textContent()).toContain('Mã đơn vị này đã có');
    expect(errors).toEqual([]);
    await page.close();
  });
});
