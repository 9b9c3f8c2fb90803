// Prepares a hub database before the hub process starts (setup, not measured): the demo office migrated and seeded,
// every service's daily maximum raised, tickets waiting or already called today, more procedures in the catalog.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../server/src/app';
import type {} from '../server/src/plugins/hub'; // the app's decorators (db, hub)
import { testConfig } from '../server/test/temp-config';

/** Password of every demo account of the bench hubs. */
export const BENCH_PASSWORD = 'bench-pass-1';

/** What a bench hub holds when it starts. */
export interface Seed {
  /** Tickets waiting per service id, issued in order. */
  waiting?: Record<number, number>;
  /** Of those, how many counter 1 (staff canbo1) calls and finishes one by one before the hub starts. */
  calledAtCounter1?: number;
  /** Extra procedures in the catalog (copies of the seeded ones with new codes). */
  procedures?: number;
}

/** Creates `dir/name.db` with `seed`; returns the file and the tracking ids of the tickets in issue order. */
export async function seedHub(dir: string, name: string, seed: Seed): Promise<{ dbFile: string; trackingIds: string[] }> {
  const dbFile = join(dir, `${name}.db`);
  const config = testConfig({ dbFile, publicUrl: 'http://bench.local', demoPassword: BENCH_PASSWORD, backupKeep: 1 }, 'motcua-bench-seed-');
  const app = await buildApp({ config, logger: false });
  const trackingIds: string[] = [];
  try {
    app.db.prepare('UPDATE services SET daily_max = 99999, end_number = 99999').run();
    for (const [serviceId, n] of Object.entries(seed.waiting ?? {})) {
      for (let i = 0; i < n; i++) trackingIds.push(app.hub.tickets.issue({ serviceId: Number(serviceId) }).trackingId);
    }
    if (seed.calledAtCounter1) {
      const user = app.db.prepare("SELECT id FROM users WHERE username = 'canbo1'").get() as { id: number };
      const staff = { userId: user.id, ip: '127.0.0.1' };
      app.hub.counters.open(1, staff, 'bench-seed');
      for (let i = 0; i < seed.calledAtCounter1; i++) app.hub.counters.callNext(1, staff);
      app.hub.counters.close(1, staff);
    }
    if (seed.procedures) {
      const catalog = app.hub.catalog.exportAll();
      const many = Array.from({ length: seed.procedures }, (_, i) => {
        const p = catalog.procedures[i % catalog.procedures.length];
        return { ...p, code: `8.${String(i).padStart(6, '0')}`, name: `${p?.name} (bản ${i})` };
      });
      app.hub.catalog.load({ fields: [], procedures: many as typeof catalog.procedures });
    }
  } finally {
    await app.close();
    rmSync(config.dir, { recursive: true, force: true });
  }
  return { dbFile, trackingIds };
}
