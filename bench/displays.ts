// Call → every wall display (quality.md: p99 ≤ 1.5× a bare Socket.IO broadcast of the same payload to the same number
// of clients). The hub and the bare Socket.IO server each run alone in their own process; the displays of each are
// socket.io-client sockets in a process of their own; the bench process only sends the HTTP request that triggers a
// round (POST call-next to the hub, POST /emit to the bare server), alternating hub and bare rounds.
// Alone: `tsx --tsconfig server/tsconfig.json bench/displays.ts [--quick]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '../shared/events';
import { DERIVED_PUSH_MS } from '../server/src/services/queue-service';
import { f1, load1, median, type Out, percentile, runAlone, sleep } from './lib';
import { openCounter, startBare, startClients, startHub } from './procs';
import { BENCH_PASSWORD, seedHub } from './seed';

// Calls are seconds apart at a counter. The pause also lets the hub's derived pushes (and its displays decoding them)
// finish before the next round, so they never run beside a bare round.
const ROUND_PAUSE_MS = 800;
const stats = (t: number[]) => `${f1(median(t))} / ${f1(percentile(t, 95))} / ${f1(percentile(t, 99))}`;

/** Call → displays beside the bare broadcast; returns the p99 ratio at each number of displays. */
export async function benchDisplays(out: Out, quick: boolean): Promise<Map<number, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-displays-'));
  const counts = quick ? [100] : [100, 500];
  const rounds = quick ? 10 : 15;
  const { dbFile } = await seedHub(dir, 'displays', { waiting: { 1: 300, 2: 300 } });
  const hub = await startHub(dbFile, BENCH_PASSWORD);
  const bare = await startBare('broadcast', dir);
  const ratios = new Map<number, number>();
  try {
    const cookie = await openCounter(hub.url, 'canbo1', BENCH_PASSWORD, 1);
    const callNext = () => fetch(`${hub.url}/api/counters/1/call-next`, { method: 'POST', headers: { cookie } }).then((r) => r.arrayBuffer());
    out('## Call → every display (ticket:called), vs a bare Socket.IO broadcast');
    out();
    out(
      `Hub and bare Socket.IO server (the hub's options) each in their own process; each one's displays are ` +
        `socket.io-client sockets in a process of their own. A round is timed from the bench process sending the HTTP ` +
        `request (hub: POST /api/counters/1/call-next — the transaction, its fsync, then the push; bare: POST /emit with ` +
        `the payload the hub's displays last received) until the last display has the event. ${rounds} rounds each, ` +
        `hub and bare alternating, ${ROUND_PAUSE_MS} ms apart (calls are seconds apart at a counter; the hub's derived ` +
        `pushes follow a call by ${DERIVED_PUSH_MS} ms by design and are over before the next round).`,
    );
    out();
    out('| displays | hub p50 / p95 / p99 ms | bare p50 / p95 / p99 ms | p99 ratio | load avg |');
    out('|---|---|---|---|---|');
    for (const n of counts) {
      const hubClients = startClients();
      const bareClients = startClients();
      const h = await hubClients.connect(hub.url, Array.from({ length: n }, () => ({ role: 'display', protocolVersion: PROTOCOL_VERSION })), ['ticket:called']);
      const b = await bareClients.connect(bare.url, Array.from({ length: n }, () => ({})), ['ticket:called']);
      if (h.failed || b.failed) throw new Error(`displays refused: hub ${h.failed}, bare ${b.failed}`);
      // Warm-up call; its payload is what the bare server broadcasts.
      await hubClients.time(callNext, { event: 'ticket:called', count: n });
      const payload = await hubClients.last('ticket:called');
      if (!payload) throw new Error('no ticket:called reached the displays (is the queue of counter 1 empty?)');
      const emit = () => bare.post('/emit', { event: 'ticket:called', payload });
      await bareClients.time(emit, { event: 'ticket:called', count: n });
      const ours: number[] = [];
      const base: number[] = [];
      for (let r = 0; r < rounds; r++) {
        await sleep(ROUND_PAUSE_MS);
        ours.push(await hubClients.time(callNext, { event: 'ticket:called', count: n }));
        await sleep(ROUND_PAUSE_MS);
        base.push(await bareClients.time(emit, { event: 'ticket:called', count: n }));
      }
      const ratio = percentile(ours, 99) / percentile(base, 99);
      ratios.set(n, ratio);
      out(`| ${n} | ${stats(ours)} | ${stats(base)} | **${f1(ratio)}×** | ${load1()} |`);
      await hubClients.close();
      await bareClients.close();
    }
    out();
    out('Target: hub p99 ≤ 1.5× the bare broadcast.');
    out();
    return ratios;
  } finally {
    await hub.stop();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, (out) => benchDisplays(out, process.argv.includes('--quick')));
