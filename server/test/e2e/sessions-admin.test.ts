import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { addUser, login, testConfig, TEST_PASSWORD } from '../helper';
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

  async function watchMonitor(username: string): Promise<Page> {
    const page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await signIn(page, username);
    await page.getByTestId('open-admin').click();
    await page.getByTestId('monitor').waitFor();
    await expect.poll(() => page.getByTestId('monitor-live').textContent()).toContain('Trực tiếp');
    await page.getByTestId('monitor-alerts').waitFor();
    return page;
  }

  it('a supervisor whose password an admin resets is sent from the monitor to sign-in at once', async () => {
    const id = await addUser(app, 'giamsat2', 'supervisor');
    const page = await watchMonitor('giamsat2');
    const admin = await login(app, 'admin');
    const reset = await app.inject({ method: 'POST', url: `/api/admin/users/${id}/password`, headers: { cookie: admin }, payload: { newPassword: 'dat-lai-2026' } });
    expect(reset.statusCode).toBe(200);
    await page.getByTestId('sign-in-form').waitFor({ timeout: 10_000 });
    expect((await app.io.fetchSockets()).filter((s) => s.data.userId === id)).toEqual([]);
  });

  it('a supervisor demoted while watching loses the monitor: refused, nothing stale left on screen', async () => {
    const page = await watchMonitor('giamsat');
    const id = app.hub.repos.users.byUsername('giamsat')?.id;
    const admin = await login(app, 'admin');
    const demote = await app.inject({ method: 'PUT', url: `/api/admin/users/${id}`, headers: { cookie: admin }, payload: { fullName: 'Trần Thị Giám Sát', role: 'staff', active: true } });
    expect(demote.statusCode).toBe(200);
    await expect.poll(() => page.getByTestId('section-error').textContent()).toContain('Tài khoản không có quyền thực hiện thao tác này.');
    expect([await page.getByTestId('monitor-alerts').count(), await page.getByTestId('monitor-live').count()]).toEqual([0, 0]);
    expect((await app.io.in('supervisor').fetchSockets()).filter((s) => s.data.userId === id)).toEqual([]);
    await shoot(page, 'monitor-role-removed');
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
