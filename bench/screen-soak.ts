import { growth, runSoak } from '../server/test/e2e/soak';

/**
 * A wall display and a kiosk left running for a simulated office week (quality.md: "JS heap and DOM nodes flat after
 * warm-up"): 7 days of 400 calls over 3 counters (2,800 calls), idle slides, a hub restart every evening, a day
 * rollover every morning, on the hub's accelerated clock; real Chromium pages sampled after every day. Needs `dist/`
 * (`npm run build`) and Chromium. `--quick`: 2 days of 100 calls.
 */
export async function benchScreenSoak(out: (line?: string) => void, quick: boolean): Promise<void> {
  const result = await runSoak({ days: quick ? 2 : 7, callsPerDay: quick ? 100 : 400 });
  out('## Screens left running (simulated office week)');
  out();
  out(`${result.calls} calls over ${result.samples.length} days, ${result.restarts} hub restarts, ${result.rollovers} day rollovers, idle slides ${result.idleSlidesSeen}×, in ${result.seconds.toFixed(0)} s. Board right at the end: ${result.boardProblems.length ? result.boardProblems.join('; ') : 'yes'}.`);
  out();
  out('| day | display heap (MB) | display DOM nodes | kiosk heap (MB) | kiosk DOM nodes |');
  out('|---|---|---|---|---|');
  for (const s of result.samples) out(`| ${s.day} | ${s.display.heapMB.toFixed(1)} | ${s.display.nodes} | ${s.kiosk.heapMB.toFixed(1)} | ${s.kiosk.nodes} |`);
  out();
  const d = growth(result, 'display');
  const k = growth(result, 'kiosk');
  out(`After warm-up (day 1 → day ${result.samples.length}): display ${d.heapMB >= 0 ? '+' : ''}${d.heapMB.toFixed(1)} MB, ${d.nodes >= 0 ? '+' : ''}${d.nodes} nodes; kiosk ${k.heapMB >= 0 ? '+' : ''}${k.heapMB.toFixed(1)} MB, ${k.nodes >= 0 ? '+' : ''}${k.nodes} nodes (target: flat).`);
  out();
}
