import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig } from '../helper';
import { DIST, SCREENSHOTS, launchBrowser, openPage, shoot } from './browser';

describe('phone listing: search without accents, open a procedure from its short link, print the checklist', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let phone: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    phone = await openPage(browser, `${base}/tra-cuu`, 360, 800, errors);
    // A Content-Security-Policy refusal (or any failed load) shows as a console error, not a page error.
    phone.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the short link opens the listing; typing "dang ky khai sinh" finds "Đăng ký khai sinh" first', async () => {
    expect(phone.url()).toBe(`${base}/kiosk/phone/#/`);
    await phone.getByTestId('phone-fields').waitFor();
    expect(await phone.locator('[data-testid^="phone-field-"]').count()).toBeGreaterThanOrEqual(6);
    await shoot(phone, 'phone-listing-fields');
    await phone.getByTestId('phone-search').fill('dang ky khai sinh');
    await phone.getByTestId('phone-result-1.001193').waitFor();
    expect(await phone.locator('[data-testid^="phone-result-"]').first().getAttribute('data-testid')).toBe('phone-result-1.001193');
    expect(phone.url()).toContain('?q=dang');
    await shoot(phone, 'phone-listing-search');
  });

  it('opens the procedure, and Back returns to the same results', async () => {
    await phone.getByTestId('phone-result-1.001193').click();
    await phone.getByTestId('phone-guide').waitFor();
    expect(await phone.getByTestId('guide-name').textContent()).toBe('Đăng ký khai sinh');
    expect(await phone.getByTestId('guide-documents').textContent()).toContain('Giấy chứng sinh');
    // Readable at 360 px: nothing wider than the screen.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await shoot(phone, 'phone-procedure');
    await phone.getByTestId('phone-back').click();
    await phone.getByTestId('phone-result-1.001193').waitFor();
    expect(await phone.getByTestId('phone-search').inputValue()).toBe('dang ky khai sinh');
  });

  it('prints an A4 "Phiếu hướng dẫn" with the checklist, the office and a QR code of the short link', async () => {
    const id = (app.hub.catalog.search('khai sinh', undefined, 1)[0] ?? { id: 0 }).id;
    await phone.goto(`${base}/tra-cuu/${id}`);
    await phone.getByTestId('guide-name').waitFor();
    await phone.emulateMedia({ media: 'print' });
    await phone.getByTestId('guide-qr').waitFor();
    const paper = await phone.locator('body').innerText();
    expect(paper).toContain('PHIẾU HƯỚNG DẪN');
    expect(paper).toContain('Đăng ký khai sinh');
    expect(paper).toContain('1.001193');
    expect(paper).toContain(`http://hub.test/tra-cuu/${id}`);
    expect(paper).not.toContain('In phiếu hướng dẫn');
    const pdf = resolve(SCREENSHOTS, 'phone-guide-print.pdf');
    await phone.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    // Chromium's own PDF viewer draws the file: a screenshot of the printed page to look at.
    const viewer = await browser.newPage({ viewport: { width: 900, height: 1250 } });
    await viewer.goto(pathToFileURL(pdf).href);
    await viewer.waitForTimeout(1500);
    await viewer.screenshot({ path: resolve(SCREENSHOTS, 'phone-guide-print-pdf.png') });
    await viewer.close();
    await phone.setViewportSize({ width: 794, height: 1123 });
    await shoot(phone, 'phone-guide-print-media');
    await phone.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('links the form template of a document for download under its Vietnamese name', async () => {
    const [hit] = app.hub.catalog.search('dang ky khai sinh', undefined, 1);
    const actor = { userId: 1 };
    const p = app.hub.catalog.get(hit?.id ?? 0, true);
    const { id, fieldId: _f, fieldName: _n, serviceId: _s, updatedAt: _u, ...input } = p;
    const name = 'Tờ khai đăng ký khai sinh.pdf';
    app.hub.catalog.files.upload(name, Buffer.from('%PDF-1.4 mẫu tờ khai'), actor);
    app.hub.catalog.save(id, { ...input, documents: input.documents.map((d, i) => (i === 0 ? { ...d, formFile: name } : d)) }, actor);
    await phone.goto(`${base}/tra-cuu/${id}`);
    const link = phone.getByTestId('guide-form-0');
    await link.waitFor();
    expect(await link.textContent()).toContain(name);
    const res = await fetch(`${base}${await link.getAttribute('href')}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    await shoot(phone, 'phone-procedure-form');
    expect(errors).toEqual([]);
  });

  it('an unknown procedure id and a malformed short link are refused cleanly', async () => {
    const res = await app.inject({ method: 'GET', url: '/tra-cuu/abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    await phone.goto(`${base}/kiosk/phone/#/thu-tuc/999999`);
    // The same status line first says "Đang tải…": wait for the hub's answer, not for the line.
    await expect.poll(() => phone.getByTestId('phone-procedure-status').textContent()).toContain('Không tìm thấy thủ tục này');
  });
});
