// Ticket issue (quality.md: ≥ 70 % of a bare durable-insert route at saturation, p99 < 20 ms at 200/s, a printer
// configured, 500 tickets waiting). The hub runs as `npm start` runs it, in its own process, with the loopback ESC/POS
// printer (its own process) as the default printer; the bare route runs alone in its own; autocannon's CLI is the load.
// Alone: `tsx --tsconfig server/tsconfig.json bench/issue.ts [--quick] [--profile]` (--profile: the hub writes its
// .cpuprofile files into test-output/profiles).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { autocannon, f1, load1, type LoadResult, median, type Out, runAlone } from './lib';
import { startBare, startHub, startPrinter, walFrames } from './procs';
import { BENCH_PASSWORD, seedHub } from './seed';

const CONNECTIONS = 20;
const PRINTER_DELAY_MS = 150;
const row = (name: string, r: LoadResult) => `| ${name} | ${f1(r.perSecond)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} |`;

/** What the issue section measured (README's capacity figures come from it). */
export interface IssueFigures {
  ratio: number;
  hubPerSecond: number;
  barePerSecond: number;
  p99At200: number;
}

/** Issue throughput and latency beside the bare insert route. */
export async function benchIssue(out: Out, quick: boolean, profile = false): Promise<IssueFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-issue-'));
  const seconds = quick ? 3 : 5;
  // Five rounds: single rounds on a shared VM swing widely (55–96 % of bare in one run), their median much less.
  const rounds = quick ? 1 : 5;
  // The printer answers like a thermal printer that is printing (every status answer PRINTER_DELAY_MS late), so the hub
  // prints at a printer's pace (a few tickets a second) and the rest of the tickets wait in its queue, as in an office.
  // An instant loopback printer would make the hub render tickets as fast as its CPU allows, which no printer asks for.
  const printer = await startPrinter(PRINTER_DELAY_MS);
  const { dbFile } = await seedHub(dir, 'issue', { waiting: { 1: 500 } });
  // The per-kiosk rate limit stays on (raised: all the load comes from one address), so its cost is measured too.
  const hub = await startHub(dbFile, BENCH_PASSWORD, { PRINTER: printer.address, TICKET_RATE_LIMIT: '100000000' }, profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve('test-output/profiles')}`] : []);
  const bare = await startBare('insert', dir);
  const load = (url: string, o: { seconds: number; rate?: number; connections?: number }) =>
    autocannon({ url, method: 'POST', body: { serviceId: 1 }, connections: CONNECTIONS, ...o });
  const hubLoad = (o: { seconds: number; rate?: number; connections?: number }) => load(`${hub.url}/api/tickets`, o);
  const started = Date.now();
  try {
    // Warm-up (JIT, statement caches, SQLite pages, the render worker), not counted.
    await load(`${bare.url}/insert`, { seconds: 2 });
    let issued = (await hubLoad({ seconds: 2 })).requests;
    out('## Ticket issue (POST /api/tickets, WAL + synchronous=FULL, a printer configured)');
    out();
    out(
      `The hub (its own process, as \`npm start\` runs it) prints every ticket on the loopback ESC/POS printer (its own ` +
        `process); service 1 starts with 500 tickets waiting, its daily maximum raised. The bare route (its own process) ` +
        `does one durable insert. Load: autocannon's CLI (its own process), ${CONNECTIONS} connections, ${seconds} s rounds, ` +
        `bare and hub alternating. The printer answers every status query ${PRINTER_DELAY_MS} ms late, as a thermal ` +
        `printer busy printing does, so the hub prints at a printer's pace and the other jobs wait in its queue.`,
    );
    out();
    out('| run | requests/s | p50 ms | p99 ms | errors |');
    out('|---|---|---|---|---|');
    const ratios: number[] = [];
    const hubRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const b = await load(`${bare.url}/insert`, { seconds });
      const h = await hubLoad({ seconds });
      issued += h.requests;
      ratios.push(h.perSecond / b.perSecond);
      hubRates.push(h.perSecond);
      bareRates.push(b.perSecond);
      out(row(`bare insert #${round + 1}`, b));
      out(row(`hub issue #${round + 1} (load avg ${load1()})`, h));
    }
    out();
    out(`Median throughput ratio hub / bare: **${f1(median(ratios) * 100)} %** (target ≥ 70 %; rounds ${ratios.map((r) => f1(r * 100)).join(' / ')} %).`);
    out();
    // At 200/s (the target's rate), and at half of what the bare route managed in this run: on a busy shared machine
    // the bare route may not reach 200/s at all, and then both are saturated and their latency says nothing.
    const half = Math.max(10, Math.round(median(bareRates) / 2 / 10) * 10);
    let p99At200 = NaN;
    for (const rate of [...new Set([200, Math.min(200, half)])]) {
      // Three rounds each (one 5 s round is 1,000 requests: its p99 is the 10th slowest, one VM hiccup moves it).
      const hubRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      for (let round = 0; round < (quick ? 1 : 3); round++) {
        bareRuns.push(await load(`${bare.url}/insert`, { seconds, rate, connections: 10 }));
        hubRuns.push(await hubLoad({ seconds, rate, connections: 10 }));
        issued += (hubRuns.at(-1) as LoadResult).requests;
      }
      const mid = (runs: LoadResult[], pick: (r: LoadResult) => number) => median(runs.map(pick));
      const p99s = (runs: LoadResult[]) => runs.map((r) => f1(r.p99)).join(' / ');
      if (rate === 200) p99At200 = mid(hubRuns, (r) => r.p99);
      out(
        `At a fixed ${rate} requests/s${rate === 200 ? ' (the target)' : ' (half the bare route\'s saturation rate in this run)'}, ` +
          `autocannon \`-R ${rate}\`, 10 connections, latencies corrected for coordinated omission, median of ${hubRuns.length} ` +
          `rounds: hub p50 ${f1(mid(hubRuns, (r) => r.p50))} ms, p99 **${f1(mid(hubRuns, (r) => r.p99))} ms**` +
          `${rate === 200 ? ' (target < 20 ms)' : ''} (rounds ${p99s(hubRuns)}), ${f1(mid(hubRuns, (r) => r.perSecond))}/s served, ` +
          `errors ${hubRuns.reduce((n, r) => n + r.errors, 0)}; bare p50 ${f1(mid(bareRuns, (r) => r.p50))} ms, p99 ` +
          `${f1(mid(bareRuns, (r) => r.p99))} ms (rounds ${p99s(bareRuns)}) (load avg ${load1()}).`,
      );
      out();
    }
    const printed = (await printer.job(0)).total;
    out(
      `Printing: ${issued} tickets issued, each with its print job; the printer received ${printed} of them during the ` +
        `run (${f1(printed / ((Date.now() - started) / 1000))} tickets/s, one job at a time: health check, render in a ` +
        `worker thread, send, receipt); the others were waiting in the print queue.`,
    );
    out();
    // A count, not a speed (the same on any machine), taken in a process of its own beside the bare route's table.
    const frames = await walFrames();
    out(
      `Written per ticket (\`bench/wal-frames.ts\`: a real hub, a printer configured, 5,000 tickets issued before): ` +
        `**${f1(frames.hub.grouped)}** WAL frames of 4 KB in a group commit of 20 tickets, ${f1(frames.hub.alone)} for a ticket ` +
        `committed alone; the bare route's one-row table: ${f1(frames.bare.grouped)} per row in commits of 20, ` +
        `${f1(frames.bare.alone)} alone. Each commit rewrites the last page of every table and index a row touches.`,
    );
    out();
    return { ratio: median(ratios), hubPerSecond: median(hubRates), barePerSecond: median(bareRates), p99At200 };
  } finally {
    await hub.stop();
    await bare.close();
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchIssue(out, process.argv.includes('--quick'), process.argv.includes('--profile')));
