import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { pairDevice } from '../helper-devices';
import { intakeBody, send } from '../dossier-helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';
import { scan } from './scanner-keys';

// Synthetic card (invented person, number shaped as Thông tư 59/2021 says: male, born 1958): never a real person's.
const PAYLOAD = '001058012345|123456789|Nguyễn Văn Thử|15031958|Nam|Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội|10052021';
const MASKED = 'N*** V** T**';

describe('ID-card scan in real Chromium: kiosk greeting and priority, counter holder and pre-filled intake', () => {
  const config = testConfig({ staticDir: DIST });
  let app: App;
  let browser: Browser;
  let base: string;
  let kiosk: Page;
  let display: Page;
  let counter: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    display = await openPage(browser, `${base}/display/`, 1920, 1080, errors);
    kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    // A paired kiosk: the dossier listing by ID card is for paired devices only.
    const device = await pairDevice(app, await login(app, 'admin'), 'kiosk', 'Kiosk sảnh');
    const [name, value] = device.cookie.split('=') as [string, string];
    await kiosk.context().addCookies([{ name, value, url: base }]);
    await kiosk.reload();
    counter = await openPage(browser, `${base}/counter/`, 1366, 900, errors);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a code that is no ID card says so in Vietnamese and changes nothing', async () => {
    await kiosk.getByTestId('service-A').waitFor();
    await kiosk.keyboard.type('x'); // a person's key before the scan is no part of it
    await scan(kiosk, 'https://dichvucong.gov.vn/p/home');
    await expect.poll(() => kiosk.getByTestId('id-card-refusal').textContent()).toContain('không phải mã QR của thẻ căn cước');
    expect(await kiosk.getByTestId('id-card-greeting').count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-home').isVisible()).toBe(true);
    await shoot(kiosk, 'id-card-kiosk-refused');
  });

  it('a scan greets the citizen by a masked name; the elderly group is chosen; one tap on Lấy số issues', async () => {
    await scan(kiosk, PAYLOAD);
    await expect.poll(() => kiosk.getByTestId('id-card-greeting').textContent()).toContain(`Xin chào ông ${MASKED}`);
    expect(await kiosk.locator('body').textContent()).not.toContain('Nguyễn');
    await shoot(kiosk, 'id-card-kiosk-greeting');
    await kiosk.getByTestId('service-A').click();
    await kiosk.getByTestId('priority-take').waitFor();
    expect(await kiosk.getByTestId('priority-take').textContent()).toContain('Người cao tuổi');
    expect(await kiosk.getByTestId('priority-elderly').getAttribute('aria-pressed')).toBe('true');
    expect(await kiosk.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
    await shoot(kiosk, 'id-card-kiosk-priority');
    await kiosk.getByTestId('priority-take').click();
    await kiosk.getByTestId('kiosk-ticket').waitFor();
    expect(await kiosk.getByTestId('ticket-priority').textContent()).toContain('Người cao tuổi');
    const row = app.db.prepare('SELECT * FROM tickets').get() as Record<string, unknown>;
    expect(row).toMatchObject({ number: 'A001', priority_group: 'elderly' });
    expect(row.id_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(row)).not.toMatch(/Nguyễn|N\*\*\*|001058012345/);
  });

  it('the priority step with a scanned card fits a landscape kiosk and a small tablet without scrolling', async () => {
    for (const [w, h] of [
      [1920, 1080],
      [1024, 768],
    ] as const) {
      const page = await openPage(browser, `${base}/kiosk/`, w, h, errors);
      await page.getByTestId('service-B').waitFor();
      await scan(page, PAYLOAD);
      await page.getByTestId('id-card-greeting').waitFor();
      await page.getByTestId('service-B').click();
      await page.getByTestId('priority-take').waitFor();
      expect(await page.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
      for (const id of ['priority-take', 'priority-none', 'priority-appointment', 'priority-back']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box && box.y + box.height <= h + 1, `${id} on screen at ${w}×${h}`).toBe(true);
      }
      await shoot(page, `id-card-kiosk-priority-${w}x${h}`);
      await page.getByTestId('priority-back').click();
      await page.close();
    }
  });

  it('the kiosk forgets the citizen when it goes home; a scan on Tra cứu hồ sơ lists their open dossiers', async () => {
    await kiosk.getByTestId('ticket-done').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
    expect(await kiosk.getByTestId('id-card-greeting').count()).toBe(0);
    // An earlier dossier of this citizen, received at a counter.
    const earlier = await send(app, 'POST', '/api/dossiers', await login(app, 'canbo2'), intakeBody(4, { applicant: { ...intakeBody().applicant, name: 'Nguyễn Văn Thử', idNumber: '001058012345' } }));
    expect(earlier.status).toBe(201);
    await kiosk.getByTestId('dossier-entry').click();
    await kiosk.getByTestId('dossier-lookup-screen').waitFor();
    await scan(kiosk, PAYLOAD);
    await expect.poll(() => kiosk.getByTestId('id-card-dossiers').textContent()).toContain(`ông ${MASKED}`);
    await expect.poll(() => kiosk.getByTestId('id-card-dossier-0').textContent()).toContain('Đang giải quyết');
    // Status and dates only: neither the code nor the procedure nor the name.
    const listed = (await kiosk.getByTestId('id-card-dossiers').textContent()) ?? '';
    for (const part of [earlier.body.code as string, 'hôn nhân', 'Nguyễn']) expect(listed).not.toContain(part);
    expect(app.db.prepare('SELECT COUNT(*) n FROM personal_data_reads WHERE device_id IS NOT NULL AND dossier_id = ?').get(earlier.body.id)).toEqual({ n: 1 });
    await shoot(kiosk, 'id-card-kiosk-dossiers');
    await kiosk.getByTestId('dossier-back').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
    expect(await kiosk.getByTestId('id-card-greeting').count()).toBe(0);
  });

  it('the clerk sees the masked name on the called ticket (the wall display none); a scan fills the intake; scanned vs typed is logged', async () => {
    await counter.getByTestId('sign-in-username').fill('canbo1');
    await counter.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await counter.getByTestId('sign-in-submit').click();
    await counter.getByTestId('counter-option-1').click();
    await counter.getByTestId('action-callNext').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toContain('A001');
    await expect.poll(() => counter.getByTestId('current-holder').textContent()).toContain(MASKED);
    await shoot(counter, 'id-card-counter-holder');
    // The wall display calls the number and shows nothing of the scan.
    await expect.poll(() => display.locator('body').textContent()).toContain('A001');
    const wall = (await display.locator('body').textContent()) ?? '';
    for (const part of ['Nguyễn', 'Thử', 'N***', '001058012345', 'Phố Mẫu']) expect(wall).not.toContain(part);
    await shoot(display, 'id-card-display');

    // A scan on the console page (a button focused there): no action pressed, the intake opens filled from the card.
    expect(await counter.evaluate('document.activeElement?.tagName')).toBe('BUTTON');
    await scan(counter, PAYLOAD);
    await counter.getByTestId('dossier-intake').waitFor();
    expect(await counter.getByTestId('intake-scanned').textContent()).toContain(MASKED);
    expect(app.db.prepare("SELECT status FROM tickets WHERE number = 'A001'").get()).toEqual({ status: 'called' });
    await counter.getByTestId('procedure-search').fill('tinh trang hon nhan');
    await counter.getByTestId('procedure-4').click();
    await counter.getByTestId('procedure-chosen').waitFor();
    expect(await counter.getByTestId('applicant-name').inputValue()).toBe('Nguyễn Văn Thử');
    // Scanned again in the form, no box focused: the scanner's keys go to the page, not into a field.
    await counter.evaluate('document.activeElement && document.activeElement.blur()');
    await scan(counter, PAYLOAD);
    await expect.poll(() => counter.getByTestId('applicant-name').inputValue()).toBe('Nguyễn Văn Thử');
    expect(await counter.getByTestId('applicant-idNumber').inputValue()).toBe('001058012345');
    expect(await counter.getByTestId('applicant-dateOfBirth').inputValue()).toBe('15/03/1958');
    expect(await counter.getByTestId('applicant-gender').inputValue()).toBe('male');
    expect(await counter.getByTestId('applicant-address').inputValue()).toBe('Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội');
    expect(await counter.getByTestId('intake-scanned').textContent()).toContain(MASKED);
    // The scan pressed no console action (its letters include G, H, T…): the ticket is still called, not finished.
    expect(app.db.prepare("SELECT status FROM tickets WHERE number = 'A001'").get()).toEqual({ status: 'called' });
    await shoot(counter, 'id-card-counter-intake');

    // The clerk corrects the address and types the phone the card does not hold.
    await counter.getByTestId('applicant-address').fill('Số 1A Phố Mẫu, Phường Thử Nghiệm, Hà Nội');
    await counter.getByTestId('applicant-phone').fill('0912 000 000');
    await counter.getByTestId('intake-accept').click();
    await counter.locator('[data-form="01"]').first().waitFor();
    const ev = app.db.prepare("SELECT e.data FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE e.type = 'intake.accept' AND d.ticket_id IS NOT NULL").get() as { data: string };
    expect(JSON.parse(ev.data).idCard).toEqual({
      kind: 'cccd',
      fields: { name: 'scanned', idNumber: 'scanned', dateOfBirth: 'scanned', gender: 'scanned', address: 'corrected' },
      scanned: { address: 'Số 1 Phố Mẫu, Phường Thử Nghiệm, Hà Nội' },
      typed: { address: 'Số 1A Phố Mẫu, Phường Thử Nghiệm, Hà Nội' },
    });
    // The dossier's log on screen says where each field came from.
    await counter.getByTestId('print-close').click();
    await counter.getByTestId('tab-track').click();
    await counter.getByTestId('detail-log-id-card').first().waitFor();
    expect(await counter.getByTestId('detail-log-id-card').first().textContent()).toContain('Địa chỉ sửa so với thẻ');
    await shoot(counter, 'id-card-counter-dossier-log');
    expect(errors).toEqual([]);
  });
});
