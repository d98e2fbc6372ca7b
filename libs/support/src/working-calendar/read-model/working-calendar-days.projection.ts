import { Injectable } from '@nestjs/common';
import { ReadModelProjection, type Projection, type ProjectionContext, type StoredEvent } from '@app/event-store';
import { CALENDAR_EVENT_TYPES, type CalendarEvent } from '../domain/calendar.events';
import type { CalendarDayKind } from './working-calendar-day.entity';

export interface CalendarDayRecord {
  date: string;
  year: number;
  kind: CalendarDayKind;
  name: string;
}

/** The rows of a year as one event states it: both event types carry the year's full content. */
export function calendarDayRows(data: CalendarEvent['data']): CalendarDayRecord[] {
  return [
    ...data.holidays.map((d) => ({ date: d.date, year: data.year, kind: 'holiday' as const, name: d.name })),
    ...data.makeUpWorkdays.map((d) => ({ date: d.date, year: data.year, kind: 'makeup_workday' as const, name: d.name })),
  ];
}

/**
 * working_calendar_days: holidays and make-up working days per loaded year. A load or correction
 * replaces the year's rows (delete the year, insert its content), since a correction may drop dates —
 * an upsert per date would leave them behind. Within a batch only a year's last event matters.
 */
@Injectable()
@ReadModelProjection()
export class WorkingCalendarDaysProjection implements Projection {
  readonly name = 'working-calendar-days';
  readonly version = 1;
  readonly handles = CALENDAR_EVENT_TYPES;
  readonly tables = ['working_calendar_days'];

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const latest = new Map<number, CalendarEvent['data']>();
    for (const event of events as readonly StoredEvent<string, CalendarEvent['data']>[]) latest.set(event.data.year, event.data);
    if (latest.size === 0) return;
    const target = `"${table('working_calendar_days')}"`;
    await sql.query(`DELETE FROM ${target} WHERE year = ANY($1::int[])`, [[...latest.keys()]]);
    const rows = [...latest.values()].flatMap(calendarDayRows);
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO ${target} (date, year, kind, name)
       SELECT date, year, kind, name FROM jsonb_to_recordset($1::jsonb) AS r(date date, year integer, kind text, name text)`,
      [JSON.stringify(rows)],
    );
  }
}
