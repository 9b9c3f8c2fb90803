// A hub configuration on a fresh temporary folder, for tests, simulations and benches (no vitest import here).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS, type Config } from '../src/config';

/** Password of every account in test apps. */
export const TEST_PASSWORD = 'mat-khau-thu';

/**
 * A config on a fresh temporary database file (demo office seeded, no rate limit, silent); `dir` is the folder.
 * No cap on connections per address: tests and benches bring all their clients from 127.0.0.1.
 */
export function testConfig(overrides: Partial<Config> = {}, prefix = 'motcua-test-'): Config & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    role: 'office',
    port: 0,
    host: '127.0.0.1',
    dbFile: join(dir, 'motcua.db'),
    staticDir: join(dir, 'no-dist'),
    publicUrl: 'http://hub.test',
    demoPassword: TEST_PASSWORD,
    seedDemo: true,
    ticketRateLimit: 0,
    appointmentRateLimit: 0,
    backupDir: join(dir, 'backups'),
    backupEveryHours: 0,
    backupKeep: 3,
    logLevel: 'silent',
    limits: { ...DEFAULT_LIMITS, maxConnectionsPerAddress: 0 },
    ...overrides,
  };
}
