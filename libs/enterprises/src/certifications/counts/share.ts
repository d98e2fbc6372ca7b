/**
 * The zone's share of a city/province total: numerator, denominator and the percentage rounded half-up
 * to one decimal. The same rule as the support metrics' ratio (kept here, not imported: the support
 * context depends on the registry, not the other way round). Integer arithmetic, no float rounding.
 */
export interface Share {
  numerator: number;
  denominator: number;
  percent: number | null;
  display: string;
}

export function share(numerator: number, denominator: number): Share {
  if (denominator === 0) return { numerator, denominator, percent: null, display: '—' };
  const tenths = Math.floor((2000 * numerator + denominator) / (2 * denominator));
  return { numerator, denominator, percent: tenths / 10, display: `${Math.floor(tenths / 10)}.${tenths % 10}%` };
}
