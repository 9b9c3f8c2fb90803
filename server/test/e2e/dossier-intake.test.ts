import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, openPage, SCREENSHOTS, shoot } from './browser';

describe('dossier intake in real Chromium: call a ticket, receive a dossier, print Mẫu 01, the citizen checks the status', () => {
  const config = testConfig({ staticDir: DIST });
  let app: App;
  let browser: Browser;
  let base: string;
  let counter: Page;
  const errors: string[] = [];
  let code = '';
  let check = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config, logger: false });
    app.hub.queue.saveSettings({ ...app.hub.queue.settings(), unitCode: '000.00.06.H56' });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    counter = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the clerk calls a ticket and receives the dossier with the appointment date shown first', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } })).statusCode).toBe(201);
    await counter.getByTestId('sign-in-username').fill('canbo1');
    await counter.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await counter.getByTestId('sign-in-submit').click();
    await counter.getByTestId('counter-option-1').click();
    await counter.getByTestId('waiting-row-A001').waitFor();
    await counter.getByTestId('action-callNext').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toContain('A001');

    await counter.getByTestId('open-dossiers').click();
    await counter.getByTestId('dossier-intake').waitFor();
    expect(await counter.getByTestId('dossier-intake').textContent()).toContain('Đang phục vụ số A001');
    await counter.getByTestId('procedure-search').fill('tinh trang hon nhan');
    await counter.getByTestId('procedure-4').click();
    await counter.getByTestId('procedure-chosen').waitFor();
    const due = await app.inject({ method: 'POST', url: '/api/dossiers/due-date', payload: { procedureId: 4, receivedAt: new Date().toISOString() } });
    const dueLocal = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(due.json().dueAt));
    await expect.poll(() => counter.getByTestId('intake-due').textContent()).toContain(dueLocal);
    await counter.getByTestId('applicant-name').fill('Trần Thị Hồng Nhung');
    await counter.getByTestId('applicant-idNumber').fill('001190012345');
    await counter.getByTestId('applicant-phone').fill('0912 345 678');
    await counter.getByTestId('applicant-address').fill('Số 5 ngõ 12 phố Hòa Bình, phường Hòa Bình');
    // The office's privacy notice is on the intake form (read to or by the citizen).
    expect(await counter.getByTestId('privacy-notice').textContent()).toContain('Luật Bảo vệ dữ liệu cá nhân');
    // Every option of the form reads as words (the unset gender showed its message key, "dossiers.genders.").
    expect(await counter.locator('form select option').allTextContents()).not.toContainEqual(expect.stringMatching(/^[a-z]+\.[a-zA-Z.]*$/));
    expect(await counter.getByTestId('applicant-dateOfBirth').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    // The citizen had submitted it on the public service portal: II.06a counts it as received online.
    expect(await counter.getByTestId('intake-channel').inputValue()).toBe('counter');
    await counter.getByTestId('intake-channel').selectOption({ label: 'Trực tuyến (Cổng Dịch vụ công)' });
    await shoot(counter, 'dossier-intake-form');
    await counter.getByTestId('intake-accept').click();

    // The receipt shows only after the dossier row is committed, linked to the ticket at the counter.
    await counter.locator('[data-form="01"]').first().waitFor();
    const row = app.db.prepare('SELECT d.code, d.check_code, d.status, d.channel, t.number FROM dossiers d JOIN tickets t ON t.id = d.ticket_id').get() as { code: string; check_code: string; status: string; channel: string; number: string };
    expect(row).toMatchObject({ status: 'received', channel: 'online', number: 'A001' });
    expect(row.code).toMatch(/^000\.00\.06\.H56-\d{6}-0001$/);
    code = row.code;
    check = row.check_code;
    expect(await counter.locator('[data-field="code"]').first().textContent()).toBe(code);
    // The receipt prints the check code the public lookup needs.
    expect(await counter.locator('[data-field="checkCode"]').first().textContent()).toBe(check);
  });

  it('prints Mẫu 01 on A4 with the QR to the public status page (PDF saved for a person to look at)', async () => {
    const qr = counter.locator('[data-field="qr"]').first();
    await expect.poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
    await shoot(counter, 'dossier-receipt-mau01-screen');
    await counter.emulateMedia({ media: 'print' });
    try {
      const heights = await counter.locator('[data-form="01"]').evaluateAll((els) => els.map((e) => Math.round((e as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height)));
      expect(heights.every((h) => h <= 1122), `sheet heights ${heights.join(', ')} px; A4 is 1122 px`).toBe(true);
      const pdf = await counter.pdf({ path: resolve(SCREENSHOTS, 'dossier-receipt-mau01.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
      // Two copies ("Liên 1: Lưu", "Liên 2: Giao người nộp"), one A4 page each.
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
      await counter.setViewportSize({ width: 794, height: 1123 });
      await counter.screenshot({ path: resolve(SCREENSHOTS, 'dossier-receipt-mau01-print.png') });
    } finally {
      await counter.emulateMedia({ media: 'screen' });
      await counter.setViewportSize({ width: 1366, height: 768 });
    }
    // The toolbar does not print; the sheet is 210 mm wide.
    expect(await counter.getByTestId('print-now').isVisible()).toBe(true);
    expect(await counter.locator('[data-form="01"]').count()).toBe(2);
  });

  it('the citizen scans the QR and the phone page says "đang giải quyết", without personal data', async () => {
    // The QR carries the check code: the page opens at once.
    const phone = await openPage(browser, `${base}/h/${code}/${check}`, 360, 740, errors);
    await phone.getByTestId('dossier-state').waitFor();
    expect(phone.url()).toContain(`/kiosk/phone/#/ho-so/${code}/${check}`);
    expect((await phone.getByTestId('dossier-state').textContent())?.toLowerCase()).toContain('đang giải quyết');
    expect(await phone.getByTestId('dossier-code').textContent()).toBe(code);
    const text = (await phone.locator('body').textContent()) ?? '';
    expect(text).toContain('T*** T** H*** Nhung');
    expect(text).not.toMatch(/0912|001190012345|Trần Thị/);
    expect(await phone.getByTestId('privacy-notice').textContent()).toContain('Luật Bảo vệ dữ liệu cá nhân');
    await shoot(phone, 'dossier-phone-status');
    // Without the QR: the code typed by hand (lower case is fine), and a wrong code says what to check.
    await phone.getByTestId('dossier-code-input').fill('000.00.06.h56-000000-0009');
    await phone.getByTestId('dossier-code-submit').click();
    await phone.getByTestId('dossier-not-found').waitFor();
    // The code alone opens nothing: the page asks for the check code or the phone's last 4 digits.
    await phone.goto(`${base}/h/${code}`);
    await phone.getByTestId('dossier-check-needed').waitFor();
    expect(await phone.getByTestId('dossier-state').count()).toBe(0);
    await shoot(phone, 'dossier-phone-check-needed');
    await phone.getByTestId('dossier-code-input').fill(code.toLowerCase());
    await phone.getByTestId('dossier-check-input').fill('5678');
    await phone.getByTestId('dossier-code-submit').click();
    await expect.poll(() => phone.getByTestId('dossier-code').textContent()).toBe(code);
    await phone.close();
  });

  it('the citizen types the code on the kiosk (touch keys) and reads "Đang giải quyết" in big type', async () => {
    const kiosk = await openPage(browser, `${base}/kiosk/`, 1080, 1920, errors);
    await kiosk.getByTestId('dossier-entry').waitFor();
    await shoot(kiosk, 'kiosk-home-dossier-entry');
    await kiosk.getByTestId('dossier-entry').click();
    await kiosk.getByTestId('dossier-lookup-screen').waitFor();
    await kiosk.getByTestId('privacy-notice').waitFor();
    await shoot(kiosk, 'kiosk-dossier-lookup-empty');
    // Typed in lower case on purpose: the keys write capitals, and the hub normalises anyway.
    for (const ch of code.toLowerCase()) await kiosk.getByTestId(`keyboard-key-${ch}`).click();
    expect(await kiosk.getByTestId('dossier-code-input').inputValue()).toBe(code);
    // The code alone is not enough: the kiosk asks for the check code and moves the keyboard there.
    await kiosk.getByTestId('dossier-search').click();
    await expect.poll(() => kiosk.getByTestId('dossier-problem').textContent()).toContain('mã kiểm tra');
    await shoot(kiosk, 'kiosk-dossier-check-needed');
    for (const ch of check.toLowerCase()) await kiosk.getByTestId(`keyboard-key-${ch}`).click();
    expect(await kiosk.getByTestId('dossier-check-input').inputValue()).toBe(check);
    await kiosk.getByTestId('dossier-search').click();
    await kiosk.getByTestId('dossier-result').waitFor();
    expect(await kiosk.getByTestId('dossier-state').textContent()).toBe('Đang giải quyết');
    expect(await kiosk.locator('[data-testid="dossier-code"] dd').textContent()).toBe(code);
    expect(await kiosk.locator('[data-testid="dossier-applicant"] dd').textContent()).toBe('T*** T** H*** Nhung');
    const d = app.db.prepare('SELECT received_at, due_at FROM dossiers WHERE code = ?').get(code) as { received_at: number; due_at: number };
    const local = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms)).replace(',', '');
    expect(await kiosk.locator('[data-testid="dossier-received"] dd').textContent()).toBe(local(d.received_at));
    expect(await kiosk.locator('[data-testid="dossier-due"] dd').textContent()).toBe(local(d.due_at));
    const text = (await kiosk.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/0912|001190012345|Trần Thị/);
    // The keys must be big enough for a finger (ui.md: at least 80 px tall).
    const key = await kiosk.getByTestId('keyboard-key-5').boundingBox();
    expect(key?.height).toBeGreaterThanOrEqual(80);
    await shoot(kiosk, 'kiosk-dossier-status-portrait');
    // A wrong check code says so clearly; landscape kiosks get the same screen side by side. Its last character is
    // replaced by another one (the check is random: replacing it by '9' when it ended in 9 found the dossier again).
    await kiosk.setViewportSize({ width: 1920, height: 1080 });
    await kiosk.getByTestId('keyboard-key-backspace').click();
    await kiosk.getByTestId(`keyboard-key-${check.endsWith('9') ? '8' : '9'}`).click();
    expect(await kiosk.getByTestId('dossier-check-input').inputValue()).not.toBe(check);
    await kiosk.getByTestId('dossier-search').click();
    await expect.poll(() => kiosk.getByTestId('dossier-problem').textContent()).toContain('Không tìm thấy hồ sơ');
    await shoot(kiosk, 'kiosk-dossier-not-found-landscape');
    await kiosk.getByTestId('dossier-back').click();
    await kiosk.getByTestId('kiosk-home').waitFor();
    await kiosk.close();
  });

  it('the return desk finds the dossier by code and hands over the result', async () => {
    const id = (app.db.prepare('SELECT id FROM dossiers WHERE code = ?').get(code) as { id: number }).id;
    app.hub.dossiers.act(id, 'ready', {}, { userId: 3 });
    await counter.getByTestId('print-close').click();
    await counter.getByTestId('tab-return').click();
    await counter.getByTestId('find-code').fill(code);
    await counter.getByTestId('find-submit').click();
    await expect.poll(() => counter.getByTestId('detail-status').textContent()).toContain('Có kết quả, chờ trả');
    expect(await counter.getByTestId('detail-channel').textContent()).toBe('Trực tuyến (Cổng Dịch vụ công)');
    await counter.getByTestId('act-return').click();
    await expect.poll(() => counter.getByTestId('detail-status').textContent()).toContain('Đã trả kết quả');
    await shoot(counter, 'dossier-returned');
    expect(app.db.prepare('SELECT status FROM dossiers WHERE id = ?').get(id)).toEqual({ status: 'returned' });
  });

  it('shows the overdue list (seeded demo dossiers), the tracking book with its print, and the office calendar', async () => {
    await counter.getByTestId('tab-alerts').click();
    await counter.getByTestId('overdue-list').waitFor();
    expect(await counter.getByTestId('overdue-list').textContent()).toContain('Quá hạn');
    await shoot(counter, 'dossier-alerts');
    await counter.getByTestId('tab-book').click();
    await counter.getByTestId('book-list').waitFor();
    expect(await counter.getByTestId('book-list').textContent()).toContain(code);
    await shoot(counter, 'dossier-book');
    await counter.getByText('In sổ (Mẫu 06)').click();
    await counter.locator('[data-form="06"]').waitFor();
    await counter.setViewportSize({ width: 1200, height: 800 });
    await shoot(counter, 'dossier-book-mau06');
    await counter.setViewportSize({ width: 1366, height: 768 });
    await counter.getByTestId('print-close').click();
    await counter.getByTestId('tab-calendar').click();
    await counter.getByTestId('dossier-calendar').getByText('Giỗ Tổ Hùng Vương').first().waitFor();
    await shoot(counter, 'dossier-calendar');
    expect(errors).toEqual([]);
  });

  it('the admin reaches the working calendar from Quản trị and records a make-up Saturday', async () => {
    const admin = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await admin.getByTestId('sign-in-username').fill('admin');
    await admin.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('open-admin').click();
    await admin.getByTestId('admin-nav-calendar').click();
    const section = admin.getByTestId('admin-calendar');
    await section.getByText('Giỗ Tổ Hùng Vương').first().waitFor();
    expect(admin.url()).toContain('#/quan-tri/lich-lam-viec');
    // The first Saturday of December this year (office time zone) becomes a working day.
    const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
    const saturday = new Date(Date.UTC(year, 11, 1 + ((6 - new Date(Date.UTC(year, 11, 1)).getUTCDay() + 7) % 7)));
    const iso = saturday.toISOString().slice(0, 10);
    const dmy = iso.split('-').reverse().join('/');
    // Typed as Vietnamese write it (the field shows dd/mm/yyyy whatever the PC's language).
    await section.locator('input[placeholder="dd/mm/yyyy"]').fill(dmy);
    await section.locator('select').selectOption({ label: 'Làm việc (làm bù)' });
    await section.locator('input[maxlength="200"]').fill('Làm bù cho ngày nghỉ Tết');
    await section.getByRole('button', { name: 'Thêm' }).click();
    await section.getByText(`${dmy} — Làm việc (làm bù) — Làm bù cho ngày nghỉ Tết`).waitFor();
    expect(app.db.prepare('SELECT working, name FROM calendar_days WHERE date = ?').get(iso)).toEqual({ working: 1, name: 'Làm bù cho ngày nghỉ Tết' });
    await shoot(admin, 'admin-calendar');

    // Every read of the applicant's data by staff was logged: the access log shows the return desk's look-up.
    await admin.getByTestId('admin-nav-dataAccess').click();
    expect(admin.url()).toContain('#/quan-tri/truy-cap-du-lieu');
    await admin.getByTestId('data-access-code').fill(code.toLowerCase());
    await admin.getByTestId('data-access-apply').click();
    const rows = admin.getByTestId('data-access-table-row');
    await rows.first().waitFor();
    const logged = app.db.prepare('SELECT COUNT(*) AS n FROM personal_data_reads r JOIN dossiers d ON d.id = r.dossier_id WHERE d.code = ?').get(code) as { n: number };
    expect(logged.n).toBeGreaterThan(0);
    await expect.poll(() => rows.count()).toBe(Math.min(logged.n, 50));
    expect(await rows.first().locator('[data-col="user"]').textContent()).toBe('Nguyễn Văn An');
    expect(await rows.first().locator('[data-col="dossier"]').textContent()).toBe(code);
    await shoot(admin, 'admin-data-access');

    // Retention periods and the privacy notice: saved through the screen, stored on the hub.
    await admin.getByTestId('admin-nav-privacy').click();
    await admin.getByTestId('retention-ratingCommentDays').fill('180');
    await admin.getByTestId('privacy-save').click();
    await admin.getByTestId('privacy-saved').waitFor();
    expect(app.hub.privacy.settings().retention.ratingCommentDays).toBe(180);
    await admin.getByTestId('retention-run').click();
    await expect.poll(() => admin.getByTestId('retention-result').textContent()).toContain('Đã ẩn danh');
    await shoot(admin, 'admin-privacy');

    // A citizen's request: everything held about the ID number, with who read it.
    await admin.getByTestId('admin-nav-dataRequests').click();
    await admin.getByTestId('subject-id').fill('001190012345');
    await admin.getByTestId('subject-search').click();
    await admin.getByTestId(`subject-dossier-${code}`).waitFor();
    expect(await admin.getByTestId(`subject-dossier-${code}`).locator('[data-field="name"]').textContent()).toBe('Trần Thị Hồng Nhung');
    expect(await admin.getByTestId('subject-reads').textContent()).toContain('Nguyễn Văn An');
    await shoot(admin, 'admin-data-requests');
    await admin.getByTestId('subject-erase').click();
    await admin.getByTestId('subject-erase-yes').click();
    await expect.poll(() => admin.getByTestId('subject-erase-result').textContent()).toContain('Sổ theo dõi hồ sơ');
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.subject_erase'").get()).toEqual({ n: 1 });
    await shoot(admin, 'admin-data-requests-erase');
    await admin.close();
    expect(errors).toEqual([]);
  });
});
