import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db';
import type { AttemptResult, DeliveryRow, OutboxEventRow, OutboxRepository } from '../repositories/outbox-repository';

/** One reader of the outbox: a webhook endpoint today, the province sync or a message gateway tomorrow. */
export interface OutboxConsumer {
  /** Stable key, e.g. `webhook:3`; its cursor and deliveries are stored under it. */
  key: string;
  /** Whether this consumer takes events of `type` (others are skipped, never queued). */
  wants(type: string): boolean;
  /** One attempt; resolves (never rejects) with what the receiver answered. */
  send(event: OutboxEventRow): Promise<AttemptResult>;
  /**
   * Never dead-lettered: retried (at most `retryMaxMs` apart) until delivered or the consumer is removed. For the
   * province sync, where a WAN down over a long weekend must not lose a single day's figures.
   */
  persistent?: boolean;
}

/** Delivery timing (configurable so tests need not wait hours). */
export interface DeliveryTiming {
  /** First retry after this long; doubles per failed attempt. */
  retryBaseMs: number;
  /** Longest wait between two attempts. */
  retryMaxMs: number;
  /** A delivery failing this long after it was first due is dead-lettered. */
  giveUpAfterMs: number;
  /** One attempt's time limit. */
  timeoutMs: number;
  /** Safety-net scan of every consumer (also how a restarted hub resumes). */
  pollMs: number;
}

/** Defaults: first retry after 10 s, at most 1 h apart, dead after 24 h; 10 s per attempt; a scan every 2 s. */
export const DEFAULT_TIMING: DeliveryTiming = { retryBaseMs: 10_000, retryMaxMs: 3_600_000, giveUpAfterMs: 86_400_000, timeoutMs: 10_000, pollMs: 2000 };

/** Wait before the attempt after `attempts` failed ones. */
export const backoff = (t: DeliveryTiming, attempts: number) => Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, attempts - 1));

const SCAN = 200;

/**
 * Moves the outbox to its consumers: at least once (a delivery is marked done only after a 2xx), in order per
 * consumer (one delivery in flight, the next taken only once this one is delivered or dead), with back-off.
 * Delivery bookkeeping uses the real clock (timers), independent of the hub's business clock.
 */
export function createDispatcher(deps: { db: Db; outbox: OutboxRepository; consumers: () => OutboxConsumer[]; timing: DeliveryTiming; log: FastifyBaseLogger }) {
  const { db, outbox, timing } = deps;
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let poll: NodeJS.Timeout | undefined;
  let kickScheduled = false;
  let closed = false;

  /** The consumer's current delivery: the oldest pending one, else the next wanted event taken from the stream. */
  const current = db.transaction((c: OutboxConsumer, at: number): DeliveryRow | undefined => {
    const pending = outbox.firstPending(c.key);
    if (pending) return pending;
    let cursor = outbox.cursor(c.key) ?? outbox.maxSeq();
    for (;;) {
      const batch = outbox.after(cursor, SCAN);
      if (batch.length === 0) break;
      for (const e of batch) {
        cursor = e.seq;
        if (!c.wants(e.type)) continue;
        outbox.setCursor(c.key, cursor);
        const id = outbox.addDelivery(c.key, e.seq, at);
        return outbox.delivery(c.key, id);
      }
    }
    outbox.passCursor(c.key, cursor, at);
    return undefined;
  });

  function later(key: string, at: number, run: () => void): void {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => { timers.delete(key); run(); }, Math.max(0, at - Date.now())).unref());
  }

  async function pump(c: OutboxConsumer): Promise<void> {
    while (!closed) {
      const d = current.immediate(c, Date.now());
      if (!d) return;
      if (d.next_at !== null && d.next_at > Date.now()) {
        later(c.key, d.next_at, () => run(c));
        return;
      }
      const event = outbox.bySeq(d.event_seq);
      const r: AttemptResult = event ? await c.send(event) : { ok: false, code: null, error: 'event gone' };
      const at = Date.now();
      if (r.ok) outbox.recordAttempt(d.id, at, r, 'delivered', null);
      else if (!event || (!c.persistent && at - d.created_at >= timing.giveUpAfterMs)) outbox.recordAttempt(d.id, at, r, 'dead', null);
      else outbox.recordAttempt(d.id, at, r, 'pending', at + backoff(timing, d.attempts + 1));
    }
  }

  function run(c: OutboxConsumer): void {
    if (closed || busy.has(c.key)) return;
    busy.add(c.key);
    const p = pump(c)
      .catch((err: unknown) => deps.log.error({ err, consumer: c.key }, 'outbox delivery failed'))
      .finally(() => {
        busy.delete(c.key);
        inFlight.delete(p);
      });
    inFlight.add(p);
  }

  function scan(): void {
    if (closed) return;
    for (const c of deps.consumers()) run(c);
  }

  // Every append (inside some transaction) asks for a scan once the current synchronous work, the commit, is done.
  outbox.onAppend(() => {
    if (kickScheduled) return;
    kickScheduled = true;
    setImmediate(() => {
      kickScheduled = false;
      scan();
    });
  });

  return {
    /** Starts delivering, pending deliveries of a previous run first. */
    start(): void {
      scan();
      poll = setInterval(scan, timing.pollMs).unref();
    },
    /** Look now (after a replay, an endpoint change). */
    kick: scan,
    async close(): Promise<void> {
      closed = true;
      clearInterval(poll);
      for (const t of timers.values()) clearTimeout(t);
      await Promise.allSettled([...inFlight]);
    },
  };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
