import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig } from '../helper';
import { DIST, launchBrowser, shoot } from './browser';

/** A 320 px phone, and a 360 px phone at 200 % zoom (180 CSS pixels, drawn at twice the density). */
const PHONES = [
  { name: '320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '360-zoom200', viewport: { width: 180, height: 390 }, deviceScaleFactor: 2 },
] as const;

/** In the page: nothing wider than the screen, and the named elements show their whole text (not cut, not overflowing). */
const REFLOW = `(ids) => {
  const problems = [];
  const vw = window.innerWidth;
  if (document.documentElement.scrollWidth > vw + 1) problems.push('page is ' + document.documentElement.scrollWidth + ' px wide in ' + vw);
  for (const id of ids) {
    const el = document.querySelector('[data-testid="' + id + '"]');
    if (!el) { problems.push(id + ' missing'); continue; }
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) problems.push(id + ' runs from ' + Math.round(r.left) + ' to ' + Math.round(r.right));
    for (const node of [el, ...el.querySelectorAll('*')]) {
      if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') problems.push(id + ' is cut across');
      if (node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY !== 'visible') problems.push(id + ' is cut off below');
    }
    const box = el.parentElement?.closest('section, article, header')?.getBoundingClientRect();
    if (box && (r.right > box.right + 1 || r.left < box.left - 1)) problems.push(id + ' overflows its card');
  }
  return problems;
}`;

describe('the phone tracking page reflows at 320 px and at 200 % zoom', () => {
  let app: App;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    // A long official name, as real centres have.
    app.hub.queue.saveSettings({ ...app.hub.queue.settings(), name: 'Trung tâm Phục vụ hành chính công phường Nguyễn Trung Trực, thành phố Rạch Giá' });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } });
    url = `${base}/t/${(res.json() as { trackingId: string }).trackingId}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(PHONES)('$name: the header with the whole office name, the number inside its card', async ({ name, viewport, deviceScaleFactor }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await expect.poll(() => page.getByTestId('track-number').textContent()).toBe('A001');
    await expect.poll(() => page.getByTestId('phone-office').textContent()).toContain('Rạch Giá');
    expect(await page.evaluate(`(${REFLOW})(['phone-office', 'track-number', 'phone-language'])`)).toEqual([]);
    await shoot(page, `phone-track-${name}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
