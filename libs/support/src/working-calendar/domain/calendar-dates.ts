/**
 * Business dates as 'YYYY-MM-DD' strings (calendar days in Asia/Shanghai). Arithmetic runs on whole days
 * counted from 1970-01-01 in UTC, never on local-time Date objects: a server in another time zone (or a
 * DST change in it) must not move a deadline by a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Days since 1970-01-01, or null when the string is not a real 'YYYY-MM-DD' date (2024-02-30, 2024-2-1). */
export function epochDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2024-02-30 over into March and maps years 0–99 to 19xx: reading the parts back catches both
  // (without formatting a string: a figure asks this for every pair of dates it counts).
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms / MS_PER_DAY : null;
}

export function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && epochDay(value) !== null;
}

/** The year a day (days since 1970-01-01) falls in. */
export function yearOfEpochDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The year of a date already known to be valid. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, for a valid date. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay(date)! + 4) % 7) + 7) % 7;
}

export function weekdayName(date: string): (typeof WEEKDAY_NAMES)[number] {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}
