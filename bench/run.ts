// `npm run bench`: speed figures of quality.md, each beside a baseline measured in the same run.
// Writes docs/benchmarks.md. Loopback only; every loop is bounded in count and time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/events';
import { buildApp } from '../server/src/app';
import type {} from '../server/src/plugins/hub'; // the app's decorators (db, hub)
import type { Config } from '../server/src/config';
import { testConfig } from '../server/test/temp-config';
import { f1, fixedRate, load, median, percentile } from './lib';
import { DERIVED_PUSH_MS } from '../server/src/services/queue-service';
import { benchBundles, benchBusyDay } from './day-and-pages';
import { benchPrinting } from './printing';
import { benchTrackers } from './trackers';
import { benchScreenSoak } from './screen-soak';

const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
const quick = process.argv.includes('--quick');
const SECONDS = quick ? 2 : 5;
const CLIENTS = quick ? [100] : [100, 500, 1000];
const ROUND_PAUSE_MS = 300;
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

const config: Config = testConfig({ dbFile: join(dir, 'hub.db'), publicUrl: 'http://bench.local', demoPassword: 'bench-pass-1', backupKeep: 1 });

async function bareInsertServer() {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, service_id INTEGER, at INTEGER)');
  const insert = db.prepare('INSERT INTO t (service_id, at) VALUES (?, ?)');
  const app = Fastify({ logger: false });
  app.post('/bare', async (req) => {
    const id = insert.run((req.body as { serviceId: number }).serviceId, Date.now()).lastInsertRowid;
    return { id: Number(id) };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: async () => (await app.close(), db.close()) };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) => () =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
    async (r) => (await r.arrayBuffer(), r.ok),
    () => false,
  );

