/**
 * A published rate: numerator, denominator and the percentage rounded half-up to one decimal
 * (377 ÷ 378 = 99.7%). Integer arithmetic, so the rounding never depends on binary floating point.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** Null when the denominator is 0 (no rate, rather than 0% or 100%). */
  percent: number | null;
  display: string;
}

export function ratio(numerator: number, denominator: number): Ratio {
  if (denominator === 0) return { numerator, denominator, percent: null, display: '—' };
  const tenths = Math.floor((2000 * numerator + denominator) / (2 * denominator));
  const percent = tenths / 10;
  return { numerator, denominator, percent, display: `${Math.floor(tenths / 10)}.${tenths % 10}%` };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The median of a multiset given as (value, how many times) pairs: what `median` gives on the expanded list,
 * without expanding it (a province's 10⁵ durations arrive as how many problems took each number of working days).
 */
export function medianOfCounts(counts: Iterable<readonly [value: number, count: number]>): number | null {
  const sorted = [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (index < seen) return value;
    }
    throw new Error('unreachable: index within the total');
  };
  const mid = total >> 1;
  return total % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
