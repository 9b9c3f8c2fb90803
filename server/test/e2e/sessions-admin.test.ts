import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

describe('sessions end on screen at once; an admin unlocks a delayed sign-in', () => {
  let app: App;
  let browser: Browser;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    expect(errors).toEqual([]);
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
  }

  it('a console signed out everywhere from another computer drops to the sign-in form by itself', async () => {
    const console = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await signIn(console, 'canbo1');
    await console.getByTestId('counter-option-1').click();
    await console.getByTestId('console-header').waitFor();
    const userId = app.hub.repos.users.byUsername('canbo1')?.id;
    await expect.poll(async () => (await app.io.fetchSockets()).filter((s) => s.data.userId === userId).length).toBe(1);
    // Another computer: the same account signs in and presses "Đăng xuất mọi nơi".
    const elsewhere = await login(app, 'canbo1');
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: elsewhere } })).statusCode).toBe(204);
    await console.getByTestId('sign-in-form').waitFor({ timeout: 10_000 });
    expect(await console.getByTestId('sign-in-form').textContent()).toContain('Vui lòng đăng nhập lại.');
    await shoot(console, 'counter-signed-out-everywhere');
    expect((await app.io.fetchSockets()).filter((s) => s.data.userId === userId)).toEqual([]);
  });

  it('the users screen marks the delayed account; "Mở khóa" lets it sign in at once (audited)', async () => {
    for (let i = 0; i < 4; i++) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo2', password: 'sai' }, remoteAddress: '10.0.0.7' });
    const admin = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await signIn(admin, 'admin');
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-nav-users').click();
    const row = admin.getByTestId('users-table-row').filter({ hasText: 'canbo2' });
    await row.getByTestId('unlock-user').waitFor();
    expect(await row.textContent()).toContain('Tạm khóa (sai mật khẩu)');
    expect(await admin.getByTestId('unlock-user').count()).toBe(1);
    await shoot(admin, 'admin-users-unlock');
    await row.getByTestId('unlock-user').click();
    await expect.poll(() => admin.getByTestId('unlock-user').count()).toBe(0);
    expect(await admin.locator('body').textContent()).toContain('Đã mở khóa đăng nhập cho canbo2');
    expect(await row.textContent()).not.toContain('Tạm khóa');
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'admin.user_unlock'").get()).toEqual({ n: 1 });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo2', password: TEST_PASSWORD }, remoteAddress: '10.0.0.7' });
    expect(res.statusCode).toBe(200);
  });
});
