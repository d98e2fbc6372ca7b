import type { WorkingDayCalendar } from '../../working-calendar/domain/working-days';
import type { WorkingDays } from './problem-course';

/**
 * The calendar as the definitions ask it: a date in a year not loaded gives null (no figure for that
 * record) instead of throwing away the whole report or guessing from weekends.
 */
export function safeWorkingDays(calendar: WorkingDayCalendar): WorkingDays {
  const orNull = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch {
      return null;
    }
  };
  return {
    addWorkingDays: (start, n) => orNull(() => calendar.addWorkingDays(start, n)),
    workingDaysBetween: (from, to) => orNull(() => calendar.workingDaysBetween(from, to)),
  };
}
