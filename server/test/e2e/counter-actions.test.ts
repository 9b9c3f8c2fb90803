import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '@shared/announcement';
import { DEFAULT_DISPLAY } from '@shared/schemas/display';
import type { OfficeSettings } from '@shared/schemas/office';
import { buildApp, type App } from '../../src/app';
import { login, TEST_PASSWORD, testConfig } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

type Played = { number: string; counterNumber: number; recall: boolean; sequence: string[] };
type TicketRow = { status: string; service_id: number; counter_id: number | null; target_counter_id: number | null; recall_count: number; transfer_count: number; no_show_count: number; priority_group: string | null };

/** Service ids of the demo office, by ticket prefix. */
const SERVICE = { A: 1, D: 4 } as const;
/** How long a screen may take to show a change on this small, shared machine. */
const WAIT = { timeout: 10_000 };

describe('counter actions in real Chromium: recall, transfer, no-show, and priority from kiosk tap to call-next', () => {
  const config = testConfig({ staticDir: DIST });
  let app: App;
  let browser: Browser;
  let base: string;
  let admin: string;
  let display: Page;
  let counter1: Page;
  let counter2: Page;
  const errors: string[] = [];

  const api = async (method: 'POST' | 'PUT', url: string, cookie?: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { number: string };
  };
  const issue = async (serviceId: number, priorityGroup?: string) =>
    (await api('POST', '/api/tickets', undefined, priorityGroup ? { serviceId, priorityGroup } : { serviceId })).number;
  const changeSettings = (patch: Partial<OfficeSettings>) => api('PUT', '/api/admin/settings', admin, { ...app.hub.queue.settings(), ...patch });
  const ticket = (number: string) => app.db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as TicketRow;
  const eventsOf = (number: string) =>
    (app.db.prepare('SELECT e.type FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.number = ? ORDER BY e.id').all(number) as { type: string }[]).map((e) => e.type);
  const played = async () => (await display.evaluate('window.__motcuaAnnouncements ?? []')) as Played[];
  const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

  /** A clerk signs in on the counter app and opens a counter, as in the morning. */
  async function staffConsole(username: string, counter: number): Promise<Page> {
    const page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId(`counter-option-${counter}`).click();
    await page.getByTestId('console').waitFor();
    await page.locator('[data-testid="action-callNext"]:enabled').waitFor();
    return page;
  }

  /** Clicks "call next" and waits until the console shows `number` as its current ticket. */
  async function callNext(page: Page, number: string): Promise<void> {
    await page.getByTestId('action-callNext').click();
    await expect.poll(() => text(page, 'current-number'), WAIT).toBe(number);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    admin = await login(app, 'admin');
    // The hall TV reads each call once: the test hears every announcement without waiting for repeats.
    await api('POST', '/api/admin/displays', admin, { ...DEFAULT_DISPLAY, name: 'Sảnh chính', announceTimes: 1 });
    for (let i = 0; i < 4; i++) await issue(SERVICE.A);
    [display, counter1, counter2] = await Promise.all([
      openPage(browser, `${base}/display/?id=1`, 1920, 1080, errors),
      staffConsole('canbo1', 1),
      staffConsole('canbo2', 2),
    ]);
    await display.getByTestId('display-latest-empty').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(config.dir, { recursive: true, force: true });
  });

  it('recall: the console counts it, the hall shows "Gọi lại" and announces the number again', async () => {
    await counter1.getByTestId('waiting-row-A001').waitFor();
    await callNext(counter1, 'A001');
    await expect.poll(() => text(display, 'display-latest-number'), WAIT).toBe('A001');
    expect(await display.getByTestId('display-latest-recall').count()).toBe(0);
    await counter1.getByTestId('action-recall').click();
    await expect.poll(() => text(counter1, 'current-recalls'), WAIT).toBe('1');
    await display.getByTestId('display-latest-recall').waitFor(WAIT);
    expect(await text(display, 'display-latest-recall')).toBe('Gọi lại');
    expect(await text(display, 'display-latest-number')).toBe('A001');
    const { clips } = buildAnnouncement({ number: 'A001', counterNumber: 1 });
    await expect.poll(async () => (await played()).map((p) => `${p.number}@${p.counterNumber}${p.recall ? '+' : ''}`), { timeout: 20_000 }).toEqual(['A001@1', 'A001@1+']);
    expect((await played())[1]!.sequence).toEqual(['chime', ...clips]);
    expect(ticket('A001')).toMatchObject({ status: 'called', counter_id: 1, recall_count: 1 });
    expect(eventsOf('A001')).toEqual(['issued', 'called', 'recalled']);
    await shoot(counter1, 'counter-recall');
    await shoot(display, 'display-recall');
  });

  it('transfer to a service the counter does not serve: the ticket leaves this counter and waits for Đất đai', async () => {
    await callNext(counter1, 'A002');
    expect(ticket('A001').status).toBe('done');
    await counter1.getByTestId('action-transfer').click();
    await counter1.getByTestId('transfer-dialog').waitFor();
    // Not its own service, not its own counter.
    expect(await counter1.getByTestId('transfer-service-A').count()).toBe(0);
    expect(await counter1.getByTestId('transfer-counter-1').count()).toBe(0);
    await counter1.getByTestId('transfer-service-D').click();
    await shoot(counter1, 'counter-transfer-dialog');
    await counter1.getByTestId('transfer-submit').click();
    await counter1.getByTestId('current-none').waitFor();
    expect(ticket('A002')).toMatchObject({ status: 'waiting', service_id: SERVICE.D, counter_id: null, target_counter_id: null, transfer_count: 1 });
    expect(await counter1.getByTestId('waiting-row-A002').count()).toBe(0);
    await expect.poll(() => display.getByTestId('display-waiting-D').locator('.count').textContent(), WAIT).toBe('1');
    expect(await text(counter1, 'console-toast')).toContain('A002');
  });

  it('transfer to counter 2: the ticket shows in counter 2\'s list marked for it, and counter 2 calls it next', async () => {
    await callNext(counter1, 'A003');
    await counter1.getByTestId('action-transfer').click();
    await counter1.getByTestId('transfer-counter-2').click();
    await counter1.getByTestId('transfer-submit').click();
    await counter1.getByTestId('current-none').waitFor();
    expect(ticket('A003')).toMatchObject({ status: 'waiting', service_id: SERVICE.A, counter_id: null, target_counter_id: 2 });
    const row = counter2.getByTestId('waiting-row-A003');
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Chuyển đến quầy này');
    await shoot(counter2, 'counter-transferred-in');
    // A004 waited longer, but a ticket sent to this counter goes first.
    await callNext(counter2, 'A003');
    expect(ticket('A003')).toMatchObject({ status: 'called', counter_id: 2 });
    await expect.poll(() => text(display, 'display-latest-number'), WAIT).toBe('A003');
    expect(await text(display, 'display-latest-counter')).toContain('2');
    expect(await display.getByTestId('display-counter-2').textContent()).toContain('A003');
  });

  it('no-show: after a confirmation the ticket leaves the counter and the board, and can be reactivated', async () => {
    await callNext(counter1, 'A004');
    await expect.poll(() => display.getByTestId('display-counter-1').textContent(), WAIT).toContain('A004');
    await counter1.getByTestId('action-noShow').click();
    await counter1.getByTestId('confirm-dialog').waitFor();
    expect(await text(counter1, 'confirm-dialog')).toContain('A004');
    await shoot(counter1, 'counter-no-show-confirm');
    await counter1.getByTestId('confirm-ok').click();
    await counter1.getByTestId('current-none').waitFor();
    expect(ticket('A004')).toMatchObject({ status: 'no_show', no_show_count: 1 });
    expect(await text(counter1, 'no-show-list')).toContain('A004');
    await expect.poll(() => display.getByTestId('display-counter-1').textContent(), WAIT).not.toContain('A004');
    await shoot(counter1, 'counter-after-no-show');
    await shoot(display, 'display-after-no-show');
    // The citizen comes back: the clerk puts the ticket back in the queue.
    await counter1.getByTestId('reactivate-A004').click();
    await counter1.getByTestId('waiting-row-A004').waitFor();
    expect(ticket('A004')).toMatchObject({ status: 'waiting', counter_id: null });
    await counter1.getByTestId('no-show-list').waitFor({ state: 'detached' });
  });

  it('a citizen taps a priority group the office offers; the ticket carries the mark and is called before earlier ones', async () => {
    await changeSettings({ priorityGroups: ['disabled', 'elderly'] });
    const kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('kiosk-priority-step').waitFor();
    // Only the office's groups, in its order.
    const offered = await kiosk.locator('[data-testid^="priority-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(offered).toEqual(['priority-none', 'priority-disabled', 'priority-elderly', 'priority-back']);
    await shoot(kiosk, 'kiosk-priority-office-groups');
    await kiosk.getByTestId('priority-disabled').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await text(kiosk, 'ticket-number')).toBe('A005');
    const mark = await text(kiosk, 'ticket-priority');
    expect(mark).toContain('Ưu tiên');
    expect(mark).toContain('Người khuyết tật');
    await shoot(kiosk, 'kiosk-ticket-priority');
    // Nothing is cut off: the paper, the printer notice with its code and the "Xong" button fit the portrait screen.
    expect(await kiosk.getByTestId('kiosk-ticket').evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    const done = await kiosk.getByTestId('ticket-done').boundingBox();
    expect(done!.y + done!.height).toBeLessThanOrEqual(1920);
    expect(ticket('A005')).toMatchObject({ status: 'waiting', priority_group: 'disabled' });
    await kiosk.close();

    // Strict rule (the default): the priority ticket goes before A004, which waits longer.
    const rows = counter1.locator('[data-testid^="waiting-row-"]');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    expect(await counter1.getByTestId('waiting-row-A005').getAttribute('class')).toContain('prio');
    await callNext(counter1, 'A005');
    expect(await text(counter1, 'current-priority')).toContain('Người khuyết tật');
    expect(ticket('A004').status).toBe('waiting');
    await expect.poll(() => text(display, 'display-latest-number'), WAIT).toBe('A005');
    expect(await text(display, 'display-latest-priority')).toContain('Ưu tiên');
    await shoot(counter1, 'counter-priority-called');
    await shoot(display, 'display-priority-called');
  });

  it('interleave rule: after two normal tickets the counter calls the waiting priority ticket', async () => {
    await changeSettings({ callingMode: 'interleave', normalPerPriority: 2 });
    const [a6, a7, a8] = [await issue(SERVICE.A), await issue(SERVICE.A, 'elderly'), await issue(SERVICE.A)];
    expect([a6, a7, a8]).toEqual(['A006', 'A007', 'A008']);
    await counter1.getByTestId('waiting-row-A008').waitFor();
    // A005 (priority) was the last call, so two normal ones come first: A004, A006; then A007; then A008.
    for (const number of ['A004', 'A006', 'A007', 'A008']) await callNext(counter1, number);
    // Counter 1's whole day as the hub logged it, in order (A004 twice: no-show, reactivated, called again).
    const calls = app.db.prepare("SELECT t.number FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'called' AND e.counter_id = 1 ORDER BY e.id").all();
    expect(calls.map((c) => (c as { number: string }).number)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A004', 'A006', 'A007', 'A008']);
    expect(errors).toEqual([]);
  });
});
