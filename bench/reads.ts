// Reads a screen or a citizen makes, timed from outside the hub: the snapshot a reconnecting screen loads (quality.md:
// < 20 ms server time with 2,000 tickets today) beside a bare route serving the same bytes, and procedure search over
// 2,000 procedures (< 50 ms). autocannon's CLI, one connection (one request at a time), rounds alternating.
// Alone: `tsx --tsconfig server/tsconfig.json bench/reads.ts [--quick]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannon, f1, load1, type LoadResult, median, type Out, runAlone } from './lib';
import { startBare, startHub } from './procs';
import { BENCH_PASSWORD, seedHub } from './seed';

const QUERIES = ['dang ky khai sinh', 'chung thuc', 'cap giay chung nhan', 'ho kinh doanh', 'tam tru', 'kh', 'dat dai bien dong'];

/** Snapshot and search figures; returns the snapshot's median server time estimate (hub − bare, ms). */
export async function benchReads(out: Out, quick: boolean): Promise<{ snapshotP50: number; snapshotP99: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-reads-'));
  const seconds = quick ? 2 : 3;
  const rounds = quick ? 1 : 3;
  // 2,000 tickets today in the two services counter 1 serves, 1,000 of them called and finished; 2,000 more procedures.
  const { dbFile } = await seedHub(dir, 'reads', { waiting: { 1: 1000, 2: 1000 }, calledAtCounter1: 1000, procedures: 2000 });
  const hub = await startHub(dbFile, BENCH_PASSWORD);
  const bare = await startBare('broadcast', dir);
  try {
    const res = await fetch(`${hub.url}/api/queue/snapshot`);
    const body = (await res.json()) as { waiting: unknown[] };
    await bare.post('/keep', body);
    const one = (url: string) => autocannon({ url, connections: 1, seconds });
    const hubRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    await one(`${hub.url}/api/queue/snapshot`); // warm-up
    for (let r = 0; r < rounds; r++) {
      bareRuns.push(await one(`${bare.url}/kept`));
      hubRuns.push(await one(`${hub.url}/api/queue/snapshot`));
    }
    if ([...hubRuns, ...bareRuns].some((r) => r.errors > 0)) throw new Error('snapshot requests refused');
    const hp50 = median(hubRuns.map((r) => r.p50));
    const hp99 = median(hubRuns.map((r) => r.p99));
    const bp50 = median(bareRuns.map((r) => r.p50));
    const bp99 = median(bareRuns.map((r) => r.p99));
    const hMean = median(hubRuns.map((r) => r.mean));
    const bMean = median(bareRuns.map((r) => r.mean));
    out('## Snapshot on reconnect');
    out();
    out(
      `2,000 tickets today (${body.waiting.length} still waiting), GET /api/queue/snapshot one request at a time ` +
        `(${rounds} rounds of ${seconds} s, alternating with a bare Fastify route sending the same ${f1(Buffer.byteLength(JSON.stringify(body)) / 1024)} KB): ` +
        `hub mean ${f1(hMean)} ms, p50 **${f1(hp50)} ms**, p99 ${f1(hp99)} ms; bare mean ${f1(bMean)} ms, p50 ${f1(bp50)} ms, ` +
        `p99 ${f1(bp99)} ms (load avg ${load1()}). The server time (building and serialising the snapshot) is about the ` +
        `difference of the medians: **${f1(hp50 - bp50)} ms** (target < 20 ms).`,
    );
    out();
    const search: number[] = [];
    const searchP99: number[] = [];
    for (const q of quick ? QUERIES.slice(0, 3) : QUERIES) {
      // The route allows 600 requests a minute per address: 80 per query stays under it.
      const r = await autocannon({ url: `${hub.url}/api/procedures?q=${encodeURIComponent(q)}&limit=20`, connections: 1, seconds: 30, amount: 80 });
      if (r.errors > 0) throw new Error(`search "${q}": ${r.errors} requests refused`);
      search.push(r.mean);
      searchP99.push(r.p99);
    }
    out('## Procedure search');
    out();
    out(
      `2,000 procedures added to the seeded catalog, GET /api/procedures?q=…&limit=20 one request at a time, 80 requests for each of ${search.length} queries ` +
        `(accent-free, prefixes): median of the queries' mean latency **${f1(median(search))} ms**, worst p99 ${f1(Math.max(...searchP99))} ms ` +
        `(target < 50 ms; HTTP included).`,
    );
    out();
    return { snapshotP50: hp50, snapshotP99: hp99 };
  } finally {
    await hub.stop();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchReads(out, process.argv.includes('--quick')));
