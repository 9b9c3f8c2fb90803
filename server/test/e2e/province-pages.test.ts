import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

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
        const sent = await app.inject({ method: 'POST', url: '/api/province/heartbeat', headers: { [OFFICE_CREDENTIAL_HEADER]: credential }, payload: { sentAt: new Date().toISOString(), version: '0.1.0', ...beat } });
        expect(sent.statusCode).toBe(204);
      }
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await openPage(browser, `${base}/counter/`, 1366, 900, errors);
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('province-area').waitFor();
    return page;
  }

  it('the supervisor sees the board: offices online, alerts most severe first, every office listed', async () => {
    const page = await signIn('giamsat');
    await page.getByTestId('province-offices-row').first().waitFor();
    expect(await page.getByTestId('kpi-online').textContent()).toContain('1/2');
    expect(await page.getByTestId('kpi-waiting').textContent()).toContain('14');
    const alerts = await page.getByTestId('province-alert').allTextContents();
    expect(alerts).toEqual([
      'Trung tâm Phục vụ hành chính công xã Tân Lập — Mất kết nối (không nhận được tín hiệu quá 2 phút)',
      'Trung tâm Phục vụ hành chính công phường Hòa Bình — 1 máy in không hoạt động',
      'Trung tâm Phục vụ hành chính công phường Hòa Bình — Có người chờ 42 phút',
    ]);
    expect(await page.getByTestId('province-offices-row').count()).toBe(3);
    // No office tab for a supervisor.
    expect(await page.getByTestId('province-tab-offices').count()).toBe(0);
    await shoot(page, 'province-board');
    await page.getByTestId('province-tab-report').click();
    await page.getByTestId('province-report-table-row').first().waitFor();
    const rows = await page.getByTestId('province-report-table-row').allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toContain('Toàn tỉnh');
    await shoot(page, 'province-report');
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
