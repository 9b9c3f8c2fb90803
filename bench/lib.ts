/** Small measuring helpers for `npm run bench`: medians and percentiles, autocannon's CLI as the HTTP load. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Median of samples. */
export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Formats a number with 1 decimal. */
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wall-clock ms with sub-ms precision, comparable between processes on this machine. */
export const epoch = () => performance.timeOrigin + performance.now();

/** Resident set size of another process (Linux /proc), in MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** The 1-minute load average, one decimal (other engineers share this machine). */
export const load1 = () => f1(loadavg()[0] ?? NaN);

/** What one autocannon run reports. */
export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  /** Mean latency, ms with decimals (autocannon's percentiles are whole milliseconds). */
  mean: number;
  p50: number;
  p99: number;
}

/** Options of one autocannon run (its CLI flags). */
export interface Cannon {
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Stop after this many requests (then `seconds` is ignored). */
  amount?: number;
  /** Fixed overall rate (requests/s); latencies are then corrected for coordinated omission. */
  rate?: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * Runs autocannon's CLI in a child process (the load never shares the measured server's event loop) with JSON output.
 * Non-2xx answers and socket errors count as errors.
 */
export function autocannon(o: Cannon): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-n', '-c', String(o.connections), '-d', String(o.seconds), '-m', o.method ?? 'GET'];
  if (o.rate) args.push('-R', String(o.rate));
  if (o.amount) args.push('-a', String(o.amount));
  if (o.body !== undefined) args.push('-H', 'content-type=application/json', '-b', JSON.stringify(o.body));
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(o.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (o.seconds + 30) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        const r = JSON.parse(out) as {
          requests: { total: number; average: number };
          latency: { mean: number; p50: number; p99: number };
          errors: number;
          timeouts: number;
          non2xx: number;
          '2xx': number;
          duration: number;
        };
        resolve({ requests: r['2xx'], errors: r.errors + r.timeouts + r.non2xx, perSecond: r['2xx'] / r.duration, mean: r.latency.mean, p50: r.latency.p50, p99: r.latency.p99 });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

/** Where a bench section writes its markdown lines. */
export type Out = (s?: string) => void;

/** Runs a section when its own file is the script (`tsx --tsconfig server/tsconfig.json bench/<file>.ts`), to stdout. */
export function runAlone(moduleUrl: string, section: (out: Out) => Promise<unknown>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  section((s = '') => process.stdout.write(`${s}\n`)).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