async function main(): Promise<void> {
  const cpu = cpus();
  out(`# motcua benchmarks`);
  out();
  out(`Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}.`);
  out(`Load generator in the same process as the servers (loopback). ${quick ? 'Quick run.' : ''}`);
  out();

  const app = await buildApp({ config, logger: false });
  app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
  const hub = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await bareInsertServer();

  // 1. Ticket issue, durable commit, vs a bare Fastify route doing one insert with the same SQLite settings.
  out('## Ticket issue (POST /api/tickets, WAL + synchronous=FULL)');
  out();
  out('| run | requests/s | p50 ms | p99 ms | errors |');
  out('|---|---|---|---|---|');
  const ratios: number[] = [];
  // Warm-up (JIT, statement caches, SQLite pages) for both, not counted.
  await load(post(`${bare.url}/bare`, { serviceId: 1 }), 32, 2);
  await load(post(`${hub}/api/tickets`, { serviceId: 6 }), 32, 2);
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    const b = await load(post(`${bare.url}/bare`, { serviceId: 1 }), 32, SECONDS);
    const h = await load(post(`${hub}/api/tickets`, { serviceId: 1 + (round % 6) }), 32, SECONDS);
    ratios.push(h.perSecond / b.perSecond);
    out(`| bare insert #${round + 1} | ${f1(b.perSecond)} | ${f1(b.p50)} | ${f1(b.p99)} | ${b.errors} |`);
    out(`| motcua issue #${round + 1} | ${f1(h.perSecond)} | ${f1(h.p50)} | ${f1(h.p99)} | ${h.errors} |`);
  }
  out();
  out(`Median throughput ratio motcua / bare: **${f1(median(ratios) * 100)} %** (target ≥ 70 %).`);
  const steady = await fixedRate(post(`${hub}/api/tickets`, { serviceId: 3 }), 200, SECONDS);
  out(`At a fixed 200 tickets/s: p50 ${f1(steady.p50)} ms, p99 **${f1(steady.p99)} ms** (target < 20 ms), errors ${steady.errors}.`);
  out();

  // 2. Snapshot for a reconnecting screen: a separate hub with 2,000 tickets today (half served), as in quality.md.
  const snapConfig = { ...config, dbFile: join(dir, 'snap.db') };
  const snapApp = await buildApp({ config: snapConfig, logger: false });
  snapApp.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
  for (let i = 0; i < 2000; i++) snapApp.hub.tickets.issue({ serviceId: 1 + (i % 2) }); // services counter 1 serves
  const staff = { userId: 3, ip: '127.0.0.1' };
  snapApp.hub.counters.open(1, staff, 'bench-session');
  for (let i = 0; i < 1000; i++) snapApp.hub.counters.callNext(1, staff);
  const snapTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    snapApp.hub.queue.snapshot('public');
    snapTimes.push(performance.now() - t0);
  }
  const waitingNow = snapApp.hub.queue.snapshot('public').waiting.length;
  await snapApp.close();
  out('## Snapshot on reconnect');
  out();
  out(`2,000 tickets today (${waitingNow} still waiting): snapshot built in median **${f1(median(snapTimes))} ms**, p99 ${f1(percentile(snapTimes, 99))} ms (target < 20 ms).`);
  out();

  // 3. call-next → every display has the call, vs a bare Socket.IO broadcast of the same payload.
  out('## Call → every display (ticket:called), vs a bare Socket.IO broadcast');
  out();
  out('| displays | motcua p50 / p95 / p99 ms | bare p50 / p95 / p99 ms | p99 ratio |');
  out('|---|---|---|---|');
  const login = await fetch(`${hub}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo1', password: config.demoPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await fetch(`${hub}/api/counters/1/open`, { method: 'POST', headers: { cookie } });
  const bareIo = new Server({ serveClient: false, perMessageDeflate: false });
  const bareHttp = Fastify({ logger: false });
  await bareHttp.listen({ port: 0, host: '127.0.0.1' });
  bareIo.attach(bareHttp.server);
  const bareUrl = `http://127.0.0.1:${(bareHttp.server.address() as { port: number }).port}`;
  for (const n of CLIENTS) {
    const connectAll = async (url: string, auth: object) => {
      const sockets: Socket[] = [];
      for (let i = 0; i < n; i += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, n - i) }, () => {
            const s = connect(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
            sockets.push(s);
            return new Promise<void>((resolve, reject) => {
              s.once('connect', () => resolve());
              s.once('connect_error', reject);
            });
          }),
        );
      }
      return sockets;
    };
    const measure = async (sockets: Socket[], event: string, trigger: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let round = 0; round < (quick ? 10 : 30); round++) {
        let got = 0;
        const t0 = performance.now();
        const done = new Promise<void>((resolve) => {
          for (const s of sockets)
            s.once(event, () => {
              if (++got === sockets.length) resolve();
            });
        });
        await trigger();
        await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
        times.push(performance.now() - t0);
        for (const s of sockets) s.off(event);
        // Calls are seconds apart at a counter: a pause keeps one call's follow-up pushes out of the next measurement.
        await new Promise((r) => setTimeout(r, ROUND_PAUSE_MS));
      }
      return times;
    };
    const displays = await connectAll(hub, { role: 'display', protocolVersion: PROTOCOL_VERSION });
    const ours = await measure(displays, 'ticket:called', () => fetch(`${hub}/api/counters/1/call-next`, { method: 'POST', headers: { cookie } }).then((r) => r.arrayBuffer()));
    // The bare server broadcasts exactly what the displays received from motcua's last call.
    let payload: unknown = null;
    displays[0]?.once('ticket:called', (p: unknown) => (payload = p));
    await fetch(`${hub}/api/counters/1/call-next`, { method: 'POST', headers: { cookie } }).then((r) => r.arrayBuffer());
    for (let waited = 0; payload === null; waited += 10) {
      if (waited > 5_000) throw new Error('no ticket:called reached the displays (is the queue of counter 1 empty?)');
      await new Promise((r) => setTimeout(r, 10));
    }
    const bareClients = await connectAll(bareUrl, {});
    const base = await measure(bareClients, 'ticket:called', async () => bareIo.emit('ticket:called', payload));
    out(
      `| ${n} | ${f1(median(ours))} / ${f1(percentile(ours, 95))} / ${f1(percentile(ours, 99))} | ${f1(median(base))} / ${f1(percentile(base, 95))} / ${f1(percentile(base, 99))} | **${f1(percentile(ours, 99) / percentile(base, 99))}×** |`,
    );
    for (const s of [...displays, ...bareClients]) s.disconnect();
  }
  out();
  out(
    `Target: motcua p99 ≤ 1.5× the bare broadcast. motcua's time runs from sending POST /api/counters/1/call-next (HTTP, ` +
      `the committed transaction, then the push); the bare one from the emit. After each call motcua also pushes ` +
      `counter:updated and services:updated, ${DERIVED_PUSH_MS} ms later by design so the call goes first; rounds are ` +
      `${ROUND_PAUSE_MS} ms apart for both.`,
  );
  out();
  bareIo.close();
  await bareHttp.close();

  // 4. Procedure search with 2,000 procedures.
  const seed = app.hub.catalog.exportAll();
  const many = Array.from({ length: 2000 }, (_, i) => {
    const p = seed.procedures[i % seed.procedures.length];
    return { ...p, code: `8.${String(i).padStart(6, '0')}`, name: `${p?.name} (bản ${i})` };
  });
  app.hub.catalog.load({ fields: [], procedures: many as typeof seed.procedures });
  const queries = ['dang ky khai sinh', 'chung thuc', 'cap giay chung nhan', 'ho kinh doanh', 'tam tru', 'kh', 'dat dai bien dong'];
  const searchTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    app.hub.catalog.search(queries[i % queries.length], undefined, 20);
    searchTimes.push(performance.now() - t0);
  }
  out('## Procedure search');
  out();
  out(`${2000 + seed.procedures.length} procedures: median **${f1(median(searchTimes))} ms**, p99 ${f1(percentile(searchTimes, 99))} ms per query (target < 50 ms).`);
  out();
  // 5. Kiosk tap → ticket bytes at a loopback printer (its own hub and printer).
  await benchPrinting(out, quick);
  // 6. Phones tracking their ticket: 5,000 trackers (1,000 with --quick), call delivery, position passes.
  await benchTrackers(out, quick);
  // 7. A simulated busy day through the real routes; the day's report must equal the raw counts.
  await benchBusyDay(out, quick);
  // 8. Page weights of the built screens.
  benchBundles(out);
  await benchScreenSoak(out, quick); // 9. A wall display and a kiosk over a simulated office week (bench/screen-soak.ts).
  out(`Process RSS at the end: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB.`);

  await bare.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  if (!quick) writeFileSync('docs/benchmarks.md', `${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
