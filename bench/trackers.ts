// Phones tracking their ticket (quality.md: 5,000 connected Socket.IO clients on one process, RSS < 400 MB), beside a
// bare Socket.IO server whose clients join one room each. Hub and bare server each run alone in their own process (so
// each RSS is that server's own); the phones are socket.io-client sockets in two client processes. Also: a call's
// delivery to the called ticket's phone, and the position updates that follow it.
// Alone: `tsx --tsconfig server/tsconfig.json bench/trackers.ts [--n=1000]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '../shared/events';
import { epoch, f1, load1, median, percentile, rssMb, runAlone, sleep, type Out } from './lib';
import { openCounter, startBare, startClients, startHub } from './procs';
import { BENCH_PASSWORD, seedHub } from './seed';

const STEP = 1000;
const COUNTERS = 4;

/** Measures trackers against the hub and a bare Socket.IO server; returns the hub's RSS with `total` phones. */
export async function benchTrackers(out: Out, quick: boolean, total = quick ? 1000 : 5000): Promise<{ hubRss: number; total: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-trackers-'));
  const waiting = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [i + 1, Math.ceil(total / 6)]));
  const { dbFile, trackingIds } = await seedHub(dir, 'trackers', { waiting });
  const ids = trackingIds.slice(0, total);
  const hub = await startHub(dbFile, BENCH_PASSWORD);
  const bare = await startBare('broadcast', dir);
  const hubPid = hub.pid as number;
  const hubClients = startClients();
  const bareClients = startClients();
  try {
    const cookies: string[] = [];
    for (let c = 1; c <= COUNTERS; c++) cookies.push(await openCounter(hub.url, `canbo${c}`, BENCH_PASSWORD, c));
    await sleep(1000);
    const hubStart = rssMb(hubPid);
    const bareStart = rssMb(bare.pid);
    out('## Phones tracking a ticket (trackers), vs a bare Socket.IO server');
    out();
    out(
      `${total} tickets waiting in 6 services. Hub and bare Socket.IO server (clients join one room each) each in their ` +
        `own process, so each RSS is that server's alone (hub at start: ${f1(hubStart)} MB with its database and ` +
        `catalog; bare: ${f1(bareStart)} MB); the phones are socket.io-client sockets in two other processes.`,
    );
    out();
    out('| connected | hub RSS MB | hub Δ RSS MB per 1,000 | bare RSS MB | bare Δ RSS MB per 1,000 |');
    out('|---|---|---|---|---|');
    let hubPrev = hubStart;
    let barePrev = bareStart;
    const perThousand: { hub: number; bare: number }[] = [];
    for (let n = 0; n < total; n += STEP) {
      const slice = ids.slice(n, n + STEP);
      const h = await hubClients.connect(hub.url, slice.map((trackingId) => ({ role: 'tracker', protocolVersion: PROTOCOL_VERSION, trackingId })), ['track:updated']);
      await bareClients.connect(bare.url, slice.map((room) => ({ room })), ['track:updated']);
      await sleep(1000);
      const hubNow = rssMb(hubPid);
      const bareNow = rssMb(bare.pid);
      const k = slice.length / STEP;
      perThousand.push({ hub: (hubNow - hubPrev) / k, bare: (bareNow - barePrev) / k });
      out(`| ${n + slice.length}${h.failed ? ` (${h.failed} refused)` : ''} | ${f1(hubNow)} | ${f1((hubNow - hubPrev) / k)} | ${f1(bareNow)} | ${f1((bareNow - barePrev) / k)} |`);
      hubPrev = hubNow;
      barePrev = bareNow;
    }
    out();
    out(
      `With ${total} phones: hub RSS **${f1(hubPrev)} MB** (target < 400 MB), median growth per 1,000 phones: hub ` +
        `**${f1(median(perThousand.map((p) => p.hub)))} MB**, bare ${f1(median(perThousand.map((p) => p.bare)))} MB.`,
    );
    out();

    // A counter calls the next ticket: time until its phone has the call; then the position updates that follow.
    const rounds = quick ? 10 : 20;
    const ours: number[] = [];
    const base: number[] = [];
    const updates: number[] = [];
    const lastUpdate: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const c = r % COUNTERS;
      const call = () => fetch(`${hub.url}/api/counters/${c + 1}/call-next`, { method: 'POST', headers: { cookie: cookies[c] as string } }).then((res) => res.arrayBuffer());
      const counted = hubClients.count('track:updated', 800);
      const t0 = epoch();
      ours.push(await hubClients.time(call, { event: 'track:updated', count: 1, call: true }));
      const { n, last } = await counted;
      updates.push(n);
      lastUpdate.push(last - t0);
      const room = ids[(r * 97) % ids.length] as string;
      base.push(await bareClients.time(() => bare.post('/emit', { event: 'track:updated', room, payload: { call: { counterNumber: c + 1 } } }), { event: 'track:updated', count: 1, key: room }));
      await sleep(200);
    }
    out(
      `Call → the called ticket's phone, ${total} phones connected (${rounds} calls from the bench process over HTTP, ` +
        `load avg ${load1()}): p50 **${f1(median(ours))} ms**, p99 ${f1(percentile(ours, 99))} ms; bare room emit ` +
        `(HTTP POST /emit) p50 ${f1(median(base))} ms, p99 ${f1(percentile(base, 99))} ms.`,
    );
    out(
      `Position updates after a call (one pass, coalesced to at most one per 300 ms; a push only to phones whose place ` +
        `or wait changed): ${f1(median(updates))} phones updated per call (median), the last one ${f1(median(lastUpdate))} ms ` +
        `after the call (p99 ${f1(percentile(lastUpdate, 99))} ms), the 300 ms window included.`,
    );
    out();
    return { hubRss: hubPrev, total };
  } finally {
    await hubClients.close();
    await bareClients.close();
    await hub.stop();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchTrackers(out, true, Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 1000)));
