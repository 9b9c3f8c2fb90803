/** Small measuring helpers for `npm run bench` (medians and percentiles, a closed-loop HTTP load generator). */

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Median of samples. */
export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Result of a load run. */
export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load: `concurrency` workers send `request()` back to back for `seconds`; latencies in ms.
 * Bounded in count and time; loopback only.
 */
export async function load(request: () => Promise<boolean>, concurrency: number, seconds: number, maxRequests = 200_000): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end && latencies.length + errors < maxRequests) {
        const t0 = performance.now();
        const ok = await request();
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: median(latencies), p99: percentile(latencies, 99) };
}

/** Fixed-rate load: `rate` requests per second for `seconds` (open loop), latencies in ms. */
export async function fixedRate(request: () => Promise<boolean>, rate: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(
      request().then((ok) => {
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: median(latencies), p99: percentile(latencies, 99) };
}

/** Formats a number with 1 decimal. */
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
