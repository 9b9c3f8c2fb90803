import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig } from '../helper';
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
    app = await buildApp({ config, logger: false });
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
});
