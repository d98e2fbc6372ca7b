/** A report month, 'YYYY-MM', cut in Asia/Shanghai (business dates are already Shanghai days). */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value) && value >= '2000-01';
}

export interface MonthBounds {
  month: string;
  /** First day of the month. */
  from: string;
  /** Last day of the month: the summary's as-of date. */
  to: string;
  /** 1 January of the month's year: the year-to-date scope starts here. */
  yearStart: string;
}

export function monthBounds(month: string): MonthBounds {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  // Day 0 of the next month is the last day of this one (Date.UTC rolls it back), leap years included.
  const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return { month, from: `${month}-01`, to, yearStart: `${year}-01-01` };
}

/** '2024-06' → '2024年6月'. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}
