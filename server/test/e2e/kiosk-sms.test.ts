import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATIONS } from '@shared/schemas/notifications';
import { buildApp, type App } from '../../src/app';
import { count, issue, login, staffAtCounter, testConfig } from '../helper';
import { Receiver, until } from '../outbox/receiver';
import { DIST, launchBrowser, shoot } from './browser';
import { checkSizes } from './fit-check';

const FAST = { retryBaseMs: 40, retryMaxMs: 150, giveUpAfterMs: 60_000, timeoutMs: 2000, pollMs: 50 };
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
];

interface Sms {
  to: string;
  message: string;
}

/**
 * "Nhận tin nhắn khi sắp đến lượt" at the kiosk, on Chromium against the built kiosk: the citizen types a mobile
 * number on the ticket screen's keypad and agrees; a fake SMS gateway on loopback then gets "Còn N người nữa…" and
 * "called" once each as the counter calls. The number is forgotten on the way home, also by the time limit.
 */
describe('kiosk: a phone number for the ticket, then "Còn N người" and "called" once each', () => {
  let app: App;
  let browser: Browser;
  let context: BrowserContext;
  let kiosk: Page;
  let base: string;
  const sms = new Receiver();
  const errors: string[] = [];
  const texts = () => sms.got.map((r) => r.json as unknown as Sms);

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST, webhooks: FAST }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await sms.start();
    const admin = await login(app, 'admin');
    const on = { ...DEFAULT_NOTIFICATIONS, smsNoDiacritics: false, sms: { ...DEFAULT_NOTIFICATIONS.sms, enabled: true, url: sms.url } };
    expect((await app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: on })).statusCode).toBe(200);
    browser = await launchBrowser();
    // The page's own clock, so the time limit can be passed without waiting for it.
    context = await browser.newContext({ viewport: SIZES[0], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.clock.install();
    kiosk = await context.newPage();
    kiosk.on('pageerror', (err) => errors.push(err.message));
    await kiosk.goto(`${base}/kiosk/`);
    await kiosk.getByTestId('service-A').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sms.stop();
  });

  const takeTicket = async (): Promise<string> => {
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-none').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    return (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
  };
  const typeDigits = async (digits: string) => {
    for (const d of digits) await kiosk.getByTestId(`keypad-key-${d}`).click();
  };
  const shown = () => kiosk.getByTestId('ticket-sms-phone').textContent();

  it('takes a number on the keypad with consent; the gateway gets "Còn 3 người nữa…" then "called", once each', async () => {
    // Four people are waiting before the kiosk's citizen.
    for (let i = 0; i < 4; i++) await issue(app, 1);
    const number = await takeTicket();
    expect(number).toBe('A005');
    await kiosk.getByTestId('ticket-sms-offer').waitFor();
    expect(await checkSizes(kiosk, 'kiosk-sms-offer', SIZES)).toEqual([]);

    await kiosk.getByTestId('ticket-sms-offer').click();
    await kiosk.getByTestId('ticket-sms-entry').waitFor();
    expect(await kiosk.getByTestId('ticket-sms-consent').textContent()).toContain('xóa sau khi hết ngày làm việc');
    // A landline is not a mobile number: said once all ten digits are there, and "Đồng ý" stays off.
    await typeDigits('0243825123');
    expect(await kiosk.getByTestId('ticket-sms-problem').textContent()).toContain('bắt đầu bằng 03, 05, 07, 08 hoặc 09');
    expect(await kiosk.getByTestId('ticket-sms-confirm').isDisabled()).toBe(true);
    await typeDigits('4'); // an eleventh digit is not taken
    expect(await shown()).toBe('0243 825 123');
    await kiosk.getByTestId('keypad-clear').click();
    await typeDigits('098765432');
    expect(await kiosk.getByTestId('ticket-sms-confirm').isDisabled()).toBe(true);
    await typeDigits('7');
    await kiosk.getByTestId('keypad-backspace').click();
    await typeDigits('11');
    expect(await shown()).toBe('0987 654 321');
    expect(await checkSizes(kiosk, 'kiosk-sms-entry', SIZES)).toEqual([]);

    await kiosk.getByTestId('ticket-sms-confirm').click();
    await kiosk.getByTestId('ticket-sms-done').waitFor();
    expect(await kiosk.getByTestId('ticket-sms-done').textContent()).toContain('***321');
    expect(await kiosk.locator('body').textContent()).not.toContain('0987');
    expect(await checkSizes(kiosk, 'kiosk-sms-done', SIZES)).toEqual([]);
    const ticketId = (app.db.prepare('SELECT id FROM tickets WHERE number = ?').get(number) as { id: number }).id;
    expect(app.db.prepare('SELECT phone FROM ticket_contacts WHERE ticket_id = ?').get(ticketId)).toEqual({ phone: '0987654321' });
    expect(count(app, `SELECT count(*) AS n FROM audit_log WHERE action = 'ticket.phone_consent' AND target_id = ?`, String(ticketId))).toBe(1);

    const staff = await staffAtCounter(app, 'canbo1', 1);
    const callNext = async () => expect((await app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } })).statusCode).toBe(200);
    await callNext(); // A001: three ahead of A005 now
    await until(() => texts().length === 1, 10_000, '"Còn 3 người"');
    for (let i = 0; i < 3; i++) await callNext(); // two, one, none ahead: no second "Còn N"
    await callNext(); // A005 called
    await until(() => texts().length === 2, 10_000, 'the call');
    await new Promise((r) => setTimeout(r, 600)); // anything sent twice would arrive now
    expect(texts().map((m) => [m.to, m.message])).toEqual([
      ['0987654321', 'Còn 3 người nữa đến lượt quý khách (số A005). Xin mời quý khách chuẩn bị.'],
      ['0987654321', 'Mời quý khách số A005 đến quầy 1.'],
    ]);
  });

  it('forgets the number going home: "Không nhận", "Xong", and the time limit while the keypad is open', async () => {
    await kiosk.setViewportSize(SIZES[0]!);
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
    await takeTicket();
    await kiosk.getByTestId('ticket-sms-offer').click();
    expect(await shown()).toBe('09xx xxx xxx');
    await typeDigits('0912');
    await kiosk.getByTestId('ticket-sms-cancel').click();
    await kiosk.getByTestId('ticket-sms-offer').click();
    expect(await shown()).toBe('09xx xxx xxx');
    await typeDigits('0912345');
    // The ticket's own countdown waits; the kiosk's time limit (idle seconds, last ten counted) sends it home.
    const idle = app.hub.queue.settings().kioskIdleSeconds;
    await kiosk.clock.fastForward((idle - 5) * 1000);
    await kiosk.getByTestId('time-limit-warning').waitFor();
    await shoot(kiosk, 'kiosk-sms-time-limit');
    await kiosk.clock.fastForward(10_000);
    await kiosk.getByTestId('kiosk-home').waitFor();
    await takeTicket();
    await kiosk.getByTestId('ticket-sms-offer').click();
    expect(await shown()).toBe('09xx xxx xxx');
    expect(await kiosk.locator('body').textContent()).not.toContain('0912');
    await kiosk.getByTestId('ticket-sms-cancel').click();
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
    expect(texts()).toHaveLength(2);
    expect(count(app, 'SELECT count(*) AS n FROM ticket_contacts')).toBe(1);
  });

  it('offers nothing once the office sends no messages', async () => {
    const admin = await login(app, 'admin');
    expect((await app.inject({ method: 'PUT', url: '/api/admin/notifications', headers: { cookie: admin }, payload: DEFAULT_NOTIFICATIONS })).statusCode).toBe(200);
    await takeTicket();
    await kiosk.getByTestId('ticket-printer-down').or(kiosk.getByTestId('ticket-printing')).first().waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(await kiosk.getByTestId('ticket-sms-offer').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
