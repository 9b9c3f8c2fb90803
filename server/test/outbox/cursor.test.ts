import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURSOR_WRITE_MS } from '../../src/repositories/outbox-repository';
import { buildTestApp, issue } from '../helper';
import { until } from './receiver';

/**
 * A consumer's cursor moved only past events it does not want is written at most once per CURSOR_WRITE_MS (a durable
 * commit per scan cost the issue path a second fsync); reads, resets and pruning always see where it really is.
 */
describe('outbox cursors passed over unwanted events', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());
  const stored = (consumer: string) =>
    (t.app.db.prepare('SELECT last_seq FROM outbox_cursors WHERE consumer = ?').get(consumer) as { last_seq: number } | undefined)?.last_seq;

  it('writes the first move, keeps the next ones in memory until CURSOR_WRITE_MS has passed, and reads the newest', () => {
    const { outbox } = t.app.hub.repos;
    outbox.passCursor('test:lazy', 10, 1000);
    expect(stored('test:lazy')).toBe(10);
    outbox.passCursor('test:lazy', 20, 1000 + CURSOR_WRITE_MS - 1);
    expect(stored('test:lazy')).toBe(10);
    expect(outbox.cursor('test:lazy')).toBe(20);
    outbox.passCursor('test:lazy', 30, 1000 + CURSOR_WRITE_MS);
    expect(stored('test:lazy')).toBe(30);
    outbox.passCursor('test:lazy', 40, 1000 + CURSOR_WRITE_MS + 1);
    // A reset (a webhook created at the end of the stream, a province link from the start) wins over the memory.
    outbox.setCursor('test:lazy', 5);
    expect(outbox.cursor('test:lazy')).toBe(5);
    outbox.passCursor('test:lazy', 50, 5000);
    outbox.passCursor('test:lazy', 60, 5001);
    outbox.drop('test:lazy');
    expect(outbox.cursor('test:lazy')).toBeUndefined();
    expect(stored('test:lazy')).toBeUndefined();
  });

  it('pruning first writes the cursors kept in memory, so it drops what every consumer really passed', () => {
    const { outbox } = t.app.hub.repos;
    const seq = t.app.db.transaction(() => outbox.append('ticket.issued', 1, {}))();
    outbox.passCursor('test:prune', seq - 1, 10_000);
    outbox.passCursor('test:prune', seq, 10_001);
    expect(stored('test:prune')).toBe(seq - 1);
    outbox.prune(0, 2);
    expect(stored('test:prune')).toBe(seq);
    outbox.drop('test:prune');
  });

  it("the hub's own consumer passes a burst of unwanted events with at most one cursor write per second", async () => {
    const writes: number[] = [];
    const before = stored('notify') ?? 0;
    for (let i = 0; i < 30; i++) {
      expect((await issue(t.app, 1)).status).toBe(201);
      const s = stored('notify');
      if (s !== undefined && s !== (writes.at(-1) ?? before)) writes.push(s);
    }
    const last = t.app.hub.repos.outbox.maxSeq();
    await until(() => (t.app.hub.repos.outbox.cursor('notify') ?? 0) >= last, 2000, 'notify passing the burst');
    // 30 issues in far less than CURSOR_WRITE_MS × 30: the cursor row changed a few times, not 30.
    expect(writes.length).toBeLessThan(10);
  });
});
