import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { Receiver, until } from '../outbox/receiver';
import { freePort, HubProcess } from './hub-process';

const PASSWORD = 'demo-webhooks';

/** Ticket rows and their outbox events, read straight from the file of a killed hub. */
function storedState(dbFile: string) {
  const db = new Database(dbFile);
  try {
    const tickets = (db.prepare('SELECT id FROM tickets ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const events = db.prepare("SELECT seq, id, data FROM outbox_events WHERE type = 'ticket.issued' ORDER BY seq").all() as { seq: number; id: string; data: string }[];
    return { tickets, events: events.map((e) => ({ seq: e.seq, id: e.id, ticketId: (JSON.parse(e.data) as { ticketId: number }).ticketId })) };
  } finally {
    db.close();
  }
}

/**
 * issue 20's proof: the receiver down for a while and the hub SIGKILLed (twice) while events wait, then both back:
 * every event arrives, in order, none missing; no ticket without its event and no event without its ticket.
 */
describe('webhooks across a SIGKILLed hub and a receiver that was down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-hooks-'));
  const dbFile = join(dir, 'motcua.db');
  const rx = new Receiver();
  afterAll(async () => {
    await rx.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every committed event once the receiver is back, in order, signed', { timeout: 120_000 }, async () => {
    await rx.start();
    const port = await freePort();
    const hub = new HubProcess(port, {
      DB_FILE: dbFile,
      DEMO_PASSWORD: PASSWORD,
      STATIC_DIR: join(dir, 'no-dist'),
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_POLL_MS: '500',
    });
    await hub.start();
    const login = await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const created = await fetch(`${hub.url}/api/admin/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ url: rx.url, events: ['ticket.issued'] }) });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    const issueOne = async () => {
      try {
        const res = await fetch(`${hub.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 }), signal: AbortSignal.timeout(2000) });
        return res.status === 201;
      } catch {
        return false; // the hub was killed under the request: nothing was promised
      }
    };
    // Receiver up: the first events flow.
    for (let i = 0; i < 5; i++) expect(await issueOne()).toBe(true);
    await until(() => rx.got.length >= 5, 10_000, 'the first five');

    // Receiver down; tickets keep coming; the hub is killed in the middle of the load, twice.
    await rx.stop();
    for (let round = 0; round < 2; round++) {
      let running = true;
      const loops = Array.from({ length: 3 }, async () => {
        while (running) if (!(await issueOne())) await new Promise((r) => setTimeout(r, 20));
      });
      await new Promise((r) => setTimeout(r, 700 + Math.random() * 500));
      await hub.kill();
      running = false;
      await Promise.all(loops);
      const state = storedState(dbFile);
      // The change and its event committed together or not at all.
      expect(state.events.map((e) => e.ticketId)).toEqual(state.tickets);
      await hub.start();
    }
    // Killed once more with every event still waiting; then both come back: the receiver, and the hub, which
    // resumes the pending deliveries within 10 s of its start.
    await hub.kill();
    const waiting = storedState(dbFile).events;
    expect(waiting.length).toBeGreaterThan(10);
    await rx.start(rx.port);
    await hub.start();
    const up = Date.now(); // the hub answers its health check
    await until(() => rx.got.length > 5, 10_000, 'the first delivery after the restart');
    expect(Date.now() - up).toBeLessThan(10_000);
    const firstOf = () => {
      const seen = new Map<string, number>();
      for (const r of rx.got) if (!seen.has(r.headers['webhook-id'] as string)) seen.set(r.headers['webhook-id'] as string, r.json.seq);
      return seen;
    };
    await until(() => firstOf().size === waiting.length, 60_000, 'every event');
    const seen = firstOf();
    // In order (first arrivals by sequence), none missing, ids as stored.
    expect([...seen.values()]).toEqual(waiting.map((e) => e.seq));
    expect([...seen.keys()]).toEqual(waiting.map((e) => e.id));
    expect(rx.got.map((r) => r.json.data.ticketId)).toEqual(expect.arrayContaining(waiting.map((e) => e.ticketId)));
    const verifier = new Webhook(secret);
    for (const r of rx.got) expect(verifier.verify(r.body, r.headers as Record<string, string>)).toEqual(r.json);
    await hub.stop();
  });
});
