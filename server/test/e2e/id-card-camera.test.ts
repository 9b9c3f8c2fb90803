import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { fakeClock, testConfig } from '../helper';
import { CHROMIUM, DIST, shoot } from './browser';

// Synthetic card (invented person): never a real person's.
const PAYLOAD = '079305006789||Trần Thị Mẫu|02012005|Nữ|Tổ 3, Phường Giả Định, Thành phố Hồ Chí Minh|20082024';

/** A Y4M video (Chromium's fake camera input) of one still frame showing `text` as a QR code. */
function qrVideo(text: string, file: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = 6;
  const side = (n + 8) * scale;
  const width = side + (side % 2);
  const height = width;
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, ((r + 4) * scale + dy) * width + (c + 4) * scale, ((r + 4) * scale + dy) * width + (c + 5) * scale);
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma]));
}

describe('camera scan on the kiosk in real Chromium (fake camera showing a card QR, bundled decoder)', () => {
  const config = testConfig({ staticDir: DIST });
  const dir = mkdtempSync(join(tmpdir(), 'motcua-camera-'));
  let app: App;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const video = join(dir, 'card.y4m');
    qrVideo(PAYLOAD, video);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    // Monday 23/11/2026 09:10 in Hà Nội: the demo office takes bookings from 09:30 on.
    app = await buildApp({ config, logger: false, now: fakeClock('2026-11-23T02:10:00.000Z').now });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the camera button only with a camera; a tap reads the card and greets the citizen', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.grantPermissions(['camera'], { origin: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/kiosk/`);
    await page.getByTestId('service-A').waitFor();
    await page.getByTestId('camera-scan').click();
    await expect.poll(() => page.getByTestId('id-card-greeting').textContent(), { timeout: 20_000 }).toContain('Xin chào bà T*** T** M**');
    expect(await page.getByTestId('camera-overlay').count()).toBe(0);
    // Debian's Chromium on Linux has no BarcodeDetector: the code was read by the bundled jsqr.
    expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
    await shoot(page, 'id-card-kiosk-camera');
    expect(errors).toEqual([]);
  });

  it('on the phone booking form the camera reads the card and fills the name and ID number; the citizen books', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.grantPermissions(['camera'], { origin: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/kiosk/phone/#/thu-tuc/1`);
    await page.getByTestId('phone-book-procedure').click();
    await page.getByTestId('book-slot-09:30').click();
    await page.getByTestId('book-card-scan').click();
    await expect.poll(() => page.getByTestId('book-card-note').textContent(), { timeout: 20_000 }).toContain('Đã điền họ tên và số định danh theo thẻ');
    expect(await page.getByTestId('book-name').inputValue()).toBe('Trần Thị Mẫu');
    expect(await page.getByTestId('book-id').inputValue()).toBe('079305006789');
    expect(await page.getByTestId('book-camera').count()).toBe(0);
    await shoot(page, 'id-card-phone-camera');
    // Nothing left the phone until the citizen books.
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    await page.getByTestId('book-phone').fill('0901 234 567');
    await page.getByTestId('book-consent').check();
    await page.getByTestId('book-submit').click();
    await page.getByTestId('appt-qr').waitFor();
    expect(app.db.prepare('SELECT full_name, id_number, id_hash FROM appointments').get()).toEqual({ full_name: 'Trần Thị Mẫu', id_number: '', id_hash: app.hub.idHash.hash('079305006789') });
    expect(errors).toEqual([]);
  });
});
