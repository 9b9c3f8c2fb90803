import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

describe('pairing required: an admin pairs the kiosk from the staff app, then revokes it', () => {
  let app: App;
  let browser: Browser;
  let kiosk: Page;
  let admin: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    app.hub.queue.saveSettings({ ...app.hub.queue.settings(), openLan: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    admin = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('an unpaired kiosk shows a pairing code and issues nothing', async () => {
    await kiosk.getByTestId('pairing-code').waitFor();
    expect((await kiosk.getByTestId('pairing-code').textContent())?.replace(/\s/g, '')).toMatch(/^\d{6}$/);
    await shoot(kiosk, 'kiosk-pairing');
    expect(await kiosk.getByTestId('service-A').count()).toBe(0);
  });

  it('the admin signs in, opens Quản trị → Thiết bị and enters the code; the kiosk starts working', async () => {
    const code = (await kiosk.getByTestId('pairing-code').textContent())?.replace(/\s/g, '') ?? '';
    await admin.getByTestId('sign-in-username').fill('admin');
    await admin.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-area').waitFor();
    await admin.getByTestId('admin-nav-devices').click();
    await admin.getByTestId('pair-device').click();
    await admin.getByTestId('pair-code').fill(code);
    await admin.getByTestId('pair-name').fill('Kiosk sảnh chính');
    await shoot(admin, 'admin-pair-dialog');
    await admin.getByTestId('form-save').click();
    await expect.poll(() => admin.getByTestId('devices-table-row').count()).toBe(1);
    expect(await admin.getByTestId('devices-table-row').textContent()).toContain('Kiosk sảnh chính');
    await shoot(admin, 'admin-devices');

    await kiosk.getByTestId('service-A').waitFor({ timeout: 15_000 });
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'device.pair'").get()).toEqual({ n: 1 });
  });

  it('revoking the kiosk sends it back to the pairing screen', async () => {
    await admin.getByTestId('revoke-device').click();
    await admin.getByTestId('confirm-ok').click();
    await kiosk.getByTestId('pairing-code').waitFor({ timeout: 15_000 });
    await shoot(kiosk, 'kiosk-pairing-after-revoke');
    for (const section of ['audit', 'settings', 'services', 'counters', 'users'] as const) {
      await admin.getByTestId(`admin-nav-${section}`).click();
      await admin.getByTestId(`admin-${section}`).waitFor();
      if (section === 'audit') {
        // Sign-in, pair, revoke (plus the hub's own rows, such as the retention run due at start-up): the screen lists them all.
        const staffActions = app.db.prepare('SELECT action FROM audit_log WHERE user_id IS NOT NULL ORDER BY id').all().map((r) => (r as { action: string }).action);
        expect(staffActions).toEqual(['auth.login', 'device.pair', 'device.revoke']);
        const all = (app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
        await expect.poll(() => admin.getByTestId('audit-table-row').count()).toBe(all);
      }
      await shoot(admin, `admin-${section}`);
    }
    expect(errors).toEqual([]);
  });
});
