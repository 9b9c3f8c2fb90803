import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { fakeClock, testConfig } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';
import { scan } from './scanner-keys';

// Synthetic cards (invented people; the numbers' digits agree with their gender and year of birth): never a real person's.
const ID = '001190012345';
const PAYLOAD = `${ID}|123456789|Đỗ Thị Mẫu|01021990|Nữ|Số 2 Ngõ Thử, Phường Thử Nghiệm, Hà Nội|05062022`;
const STRANGER = '002095054321||Vũ Văn Khác|12071995|Nam|Số 9 Đường Giả, Hà Nội|20082023';

// The hub's clock is held at Monday 23/11/2026 09:10 in Hà Nội: the 09:30 slot is inside its check-in window (from 09:00).
describe('booking with an ID number on a phone, checked in by a CCCD scan on the kiosk (real Chromium)', () => {
  const config = testConfig({ staticDir: DIST });
  const clock = fakeClock('2026-11-23T02:10:00.000Z');
  let app: App;
  let browser: Browser;
  let base: string;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config, logger: false, now: clock.now });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('books 09:30 with the ID number: the booking keeps its salted hash', async () => {
    const phone = await openPage(browser, `${base}/kiosk/phone/#/dat-lich`, 390, 844, errors);
    await phone.getByTestId('book-service-1').click();
    await phone.getByTestId('book-slot-09:30').click();
    await phone.getByTestId('book-name').fill('Đỗ Thị Mẫu');
    await phone.getByTestId('book-phone').fill('0912 555 000');
    await phone.getByTestId('book-id').fill(ID);
    await phone.getByTestId('book-consent').check();
    await phone.getByTestId('book-submit').click();
    await phone.getByTestId('appt-qr').waitFor();
    expect(app.db.prepare('SELECT status, id_hash FROM appointments').all()).toEqual([{ status: 'booked', id_hash: app.hub.idHash.hash(ID) }]);
    await phone.close();
  });

  it('on Có lịch hẹn a card of someone without a booking today says so, and shows nothing of the card', async () => {
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    await kiosk.getByTestId('appointment-entry').click();
    await kiosk.getByTestId('checkin-screen').waitFor();
    await scan(kiosk, STRANGER);
    await expect.poll(() => kiosk.getByTestId('checkin-problem').textContent()).toContain('Không tìm thấy lịch hẹn hôm nay theo thẻ căn cước này');
    expect(await kiosk.getByTestId('checkin-code-input').inputValue()).toBe('');
    const text = (await kiosk.locator('body').textContent()) ?? '';
    for (const part of ['Vũ', 'Khác', '002095054321', 'Đường Giả']) expect(text).not.toContain(part);
    await shoot(kiosk, 'appointment-id-card-not-found');
    expect(app.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it("the booked person's card typed at scanner speed + Enter shows the appointment ticket", async () => {
    await scan(kiosk, PAYLOAD);
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toContain('A001');
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain('Có lịch hẹn trước');
    const text = (await kiosk.locator('body').textContent()) ?? '';
    for (const part of ['Đỗ', 'Mẫu', ID, 'Ngõ Thử']) expect(text).not.toContain(part);
    await shoot(kiosk, 'appointment-id-card-ticket');
    expect(app.db.prepare('SELECT a.status, t.number, t.priority_group FROM appointments a JOIN tickets t ON t.id = a.ticket_id').get()).toEqual({
      status: 'checked_in',
      number: 'A001',
      priority_group: 'appointment',
    });
    expect(errors).toEqual([]);
  });
});
