// Kiosk tap → ticket bytes received by the printer (quality.md: median < 100 ms), beside a baseline measured in the same
// run: a bare Fastify route doing one durable insert, then one TCP write of a ticket rendered at its start-up. The hub,
// the bare server and the loopback ESC/POS printer each run in their own process; the bench process only taps.
// Alone: `tsx --tsconfig server/tsconfig.json bench/printing.ts [--quick]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { epoch, f1, load1, median, type Out, percentile, runAlone } from './lib';
import { startBare, startHub, startPrinter } from './procs';
import { BENCH_PASSWORD, seedHub } from './seed';


/** Measures tap → bytes at the printer; writes its section through `out`. */
export async function benchPrinting(out: Out, quick: boolean): Promise<{ median: number; baseline: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-print-'));
  const taps = quick ? 15 : 60;
  const printer = await startPrinter();
  const { dbFile } = await seedHub(dir, 'print', {});
  const hub = await startHub(dbFile, BENCH_PASSWORD, { PRINTER: printer.address });
  const bare = await startBare('print', dir, printer.port);
  let received = 0;
  const tap = async (url: string, body: unknown): Promise<{ ms: number; bytes: number }> => {
    const t0 = epoch();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    const job = await printer.job(++received);
    return { ms: job.at - t0, bytes: job.bytes };
  };
  try {
    for (let i = 0; i < 3; i++) await tap(`${hub.url}/api/tickets`, { serviceId: 1 }); // warm-up: worker start, fonts, JIT
    await tap(`${bare.url}/print`, {});
    const ours: number[] = [];
    const base: number[] = [];
    let hubBytes = 0;
    let bareBytes = 0;
    for (let i = 0; i < taps; i++) {
      const b = await tap(`${bare.url}/print`, {});
      const h = await tap(`${hub.url}/api/tickets`, { serviceId: 1 + (i % 6) });
      base.push(b.ms);
      ours.push(h.ms);
      bareBytes = b.bytes;
      hubBytes = h.bytes;
    }
    out('## Kiosk tap → ticket bytes at the printer');
    out();
    out(
      `${taps} taps, one at a time, alternating; the loopback ESC/POS printer (its own process) answers status queries. ` +
        `Hub: POST /api/tickets → commit → print job → health check → render and encode at 576 dots in a worker thread ` +
        `→ send → receipt. Load avg ${load1()}.`,
    );
    out();
    out('| run | median ms | p90 ms | bytes per ticket |');
    out('|---|---|---|---|');
    out(`| bare: insert + TCP write of a pre-rendered ticket | ${f1(median(base))} | ${f1(percentile(base, 90))} | ${bareBytes} |`);
    out(`| hub: POST /api/tickets → print queue → printer | ${f1(median(ours))} | ${f1(percentile(ours, 90))} | ${hubBytes} |`);
    out();
    out(`Hub median **${f1(median(ours))} ms** (target < 100 ms), ${f1(median(ours) / median(base))}× the bare baseline (which renders nothing per tap).`);
    out();
    return { median: median(ours), baseline: median(base) };
  } finally {
    await hub.stop();
    await bare.close();
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchPrinting(out, process.argv.includes('--quick')));
