/** Recent service durations needed before the measured average replaces the office default. */
export const MIN_SAMPLES = 3;

/** Average service minutes: measured when there are enough samples, else the office default. */
export function averageServiceMinutes(samplesMinutes: readonly number[], defaultMinutes: number): number {
  if (samplesMinutes.length < MIN_SAMPLES) return defaultMinutes;
  return samplesMinutes.reduce((a, b) => a + b, 0) / samplesMinutes.length;
}

/** Estimated wait: people ahead × average service time ÷ open counters serving the service (at least one). */
export function estimateWaitMinutes(peopleAhead: number, avgServiceMinutes: number, openCounters: number): number {
  return Math.ceil((peopleAhead * avgServiceMinutes) / Math.max(1, openCounters));
}
