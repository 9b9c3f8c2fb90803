import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

describe('the office loop in real Chromium: kiosk issues, counter calls, display shows', () => {
  const config = testConfig({ staticDir: DIST });
  let app: App;
  let browser: Browser;
  let base: string;
  let kiosk: Page;
  let display: Page;
  let counter: Page;
  const errors: string[] = [];

  async function start(port = 0): Promise<void> {
    app = await buildApp({ config, logger: false });
    base = await app.listen({ port, host: '127.0.0.1' });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await start();
    display = await openPage(browser, `${base}/display/`, 1920, 1080, errors);
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    counter = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a citizen takes a ticket at the kiosk in three taps', async () => {
    await kiosk.getByTestId('service-A').waitFor();
    await expect.poll(() => kiosk.getByTestId('kiosk-office-name').textContent()).toContain('Trung tâm Phục vụ hành chính công phường Hòa Bình');
    await shoot(kiosk, 'kiosk-home-portrait');
    const landscape = await openPage(browser, `${base}/kiosk/`, 1920, 1080, errors);
    await landscape.getByTestId('service-G').waitFor();
    // Every service fits without scrolling in both orientations.
    for (const page of [kiosk, landscape]) {
      expect(await page.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
      expect(await page.getByTestId('service-G').isVisible()).toBe(true);
    }
    await shoot(landscape, 'kiosk-home-landscape');
    await landscape.close();
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('kiosk-priority-step').waitFor();
    await shoot(kiosk, 'kiosk-priority-portrait');
    await kiosk.getByTestId('priority-elderly').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(await kiosk.getByTestId('ticket-service').textContent()).toContain('Hộ tịch');
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain('Người cao tuổi');
    await shoot(kiosk, 'kiosk-ticket-portrait');
    // The number shown was committed before it was shown.
    expect(app.db.prepare("SELECT number, priority_group FROM tickets").all()).toEqual([{ number: 'A001', priority_group: 'elderly' }]);
  });

  it('a clerk signs in, opens counter 1 and calls the ticket', async () => {
    await counter.getByTestId('sign-in-username').fill('canbo1');
    await counter.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await shoot(counter, 'counter-sign-in');
    await counter.getByTestId('sign-in-submit').click();
    await counter.getByTestId('counter-picker').waitFor();
    await shoot(counter, 'counter-picker');
    await counter.getByTestId('counter-option-1').click();
    await counter.getByTestId('console').waitFor();
    await counter.getByTestId('waiting-row-A001').waitFor();
    await counter.getByTestId('action-callNext').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toContain('A001');
    await shoot(counter, 'counter-console');
    expect(app.db.prepare("SELECT status, counter_id FROM tickets WHERE number = 'A001'").get()).toEqual({ status: 'called', counter_id: 1 });
  });

  it('the wall display shows the call with its counter', async () => {
    await expect.poll(() => display.getByTestId('display-latest-number').textContent(), { timeout: 10_000 }).toContain('A001');
    expect(await display.getByTestId('display-latest-counter').textContent()).toContain('1');
    expect(await display.getByTestId('display-counter-1').textContent()).toContain('A001');
    await shoot(display, 'display-board');
  });

  it('every screen reconnects by itself after the hub restarts, and the kiosk blocks meanwhile', async () => {
    const port = Number(new URL(base).port);
    // The issued ticket stays readable offline (no overlay on it): the citizen taps "Xong" first.
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('service-B').waitFor();
    await app.close();
    await kiosk.getByTestId('connection-overlay').waitFor({ timeout: 15_000 });
    await shoot(kiosk, 'kiosk-offline');
    await start(port);
    await kiosk.getByTestId('connection-overlay').waitFor({ state: 'detached', timeout: 15_000 });
    await counter.getByTestId('connection-overlay').waitFor({ state: 'detached', timeout: 15_000 });
    // The restarted hub kept the call: the display shows it again from the snapshot.
    await expect.poll(() => display.getByTestId('display-latest-number').textContent(), { timeout: 10_000 }).toContain('A001');
    await kiosk.getByTestId('service-B').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('B001');
    await counter.getByTestId('action-callNext').click();
    await expect.poll(() => display.getByTestId('display-latest-number').textContent(), { timeout: 10_000 }).toContain('B001');
    await shoot(display, 'display-after-restart');
    expect(errors).toEqual([]);
  });
});
