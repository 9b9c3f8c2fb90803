import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_LAYOUT, PAPER_DOTS, type PaperWidth } from '@shared/schemas/printer';
import { buildApp, type App } from '../../src/app';
import { renderTicketPng } from '../../src/printing/ticket-renderer';
import { fakeClock, testConfig } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';
import { pageSizesMm, pdfImages } from './pdf-page';

const OUT = resolve('test-output/printing');

/** Share of pixels whose black/white differs between a PDF image and a PNG of the same size. */
function mismatch(luma: Uint8Array, png: Buffer): number {
  const p = PNG.sync.read(png);
  let diff = 0;
  for (let i = 0; i < luma.length; i++) if ((luma[i] as number) < 128 !== (p.data[i * 4] as number) < 128) diff++;
  return diff / luma.length;
}

describe('a USB printer on the kiosk PC: the kiosk prints the ticket page, Chromium lays it out at the paper width', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const config = testConfig({ staticDir: DIST, printing: { defaultPrinter: 'browser', retryBaseMs: 200, pollMs: 300, timeoutMs: 300 } });
    app = await buildApp({ config, now: fakeClock().now, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the kiosk takes a ticket and prints its page itself; the hub queues nothing', async () => {
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('ticket-printing').waitFor();
    const printed = () => kiosk.evaluate('window.__motcuaPrintPages ?? []') as Promise<string[]>;
    await expect.poll(printed, { timeout: 10_000 }).toHaveLength(1);
    const [tracking] = app.db.prepare('SELECT tracking_id FROM tickets').all() as { tracking_id: string }[];
    expect(await printed()).toEqual([`/api/print-page/${tracking!.tracking_id}?width=80`]);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM print_jobs').get()).toEqual({ n: 0 });
    expect(await kiosk.getByTestId('ticket-printing').textContent()).toContain('Mời ông/bà nhận phiếu ở khe máy in.');
    expect(errors).toEqual([]);
  });

  for (const width of [80, 58] as PaperWidth[]) {
    it(`the ${width} mm page prints as a PDF ${width} mm wide carrying the ticket image, number and QR code included`, async () => {
      const { tracking_id: trackingId } = app.db.prepare('SELECT tracking_id FROM tickets').get() as { tracking_id: string };
      const page = await openPage(browser, `${base}/api/print-page/${trackingId}?width=${width}`, 600, 900, errors);
      await page.evaluate('document.querySelector("img").decode()');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      mkdirSync(OUT, { recursive: true });
      writeFileSync(`${OUT}/print-page-${width}mm.pdf`, pdf);
      await shoot(page, `print-page-${width}mm`);

      const sizes = pageSizesMm(pdf);
      expect(sizes).toHaveLength(1);
      // Chromium rounds the page size to its layout units: within a quarter of a millimetre.
      expect(Math.abs(sizes[0]!.width - width)).toBeLessThan(0.25);
      const image = pdfImages(pdf).find((i) => i.width === PAPER_DOTS[width]);
      expect(image, 'the ticket image at the head resolution').toBeDefined();

      // Exactly the hub's ticket: the same as a render of this ticket, unlike one with another number or without QR.
      const ticket = app.printing.pagePrint(trackingId)!;
      const render = async (over: object, hidden: string[] = []) =>
        (await renderTicketPng({ ...ticket, ...over }, { paperWidth: width, layout: { ...DEFAULT_TICKET_LAYOUT, hidden: hidden as never }, logo: null })).png;
      const same = await render({});
      expect(PNG.sync.read(same).height).toBe(image!.height);
      expect(mismatch(image!.luma, same)).toBeLessThan(0.002);
      expect(mismatch(image!.luma, await render({ number: 'A999' }))).toBeGreaterThan(0.005);
      const noQr = await render({}, ['qr']);
      const noQrHeight = PNG.sync.read(noQr).height;
      expect(noQrHeight).toBeLessThan(image!.height - 200);
      await page.close();
    });
  }
});
