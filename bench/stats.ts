/** Small numeric helpers for the benchmark: no library, so the figures' definitions are visible here. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100): always a value that was actually observed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `work` and returns its result with the wall time in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/**
 * Runs `count` workers concurrently, each given its index. They are async loops in this one process,
 * each with at most one query in flight, so `count` is also the number of busy connections.
 */
export async function concurrently(count: number, worker: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, i) => worker(i)));
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
