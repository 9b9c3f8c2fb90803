import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { fakeClock, login, staffAtCounter, testConfig } from '../helper';
import { pairDevice } from '../helper-devices';
import { DIST, launchBrowser, openPage, shoot } from './browser';

/** Records navigator.vibrate calls (headless Chromium has no motor) so the test can see the phone buzz. */
const RECORD_VIBRATE = `window.__vibrations = []; navigator.vibrate = (p) => { window.__vibrations.push(p); return true; };`;

describe('tracking on a phone and rating at the counter, in real Chromium', () => {
  const config = testConfig({ staticDir: DIST });
  const clock = fakeClock();
  let app: App;
  let browser: Browser;
  let base: string;
  let phone: Page;
  let tablet: Page;
  let kiosk: string;
  let staff: string;
  const errors: string[] = [];
  const tickets: { number: string; trackingId: string }[] = [];
  const act = (path: string) => app.inject({ method: 'POST', url: `/api/counters/1/${path}`, headers: { cookie: staff } });

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config, logger: false, now: clock.now });
    app.hub.queue.saveSettings({ ...app.hub.queue.settings(), openLan: false, notifyPeopleAhead: 0 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await login(app, 'admin');
    kiosk = (await pairDevice(app, admin, 'kiosk')).cookie;
    staff = await staffAtCounter(app, 'canbo1', 1);
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: kiosk }, payload: { serviceId: 1 } });
      tickets.push(res.json() as { number: string; trackingId: string });
    }
    // The rating tablet pairs like any device; the admin binds it to counter 1 while approving its code.
    tablet = await openPage(browser, `${base}/kiosk/rating/`, 1280, 800, errors);
    const code = (await tablet.getByTestId('pairing-code').textContent())?.replace(/\D/g, '') ?? '';
    const approved = await app.inject({ method: 'POST', url: '/api/admin/devices', headers: { cookie: admin }, payload: { code, name: 'Máy đánh giá quầy 1', counterId: 1 } });
    expect(approved.json()).toMatchObject({ kind: 'rating', counterId: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the phone opens the ticket by its short link and shows the place in the queue', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', isMobile: true, hasTouch: true });
    await context.addInitScript(RECORD_VIBRATE);
    phone = await context.newPage();
    phone.on('pageerror', (err) => errors.push(`phone: ${err.message}`));
    await phone.goto(`${base}/t/${tickets[1]!.trackingId}`);
    expect(phone.url()).toBe(`${base}/kiosk/phone/#/ve/${tickets[1]!.trackingId}`);
    await expect.poll(() => phone.getByTestId('track-number').textContent()).toBe('A002');
    await expect.poll(() => phone.getByTestId('track-ahead').textContent()).toContain('Còn 1 người trước Quý khách');
    await expect.poll(() => phone.getByTestId('connection-badge').textContent()).toContain('Đã kết nối');
    const text = (await phone.getByTestId('track-page').textContent()) ?? '';
    expect(text).toContain('Hộ tịch');
    expect(text).not.toContain('Nguyễn Văn An');
    await shoot(phone, 'phone-track-waiting');
  });

  it('moves up when the counter calls the ticket ahead, then shows and buzzes its own call', async () => {
    expect((await act('call-next')).statusCode).toBe(200);
    await expect.poll(() => phone.getByTestId('track-ahead').textContent()).toContain('Chưa có ai trước Quý khách');
    await expect.poll(() => phone.getByTestId('track-near').isVisible()).toBe(true);
    expect((await act('finish')).statusCode).toBe(200);
    expect((await act('call-next')).statusCode).toBe(200);
    await expect.poll(() => phone.getByTestId('track-call').textContent()).toContain('Mời số A002 đến quầy số 1');
    expect(await phone.getByTestId('track-call').textContent()).toContain('Tư pháp – Hộ tịch');
    const vibrations = (await phone.evaluate('window.__vibrations')) as number[][];
    expect(vibrations.at(-1)).toEqual([400, 200, 400, 200, 800]);
    await shoot(phone, 'phone-track-called');
  });

  it('the rating tablet shows the finished ticket with the officer, asks a reason for "unsatisfied", and records the rating', async () => {
    // A001 was finished first and then replaced by A002's finish: the tablet shows the latest.
    expect((await act('finish')).statusCode).toBe(200);
    // The tablet may show A001's request still (live, or offered at its reconnect): wait until A002's replaces it.
    await expect.poll(() => tablet.getByTestId('rating-request').textContent()).toContain('A002');
    expect(await tablet.getByTestId('rating-counter').textContent()).toContain('Nguyễn Văn An');
    await shoot(tablet, 'rating-tablet-form');
    await tablet.getByTestId('level-unsatisfied').click();
    await tablet.getByTestId('rating-send').click();
    await expect.poll(() => tablet.getByRole('alert').first().textContent()).toContain('Xin ghi lý do');
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM ratings').get()).toEqual({ n: 0 });
    await tablet.getByTestId('rating-reason').fill('Phải chờ lâu ở bước thu phí');
    await tablet.getByTestId('rating-details').click();
    await tablet.getByTestId('criterion-timeliness-unsatisfied').click();
    await shoot(tablet, 'rating-tablet-reason');
    await tablet.getByTestId('rating-send').click();
    await tablet.getByTestId('rating-thanks').waitFor();
    await shoot(tablet, 'rating-tablet-thanks');
    const canbo1 = (app.db.prepare("SELECT id FROM users WHERE username = 'canbo1'").get() as { id: number }).id;
    expect(app.db.prepare("SELECT r.level, r.reason, r.criteria, r.staff_id, r.counter_id, r.source FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = 'A002'").get()).toEqual({
      level: 'unsatisfied',
      reason: 'Phải chờ lâu ở bước thu phí',
      criteria: '{"timeliness":"unsatisfied"}',
      staff_id: canbo1,
      counter_id: 1,
      source: 'device',
    });
    // The phone learns the visit is done and rated.
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toContain('Quý khách đã đánh giá');
    await shoot(phone, 'phone-track-done');
    // Back to the idle screen by itself.
    await tablet.getByTestId('rating-idle').waitFor({ timeout: 15_000 });
    await shoot(tablet, 'rating-tablet-idle');
  });

  it('the citizen of A001 rates by the QR on the phone, once', async () => {
    await phone.goto(`${base}/kiosk/phone/#/danh-gia/${tickets[0]!.trackingId}`);
    await phone.getByTestId('rating-form').waitFor();
    await phone.getByTestId('level-very_satisfied').click();
    await shoot(phone, 'phone-rate');
    await phone.getByTestId('rating-send').click();
    await phone.getByTestId('rate-thanks').waitFor();
    await shoot(phone, 'phone-rate-thanks');
    expect(app.db.prepare("SELECT r.level, r.source, r.counter_id FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = 'A001'").get()).toEqual({
      level: 'very_satisfied',
      source: 'phone',
      counter_id: 1,
    });
    await phone.reload();
    await expect.poll(() => phone.getByTestId('rate-page').textContent()).toContain('đã được đánh giá');
    expect(errors).toEqual([]);
  });
});
