// WAL frames written per issued ticket (a machine-independent measure of what one ticket costs the disk): a real hub
// (real SQLite file, a printer configured so each ticket gets its print job) issues tickets in group commits of a
// given size; the WAL's frame count is read with automatic checkpoints off. Beside it, the bare baseline: the bare
// insert route's one-row table (bench/bare-server.ts) written in the same commit sizes.
// Run by `npm run bench` in its own process (bench/procs.ts `walFrames`); alone: `tsx --tsconfig server/tsconfig.json bench/wal-frames.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { buildApp } from '../server/src/app';
import { testConfig } from '../server/test/temp-config';
import { openBareTable } from './bare-table';

/** Frames per row for commits of `batch` rows, after `before` rows already written; `write(n)` commits n rows. */
async function framesPerRow(db: Database.Database, write: (n: number) => Promise<unknown>, batch: number, rows: number, before = 5000): Promise<number> {
  for (let i = 0; i < before / 100; i++) await write(100);
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < rows / batch; i++) await write(batch);
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  return (r?.log ?? NaN) / rows;
}

async function hubFrames(batch: number, tickets: number): Promise<number> {
  const config = testConfig({ printing: { defaultPrinter: 'tcp://127.0.0.1:9', retryBaseMs: 3_600_000, pollMs: 0, timeoutMs: 1000 } }, 'motcua-frames-');
  const app = await buildApp({ config, logger: false, now: () => Date.parse('2026-11-23T02:00:00.000Z') + Math.floor(performance.now()) });
  try {
    app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
    const issue = (n: number) => Promise.all(Array.from({ length: n }, () => app.hub.tickets.issueSoon({ serviceId: 1 })));
    return await framesPerRow(app.db, issue, batch, tickets);
  } finally {
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  }
}

async function bareFrames(batch: number, rows: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-frames-bare-'));
  const { db, insert } = openBareTable(join(dir, 'bare.db'));
  try {
    const write = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert();
    });
    return await framesPerRow(db, async (n) => write(n), batch, rows);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `walFrames` reports: frames per row, alone and in a group of 20, for the hub and the bare baseline. */
export interface WalFrames {
  hub: { alone: number; grouped: number };
  bare: { alone: number; grouped: number };
}

const measure = async (): Promise<WalFrames> => ({
  hub: { alone: await hubFrames(1, 500), grouped: await hubFrames(20, 2000) },
  bare: { alone: await bareFrames(1, 500), grouped: await bareFrames(20, 2000) },
});

if (import.meta.url === `file://${process.argv[1]}`) {
  const frames = await measure();
  if (process.send) process.send({ type: 'frames', frames });
  else console.log(JSON.stringify(frames));
  process.exit(0);
}
