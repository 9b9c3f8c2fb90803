import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { fakeClock, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

// The hub's clock is held at Monday 23/11/2026 09:10 in Hà Nội: the first bookable slot (09:30) is inside its check-in
// window (from 09:00), whenever the test runs.
describe('online appointment in real Chromium: book on a phone, check in at the kiosk, called at the counter', () => {
  const config = testConfig({ staticDir: DIST });
  const clock = fakeClock('2026-11-23T02:10:00.000Z');
  let app: App;
  let browser: Browser;
  let base: string;
  let phone: Page;
  let code = '';
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config, logger: false, now: clock.now });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    phone = await openPage(browser, `${base}/kiosk/phone/#/`, 390, 844, errors);
    phone.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('books "Đăng ký khai sinh" from its listing page: day, slot with places, details, consent → code, QR, documents', async () => {
    await phone.getByTestId('phone-book-link').waitFor();
    await phone.getByTestId('phone-search').fill('dang ky khai sinh');
    await phone.getByTestId('phone-result-1.001193').click();
    await phone.getByTestId('phone-book-procedure').click();
    await phone.getByTestId('book-chosen').waitFor();
    expect(await phone.getByTestId('book-chosen').textContent()).toContain('Đăng ký khai sinh');
    expect(await phone.getByTestId('book-chosen').textContent()).toContain('Hộ tịch');
    await phone.getByTestId('book-slot-09:30').waitFor();
    expect(await phone.getByTestId('book-slot-09:30').textContent()).toContain('còn 2 chỗ');
    await shoot(phone, 'appointment-phone-slots');
    await phone.getByTestId('book-slot-09:30').click();
    await phone.getByTestId('book-name').fill('Trần Thị Bình');
    await phone.getByTestId('book-phone').fill('0912 345 678');
    await phone.getByTestId('book-submit').click();
    expect(await phone.getByRole('alert').first().textContent()).toContain('đồng ý');
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    await phone.getByTestId('book-consent').check();
    await shoot(phone, 'appointment-phone-form');
    await phone.getByTestId('book-submit').click();
    await phone.getByTestId('appt-qr').waitFor();
    code = (await phone.getByTestId('appt-code').textContent())?.replace(/\s/g, '') ?? '';
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(await phone.getByTestId('appt-status').textContent()).toBe('Đã đặt');
    expect(await phone.getByTestId('appt-when').textContent()).toContain('09:30–10:00, Thứ Hai 23/11/2026');
    expect(await phone.getByTestId('appt-window').textContent()).toContain('từ 09:00 đến 09:45');
    expect(await phone.getByTestId('phone-appointment').textContent()).toContain('Giấy chứng sinh');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shoot(phone, 'appointment-phone-confirmation');
    // The calendar file downloads.
    const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByTestId('appt-ics').click()]);
    expect(download.suggestedFilename()).toBe(`lich-hen-${code}.ics`);
    expect(app.db.prepare('SELECT status, phone, procedure_id FROM appointments WHERE code = ?').get(code)).toEqual({ status: 'booked', phone: '0912345678', procedure_id: expect.any(Number) });
  });

  it('checks in at the kiosk by typing the code on its keyboard: an appointment priority ticket', async () => {
    const kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    await kiosk.getByTestId('appointment-entry').click();
    await kiosk.getByTestId('checkin-screen').waitFor();
    for (const ch of code.slice(0, 3)) await kiosk.getByTestId(`keyboard-key-${ch.toLowerCase()}`).click();
    // A HID scanner types the rest like a keyboard, then Enter.
    await kiosk.keyboard.type(code.slice(3).toLowerCase());
    expect(await kiosk.getByTestId('checkin-code-input').inputValue()).toBe(code);
    await shoot(kiosk, 'appointment-kiosk-code');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain('Có lịch hẹn trước');
    await shoot(kiosk, 'appointment-kiosk-ticket');
    expect(app.db.prepare('SELECT a.status, t.number, t.priority_group FROM appointments a JOIN tickets t ON t.id = a.ticket_id').get()).toEqual({ status: 'checked_in', number: 'A001', priority_group: 'appointment' });
    // A second check-in of the same code is refused in words.
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('appointment-entry').click();
    await kiosk.keyboard.type(code);
    await kiosk.keyboard.press('Enter');
    expect(await kiosk.getByTestId('checkin-problem').textContent()).toContain('đã được nhận số');
    await kiosk.close();
  });

  it('the counter calls it and sees the booking: name and procedure', async () => {
    const counter = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await counter.getByTestId('sign-in-username').fill('canbo1');
    await counter.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await counter.getByTestId('sign-in-submit').click();
    await counter.getByTestId('counter-option-1').click();
    await counter.getByTestId(`booking-${code}`).waitFor();
    expect(await counter.getByTestId('bookings-panel').textContent()).toContain('Trần Thị Bình');
    await counter.getByTestId('action-callNext').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toContain('A001');
    await counter.getByTestId('current-booking').waitFor();
    expect(await counter.getByTestId('current-booking-name').textContent()).toBe('Trần Thị Bình');
    expect(await counter.getByTestId('current-booking').textContent()).toContain('Đăng ký khai sinh');
    await shoot(counter, 'appointment-counter-called');
    // The console re-read today's bookings on each queue change; the access log holds one read of this one by canbo1.
    const reads = app.db.prepare('SELECT u.username, r.fields FROM personal_data_reads r JOIN appointments a ON a.id = r.appointment_id JOIN users u ON u.id = r.user_id WHERE a.code = ?').all(code);
    expect(reads).toEqual([{ username: 'canbo1', fields: 'name,phone' }]);
  });

  it('"Lịch hẹn của tôi" by code and phone shows it checked in, the name masked', async () => {
    await phone.goto(`${base}/kiosk/phone/#/`);
    await phone.getByTestId('phone-mine-link').click();
    await phone.getByTestId('appt-code-input').fill(code.toLowerCase());
    await phone.getByTestId('appt-phone-input').fill('0912345678');
    await phone.getByTestId('appt-lookup').click();
    await expect.poll(() => phone.getByTestId('appt-status').textContent()).toBe('Đã nhận số');
    expect(await phone.getByTestId('phone-appointment').textContent()).toContain('T*** T** Bình');
    await shoot(phone, 'appointment-phone-mine');
    expect(errors).toEqual([]);
  });

  it('a booking\'s QR link read by a scanner on the kiosk home checks it in at once', async () => {
    const slots = (await app.inject({ url: '/api/appointments/slots?serviceId=1&date=2026-11-23' })).json() as { start: string; available: number }[];
    const slot = slots.find((s) => s.start === '2026-11-23T02:30:00.000Z' && s.available > 0);
    expect(slot).toBeDefined();
    const booked = await app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 1, start: slot?.start, fullName: 'Lê Văn Quét', phone: '0987654321', consent: true } });
    expect(booked.statusCode).toBe(201);
    const second = (booked.json() as { code: string }).code;
    const kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    await kiosk.getByTestId('service-A').waitFor();
    // A HID scanner: the confirmation's link, a few ms a key, then Enter — with nothing focused on the home screen.
    await kiosk.keyboard.type(`http://hub.test/kiosk/phone/#/lich-hen/${second.toLowerCase()}`, { delay: 4 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain('Có lịch hẹn trước');
    expect(app.db.prepare('SELECT status FROM appointments WHERE code = ?').get(second)).toEqual({ status: 'checked_in' });
    await kiosk.close();
  });

  it('the admin closes a slot and sets a rule; the phone no longer offers the slot', async () => {
    const admin = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await admin.getByTestId('sign-in-username').fill('admin');
    await admin.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-nav-appointments').click();
    await admin.getByTestId('rule-1').waitFor();
    await admin.getByTestId('block-service').selectOption({ label: 'Hộ tịch' });
    await admin.getByTestId('block-date').fill('23/11/2026');
    await admin.getByTestId('block-start').fill('10:00');
    await admin.getByTestId('block-reason').fill('Tập huấn nghiệp vụ');
    await admin.getByTestId('block-add').click();
    await admin.locator('[data-testid^="block-"][data-testid$="1"]').first().waitFor();
    expect(await admin.getByTestId('admin-appointments').textContent()).toContain('Tập huấn nghiệp vụ');
    await admin.getByTestId('rule-2').locator('input[type="number"]').nth(1).fill('3');
    await admin.getByTestId('rule-save-2').click();
    await expect.poll(() => admin.getByTestId('appointments-note').textContent()).toBe('Đã lưu.');
    await admin.evaluate("document.querySelector('[data-testid=admin-appointments] .scroll').scrollLeft = 0");
    await admin.getByTestId('admin-appointments').evaluate((el) => el.scrollIntoView());
    await shoot(admin, 'appointment-admin');
    expect(JSON.parse((app.db.prepare('SELECT rule FROM appointment_rules WHERE service_id = 2').get() as { rule: string }).rule)).toMatchObject({ places: 3, enabled: true });
    const slots = (await (await fetch(`${base}/api/appointments/slots?serviceId=1&date=2026-11-23`)).json()) as { start: string }[];
    expect(slots.map((x) => x.start)).not.toContain('2026-11-23T03:00:00.000Z');
    expect(slots.map((x) => x.start)).toContain('2026-11-23T03:30:00.000Z');
    // The report of the day: one booking, checked in.
    await admin.getByTestId('admin-nav-reports').click();
    await admin.getByTestId('report-kind-appointments').click();
    // The hub's clock is held in November: the period is typed.
    await admin.getByTestId('report-from').fill('23/11/2026');
    await admin.getByTestId('report-to').fill('23/11/2026');
    await admin.getByTestId('report-apply').click();
    await expect.poll(() => admin.getByTestId('report-appointments').textContent()).toContain('Hộ tịch');
    expect(await admin.getByTestId('report-appointments').textContent()).toContain('Hộ tịch');
    await shoot(admin, 'appointment-report');
    await admin.close();
    expect(errors).toEqual([]);
  });
});
