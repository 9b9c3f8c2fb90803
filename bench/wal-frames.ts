// WAL frames written per issued ticket (a machine-independent measure of what one ticket costs the disk): a real hub
// (real SQLite file, a printer configured so each ticket gets its print job) issues tickets in group commits of a
// given size; the WAL's frame count is read with automatic checkpoints off.
// `tsx --tsconfig server/tsconfig.json bench/wal-frames.ts`
import { rmSync } from 'node:fs';
import { buildApp } from '../server/src/app';
import { testConfig } from '../server/test/temp-config';

export async function walFramesPerTicket(batch: number, tickets: number, waiting = 5000): Promise<number> {
  const config = testConfig({ printing: { defaultPrinter: 'tcp://127.0.0.1:9', retryBaseMs: 3_600_000, pollMs: 0, timeoutMs: 1000 } }, 'motcua-frames-');
  const app = await buildApp({ config, logger: false, now: () => Date.parse('2026-11-23T02:00:00.000Z') + Math.floor(performance.now()) });
  try {
    app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
    const issueBatch = (n: number) => Promise.all(Array.from({ length: n }, () => app.hub.tickets.issueSoon({ serviceId: 1 })));
    for (let i = 0; i < waiting / 100; i++) await issueBatch(100);
    app.db.pragma('wal_autocheckpoint = 0');
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < tickets / batch; i++) await issueBatch(batch);
    const [r] = app.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return (r?.log ?? NaN) / tickets;
  } finally {
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const batch of [1, 5, 20]) console.log(`batch ${batch}: ${(await walFramesPerTicket(batch, 2000)).toFixed(2)} frames/ticket`);
}
