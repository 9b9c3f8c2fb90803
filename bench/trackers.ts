// Phones tracking their ticket (quality.md: 5,000 connected Socket.IO clients on one process, RSS < 400 MB), beside
// a baseline measured in the same run: a bare Socket.IO server whose clients join one room each. The clients live in a
// child process (bench/tracker-clients.ts), so the RSS measured is the hub's. Also: delivery of a call to the called
// ticket's phone, and the cost of one position pass after a call. Alone: `tsx --tsconfig server/tsconfig.json
// bench/trackers.ts [--n=1000]`.
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION } from '../shared/events';
import { buildApp } from '../server/src/app';
import type {} from '../server/src/plugins/hub';
import { testConfig } from '../server/test/temp-config';
import { f1, median, percentile } from './lib';

const CLIENTS = fileURLToPath(new URL('./tracker-clients.ts', import.meta.url));
const STEP = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => bytes / 2 ** 20;
const epoch = () => performance.timeOrigin + performance.now();

async function rss(): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(500);
  return process.memoryUsage().rss;
}
const heap = () => process.memoryUsage().heapUsed;

/** A child process holding socket.io-client sockets; resolves each `connect` batch and reports call pushes. */
function clientProcess() {
  const child: ChildProcess = fork(CLIENTS, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const calls = new Map<string, (at: number) => void>();
  let connected: ((m: { total: number; failed: number }) => void) | null = null;
  child.on('message', (m: { type: string; id?: string; at?: number; total?: number; failed?: number }) => {
    if (m.type === 'call') calls.get(m.id as string)?.(m.at as number);
    if (m.type === 'connected') connected?.(m as { total: number; failed: number });
  });
  return {
    connect: (url: string, auth: Record<string, unknown>[]) =>
      new Promise<{ total: number; failed: number }>((resolve) => {
        connected = resolve;
        child.send({ type: 'connect', url, auth });
      }),
    /** Epoch ms at which the phone of `id` got its call, or NaN after 5 s. */
    callOf: (id: string) =>
      new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(Number.NaN), 5000);
        calls.set(id, (at) => (clearTimeout(timer), calls.delete(id), resolve(at)));
      }),
    close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ type: 'close' }))),
  };
}

