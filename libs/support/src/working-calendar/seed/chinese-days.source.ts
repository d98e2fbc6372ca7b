// The package's published JSON (documented in its README for non-JS use), not its functions: those
// build local-time Dates, and we want the plain data under our own UTC date arithmetic.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { CalendarDay, CalendarSource, CalendarYearContent } from '../domain/calendar.events';

/** Recorded as the source of seeded years, so a later package upgrade stays distinguishable. */
export const CHINESE_DAYS_SOURCE: CalendarSource = `chinese-days@${chineseDaysPackage.version}`;

/** The years seeded at start-up when their stream does not exist yet. */
export const SEEDED_YEARS: readonly number[] = [2024, 2025, 2026];

/** The package names a day "National Day,国庆节,3" (English, Chinese, length of the break): keep the Chinese. */
function dayName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0]).trim() || raw;
}

function daysOf(table: Record<string, string>, year: number): CalendarDay[] {
  return Object.entries(table)
    .filter(([date]) => date.startsWith(`${year}-`))
    .map(([date, raw]) => ({ date, name: dayName(raw) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The year's arrangement as chinese-days has it, or null when the package has no holidays for it. */
export function chineseDaysYear(year: number): CalendarYearContent | null {
  const holidays = daysOf(chineseDays.holidays, year);
  if (holidays.length === 0) return null;
  return { holidays, makeUpWorkdays: daysOf(chineseDays.workdays, year) };
}
