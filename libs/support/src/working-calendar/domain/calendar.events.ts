import type { DomainEvent } from '@app/event-store';

// Stored event schema: version it (schemaVersion + upcaster), never edit a shape once events exist.
export const CalendarEventType = {
  Loaded: 'CalendarYearLoaded',
  Corrected: 'CalendarYearCorrected',
} as const;

/** One day of the published arrangement, e.g. { date: '2024-10-01', name: '国庆节' }. */
export interface CalendarDay {
  date: string;
  name: string;
}

/**
 * A year's arrangement as the State Council publishes it: the days off that would otherwise be working
 * days (and the weekend days inside a holiday period), and the weekend days worked instead (调休).
 * Everything else follows the week: Monday–Friday work, Saturday and Sunday off.
 */
export interface CalendarYearContent {
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
}

/** Where the content came from: the package release that supplied it, or an administrator. */
export type CalendarSource = 'admin' | `chinese-days@${string}`;

export type CalendarYearLoaded = DomainEvent<
  typeof CalendarEventType.Loaded,
  CalendarYearContent & { year: number; source: CalendarSource; reason?: string }
>;

/** Replaces the year's whole content: a date missing from it is no longer a holiday or make-up day. */
export type CalendarYearCorrected = DomainEvent<
  typeof CalendarEventType.Corrected,
  CalendarYearContent & { year: number; source: CalendarSource; reason: string }
>;

export type CalendarEvent = CalendarYearLoaded | CalendarYearCorrected;

export const CALENDAR_EVENT_TYPES: readonly string[] = Object.values(CalendarEventType);

/** One stream per year: years are independent reference data, loaded and corrected on their own. */
export function calendarStreamId(year: number): string {
  return `calendar-${year}`;
}
