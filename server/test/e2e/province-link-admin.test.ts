import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { buildTestApp, issue, login, testConfig, TEST_PASSWORD, wrongToken } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

/** Kết nối với tỉnh: the office admin connects to a real province hub, sees the figures go up, disconnects. */
describe('admin screen: the link to the province hub', () => {
  let office: App;
  let province: Awaited<ReturnType<typeof buildTestApp>>;
  let provinceUrl = '';
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    province = await buildTestApp({ config: { role: 'province' } });
    await province.app.listen({ port: 0, host: '127.0.0.1' });
    provinceUrl = `http://127.0.0.1:${(province.app.server.address() as AddressInfo).port}`;
    office = await buildApp({ config: testConfig({ staticDir: DIST, webhooks: { retryBaseMs: 200, retryMaxMs: 400, pollMs: 100, timeoutMs: 2000 }, provinceHeartbeatMs: 300 }), logger: false });
    const base = await office.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('open-admin').click();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await office?.close();
    await province?.close();
    expect(errors).toEqual([]);
  });

  it('refuses a wrong token in Vietnamese, connects with the right one, shows the sync, disconnects', async () => {
    const pAdmin = await login(province.app, 'admin');
    const added = await province.app.inject({ method: 'POST', url: '/api/province/offices', headers: { cookie: pAdmin }, payload: { name: 'UBND phường Thử', code: '000.70.26.H26' } });
    const { enrollToken } = added.json() as { enrollToken: string };

    await page.getByTestId('admin-nav-province').click();
    await expect.poll(() => page.getByTestId('province-state').textContent()).toContain('Chưa kết nối');
    await page.getByTestId('province-url-input').fill(provinceUrl);
    await page.getByTestId('province-token-input').fill(wrongToken(enrollToken));
    await page.getByTestId('province-code-input').fill('000.70.26.H26');
    await page.getByTestId('province-connect').click();
    await expect.poll(() => page.getByTestId('province-form').textContent()).toContain('từ chối mã kết nối');
    await shoot(page, 'admin-province-refused');

    await page.getByTestId('province-token-input').fill(enrollToken);
    await page.getByTestId('province-connect').click();
    await expect.poll(() => page.getByTestId('province-url').textContent()).toBe(provinceUrl);
    expect((await issue(office, 1)).status).toBe(201);
    await expect.poll(() => page.getByTestId('province-state').textContent(), { timeout: 10_000 }).toContain('Đã kết nối');
    await expect.poll(() => page.getByTestId('province-last-sync').textContent(), { timeout: 10_000 }).not.toContain('Chưa có');
    expect(await page.getByTestId('province-pending').textContent()).toBe('0');
    await shoot(page, 'admin-province-connected');

    // The province goes away: the screen shows the error and the events waiting; the office keeps issuing.
    await province.app.close();
    expect((await issue(office, 1)).status).toBe(201);
    await expect.poll(() => page.getByTestId('province-state').textContent(), { timeout: 15_000 }).toContain('Lỗi kết nối');
    expect(Number(await page.getByTestId('province-pending').textContent())).toBeGreaterThan(0);
    await shoot(page, 'admin-province-down');

    await page.getByTestId('province-disconnect').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('province-state').textContent()).toContain('Chưa kết nối');
  });
});
