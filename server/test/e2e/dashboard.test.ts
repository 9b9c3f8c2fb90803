import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { intakeBody, PROC } from '../dossier-helper';
import { testConfig, TEST_PASSWORD } from '../helper';
import { generateDays, workingDays } from '../reports/report-month';
import { DIST, launchBrowser, openPage, shoot } from './browser';

const MIN = 60_000;

/**
 * A supervisor opens the live monitor and the statistics on a hub holding three weeks of generated history and a
 * live queue today; screenshots at the two console sizes.
 */
describe('supervisor dashboard: live monitor and reports', () => {
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];
  /** Fixed while generating history, then the real clock (the browser's presets use the real date). */
  let fixed: number | null = null;
  // Today's live queue began 50 minutes ago: in the first hour of the office's day (Vietnam time) the hub's clock runs
  // ahead to 01:00 of the same date, so the queue is still today's and the browser's date is still the hub's.
  const vnDayStart = Date.parse(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+07:00`);
  const ahead = Math.max(0, vnDayStart + 60 * MIN - Date.now());
  const clock = {
    now: () => fixed ?? Date.now() + ahead,
    set: (iso: string) => void (fixed = Date.parse(iso)),
    advance: (ms: number) => void (fixed = (fixed ?? Date.now()) + ms),
  };

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), now: clock.now, logger: false });
    app.hub.queue.saveSettings({ ...app.hub.queue.settings(), waitAlertMinutes: 20 });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const monthStart = `${today.slice(0, 8)}01`;
    const prevEnd = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const history = [...workingDays(`${prevEnd.slice(0, 8)}12`, prevEnd), ...workingDays(monthStart, today)].filter((d) => d < today);
    await generateDays(app, clock, history, 16);
    // Ratings of the served citizens, and a few dossiers a day this month (some resolved two days later).
    const done = app.db.prepare(`SELECT tracking_id FROM tickets WHERE status = 'done' ORDER BY id`).all() as { tracking_id: string }[];
    const levels = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'unsatisfied'] as const;
    done.forEach((d, i) => {
      const level = levels[i % levels.length]!;
      app.hub.ratings.rate({ trackingId: d.tracking_id, level, ...(level === 'unsatisfied' ? { reason: 'Phải chờ lâu' } : {}) }, null);
    });
    const clerk = { userId: app.hub.repos.users.byUsername('canbo1')!.id };
    const opened: number[] = [];
    for (const day of history.filter((d) => d >= monthStart)) {
      for (const [i, proc] of [PROC.MARITAL_STATUS, PROC.BIRTH, PROC.BUILDING_PERMIT].entries()) {
        clock.set(`${day}T0${2 + i}:00:00.000Z`);
        // Birth registrations come in online (public service portal): II.06a counts them apart.
        opened.push(app.hub.dossiers.intake(intakeBody(proc, proc === PROC.BIRTH ? { channel: 'online' } : {}), clerk).id);
      }
      while (opened.length > 4) {
        clock.set(`${day}T09:00:00.000Z`);
        app.hub.dossiers.act(opened.shift()!, 'ready', {}, clerk);
      }
    }
    // Today's live queue: citizens who came in over the last 50 minutes; counter 1 serves one of them.
    const now = Date.now() + ahead;
    const issued: number[] = [];
    for (const [i, service] of [1, 1, 2, 3, 1, 2, 4, 1, 6].entries()) {
      fixed = now - (50 - i * 5) * MIN;
      issued.push(app.hub.tickets.issue(i === 3 ? { serviceId: service, priorityGroup: 'elderly' } : { serviceId: service }).id);
    }
    const canbo1 = { userId: app.hub.repos.users.byUsername('canbo1')!.id };
    // A birth registration submitted online today (so this month's report always has one, even on its first day).
    fixed = now - 10 * MIN;
    app.hub.dossiers.intake(intakeBody(PROC.BIRTH, { channel: 'online' }), clerk);
    fixed = now - 2 * MIN;
    app.hub.counters.callNext(1, canbo1);
    fixed = null;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the supervisor signs in and sees the live monitor with wait alerts', async () => {
    page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await page.getByTestId('sign-in-username').fill('giamsat');
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('open-admin').click();
    await page.getByTestId('monitor').waitFor();
    await page.getByTestId('monitor-services-row').first().waitFor();
    await expect.poll(() => page.getByTestId('monitor-live').textContent()).toContain('Trực tiếp');
    const alerts = await page.getByTestId('monitor-alerts').textContent();
    expect(alerts).toContain('Chờ từ 20 phút trở lên');
    expect(alerts).toMatch(/A00\d/);
    expect(await page.getByTestId('monitor-counters').textContent()).toContain('Nguyễn Văn An');
    await shoot(page, 'dashboard-monitor-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shoot(page, 'dashboard-monitor-1920');
    await page.getByTestId('monitor-waiting').scrollIntoViewIfNeeded();
    await shoot(page, 'dashboard-monitor-tickets-1920');
  });

  it('a ticket cancelled from the monitor leaves the list live (pushed after commit)', async () => {
    const rows = page.getByTestId('monitor-waiting-row');
    const before = await rows.count();
    const number = (await rows.first().locator('b').first().textContent())?.trim() ?? '';
    await page.getByTestId(`monitor-cancel-${number}`).click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(before - 1);
    expect(app.db.prepare('SELECT status FROM tickets WHERE number = ? ORDER BY id DESC LIMIT 1').get(number)).toEqual({ status: 'cancelled' });
  });

  it('opens the reports: this month against last month, chart, heat map, table, downloads and print view', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('admin-nav-reports').click();
    await page.getByTestId('report').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('report-preset-thisMonth').getAttribute('aria-pressed')).toBe('true');
    const dbTotal = (app.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE business_day >= ?`).get(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 8)}01`) as { n: number }).n;
    expect(await page.getByTestId('kpi-tickets').textContent()).toContain(new Intl.NumberFormat('vi-VN').format(dbTotal));
    expect(await page.getByTestId('report-total').textContent()).toContain('Tổng cộng');
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    await shoot(page, 'dashboard-reports-1366');

    const download = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Báo cáo xếp hàng .+ theo dịch vụ\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path()) as string);
    let total: unknown[] = [];
    wb.getWorksheet('Báo cáo')!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === 'Tổng cộng') total = values;
    });
    expect(total[1]).toBe(dbTotal);

    await page.getByTestId('report-group-by').selectOption('hour');
    await expect.poll(() => page.getByTestId('report-table').textContent()).toContain('08:00–09:00');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shoot(page, 'dashboard-reports-1920');
    await page.emulateMedia({ media: 'print' });
    await shoot(page, 'dashboard-reports-print');
    expect(await page.getByTestId('admin-area').locator('nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('report-kind-dossiers').click();
    await page.getByTestId('dossier-table-byField').waitFor();
    const received = (app.db.prepare('SELECT COUNT(*) AS n FROM dossiers WHERE received_at IS NOT NULL').get() as { n: number }).n;
    expect(await page.getByTestId('dossier-total').first().textContent()).toContain(String(received));
    // The total row's online and in-person cells (cells: blank, then received, carried over, new, online, in person)
    // equal the dossiers received in the period as stored, counted here by their channel.
    const iso = (dmy: string) => dmy.split('/').reverse().join('-');
    const [from, to] = [iso(await page.getByTestId('report-from').inputValue()), iso(await page.getByTestId('report-to').inputValue())];
    const span = [Date.parse(`${from}T00:00:00+07:00`), Date.parse(`${to}T00:00:00+07:00`) + 86_400_000];
    const byChannel = (where: string) => (app.db.prepare(`SELECT COUNT(*) AS n FROM dossiers WHERE ${where} AND received_at >= ? AND received_at < ?`).get(...span) as { n: number }).n;
    const online = byChannel("channel = 'online'");
    expect(online).toBeGreaterThan(0);
    expect(await page.getByTestId('dossier-total').first().locator('td').nth(4).textContent()).toBe(String(online));
    expect(await page.getByTestId('dossier-total').first().locator('td').nth(5).textContent()).toBe(String(byChannel("channel <> 'online'")));
    await shoot(page, 'dashboard-dossiers-1920');
    await page.getByTestId('report-kind-satisfaction').click();
    await page.getByTestId('satisfaction-unit').waitFor();
    const rated = (app.db.prepare('SELECT COUNT(*) AS n FROM ratings WHERE business_day >= ?').get(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 8)}01`) as { n: number }).n;
    expect(await page.getByTestId('satisfaction-unit').textContent()).toContain(new Intl.NumberFormat('vi-VN').format(rated));
    await page.setViewportSize({ width: 1366, height: 768 });
    await shoot(page, 'dashboard-satisfaction-1366');
    expect(errors).toEqual([]);
  });
});
