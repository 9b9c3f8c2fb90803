import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayFacts } from '@shared/schemas/province-facts';
import type { ProvinceOfficeDay } from '@shared/schemas/province-office-day';
import { addDays } from '@shared/schemas/report';
import { buildApp, type App } from '../../src/app';
import { OFFICE_CREDENTIAL_HEADER } from '../../src/routes/api/province';
import { login, testConfig, TEST_PASSWORD } from '../helper';
import { DIST, launchBrowser, shoot, signInStaff } from './browser';

const OFFICE = 'Trung tâm Phục vụ hành chính công phường Hòa Bình';
const q = (tickets: number, served: number) => ({ tickets, served, noShow: tickets - served, waitSeconds: served * 720, waited: served, serveSeconds: served * 480 });
const field = (fieldCode: string, fieldName: string, received: number, late: number) => ({
  fieldCode,
  fieldName,
  received,
  receivedOnline: 1,
  receivedInPerson: received - 1,
  resolvedEarly: 2,
  resolvedOnTime: 3,
  resolvedLate: late,
  returned: 4,
  refused: 0,
  withdrawn: 0,
  inProgressOnTime: 6,
  inProgressOverdue: late,
});
/** A day of the office: `k` scales it so today and the day before differ. */
const facts = (day: string, k: number): DayFacts => ({
  day,
  services: [
    { serviceCode: 'HT', serviceName: 'Hộ tịch', ...q(20 * k, 18 * k) },
    { serviceCode: 'CT', serviceName: 'Chứng thực', ...q(10 * k, 9 * k) },
  ],
  counters: [
    { counter: 'Quầy 1', ...q(20 * k, 18 * k) },
    { counter: 'Quầy 2', ...q(10 * k, 9 * k) },
  ],
  staff: [
    { staff: 'canbo1', ...q(20 * k, 18 * k) },
    { staff: 'canbo2', ...q(10 * k, 9 * k) },
  ],
  fields: [field('HT', 'Hộ tịch', 8 * k, 1), field('DD', 'Đất đai', 5 * k, 0)],
  ratings: [
    { staff: 'canbo1', level: 'very_satisfied', count: 6 * k },
    { staff: 'canbo2', level: 'satisfied', count: 3 * k },
    { staff: null, level: 'unsatisfied', count: 1 },
  ],
});

