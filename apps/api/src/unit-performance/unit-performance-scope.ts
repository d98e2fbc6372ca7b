import type { CourseScope } from '@app/support';

const pad = (n: number) => String(n).padStart(2, '0');

/** A month (YYYY-MM) as a period of business dates: the 1st to its last day. */
export function monthScope(month: string, asOf: string, knownAt: string | null): CourseScope {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}`, asOf, knownAt };
}

/** The month before, as of the same date and as known at the same instant: the change compares like with like. */
export function previousMonthScope(month: string, asOf: string, knownAt: string | null): CourseScope {
  const [y, m] = month.split('-').map(Number);
  const prior = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  return monthScope(prior, asOf, knownAt);
}

export const rangeDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
