import type { Db } from '../db';
import { timeOrderedId } from '../random-token';

/** An outbox row as stored. */
export interface OutboxEventRow {
  seq: number;
  id: string;
  type: string;
  at: number;
  data: string;
}

/** A delivery row as stored. */
export interface DeliveryRow {
  id: number;
  consumer: string;
  event_seq: number;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  created_at: number;
  next_at: number | null;
  last_attempt_at: number | null;
  last_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

/** The outcome of one attempt. */
export interface AttemptResult {
  ok: boolean;
  code: number | null;
  error: string | null;
}

/**
 * The transactional outbox: `append` runs inside the caller's transaction (the change and its event commit together);
 * consumers read the stream in `seq` order through their cursor, one pending delivery at a time.
 */
/** How often a cursor moved only past unwanted events is written. */
export const CURSOR_WRITE_MS = 1000;

export function outboxRepository(db: Db) {
  const s = {
    append: db.prepare('INSERT INTO outbox_events (id, type, at, data) VALUES (?, ?, ?, ?)'),
    maxSeq: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM outbox_events'),
    bySeq: db.prepare<[number], OutboxEventRow>('SELECT * FROM outbox_events WHERE seq = ?'),
    // The scan needs only each event's type (its data is read once a consumer takes it): the rows' JSON is not copied
    // into JavaScript strings for every consumer that skips them.
    after: db.prepare<[number, number], Pick<OutboxEventRow, 'seq' | 'type'>>('SELECT seq, type FROM outbox_events WHERE seq > ? ORDER BY seq LIMIT ?'),
    cursor: db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM outbox_cursors WHERE consumer = ?'),
    setCursor: db.prepare(
      'INSERT INTO outbox_cursors (consumer, last_seq) VALUES (?, ?) ON CONFLICT (consumer) DO UPDATE SET last_seq = excluded.last_seq',
    ),
    dropCursor: db.prepare('DELETE FROM outbox_cursors WHERE consumer = ?'),
    firstPending: db.prepare<[string], DeliveryRow>("SELECT * FROM outbox_deliveries WHERE consumer = ? AND status = 'pending' ORDER BY id LIMIT 1"),
    addDelivery: db.prepare("INSERT INTO outbox_deliveries (consumer, event_seq, status, created_at, next_at) VALUES (?, ?, 'pending', ?, ?)"),
    attempt: db.prepare(
      `UPDATE outbox_deliveries SET attempts = attempts + 1, last_attempt_at = @at, last_code = @code, last_error = @error,
         status = @status, next_at = @next_at, delivered_at = @delivered_at WHERE id = @id`,
    ),
    replay: db.prepare("UPDATE outbox_deliveries SET status = 'pending', attempts = 0, created_at = ?, next_at = ?, delivered_at = NULL WHERE id = ? AND consumer = ?"),
    delivery: db.prepare<[number, string], DeliveryRow>('SELECT * FROM outbox_deliveries WHERE id = ? AND consumer = ?'),
    list: db.prepare<[string, number], DeliveryRow & { type: string; event_id: string }>(
      `SELECT d.*, e.type, e.id AS event_id FROM outbox_deliveries d JOIN outbox_events e ON e.seq = d.event_seq
        WHERE d.consumer = ? ORDER BY d.id DESC LIMIT ?`,
    ),
    counts: db.prepare<[string], { pending: number; dead: number }>(
      "SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'dead') AS dead FROM outbox_deliveries WHERE consumer = ?",
    ),
    dropDeliveries: db.prepare('DELETE FROM outbox_deliveries WHERE consumer = ?'),
    pruneDeliveries: db.prepare<[number]>("DELETE FROM outbox_deliveries WHERE status <> 'pending' AND created_at < ?"),
    // An event every consumer has passed and no delivery row still names.
    pruneEvents: db.prepare<[number]>(
      `DELETE FROM outbox_events WHERE at < ? AND seq <= coalesce((SELECT min(last_seq) FROM outbox_cursors), seq)
         AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_seq = outbox_events.seq)`,
    ),
  };
  const listeners: (() => void)[] = [];
  /**
   * Cursors moved past events a consumer does not want, not yet written: writing each move would cost a durable commit
   * per event-loop turn on the issue path. Written at most once per CURSOR_WRITE_MS; a crash only makes the consumer
   * read those unwanted events again (and skip them again).
   */
  const unsaved = new Map<string, { seq: number; writtenAt: number }>();
  /** `fields` (and `idKey`) are names from shared/ (PERSONAL_FIELDS), never input: safe to put in the SQL text. */
  function strip(type: string, fields: readonly string[], where: string, param: number | string): number {
    const paths = fields.map((f) => `'$.${f}'`).join(', ');
    const present = fields.map((f) => `json_extract(data, '$.${f}') IS NOT NULL`).join(' OR ');
    return db.prepare(`UPDATE outbox_events SET data = json_remove(data, ${paths}) WHERE type = ? AND ${where} AND (${present})`).run(type, param).changes;
  }
  return {
    /** Appends an event; must run inside the transaction of the change it reports. Returns its sequence number. */
    append(type: string, at: number, data: unknown): number {
      const seq = Number(s.append.run(`evt_${timeOrderedId()}`, type, at, JSON.stringify(data)).lastInsertRowid);
      for (const l of listeners) l();
      return seq;
    },
    /** `listener` runs on every append (inside the transaction: it may only schedule work for after it). */
    onAppend: (listener: () => void) => void listeners.push(listener),
    maxSeq: (): number => s.maxSeq.get()?.seq ?? 0,
    bySeq: (seq: number) => s.bySeq.get(seq),
    after: (seq: number, limit: number) => s.after.all(seq, limit),
    cursor: (consumer: string): number | undefined => unsaved.get(consumer)?.seq ?? s.cursor.get(consumer)?.last_seq,
    setCursor(consumer: string, seq: number): void {
      unsaved.delete(consumer);
      s.setCursor.run(consumer, seq);
    },
    /** Moves a cursor past unwanted events (the dispatcher's scan); written now only if the last write is old. */
    passCursor(consumer: string, seq: number, at: number): void {
      const last = unsaved.get(consumer);
      if (last && at - last.writtenAt < CURSOR_WRITE_MS) return void (last.seq = seq);
      s.setCursor.run(consumer, seq);
      unsaved.set(consumer, { seq, writtenAt: at });
    },
    firstPending: (consumer: string) => s.firstPending.get(consumer),
    addDelivery: (consumer: string, seq: number, at: number): number => Number(s.addDelivery.run(consumer, seq, at, at).lastInsertRowid),
    recordAttempt(id: number, at: number, r: AttemptResult, status: DeliveryRow['status'], nextAt: number | null): void {
      s.attempt.run({ id, at, code: r.code, error: r.error, status, next_at: nextAt, delivered_at: status === 'delivered' ? at : null });
    },
    delivery: (consumer: string, id: number) => s.delivery.get(id, consumer),
    /** Sends a delivery again (admin's replay): pending now, a fresh 24 h of retries. */
    replay: (consumer: string, id: number, at: number): boolean => s.replay.run(at, at, id, consumer).changes === 1,
    deliveries: (consumer: string, limit: number) => s.list.all(consumer, limit),
    counts: (consumer: string) => s.counts.get(consumer) ?? { pending: 0, dead: 0 },
    /** Removes `fields` from the data of `type` events older than `before` (retention); returns the rows changed. */
    stripFields: (type: string, fields: readonly string[], before: number): number => strip(type, fields, 'at < ?', before),
    /**
     * Removes `fields` from the data of `type` events about one of `ids` (their `idKey`: a citizen's erasure, inside its
     * transaction); returns the rows changed.
     */
    stripFieldsOf: (type: string, fields: readonly string[], idKey: string, ids: readonly number[]): number =>
      ids.length ? strip(type, fields, `json_extract(data, '$.${idKey}') IN (SELECT value FROM json_each(?))`, JSON.stringify(ids)) : 0,
    /** Drops finished deliveries created before `deliveriesBefore` (real time), then the events nobody needs any more. */
    prune(deliveriesBefore: number, eventsBefore: number): { deliveries: number; events: number } {
      return db.transaction(() => {
        // The cursors as far as they really are, so pruning sees every event all consumers have passed.
        for (const [consumer, c] of unsaved) s.setCursor.run(consumer, c.seq);
        return { deliveries: s.pruneDeliveries.run(deliveriesBefore).changes, events: s.pruneEvents.run(eventsBefore).changes };
      })();
    },
    /** Forgets a consumer (its endpoint was deleted). */
    drop(consumer: string): void {
      unsaved.delete(consumer);
      s.dropDeliveries.run(consumer);
      s.dropCursor.run(consumer);
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;