/** Measures trackers against the hub and against a bare Socket.IO server; writes a markdown section through `out`. */
export async function benchTrackers(out: (s?: string) => void, quick: boolean, total = quick ? 1000 : 5000): Promise<void> {
  const config = testConfig({ publicUrl: 'http://bench.local', demoPassword: 'bench-pass-1', backupKeep: 1 }, 'motcua-trackers-');
  const dir = config.dir;

  // A Monday 09:00 in the office's time zone, moving with real time: tickets may be issued.
  const start = Date.parse('2026-11-23T02:00:00Z') - performance.now();
  const app = await buildApp({ config, logger: false, now: () => Math.floor(start + performance.now()) });
  app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
  const ids: string[] = [];
  for (let i = 0; i < total; i++) ids.push(app.hub.tickets.issue({ serviceId: 1 + (i % 6) }).trackingId);
  const staffIds = (app.db.prepare("SELECT id FROM users ORDER BY id").all() as { id: number }[]).map((u) => u.id);
  for (let c = 1; c <= 6; c++) app.hub.counters.open(c, { userId: staffIds[c - 1] as number, ip: '127.0.0.1' }, `bench-${c}`);
  const hubUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const bareHttp = Fastify({ logger: false });
  await bareHttp.listen({ port: 0, host: '127.0.0.1' });
  const bareIo = new Server(bareHttp.server, { serveClient: false, perMessageDeflate: false });
  bareIo.on('connection', (s) => void s.join(String(s.handshake.auth.room)));
  const bareUrl = `http://127.0.0.1:${(bareHttp.server.address() as { port: number }).port}`;

  out('## Phones tracking a ticket (trackers), vs a bare Socket.IO server');
  out();
  out(`${total} tickets waiting in 6 services; clients in a child process, so RSS is the server process's (hub and bare server live in it).`);
  out();
  out('| connected | hub RSS MB | hub Δ RSS / Δ heap MB per 1,000 | bare Δ RSS / Δ heap MB per 1,000 |');
  out('|---|---|---|---|');
  const hubClients = clientProcess();
  const bareClients = clientProcess();
  let hubPrev = await rss();
  const hubStart = hubPrev;
  const perThousand: { hub: number; bare: number }[] = [];
  for (let n = 0; n < total; n += STEP) {
    const slice = ids.slice(n, n + STEP);
    const heap0 = heap();
    const h = await hubClients.connect(hubUrl, slice.map((trackingId) => ({ role: 'tracker', protocolVersion: PROTOCOL_VERSION, trackingId })));
    const hubNow = await rss();
    const heap1 = heap();
    await bareClients.connect(bareUrl, slice.map((room) => ({ room })));
    const bareNow = await rss();
    const heap2 = heap();
    const k = slice.length / STEP;
    perThousand.push({ hub: mb(heap1 - heap0) / k, bare: mb(heap2 - heap1) / k });
    out(
      `| ${n + slice.length}${h.failed ? ` (${h.failed} refused)` : ''} | ${f1(mb(hubNow))} | ${f1(mb(hubNow - hubPrev) / k)} / ${f1(mb(heap1 - heap0) / k)} | ${f1(mb(bareNow - hubNow) / k)} / ${f1(mb(heap2 - heap1) / k)} |`,
    );
    hubPrev = bareNow;
  }
  out();
  out(
    `Hub: ${app.hub.track.followed()} tickets followed; RSS grew ${f1(mb(hubPrev - hubStart))} MB for ${total} trackers and ${total} bare clients, ` +
      `median heap per 1,000: hub **${f1(median(perThousand.map((p) => p.hub)))} MB**, bare ${f1(median(perThousand.map((p) => p.bare)))} MB (RSS deltas are noisy: V8 grows its heap in steps).`,
  );
  out();

  // Delivery: a counter calls the next ticket; time until that ticket's phone has the push. Baseline: a bare room emit.
  const rounds = quick ? 10 : 30;
  const ours: number[] = [];
  const bare: number[] = [];
  const passes: number[] = [];
  let pushes = 0;
  // Warm-up: the first pass after the phones connected sends each its figures once (these clients read no HTTP view).
  app.hub.counters.callNext(6, { userId: staffIds[5] as number, ip: '127.0.0.1' });
  app.hub.track.recompute();
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    const i0 = performance.now();
    app.hub.track.recompute();
    idle.push(performance.now() - i0);
  }
  for (let r = 0; r < rounds; r++) {
    const counterId = 1 + (r % 6);
    const before = app.hub.track.pushes();
    const t0 = epoch();
    const called = app.hub.counters.callNext(counterId, { userId: staffIds[counterId - 1] as number, ip: '127.0.0.1' });
    const trackingId = (app.db.prepare('SELECT tracking_id FROM tickets WHERE id = ?').get(called.id) as { tracking_id: string }).tracking_id;
    ours.push((await hubClients.callOf(trackingId)) - t0);
    const p0 = performance.now();
    app.hub.track.recompute();
    passes.push(performance.now() - p0);
    pushes += app.hub.track.pushes() - before;
    const room = ids[(r * 97) % ids.length] as string;
    const b = bareClients.callOf(room);
    const b0 = epoch();
    bareIo.to(room).emit('bare:call', { call: { counterNumber: counterId, counterName: 'Quầy', recall: false } });
    bare.push((await b) - b0);
    await sleep(50);
  }
  out(`Call → the called ticket's phone, ${total} trackers connected (${rounds} calls): p50 **${f1(median(ours))} ms**, p99 ${f1(percentile(ours, 99))} ms; bare room emit p50 ${f1(median(bare))} ms, p99 ${f1(percentile(bare, 99))} ms.`);
  out(
    `Position pass after a call (one indexed query over today's waiting tickets; a push only to phones whose figures changed): median **${f1(median(passes))} ms**, p99 ${f1(percentile(passes, 99))} ms, ${f1(pushes / rounds)} pushes per call (everyone behind the called ticket moves up); a pass with nothing changed: median ${f1(median(idle))} ms. Passes are coalesced: at most one per 300 ms, whatever the call rate.`,
  );
  out();
  await hubClients.close();
  await bareClients.close();
  bareIo.close();
  await bareHttp.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 1000);
  benchTrackers((s = '') => process.stdout.write(`${s}\n`), true, n).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
