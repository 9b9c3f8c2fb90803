// Kiosk tap → ticket bytes received by a loopback ESC/POS printer (quality.md: median < 100 ms), beside a baseline
// measured in the same run: a bare Fastify route doing one insert, then one TCP write of a ticket rendered in
// advance to the same printer. Run alone with `tsx --tsconfig server/tsconfig.json bench/printing.ts [--quick]`.
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../server/src/app';
import type {} from '../server/src/plugins/hub';
import type {} from '../server/src/plugins/printing';
import { testConfig } from '../server/test/temp-config';
import { encodeTicket, statusQuery } from '../server/src/printing/escpos';
import { renderTicket } from '../server/src/printing/ticket-renderer';
import type { TicketPrint } from '../server/src/printing/ticket-print';
import { startFakePrinter } from '../server/test/printing/fake-printer';
import { f1, median, percentile } from './lib';

const SAMPLE: TicketPrint = {
  officeName: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
  serviceName: 'Hộ tịch',
  number: 'A001',
  priorityLabel: null,
  peopleAhead: 3,
  estimatedWaitMinutes: 12,
  issuedAt: '23/11/2026 09:00',
  trackingUrl: 'http://bench.local/t/AbCdEfGhIjKlMnOp',
};

/** Measures tap → bytes at the printer; writes its section through `out`. */
export async function benchPrinting(out: (s?: string) => void, quick: boolean): Promise<{ median: number; baseline: number }> {
  const taps = quick ? 15 : 60;
  const printer = await startFakePrinter();
  const config = testConfig({ publicUrl: 'http://bench.local', demoPassword: 'bench-pass-1', backupKeep: 1, printing: { defaultPrinter: printer.address, retryBaseMs: 1000, pollMs: 0, timeoutMs: 2000 } }, 'motcua-bench-print-');
  const dir = config.dir;

  const app = await buildApp({ config, logger: false });
  app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
  const hub = await app.listen({ port: 0, host: '127.0.0.1' });

  // Baseline: one bare insert, then the same ticket bytes (rendered once, in advance) written to the same printer.
  const bytes = encodeTicket('epson', await renderTicket(SAMPLE, { paperWidth: 80, layout: app.printing.layout(), qrMode: 'native' }));
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER)');
  const insert = db.prepare('INSERT INTO t (at) VALUES (?)');
  const bare = Fastify({ logger: false });
  bare.post('/bare', async () => {
    insert.run(Date.now());
    const socket = connect({ host: '127.0.0.1', port: printer.port });
    socket.on('error', () => undefined);
    socket.end(Buffer.concat([bytes, statusQuery(2)]));
    return { ok: true };
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  async function tapToBytes(url: string, body: unknown): Promise<number> {
    const before = printer.jobs.length;
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    await printer.waitForJobs(before + 1, 10_000);
    return (printer.jobs[before]?.receivedAt ?? NaN) - t0;
  }

  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 3; i++) await tapToBytes(`${hub}/api/tickets`, { serviceId: 1 }); // warm-up: font load, JIT
  for (let i = 0; i < taps; i++) {
    base.push(await tapToBytes(`${bareUrl}/bare`, {}));
    ours.push(await tapToBytes(`${hub}/api/tickets`, { serviceId: 1 + (i % 6) }));
  }
  const renders: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    encodeTicket('epson', await renderTicket({ ...SAMPLE, number: `A${String(i).padStart(3, '0')}` }, { paperWidth: 80, layout: app.printing.layout(), qrMode: 'native' }));
    renders.push(performance.now() - t0);
  }

  out('## Kiosk tap → ticket bytes at the printer');
  out();
  out(`${taps} taps, one at a time, loopback ESC/POS printer answering status (health check, render at 576 dots, encode, send, receipt).`);
  out();
  out('| run | median ms | p90 ms | bytes per ticket |');
  out('|---|---|---|---|');
  out(`| bare: insert + TCP write of a pre-rendered ticket | ${f1(median(base))} | ${f1(percentile(base, 90))} | ${bytes.length} |`);
  out(`| hub: POST /api/tickets → print queue → printer | ${f1(median(ours))} | ${f1(percentile(ours, 90))} | ${printer.jobs.at(-1)?.bytes.length ?? 0} |`);
  out();
  out(`Render + encode alone: median ${f1(median(renders))} ms. Hub median is **${f1(median(ours))} ms** (target < 100 ms), ${f1(median(ours) / median(base))}× the bare baseline.`);
  out();

  await bare.close();
  db.close();
  await app.close();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
  return { median: median(ours), baseline: median(base) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPrinting((s = '') => process.stdout.write(`${s}\n`), process.argv.includes('--quick')).catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
