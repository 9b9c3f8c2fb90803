import type { Browser, Page } from 'playwright-core';
import { DEFAULT_DISPLAY } from '@shared/schemas/display';
import { buildApp, type App } from '../../src/app';
import { fakeClock, login } from '../helper';
import { testConfig } from '../temp-config';
import { DIST, launchBrowser, openPage } from './browser';

/** How long a simulated office runs. */
export interface SoakOptions {
  days: number;
  callsPerDay: number;
  /** Progress lines (the bench prints them). */
  log?: (line: string) => void;
}

/** JS heap and DOM size of one page after a forced garbage collection. */
export interface PageSample {
  heapMB: number;
  nodes: number;
}

/** What the soak measured: each screen after every day, and whether the wall display was right at the end. */
export interface SoakResult {
  calls: number;
  restarts: number;
  rollovers: number;
  idleSlidesSeen: number;
  samples: { day: number; display: PageSample; kiosk: PageSample }[];
  boardProblems: string[];
  pageErrors: string[];
  seconds: number;
}

const COUNTERS = [1, 2, 3] as const;
const HOUR = 3_600_000;

async function sample(page: Page): Promise<PageSample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heapMB: value('JSHeapUsedSize') / 2 ** 20, nodes: value('Nodes') };
}

/**
 * A simulated office week for a wall display and a kiosk left open: each day the three counters call
 * `callsPerDay` tickets through the real routes, the hall then goes quiet (the hub's clock jumps 15 minutes, so the
 * display shows its idle slides), the hub restarts (the screens reconnect by themselves), and the next business day
 * begins (the hub's clock jumps to 08:00, numbering restarts, `queue:reset`). The hub runs on an accelerated clock;
 * the screens are real Chromium pages, sampled (heap, DOM nodes) after every day.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const config = testConfig({ staticDir: DIST });
  // Monday 23/11/2026 08:00 in Hà Nội.
  const clock = fakeClock('2026-11-23T01:00:00.000Z');
  let app: App | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const result: SoakResult = { calls: 0, restarts: 0, rollovers: 0, idleSlidesSeen: 0, samples: [], boardProblems: [], pageErrors, seconds: 0 };
  let port = 0;
  const start = async (): Promise<App> => {
    const next = await buildApp({ config, now: clock.now, logger: false });
    const url = await next.listen({ port, host: '127.0.0.1' });
    port = Number(new URL(url).port);
    return next;
  };
  try {
    app = await start();
    // The hall's display, with an idle slide shown after one quiet minute.
    const slide = { title: 'Chào mừng Quý khách', body: 'Xin mời lấy số thứ tự tại kiosk.', imageUrl: '' };
    const admin = await login(app, 'admin');
    const made = await app.inject({ method: 'POST', url: '/api/admin/displays', headers: { cookie: admin }, payload: { ...DEFAULT_DISPLAY, name: 'Sảnh chính', slides: [slide], idleAfterMinutes: 1 } });
    const displayId = (made.json() as { id: number }).id;
    browser = await launchBrowser();
    const display = await openPage(browser, `http://127.0.0.1:${port}/display/?id=${displayId}`, 1920, 1080, pageErrors);
    const kiosk = await openPage(browser, `http://127.0.0.1:${port}/kiosk/`, 1080, 1920, pageErrors);
    // Nobody called yet: the slides.
    await display.getByTestId('display-slide').waitFor();
    await kiosk.getByTestId('service-A').waitFor();
    const last = new Map<number, string>();
    for (let day = 1; day <= options.days; day++) {
      const hub = app;
      const cookies: Record<number, string> = {};
      for (const [n, user] of [[1, 'canbo1'], [2, 'canbo2'], [3, 'canbo3']] as const) {
        cookies[n] = await login(hub, user);
        await hub.inject({ method: 'POST', url: `/api/counters/${n}/open`, headers: { cookie: cookies[n] } });
      }
      const services = COUNTERS.map((n) => (hub.db.prepare('SELECT service_id AS id FROM counter_services WHERE counter_id = ? ORDER BY weight DESC LIMIT 1').get(n) as { id: number }).id);
      for (let i = 0; i < options.callsPerDay; i++) {
        const counter = COUNTERS[i % COUNTERS.length]!;
        await hub.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: services[i % COUNTERS.length] } });
        const res = await hub.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie: cookies[counter] } });
        if (res.statusCode !== 200) throw new Error(`call-next ${counter}: ${res.statusCode} ${res.body}`);
        last.set(counter, (res.json() as { ticket: { number: string } }).ticket.number);
        result.calls += 1;
        clock.advance(Math.floor((8 * HOUR) / options.callsPerDay));
        // Give the screens a breath every few calls, as a real office would (and let pushes land).
        if (i % 25 === 24) await display.waitForTimeout(50);
      }
      await expectText(display, 'display-latest-number', last.get(COUNTERS[(options.callsPerDay - 1) % COUNTERS.length]!)!);
      // The hall goes quiet, the hub restarts: on reconnect the display sees 15 quiet minutes and shows its slides
      // (at its clock's next 15-second tick).
      clock.advance(15 * 60_000);
      await hub.close();
      result.restarts += 1;
      app = await start();
      await display.getByTestId('display-slide').waitFor({ timeout: 20_000 });
      result.idleSlidesSeen += 1;
      await kiosk.getByTestId('connection-overlay').waitFor({ state: 'detached', timeout: 20_000 });
      result.samples.push({ day, display: await sample(display), kiosk: await sample(kiosk) });
      log(`day ${day}: ${result.calls} calls, display ${result.samples.at(-1)!.display.heapMB.toFixed(1)} MB / ${result.samples.at(-1)!.display.nodes} nodes`);
      if (day === options.days) break;
      // The next business day at 08:00.
      const nextDay = Math.ceil((clock.now() + 7 * HOUR) / (24 * HOUR)) * 24 * HOUR - 7 * HOUR + 8 * HOUR;
      clock.set(new Date(nextDay).toISOString());
      if (app.hub.queue.rollIfNeeded()) result.rollovers += 1;
      last.clear();
    }
    // The board is right at the end: every counter shows its last call.
    for (const c of COUNTERS) {
      const cell = (await display.getByTestId(`display-counter-${c}`).textContent()) ?? '';
      if (!cell.includes(last.get(c) ?? '?')) result.boardProblems.push(`counter ${c} shows "${cell.trim()}", expected ${last.get(c)}`);
    }
  } finally {
    await browser?.close();
    await app?.close();
    result.seconds = (Date.now() - started) / 1000;
  }
  return result;
}

async function expectText(page: Page, testid: string, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const shown = (await page.getByTestId(testid).textContent()) ?? '';
    if (shown.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${testid} shows "${shown}", expected ${text}`);
    await page.waitForTimeout(100);
  }
}

/** Growth from the warm-up sample (after day 1) to the last one, as checked by the test and printed by the bench. */
export function growth(result: SoakResult, screen: 'display' | 'kiosk'): { heapMB: number; nodes: number } {
  const first = result.samples[0]![screen];
  const lastSample = result.samples.at(-1)![screen];
  return { heapMB: lastSample.heapMB - first.heapMB, nodes: lastSample.nodes - first.nodes };
}
