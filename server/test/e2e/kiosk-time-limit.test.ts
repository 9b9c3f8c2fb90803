import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig } from '../helper';
import { intakeBody, send } from '../dossier-helper';
import { DIST, launchBrowser, shoot } from './browser';
import { checkSizes, KIOSK_SIZES } from './fit-check';

/**
 * The kiosk's time limits (WCAG 2.2.1) on Chromium's own clock, fast-forwarded: the office sets 20 s for ordinary
 * screens and 30 s for reading screens through the admin API; the last ten seconds are counted down with
 * "Thêm thời gian"; the kiosk goes home when nobody touches it.
 */
describe('kiosk time limits: countdown, "Thêm thời gian", a longer limit to read', () => {
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await login(app, 'admin');
    const current = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: { cookie: admin } })).json() as Record<string, unknown>;
    const tooShort = await app.inject({ method: 'PUT', url: '/api/admin/settings', headers: { cookie: admin }, payload: { ...current, kioskIdleSeconds: 5 } });
    expect(tooShort.statusCode).toBe(400);
    const saved = await app.inject({ method: 'PUT', url: '/api/admin/settings', headers: { cookie: admin }, payload: { ...current, kioskIdleSeconds: 20, kioskReadingSeconds: 30 } });
    expect(saved.statusCode).toBe(200);
    expect(app.hub.queue.settings()).toMatchObject({ kioskIdleSeconds: 20, kioskReadingSeconds: 30 });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.clock.install();
    kiosk = await context.newPage();
    kiosk.on('pageerror', (err) => errors.push(err.message));
    await kiosk.goto(`${base}/kiosk/`);
    await kiosk.getByTestId('service-A').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const warning = () => kiosk.getByTestId('time-limit-warning');
  /** The seconds the countdown shows. */
  const secondsShown = async (): Promise<number> => Number(await kiosk.getByTestId('time-limit-seconds').textContent());
  /**
   * The page's clock runs on in real time between the jumps; a loaded CI machine can spend the countdown's last ten
   * real seconds between two steps. Hold it still while the countdown is read and touched, then let it run again.
   */
  const hold = async (): Promise<void> => {
    // The page's clock may pass the time read before the pause reaches it ("cannot fast-forward to the past"): read again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await kiosk.clock.pauseAt(await kiosk.evaluate(() => Date.now() + 50));
      } catch (err) {
        if (attempt === 5 || !String(err).includes('past')) throw err;
      }
    }
  };

  it('home has no limit; the priority step counts down its last ten seconds and "Thêm thời gian" restarts it', async () => {
    await kiosk.clock.fastForward(120_000);
    expect(await warning().count()).toBe(0);
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('kiosk-priority-step').waitFor();
    await kiosk.clock.fastForward(9_000);
    expect(await warning().count()).toBe(0);
    await kiosk.clock.fastForward(2_000);
    await warning().waitFor();
    await hold();
    const left = await secondsShown();
    expect(left).toBeGreaterThanOrEqual(6);
    expect(left).toBeLessThanOrEqual(9);
    expect(await warning().textContent()).toMatch(/Màn hình sẽ trở về trang chính sau [6-9] giây\./);
    expect(await kiosk.evaluate('document.activeElement?.dataset.testid')).toBe('time-limit-extend');
    await shoot(kiosk, 'kiosk-time-limit-warning');
    // The countdown fits every kiosk size, its button reachable (the page's clock, paused, is run on to lay out).
    const settle = (page: Page) => page.clock.runFor(50);
    expect(await checkSizes(kiosk, 'fit-kiosk-time-limit', KIOSK_SIZES, { within: '[data-testid="time-limit-warning"]', settle })).toEqual([]);
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    await settle(kiosk);
    // A touch on the dimmed screen gives more time and never presses what is underneath (no ticket is issued).
    const normal = (await kiosk.getByTestId('priority-none').boundingBox())!;
    await kiosk.mouse.click(normal.x + 20, normal.y + normal.height / 2);
    await kiosk.clock.resume();
    await warning().waitFor({ state: 'detached' });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect(await kiosk.getByTestId('kiosk-priority-step').isVisible()).toBe(true);
    await kiosk.clock.fastForward(12_000);
    await warning().waitFor();
    await kiosk.getByTestId('time-limit-extend').click();
    await warning().waitFor({ state: 'detached' });
    await kiosk.clock.fastForward(9_000);
    expect(await warning().count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-priority-step').isVisible()).toBe(true);
    // Nobody touches it any more: home at 20 s.
    await kiosk.clock.fastForward(11_500);
    await kiosk.getByTestId('kiosk-home').waitFor();
    expect(await warning().count()).toBe(0);
  });

  it('a procedure\'s listing keeps the longer reading limit, and a touch while reading restarts it', async () => {
    await kiosk.getByTestId('lookup-entry').click();
    await kiosk.getByTestId('lookup-fields').waitFor();
    for (const ch of 'khai sinh') await kiosk.getByTestId(ch === ' ' ? 'keyboard-key-space' : `keyboard-key-${ch}`).click();
    await kiosk.getByTestId('result-1.001193').click();
    await kiosk.getByTestId('procedure-detail').waitFor();
    // At 15 s the ordinary limit (20 s) would be counting down; the reading one (30 s) is not yet.
    await kiosk.clock.fastForward(15_000);
    expect(await warning().count()).toBe(0);
    // Past the ordinary 20 s: still reading, the last ten seconds of the 30 counted down (entered just past their
    // start).
    await kiosk.clock.fastForward(5_500);
    await warning().waitFor();
    await hold();
    expect(await kiosk.getByTestId('procedure-detail').isVisible()).toBe(true);
    expect(await secondsShown()).toBeLessThanOrEqual(10);
    // Touching anywhere (here the dimmed listing behind the card) also gives more time.
    // On the countdown's own layer (Playwright checks that the point hits it), so the touch cannot miss it.
    await warning().click({ position: { x: 40, y: 400 } });
    await kiosk.clock.resume();
    await warning().waitFor({ state: 'detached' });
    expect(await kiosk.getByTestId('procedure-detail').isVisible()).toBe(true);
    await kiosk.clock.fastForward(19_000);
    expect(await kiosk.getByTestId('procedure-detail').isVisible()).toBe(true);
    await kiosk.clock.fastForward(11_500);
    await kiosk.getByTestId('kiosk-home').waitFor();
    // Home again forgets what was looked up.
    await kiosk.getByTestId('lookup-entry').click();
    expect(await kiosk.getByTestId('search-input').inputValue()).toBe('');
    await kiosk.getByTestId('lookup-back').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
  });

  it('a dossier\'s status keeps the reading limit too; typing its code has the ordinary one', async () => {
    const staff = await login(app, 'canbo1');
    const { code } = (await send(app, 'POST', '/api/dossiers', staff, intakeBody())).body as { code: string };
    const { check_code: check } = app.db.prepare('SELECT check_code FROM dossiers WHERE code = ?').get(code) as { check_code: string };
    await kiosk.getByTestId('dossier-entry').click();
    await kiosk.getByTestId('dossier-lookup-screen').waitFor();
    // Typing: the ordinary 20 s, counted down from 10 s.
    await kiosk.clock.fastForward(11_000);
    await warning().waitFor();
    await kiosk.getByTestId('time-limit-extend').click();
    await warning().waitFor({ state: 'detached' });
    for (const ch of `${code}`.toLowerCase()) await kiosk.getByTestId(`keyboard-key-${ch}`).click();
    await kiosk.getByTestId('dossier-search').click();
    await kiosk.getByTestId('dossier-problem').waitFor();
    for (const ch of check.toLowerCase()) await kiosk.getByTestId(`keyboard-key-${ch}`).click();
    await kiosk.getByTestId('dossier-search').click();
    await kiosk.getByTestId('dossier-result').waitFor();
    // Reading the status: at 15 s no countdown yet (the reading limit is 30 s), home after 30 s untouched.
    await kiosk.clock.fastForward(15_000);
    expect(await warning().count()).toBe(0);
    expect(await kiosk.getByTestId('dossier-result').isVisible()).toBe(true);
    await kiosk.clock.fastForward(16_000);
    await kiosk.getByTestId('kiosk-home').waitFor();
    expect(errors).toEqual([]);
  });
});
