import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { DIST, launchBrowser, openPage, shoot } from './browser';
import { fakeClock, testConfig, TEST_PASSWORD } from '../helper';
import { startFakePrinter, type FakePrinter } from '../printing/fake-printer';

describe('printer down in real Chromium: the kiosk shows the ticket on screen, the admin sees it live', () => {
  let app: App;
  let browser: Browser;
  let printer: FakePrinter;
  let kiosk: Page;
  let admin: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    printer = await startFakePrinter();
    await printer.down();
    const config = testConfig({ staticDir: DIST, printing: { defaultPrinter: printer.address, retryBaseMs: 200, pollMs: 300, timeoutMs: 300 } });
    app = await buildApp({ config, now: fakeClock().now, logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    admin = await openPage(browser, `${base}/counter/`, 1366, 900, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await printer?.close();
  });

  it('printer unreachable: the kiosk issues the ticket and shows it big with its QR code and a Vietnamese explanation', async () => {
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    await kiosk.getByTestId('ticket-printer-down').waitFor();
    expect(await kiosk.getByTestId('ticket-printer-down').textContent()).toContain('Máy in phiếu đang mất kết nối');
    await kiosk.getByTestId('ticket-qr').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(await kiosk.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
    await shoot(kiosk, 'kiosk-ticket-printer-down');
    const landscape = await openPage(browser, kiosk.url(), 1920, 1080, errors);
    await landscape.getByTestId('service-B').click();
    await landscape.getByTestId('priority-elderly').click();
    await landscape.getByTestId('ticket-qr').waitFor();
    expect(await landscape.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
    await shoot(landscape, 'kiosk-ticket-printer-down-landscape');
    await landscape.close();
    expect(app.db.prepare('SELECT status FROM print_jobs').all()).toEqual([{ status: 'pending' }, { status: 'pending' }]);
  });

  it('the admin sees the printer state live; when it comes back the waiting ticket prints once and the kiosk is told', async () => {
    await admin.getByTestId('sign-in-username').fill('admin');
    await admin.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-nav-printers').click();
    await admin.getByTestId('admin-printers').waitFor();
    await expect.poll(() => admin.getByTestId('printer-status-1').textContent(), { timeout: 10_000 }).toContain('Mất kết nối');
    await admin.getByTestId('layout-preview').waitFor();
    await shoot(admin, 'admin-printers-down');

    await printer.up();
    await printer.waitForJobs(2, 10_000);
    await expect.poll(() => admin.getByTestId('printer-status-1').textContent(), { timeout: 10_000 }).toContain('Sẵn sàng');
    await expect.poll(() => kiosk.getByTestId('ticket-printing').count(), { timeout: 10_000 }).toBe(1);
    await shoot(admin, 'admin-printers-online');
    // Each waiting ticket printed exactly once, in issue order.
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(2);
    const urls = app.db.prepare('SELECT tracking_id FROM tickets ORDER BY id').all() as { tracking_id: string }[];
    expect(printer.jobs.map((j) => (j.commands.find((c) => c.op === 'qr-store') as { text: string }).text)).toEqual(urls.map((u) => `${app.config.publicUrl}/t/${u.tracking_id}`));
    expect(errors).toEqual([]);
  });

  /** The printer shows `state` on the admin screen; then the kiosk takes one more ticket. */
  async function nextTicketWhen(state: string): Promise<void> {
    await expect.poll(() => admin.getByTestId('printer-status-1').textContent(), { timeout: 10_000 }).toContain(state);
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-none').click();
  }

  it('near end: printing goes on with a warning for the admin and the live monitor; an error: the kiosk falls back and the admin reads why', async () => {
    // The supervisor's live monitor, opened while the printer is fine: it says nothing about printers.
    const monitor = await openPage(browser, admin.url().replace(/#.*$/, ''), 1366, 900, errors);
    await monitor.getByTestId('sign-in-username').fill('giamsat');
    await monitor.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await monitor.getByTestId('sign-in-submit').click();
    await monitor.getByTestId('open-admin').click();
    await expect.poll(() => monitor.getByTestId('monitor-live').textContent(), { timeout: 10_000 }).toContain('Trực tiếp');
    expect(await monitor.getByTestId('monitor-printers').count()).toBe(0);

    printer.setState('near_end');
    await nextTicketWhen('Sắp hết giấy');
    expect(await admin.getByTestId('printer-near-end-1').textContent()).toContain('sắp hết giấy');
    await shoot(admin, 'admin-printers-near-end');
    // Pushed to the monitor too, before the roll runs out.
    await expect.poll(() => monitor.getByTestId('monitor-printer-1').textContent(), { timeout: 10_000 }).toContain('Sắp hết giấy — Giấy sắp hết');
    await shoot(monitor, 'monitor-printer-near-end');
    await kiosk.getByTestId('ticket-printing').waitFor();
    expect(await kiosk.getByTestId('ticket-printing').textContent()).toContain('sắp hết giấy');
    await printer.waitForJobs(3, 10_000);

    printer.setState('error', 'autocutter');
    await nextTicketWhen('Đang báo lỗi');
    expect(await admin.getByTestId('printer-reason-1').textContent()).toContain('Lỗi dao cắt giấy');
    await shoot(admin, 'admin-printers-error');
    await expect.poll(() => monitor.getByTestId('monitor-printer-1').textContent(), { timeout: 10_000 }).toContain('Đang báo lỗi — Lỗi dao cắt giấy');
    await monitor.close();
    await kiosk.getByTestId('ticket-printer-down').waitFor();
    expect(await kiosk.getByTestId('ticket-printer-down').textContent()).toContain('Máy in phiếu đang báo lỗi');
    await kiosk.getByTestId('ticket-qr').waitFor();
    await shoot(kiosk, 'kiosk-ticket-printer-error');
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(3);
    expect(errors).toEqual([]);
  });
});
