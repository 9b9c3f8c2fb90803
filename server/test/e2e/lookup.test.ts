import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

describe('kiosk procedure lookup: search without accents, open the listing, take a ticket for it', () => {
  let app: App;
  let browser: Browser;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('types "khai sinh" on the on-screen keyboard and finds "Đăng ký khai sinh" first', async () => {
    await kiosk.getByTestId('lookup-entry').click();
    await kiosk.getByTestId('lookup-screen').waitFor();
    await shoot(kiosk, 'kiosk-lookup-fields');
    for (const ch of 'khai sinh') await kiosk.getByTestId(ch === ' ' ? 'keyboard-key-space' : `keyboard-key-${ch}`).click();
    expect(await kiosk.getByTestId('search-input').inputValue()).toBe('khai sinh');
    await kiosk.getByTestId('result-1.001193').waitFor();
    const first = kiosk.locator('[data-testid^="result-"]').first();
    expect(await first.getAttribute('data-testid')).toBe('result-1.001193');
    await shoot(kiosk, 'kiosk-lookup-search');
  });

  it('opens the listing and takes a ticket for the procedure\'s service', async () => {
    await kiosk.getByTestId('result-1.001193').click();
    await kiosk.getByTestId('procedure-detail').waitFor();
    expect(await kiosk.getByTestId('detail-name').textContent()).toContain('Đăng ký khai sinh');
    expect(await kiosk.getByTestId('detail-documents').textContent()).toContain('Giấy chứng sinh');
    await kiosk.getByTestId('detail-qr').locator('img').waitFor();
    await shoot(kiosk, 'kiosk-lookup-detail');
    await kiosk.getByTestId('take-ticket-for-procedure').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(await kiosk.getByTestId('ticket-service').textContent()).toContain('Hộ tịch');
    expect(errors).toEqual([]);
  });
});
