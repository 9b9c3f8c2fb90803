// The province hub under its offices (issue 21): 300 enrolled offices, simulated in another process, first send 30 past
// days of facts, then a heartbeat every 30 s and a record of today every 30 s each, while province staff read the board
// and 30-day reports (autocannon's CLI, one request at a time, alternating with a bare route sending the same bytes).
// Alone: `tsx --tsconfig server/tsconfig.json bench/province.ts [--quick]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/src/app';
import type {} from '../server/src/plugins/hub';
import { testConfig } from '../server/test/temp-config';
import { autocannon, f1, load1, median, type Out, runAlone } from './lib';
import { startBare, startHub, startOffices } from './procs';
import { BENCH_PASSWORD } from './seed';

const OFFICES = 300;
const DAYS = 30;

/** A province database with its demo accounts and `n` offices enrolled; returns their credentials. */
async function seedProvince(dir: string, n: number): Promise<{ dbFile: string; offices: { code: string; credential: string }[] }> {
  const dbFile = join(dir, 'province.db');
  const config = testConfig({ dbFile, role: 'province', demoPassword: BENCH_PASSWORD, backupKeep: 1 }, 'motcua-bench-province-');
  const app = await buildApp({ config, logger: false });
  try {
    const admin = app.db.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number };
    const offices = Array.from({ length: n }, (_, i) => {
      const code = `000.${String(40 + Math.floor(i / 100)).padStart(2, '0')}.${String(i % 100).padStart(2, '0')}.H26`;
      const { enrollToken } = app.hub.province.addOffice({ code, name: `Trung tâm Phục vụ hành chính công xã số ${i + 1}` }, { userId: admin.id });
      return { code, credential: app.hub.province.enroll({ code, enrollToken }).credential };
    });
    return { dbFile, offices };
  } finally {
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  }
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'giamsat', password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`province login: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export async function benchProvince(out: Out, quick: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-province-'));
  const n = quick ? 60 : OFFICES;
  const { dbFile, offices } = await seedProvince(dir, n);
  const hub = await startHub(dbFile, BENCH_PASSWORD, { HUB_ROLE: 'province' });
  const insert = await startBare('insert', dir);
  const kept = await startBare('broadcast', dir);
  const sim = startOffices();
  try {
    const fill = await sim.backfill(hub.url, insert.url, offices, DAYS);
    if (fill.errors > 0) throw new Error(`backfill: ${fill.errors} sync requests refused`);
    const cookie = await login(hub.url);
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - DAYS * 86_400_000).toISOString().slice(0, 10);
    const candidates = ['/api/province/offices', ...['queue', 'dossiers', 'satisfaction'].map((r) => `/api/province/reports/${r}?from=${from}&to=${to}`)];
    const reads: { path: string; bytes: number }[] = [];
    for (const path of candidates) {
      const res = await fetch(`${hub.url}${path}`, { headers: { cookie } });
      if (res.ok) reads.push({ path, bytes: (await res.arrayBuffer()).byteLength });
      else if (res.status !== 404) throw new Error(`${path}: ${res.status}`);
    }
    const seconds = quick ? 20 : 75;
    const steady = sim.steady(hub.url, insert.url, offices, seconds);
    const rows: string[] = [];
    const rounds = quick ? 1 : 3;
    for (const { path } of reads) {
      const body = await (await fetch(`${hub.url}${path}`, { headers: { cookie } })).json();
      await kept.post('/keep', body);
      const hubRuns: number[] = [];
      const hubP99: number[] = [];
      const bareRuns: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const b = await autocannon({ url: `${kept.url}/kept`, connections: 1, seconds: 10, amount: 15 });
        const h = await autocannon({ url: `${hub.url}${path}`, connections: 1, seconds: 10, amount: 15, headers: { cookie } });
        if (h.errors > 0 || b.errors > 0) throw new Error(`${path}: ${h.errors} refused`);
        hubRuns.push(h.mean);
        hubP99.push(h.p99);
        bareRuns.push(b.mean);
      }
      const size = reads.find((x) => x.path === path)?.bytes ?? 0;
      rows.push(`| \`${path.split('?')[0]}\` | ${f1(size / 1024)} KB | **${f1(median(hubRuns))} ms** | ${f1(median(hubP99))} ms | ${f1(median(bareRuns))} ms |`);
    }
    const s = await steady;
    out('## Province hub: 300 offices');
    out();
    out(
      `${n} offices enrolled on a province hub (\`HUB_ROLE=province\`, its own process), simulated in another process. ` +
        `Backfill: each office sends ${DAYS} past days of facts (per service, counter, staff, field and rating level) in one sync request (4 offices at a time): ` +
        `${fill.records} records in ${f1(fill.ms / 1000)} s (**${f1(fill.records / (fill.ms / 1000))} records/s**; the same ` +
        `${n} bodies to the bare insert route, parsed and one durable insert each: ${f1(fill.bareMs / 1000)} s, ` +
        `${f1(n / (fill.bareMs / 1000))} requests/s against the hub's ${f1(n / (fill.ms / 1000))}). ` +
        `Then ${f1(s.seconds)} s of steady traffic: a heartbeat every 30 s and a record of today every 30 s from every office ` +
        `(${f1((2 * n) / 30)} requests/s, spread evenly), each heartbeat followed by one request to a bare Fastify route doing ` +
        `one durable insert (the baseline) — heartbeat p50 ${f1(s.heartbeat.p50)} ms, p99 **${f1(s.heartbeat.p99)} ms** ` +
        `(${s.heartbeat.n}); record p50 ${f1(s.sync.p50)} ms, p99 **${f1(s.sync.p99)} ms** (${s.sync.n}); bare p50 ` +
        `${f1(s.bare.p50)} ms, p99 ${f1(s.bare.p99)} ms (${s.bare.n}); ${s.errors} errors (load avg ${load1()}).`,
    );
    out();
    out(`Meanwhile a province supervisor reads (one request at a time, ${rounds} rounds of 15 alternating with a bare route sending the same bytes; reports over ${DAYS} days; target < 1 s):`);
    out();
    out('| Read | Size | Hub mean | Hub p99 | Bare mean |');
    out('|---|---|---|---|---|');
    for (const r of rows) out(r);
    out();
    if (s.errors > 0) throw new Error(`steady: ${s.errors} requests failed`);
  } finally {
    await sim.close();
    await Promise.all([insert.close(), kept.close(), hub.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchProvince(out, process.argv.includes('--quick')));