/** The board's click-through (issue 21): a supervisor opens one office's day, moves to the day before, comes back. */
describe('one office\'s day at the province (HUB_ROLE=province)', () => {
  let app: App;
  let base = '';
  let browser: Browser;
  let today = '';
  const errors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ role: 'province', staticDir: DIST }), logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    // The office enrols, beats and sends today and the day before (over the demo's figures of that day).
    const admin = await login(app, 'admin');
    const office = app.hub.repos.province.byCode('000.31.26.H26');
    const token = (await app.inject({ method: 'POST', url: `/api/province/offices/${office?.id}/revoke`, headers: { cookie: admin } })).json() as { enrollToken: string };
    const { credential } = (await app.inject({ method: 'POST', url: '/api/province/enroll', payload: { code: '000.31.26.H26', enrollToken: token.enrollToken } })).json() as { credential: string };
    const headers = { [OFFICE_CREDENTIAL_HEADER]: credential };
    const beat = { sentAt: new Date().toISOString(), version: '0.1.0', waiting: 9, longestWaitMinutes: 23, openCounters: 2, printersDown: 0 };
    expect((await app.inject({ method: 'POST', url: '/api/province/heartbeat', headers, payload: beat })).statusCode).toBe(204);
    today = ((await app.inject({ url: `/api/province/offices/${office?.id}/day`, headers: { cookie: admin } })).json() as ProvinceOfficeDay).today;
    const records = [
      { seq: 1000, kind: 'day_facts', data: facts(addDays(today, -1), 1) },
      { seq: 1001, kind: 'day_facts', data: facts(today, 2) },
    ];
    expect((await app.inject({ method: 'POST', url: '/api/province/sync', headers, payload: { records } })).json()).toMatchObject({ accepted: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string): Promise<Page> => signInStaff(browser, base, username, TEST_PASSWORD, 'province-area', errors);
  /** The cells of every row of a table, trimmed. */
  const cells = async (page: Page, testid: string) => {
    const out: string[][] = [];
    for (const row of await page.getByTestId(`${testid}-row`).all()) out.push((await row.locator('td').allTextContents()).map((c) => c.trim()));
    return out;
  };
  const dmy = (day: string) => day.split('-').reverse().join('/');
  const focused = (page: Page) => page.evaluate<string>("`${document.activeElement?.getAttribute('data-testid')}: ${document.activeElement?.textContent?.trim()}`");

  it('opens from the office name on the board: its live state, today against the day before, every table; then the day before', async () => {
    const page = await signIn('giamsat');
    const name = page.getByTestId('office-day-open').filter({ hasText: OFFICE });
    await name.click();
    await page.getByTestId('office-day-title').waitFor();
    expect(await page.getByTestId('province-board').isVisible()).toBe(false);
    expect(await page.getByTestId('office-day-title').textContent()).toBe(`${OFFICE} · 000.31.26.H26`);
    // Focus moved to the heading; the live state is the heartbeat's.
    expect(await focused(page)).toMatch(/^office-day-title: /);
    const live = (await page.getByTestId('office-day-live').textContent()) ?? '';
    for (const s of ['Trực tuyến', 'Đang chờ: 9', 'Chờ lâu nhất: 23 phút', 'Quầy mở: 2', 'Máy in hỏng: 0']) expect(live).toContain(s);
    expect(await page.getByTestId('office-day-heading').textContent()).toBe(`Số liệu ngày ${dmy(today)} (hôm nay)`);
    expect(await page.getByTestId('office-day-date').inputValue()).toBe(dmy(today));
    expect(await page.getByTestId('office-day-next').isDisabled()).toBe(true);
    // Headline: today (k = 2) against the day before (k = 1).
    expect(await page.getByTestId('compare-tickets').textContent()).toMatch(/Số phiếu\s*60\s*▲ 100%\s*Ngày trước: 30/);
    expect(await page.getByTestId('compare-avgWait').textContent()).toContain('12 phút');
    expect(await cells(page, 'office-day-services')).toEqual([
      ['Chứng thực · CT', '20', '18', '2', '12 phút', '8 phút'],
      ['Hộ tịch · HT', '40', '36', '4', '12 phút', '8 phút'],
      ['Cả ngày', '60', '54', '6', '12 phút', '8 phút'],
    ]);
    expect((await cells(page, 'office-day-counters')).map((r) => r.slice(0, 2))).toEqual([
      ['Quầy 1', '40'],
      ['Quầy 2', '20'],
    ]);
    expect((await cells(page, 'office-day-staff')).map((r) => r.slice(0, 3))).toEqual([
      ['canbo1', '40', '36'],
      ['canbo2', '20', '18'],
    ]);
    // II.06a: received, online, resolved, early, on time, late, on-time rate, in progress, overdue, returned, refused.
    expect(await cells(page, 'office-day-fields')).toEqual([
      ['Đất đai · DD', '10', '1', '5', '2', '3', '0', '100%', '6', '0', '4', '0'],
      ['Hộ tịch · HT', '16', '1', '6', '2', '3', '1', '83,3%', '7', '1', '4', '0'],
      ['Cả ngày', '26', '2', '11', '4', '6', '1', '90,9%', '13', '1', '8', '0'],
    ]);
    expect(await cells(page, 'office-day-ratings')).toEqual([
      ['Rất hài lòng', '12', '63,2%'],
      ['Hài lòng', '6', '31,6%'],
      ['Không hài lòng', '1', '5,3%'],
    ]);
    expect(await page.getByTestId('office-day-satisfied').textContent()).toContain('94,7%');
    await shoot(page, 'province-office-day');
    await page.getByTestId('office-day-ratings').scrollIntoViewIfNeeded();
    await shoot(page, 'province-office-day-dossiers');

    // ← the day before: its own figures, the next day reachable again.
    await page.getByTestId('office-day-previous').click();
    await page.getByTestId('office-day-heading').filter({ hasText: dmy(addDays(today, -1)) }).waitFor();
    expect(await page.getByTestId('office-day-date').inputValue()).toBe(dmy(addDays(today, -1)));
    expect((await cells(page, 'office-day-services')).at(-1)).toEqual(['Cả ngày', '30', '27', '3', '12 phút', '8 phút']);
    expect(await page.getByTestId('office-day-next').isDisabled()).toBe(false);
    await shoot(page, 'province-office-day-previous');
    await page.close();
  });

  it('says when no figures of a day arrived, goes back to today, and returns focus to the office name (keyboard too)', async () => {
    const page = await signIn('giamsat');
    const name = page.getByTestId('office-day-open').filter({ hasText: OFFICE });
    await name.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('office-day-title').waitFor();
    const old = addDays(today, -200);
    await page.getByTestId('office-day-date').fill(dmy(old));
    await page.getByTestId('office-day-date').press('Enter');
    await page.getByTestId('office-day-empty').waitFor();
    expect(await page.getByTestId('office-day-empty').textContent()).toContain('Chưa có số liệu của ngày này');
    expect(await page.getByTestId('office-day-heading').textContent()).toBe(`Số liệu ngày ${dmy(old)}`);
    expect(await page.getByTestId('office-day-services').count()).toBe(0);
    await shoot(page, 'province-office-day-empty');
    await page.getByTestId('office-day-today').click();
    await page.getByTestId('office-day-heading').filter({ hasText: '(hôm nay)' }).waitFor();
    // Back to the board: the name that opened the day has the focus again.
    await page.getByTestId('office-day-back').click();
    await page.getByTestId('province-board').waitFor();
    expect(await focused(page)).toBe(`office-day-open: ${OFFICE}`);
    // Escape closes it too.
    await page.keyboard.press('Enter');
    await page.getByTestId('office-day-title').waitFor();
    await page.getByTestId('language-toggle').click();
    expect(await page.getByTestId('office-day-heading').textContent()).toBe(`Figures of ${dmy(today)} (today)`);
    await page.keyboard.press('Escape');
    await page.getByTestId('province-board').waitFor();
    expect(await focused(page)).toBe(`office-day-open: ${OFFICE}`);
    expect(await page.getByTestId('office-day').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
