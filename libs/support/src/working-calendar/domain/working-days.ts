import { epochDay, fromEpochDay, isWeekend, yearOf } from './calendar-dates';
import { CalendarYearNotLoaded, InvalidCalendarDate } from './calendar.errors';

/** What the calculator needs of one year: its holiday dates and its make-up working dates. */
export interface CalendarYearDates {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

/**
 * Working days in the Chinese calendar: Monday–Friday, except the published holidays, plus the weekend
 * days published as make-up working days (调休). Pure and synchronous: build it once from the loaded
 * years and ask it as often as needed.
 *
 * Counting rule (as for statutory periods, 民法典 art. 201: the starting day is not counted):
 * the N-th working day after a date is found by walking forward from the day after it, whether the date
 * itself is a working day or not. A problem registered on Friday 2024-09-27 with 3 working days is due
 * on Tuesday 2024-10-08 (Sun 09-29 make-up day = 1, Mon 09-30 = 2, 10-01..10-07 off, Tue 10-08 = 3),
 * and is on time if concluded on or before that date (Asia/Shanghai).
 *
 * Only the days actually examined must lie in loaded years; reaching a day in any other year throws
 * CalendarYearNotLoaded naming that year, never a guess from weekends alone.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUpWorkdays = new Set<string>();
  private readonly years: readonly number[];
  private readonly yearSet: ReadonlySet<number>;

  constructor(years: ReadonlyMap<number, CalendarYearDates>) {
    this.years = [...years.keys()].sort((a, b) => a - b);
    this.yearSet = new Set(this.years);
    for (const { holidays, makeUpWorkdays } of years.values()) {
      holidays.forEach((d) => this.holidays.add(d));
      makeUpWorkdays.forEach((d) => this.makeUpWorkdays.add(d));
    }
  }

  loadedYears(): number[] {
    return [...this.years];
  }

  isWorkingDay(date: string): boolean {
    dayNumber(date);
    return this.worksOn(date);
  }

  /** The n-th working day after `start` (n = 0 gives `start` itself). The deadline of an n-working-day period. */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let day = dayNumber(start);
    for (let left = n; left > 0; ) {
      day += 1;
      if (this.worksOn(fromEpochDay(day))) left -= 1;
    }
    return fromEpochDay(day);
  }

  /**
   * Working days after `from` up to and including `to` — the inverse of addWorkingDays:
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. Same day → 0; `to` before `from` → negative
   * (e.g. workingDaysBetween(deadline, today) > 0 is how many working days overdue).
   */
  workingDaysBetween(from: string, to: string): number {
    const [a, b] = [dayNumber(from), dayNumber(to)];
    if (b < a) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.worksOn(fromEpochDay(day))) count += 1;
    return count;
  }

  /** For a date known to be valid. */
  private worksOn(date: string): boolean {
    const year = yearOf(date);
    if (!this.yearSet.has(year)) throw new CalendarYearNotLoaded(year, this.years);
    if (this.holidays.has(date)) return false;
    return this.makeUpWorkdays.has(date) || !isWeekend(date);
  }
}

function dayNumber(date: string): number {
  const day = typeof date === 'string' ? epochDay(date) : null;
  if (day === null) throw new InvalidCalendarDate(String(date));
  return day;
}
