import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { login, testConfig } from '../helper';
import { DIST, launchBrowser, openPage } from './browser';

type Played = { number: string; counterNumber: number; recall: boolean; playedAt: number };
type Call = { counter: number; number: string; at: number };

const COUNTERS = [1, 2, 3] as const;
/** Slack for a push to reach the display after the hub answered the call. */
const PUSH_SLACK_MS = 1000;

/**
 * A burst of calls on a real wall display: 30 calls over 3 counters in 10 s. The voice cannot keep up (one
 * announcement lasts several seconds), so the display must play only what is still true when its turn comes.
 */
describe('the wall display\'s voice during a burst of calls', () => {
  let app: App;
  let browser: Browser;
  let hall: Page;
  const errors: string[] = [];
  const cookies: Record<number, string> = {};
  const calls: Call[] = [];

  const post = async (url: string, cookie: string) => {
    const res = await app.inject({ method: 'POST', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { ticket: { number: string } };
  };
  const played = () => hall.evaluate('window.__motcuaAnnouncements ?? []') as Promise<Played[]>;

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ staticDir: DIST }), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const [n, user] of [[1, 'canbo1'], [2, 'canbo2'], [3, 'canbo3']] as const) {
      cookies[n] = await login(app, user);
      await post(`/api/counters/${n}/open`, cookies[n]);
      // Ten tickets of a service only this counter serves first (by weight), so each counter has ten to call.
      const service = (app.db.prepare('SELECT service_id AS id FROM counter_services WHERE counter_id = ? ORDER BY weight DESC LIMIT 1').get(n) as { id: number }).id;
      for (let i = 0; i < 10; i++) await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: service } });
    }
    browser = await launchBrowser();
    hall = await openPage(browser, `${base}/display/`, 1920, 1080, errors);
    await hall.getByTestId('display-latest').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('30 calls in 10 s: only calls still current when their turn comes, the last of each counter, in order', async () => {
    const start = Date.now();
    for (let i = 0; i < 30; i++) {
      const counter = COUNTERS[i % 3]!;
      const { ticket } = await post(`/api/counters/${counter}/call-next`, cookies[counter]!);
      calls.push({ counter, number: ticket.number, at: Date.now() });
      const due = start + ((i + 1) * 10_000) / 30;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
    expect(Date.now() - start).toBeLessThan(12_000);
    const last = new Map(COUNTERS.map((c) => [c, calls.filter((x) => x.counter === c).at(-1)!.number]));
    // The queue drains: the last call of each counter is read out.
    const lastPlayed = async (): Promise<string[]> => {
      const log = await played();
      return COUNTERS.map((c) => log.filter((p) => p.counterNumber === c).at(-1)?.number ?? '');
    };
    await expect.poll(lastPlayed, { timeout: 90_000, interval: 1000 }).toEqual(COUNTERS.map((c) => last.get(c)));
    const log = await played();
    // Far fewer than 30: the voice never fell behind the board.
    expect(log.length).toBeLessThanOrEqual(12);
    expect(new Set(log.map((p) => p.number)).size).toBe(log.length);
    for (const p of log) {
      const mine = calls.findIndex((c) => c.number === p.number);
      expect(mine, p.number).toBeGreaterThanOrEqual(0);
      expect(calls[mine]!.counter).toBe(p.counterNumber);
      // No newer call at that counter had reached the display when this one started playing.
      const newer = calls.slice(mine + 1).find((c) => c.counter === p.counterNumber && c.at + PUSH_SLACK_MS < p.playedAt);
      expect(newer, `${p.number} played at +${p.playedAt - start} ms after ${newer?.number} at +${(newer?.at ?? 0) - start} ms`).toBeUndefined();
    }
    // Per counter, in call order.
    for (const c of COUNTERS) {
      const order = log.filter((p) => p.counterNumber === c).map((p) => calls.findIndex((x) => x.number === p.number));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  }, 150_000);

  it('a recall pressed twice in a row is read out once', async () => {
    const before = (await played()).length;
    await post('/api/counters/2/recall', cookies[2]!);
    await post('/api/counters/2/recall', cookies[2]!);
    const number = calls.filter((c) => c.counter === 2).at(-1)!.number;
    await expect.poll(async () => (await played()).slice(before).map((p) => `${p.number}@${p.counterNumber}${p.recall ? '+' : ''}`), { timeout: 30_000 }).toEqual([`${number}@2+`]);
    await hall.waitForTimeout(12_000);
    expect((await played()).slice(before)).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 60_000);
});
