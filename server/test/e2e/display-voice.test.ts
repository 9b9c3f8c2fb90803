import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '@shared/announcement';
import { DEFAULT_DISPLAY, type DisplayInput } from '@shared/schemas/display';
import { buildApp, type App } from '../../src/app';
import { login, TEST_PASSWORD, testConfig } from '../helper';
import { DIST, launchBrowser, openPage, shoot } from './browser';

type Played = { number: string; counterNumber: number; recall: boolean; sequence: string[] };

/** What a display must play for a call with the default settings: chime, the sentence, a pause, the sentence. */
function expected(number: string, counterNumber: number): string[] {
  const { clips } = buildAnnouncement({ number, counterNumber });
  return ['chime', ...clips, 'pause', ...clips];
}

describe('wall displays in real Chromium: layouts, voice queue, reconnect without a flood', () => {
  const config = testConfig({ staticDir: DIST });
  let app: App;
  let browser: Browser;
  let base: string;
  let hall: Page;
  const errors: string[] = [];
  const cookies: Record<string, string> = {};

  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { ticket?: { number: string } };
  };
  const issue = (serviceId: number, priorityGroup?: string) => api('POST', '/api/tickets', undefined, priorityGroup ? { serviceId, priorityGroup } : { serviceId });
  const callNext = (counter: number) => api('POST', `/api/counters/${counter}/call-next`, cookies[counter]);
  const played = (page: Page) => page.evaluate('window.__motcuaAnnouncements ?? []') as Promise<Played[]>;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await buildApp({ config, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await login(app, 'admin');
    const slide = { title: 'Chào mừng Quý khách', body: 'Xin mời lấy số thứ tự tại kiosk.\nVui lòng chuẩn bị giấy tờ tùy thân.', imageUrl: '' };
    const displays: DisplayInput[] = [
      { ...DEFAULT_DISPLAY, name: 'Sảnh chính', marquee: ['Giờ làm việc: sáng 7h00–11h30, chiều 13h30–17h00', 'Vui lòng giữ trật tự và chú ý nghe gọi số'], slides: [slide] },
      { ...DEFAULT_DISPLAY, name: 'Khu Tư pháp', layout: 'area', counterIds: [1, 2], voice: false },
      { ...DEFAULT_DISPLAY, name: 'Quầy 1', layout: 'counter', counterIds: [1], voice: false },
    ];
    for (const d of displays) await api('POST', '/api/admin/displays', admin, d);
    for (const [n, user] of [[1, 'canbo1'], [2, 'canbo2']] as const) {
      cookies[n] = await login(app, user);
      await api('POST', `/api/counters/${n}/open`, cookies[n]);
    }
    hall = await openPage(browser, `${base}/display/?id=1`, 1920, 1080, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the idle slide and the notices before anyone is called', async () => {
    await hall.getByTestId('display-slide').waitFor();
    expect(await hall.getByTestId('display-slide').textContent()).toContain('Chào mừng Quý khách');
    expect(await hall.getByTestId('display-marquee').getAttribute('aria-label')).toContain('Giờ làm việc');
    await hall.waitForTimeout(1000); // the slide's fade-in
    await shoot(hall, 'display-idle-1080p');
  });

  it('a counter calls: the hall shows it and plays chime + the sentence twice, a recall again', async () => {
    await issue(1);
    await callNext(1);
    await issue(2, 'elderly');
    await expect.poll(() => hall.getByTestId('display-latest-number').textContent(), { timeout: 10_000 }).toBe('A001');
    await expect.poll(async () => (await played(hall)).length, { timeout: 10_000 }).toBe(1);
    expect((await played(hall))[0]).toMatchObject({ number: 'A001', counterNumber: 1, recall: false, sequence: expected('A001', 1) });
    await api('POST', '/api/counters/1/recall', cookies[1]);
    await callNext(2);
    // The recall waits for the first announcement to finish, then B001 after it: one at a time, in order.
    await expect.poll(async () => (await played(hall)).map((p) => `${p.number}@${p.counterNumber}${p.recall ? '+' : ''}`), { timeout: 30_000 }).toEqual(['A001@1', 'A001@1+', 'B001@2']);
    expect((await played(hall))[2]!.sequence).toEqual(expected('B001', 2));
    await expect.poll(() => hall.getByTestId('display-latest-number').textContent()).toBe('B001');
    expect(await hall.getByTestId('display-latest-priority').textContent()).toContain('Ưu tiên');
    expect(await hall.getByTestId('display-waiting-A').getAttribute('title')).toBe('Hộ tịch');
    await shoot(hall, 'display-main-1080p');
  });

  it('after a network drop it keeps the board, then announces only the calls still current, one per counter', async () => {
    for (let i = 0; i < 4; i++) await issue(1);
    const before = (await played(hall)).length;
    await hall.context().setOffline(true);
    // Drop every engine connection as a network cut would (the client sees a transport close and retries).
    for (const client of Object.values((app.io.engine as unknown as { clients: Record<string, { close(): void }> }).clients)) client.close();
    await expect.poll(() => hall.getByTestId('connection-badge').textContent(), { timeout: 10_000 }).toContain('Mất kết nối');
    // Missed while offline: counter 1 calls A002 then A003; counter 2 calls A004 then A005.
    for (const n of [1, 1, 2, 2]) await callNext(n);
    expect(await hall.getByTestId('display-latest-number').textContent()).toBe('B001');
    await shoot(hall, 'display-offline-1080p');
    await hall.context().setOffline(false);
    await expect.poll(() => hall.getByTestId('display-latest-number').textContent(), { timeout: 20_000 }).toBe('A005');
    await expect.poll(async () => (await played(hall)).slice(before).map((p) => p.number), { timeout: 30_000 }).toEqual(['A003', 'A005']);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await played(hall)).slice(before).map((p) => p.number)).toEqual(['A003', 'A005']);
  });

  it('the admin edits the hall display in the counter app and the TV applies it without a reload', async () => {
    const page = await openPage(browser, `${base}/counter/`, 1366, 768, errors);
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForTimeout(500);
    await page.goto(`${base}/counter/#/quan-tri/man-hinh`);
    await page.getByTestId('displays-table').waitFor();
    await expect.poll(() => page.getByTestId('displays-table').textContent()).toContain('/display/?id=3');
    await shoot(page, 'admin-displays');
    await page.getByTestId('edit-display').first().click();
    await page.getByTestId('display-english').check();
    await page.getByTestId('display-preview').click();
    await expect.poll(() => page.getByTestId('display-preview-text').textContent()).toContain('một nghìn không trăm hai mươi ba đến quầy số ba. Ticket number A one zero two three');
    await page.getByTestId('display-marquee').fill('Hôm nay bộ phận Một cửa làm việc đến 17h00');
    await shoot(page, 'admin-display-dialog');
    await page.getByTestId('form-save').click();
    await page.getByTestId('display-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => hall.getByTestId('display-marquee').getAttribute('aria-label'), { timeout: 10_000 }).toBe('Hôm nay bộ phận Một cửa làm việc đến 17h00');
    await page.close();
  });

  it('an area display and a counter-top display show only their counters, at 1080p and 720p; the hall at 720p and 4K', async () => {
    for (const [size, w, h] of [['1080p', 1920, 1080], ['720p', 1280, 720]] as const) {
      const area = await openPage(browser, `${base}/display/?id=2`, w, h, errors);
      await expect.poll(() => area.getByTestId('display-latest-number').textContent(), { timeout: 10_000 }).toBe('A005');
      for (const [n, shown] of [[1, 1], [2, 1], [3, 0], [4, 0]] as const) expect(await area.getByTestId(`display-counter-${n}`).count()).toBe(shown);
      await shoot(area, `display-area-${size}`);
      const top = await openPage(browser, `${base}/display/?id=3`, w, h, errors);
      await expect.poll(() => top.getByTestId('counter-top-current').textContent(), { timeout: 10_000 }).toBe('A003');
      expect(await top.getByTestId('counter-top-staff').textContent()).toContain('Nguyễn Văn An');
      await shoot(top, `display-counter-top-${size}`);
      // Everything fits: no scrolling on a TV.
      for (const page of [area, top]) expect(await page.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
      await area.close();
      await top.close();
    }
    for (const [size, w, h] of [['720p', 1280, 720], ['4k', 3840, 2160]] as const) {
      const hallAt = await openPage(browser, `${base}/display/?id=1`, w, h, errors);
      await hallAt.getByTestId('display-latest-number').waitFor();
      expect(await hallAt.evaluate('document.documentElement.scrollHeight <= window.innerHeight')).toBe(true);
      await shoot(hallAt, `display-main-${size}`);
      await hallAt.close();
    }
    expect(errors).toEqual([]);
  });
});
