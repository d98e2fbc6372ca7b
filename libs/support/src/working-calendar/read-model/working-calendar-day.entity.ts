import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CalendarDayKind = 'holiday' | 'makeup_workday';

/**
 * One non-ordinary day of the working calendar: a holiday or a make-up working day (调休). Ordinary days
 * are not stored; a year is loaded when it has rows (every arrangement has holidays).
 * Written only by WorkingCalendarDaysProjection; schema in migration 1764300000300.
 */
@Entity({ name: 'working_calendar_days' })
export class WorkingCalendarDayRow {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_working_calendar_days' })
  date: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  kind: CalendarDayKind;

  @Column({ type: 'text' })
  name: string;
}
