// `npm run bench`: the speed figures of quality.md, each beside a baseline measured in the same run, with the load
// always from another process: the hub runs as `npm start` runs it (server/src/server.ts in its own process), each bare
// baseline in its own, HTTP load from autocannon's CLI, displays and phones as socket.io-client processes.
// Writes docs/benchmarks.md (not with --quick). Loopback only; every step is bounded in count and time.
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { benchBundles, benchBusyDay } from './day-and-pages';
import { benchDisplays } from './displays';
import { benchIssue } from './issue';
import { f1 } from './lib';
import { benchPrinting } from './printing';
import { benchProvince } from './province';
import { benchReads } from './reads';
import { benchTrackers } from './trackers';
import { benchScreenSoak } from './screen-soak';

const quick = process.argv.includes('--quick');
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

async function main(): Promise<void> {
  const cpu = cpus();
  const started = Date.now();
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);
  out('# motcua benchmarks');
  out();
  out(
    `Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB ` +
      `(${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}.${quick ? ' Quick run.' : ''}`,
  );
  out();
  out(
    'Method: every server measured runs alone in its own OS process — the hub exactly as `npm start` runs it ' +
      '(`server/src/server.ts`, real port, WAL + `synchronous=FULL` database prepared before it starts), each bare ' +
      'baseline (a Fastify route with one durable better-sqlite3 insert; a Socket.IO server broadcasting the same ' +
      'payload) in another. HTTP load comes from autocannon\'s CLI in its own process; wall displays and phones are ' +
      'socket.io-client sockets in their own processes; the bench process only starts them, triggers rounds and reads ' +
      'the results. Bare and hub rounds alternate; figures are medians; each is read beside its baseline from the same run.',
  );
  out();
  out(
    `**This machine is shared**: other engineers' builds and tests ran while this was measured (1-minute load average ` +
      `on ${cpu.length} cores, sampled every 5 s, is given per section and summarised at the end). Absolute figures are ` +
      `noisy and low; the ratios against the baseline of the same run are what count.`,
  );
  out();
  const sections: [string, () => Promise<unknown>][] = [
    ['issue', () => benchIssue(out, quick)],
    ['displays', () => benchDisplays(out, quick)],
    ['reads', () => benchReads(out, quick)],
    ['printing', () => benchPrinting(out, quick)],
    ['trackers', () => benchTrackers(out, quick)],
    ['busy day', () => benchBusyDay(out, quick)],
    ['province', () => benchProvince(out, quick)],
    ['pages', async () => benchBundles(out)],
    ['screen soak', () => benchScreenSoak(out, quick)],
  ];
  for (const [name, section] of sections) {
    const t0 = Date.now();
    await section();
    process.stderr.write(`[bench] ${name}: ${f1((Date.now() - t0) / 1000)} s\n`);
  }
  clearInterval(sampler);
  const sorted = [...loads].sort((a, b) => a - b);
  out(
    `Load average during the run: min ${f1(sorted[0] ?? NaN)}, median ${f1(sorted[Math.floor(sorted.length / 2)] ?? NaN)}, ` +
      `max ${f1(sorted.at(-1) ?? NaN)} on ${cpu.length} cores. Whole run: ${f1((Date.now() - started) / 60_000)} min.`,
  );
  if (!quick) writeFileSync('docs/benchmarks.md', `${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
