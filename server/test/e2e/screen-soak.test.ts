import { describe, expect, it } from 'vitest';
import { growth, runSoak } from './soak';

/**
 * The short soak of `npm test` (the long one, a simulated week with thousands of calls, is in `npm run bench`):
 * two office days with 90 calls each, a hub restart and idle slides at every day's end, a day rollover. JS heap
 * and DOM nodes of the wall display and the kiosk stay flat after the first day, and the board is right at the end.
 */
describe('screens left running: a short simulated office week', () => {
  it('keeps heap and DOM flat over days, restarts and rollovers, and shows the right board', async () => {
    const result = await runSoak({ days: 2, callsPerDay: 90 });
    expect(result).toMatchObject({ calls: 180, restarts: 2, rollovers: 1, idleSlidesSeen: 2, boardProblems: [], pageErrors: [] });
    for (const screen of ['display', 'kiosk'] as const) {
      const g = growth(result, screen);
      const warm = result.samples[0]![screen];
      expect(g.heapMB, `${screen} heap ${JSON.stringify(result.samples.map((s) => s[screen]))}`).toBeLessThan(Math.max(2, warm.heapMB * 0.25));
      expect(g.nodes, `${screen} nodes ${JSON.stringify(result.samples.map((s) => s[screen]))}`).toBeLessThan(Math.max(100, warm.nodes * 0.1));
    }
  }, 110_000);
});
