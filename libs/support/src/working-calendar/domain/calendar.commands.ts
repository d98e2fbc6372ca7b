import type { CalendarSource, CalendarYearContent } from './calendar.events';

/** Load a year that has no content yet (the start-up seed). Loading the same content again changes nothing. */
export interface LoadCalendarYear extends CalendarYearContent {
  type: 'LoadCalendarYear';
  year: number;
  source: CalendarSource;
  reason?: string;
}

/**
 * An administrator states what the year's arrangement is, with a reason: a load when the year has no
 * content yet, a correction (replacing it) when it has different content, nothing when it is the same.
 */
export interface SetCalendarYear extends CalendarYearContent {
  type: 'SetCalendarYear';
  year: number;
  reason: string;
}

export type CalendarCommand = LoadCalendarYear | SetCalendarYear;
