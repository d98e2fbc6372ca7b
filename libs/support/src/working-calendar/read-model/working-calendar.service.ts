import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarYearContent } from '../domain/calendar.events';
import { WorkingDayCalendar, type CalendarYearDates } from '../domain/working-days';
import type { CalendarDayKind } from './working-calendar-day.entity';

interface DayRecord {
  date: string;
  year: number;
  kind: CalendarDayKind;
  name: string;
}

/**
 * The working-day calendar as the read model has it. Every call reads the rows afresh (a few dozen per
 * year), so a correction is seen as soon as the projection has applied it: nothing to invalidate.
 * For many questions at once (a report over hundreds of problems), take one snapshot() and ask it.
 */
@Injectable()
export class WorkingCalendar {
  /**
   * The calculator last built, and the rows it was built from. Building one fills a table over every day of the
   * loaded years (thousands of dates); a page of problems asks for a snapshot on every request, and that build was a
   * quarter of `GET /problems`' CPU (docs/benchmarks.md). The rows are still read each time; the table is built again
   * only when they differ.
   */
  private last: { rows: string; calendar: WorkingDayCalendar } | null = null;

  constructor(private readonly db: DataSource) {}

  /** A synchronous calculator over every loaded year, as of now. */
  async snapshot(): Promise<WorkingDayCalendar> {
    const records = await this.read();
    const rows = records.map((r) => `${r.year}:${r.date}:${r.kind}`).join(',');
    if (this.last?.rows === rows) return this.last.calendar;
    const years = new Map<number, { holidays: string[]; makeUpWorkdays: string[] }>();
    for (const row of records) {
      const year = years.get(row.year) ?? { holidays: [], makeUpWorkdays: [] };
      (row.kind === 'holiday' ? year.holidays : year.makeUpWorkdays).push(row.date);
      years.set(row.year, year);
    }
    const calendar = new WorkingDayCalendar(years as ReadonlyMap<number, CalendarYearDates>);
    this.last = { rows, calendar };
    return calendar;
  }

  /** The deadline of a period of n working days starting after `start` (see WorkingDayCalendar). */
  async addWorkingDays(start: string, n: number): Promise<string> {
    return (await this.snapshot()).addWorkingDays(start, n);
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  async workingDaysBetween(from: string, to: string): Promise<number> {
    return (await this.snapshot()).workingDaysBetween(from, to);
  }

  async isWorkingDay(date: string): Promise<boolean> {
    return (await this.snapshot()).isWorkingDay(date);
  }

  async loadedYears(): Promise<number[]> {
    return (await this.snapshot()).loadedYears();
  }

  /** A loaded year's arrangement, days sorted by date; null when the year is not loaded. */
  async year(year: number): Promise<CalendarYearContent | null> {
    const rows = await this.read(year);
    if (rows.length === 0) return null;
    const days = (kind: CalendarDayKind) => rows.filter((r) => r.kind === kind).map(({ date, name }) => ({ date, name }));
    return { holidays: days('holiday'), makeUpWorkdays: days('makeup_workday') };
  }

  // date::text, not the pg driver's Date: that one is local midnight, a day off in some time zones.
  private read(year?: number): Promise<DayRecord[]> {
    return this.db.query(
      `SELECT date::text AS date, year, kind, name FROM working_calendar_days
       WHERE $1::int IS NULL OR year = $1::int ORDER BY date`,
      [year ?? null],
    );
  }
}
