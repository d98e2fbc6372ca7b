import { epochDay, fromEpochDay, isWeekend, yearOf, yearOfEpochDay } from './calendar-dates';
import { CalendarYearNotLoaded, InvalidCalendarDate } from './calendar.errors';

/** What the calculator needs of one year: its holiday dates and its make-up working dates. */
export interface CalendarYearDates {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

/**
 * A calculator's prefix counts (WorkingDayCalendar.dayCounts): index i stands for the days from epoch day `firstDay`
 * up to, not including, firstDay + i, so working days after a up to b are workingBefore[b + 1 − firstDay] −
 * workingBefore[a + 1 − firstDay], allowed when no day between is in a year not loaded and both indexes exist.
 */
export interface WorkingDayCounts {
  /** Days since 1970-01-01 of 1 January of the first loaded year (0 when none is loaded). */
  firstDay: number;
  workingBefore: number[];
  notLoadedBefore: number[];
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
  /** Epoch day of 1 January of the first loaded year. */
  private readonly firstDay: number;
  /**
   * workingBefore[i]: working days from firstDay up to (not including) firstDay + i, over the loaded years' span,
   * so counting between two dates is one subtraction (walking each span day by day once made a province's figure
   * cost that). The resolution figures send these counts to the database (dayCounts) and subtract there.
   */
  private readonly workingBefore: Int32Array;
  /** notLoadedBefore[i]: days of years not loaded (between two loaded ones) from firstDay up to (not including) firstDay + i. */
  private readonly notLoadedBefore: Int32Array;

  constructor(years: ReadonlyMap<number, CalendarYearDates>) {
    this.years = [...years.keys()].sort((a, b) => a - b);
    this.yearSet = new Set(this.years);
    for (const { holidays, makeUpWorkdays } of years.values()) {
      holidays.forEach((d) => this.holidays.add(d));
      makeUpWorkdays.forEach((d) => this.makeUpWorkdays.add(d));
    }
    const [first, last] = [this.years[0], this.years.at(-1)];
    this.firstDay = first === undefined ? 0 : Date.UTC(first, 0, 1) / 86_400_000;
    const span = last === undefined ? 0 : Date.UTC(last + 1, 0, 1) / 86_400_000 - this.firstDay;
    this.workingBefore = new Int32Array(span + 1);
    this.notLoadedBefore = new Int32Array(span + 1);
    for (let i = 0; i < span; i++) {
      const date = fromEpochDay(this.firstDay + i);
      // Days of a year not loaded (between two loaded ones) are never counted: workingDaysBetween refuses them first.
      const loaded = this.yearSet.has(yearOf(date));
      const works = loaded && this.worksOn(date);
      this.workingBefore[i + 1] = this.workingBefore[i] + (works ? 1 : 0);
      this.notLoadedBefore[i + 1] = this.notLoadedBefore[i] + (loaded ? 0 : 1);
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
    if (b === a) return 0;
    // The days examined are a+1..b: the first year among them that is not loaded is the one a walk would reach.
    for (let year = yearOfEpochDay(a + 1); year <= yearOf(to); year++) {
      if (!this.yearSet.has(year)) throw new CalendarYearNotLoaded(year, this.years);
    }
    return this.workingBefore[b + 1 - this.firstDay] - this.workingBefore[a + 1 - this.firstDay];
  }

  /**
   * The counts workingDaysBetween subtracts, for a database to count the same way over many rows at once
   * (workingDaysSql in the metrics): per day of the loaded span, the working days and the days of years not loaded
   * before it. Plain arrays, to be sent as statement parameters.
   */
  dayCounts(): WorkingDayCounts {
    return { firstDay: this.firstDay, workingBefore: Array.from(this.workingBefore), notLoadedBefore: Array.from(this.notLoadedBefore) };
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
