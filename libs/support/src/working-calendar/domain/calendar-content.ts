import { isIsoDate, isWeekend, weekdayName, yearOf } from './calendar-dates';
import type { CalendarFieldError } from './calendar.errors';
import type { CalendarDay, CalendarYearContent } from './calendar.events';
import { appendTo } from '@app/platform/collections/group-by';

/** Years the calendar accepts: wide enough for any case the bureau tracks, narrow enough to catch typos. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2099;
export const MAX_DAY_NAME_LENGTH = 50;
export const MAX_REASON_LENGTH = 500;

/** Sorted by date, names trimmed: two submissions of the same arrangement compare equal whatever their order. */
export function normalizeContent(content: CalendarYearContent): CalendarYearContent {
  const norm = (days: CalendarDay[]) =>
    days.map((d) => ({ date: d.date, name: d.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays: norm(content.holidays), makeUpWorkdays: norm(content.makeUpWorkdays) };
}

export function sameContent(a: CalendarYearContent, b: CalendarYearContent): boolean {
  return JSON.stringify(normalizeContent(a)) === JSON.stringify(normalizeContent(b));
}

/**
 * Every rule a year's arrangement must satisfy, as field errors. Holidays may fall on weekends: the
 * published periods ("10月1日至7日放假") include them, and listing them changes nothing. A make-up working
 * day must be a Saturday or Sunday: a weekday is a working day anyway, so listing one is a mistake.
 */
export function contentErrors(year: number, content: CalendarYearContent): CalendarFieldError[] {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => appendTo(errors, field, message);

  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    add('year', `year must be a whole number from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`);
    return [...errors].map(([field, messages]) => ({ field, messages }));
  }
  // Every arrangement has at least New Year's Day; an empty list is a submission that lost its data.
  if (content.holidays.length === 0) add('holidays', `the ${year} arrangement must list its public holidays`);

  const seen = new Map<string, string>();
  const check = (list: 'holidays' | 'makeUpWorkdays', days: CalendarDay[]) =>
    days.forEach((day, i) => {
      const at = `${list}[${i}]`;
      if (day.name.trim().length === 0 || day.name.length > MAX_DAY_NAME_LENGTH) {
        add(`${at}.name`, `name must be 1-${MAX_DAY_NAME_LENGTH} characters, e.g. 国庆节`);
      }
      if (!isIsoDate(day.date)) return add(`${at}.date`, `${JSON.stringify(day.date)} is not a date written YYYY-MM-DD`);
      if (yearOf(day.date) !== year) add(`${at}.date`, `${day.date} is not in ${year}`);
      const earlier = seen.get(day.date);
      if (earlier?.startsWith(list)) add(`${at}.date`, `${day.date} is listed twice (also ${earlier})`);
      else if (earlier) add(`${at}.date`, `${day.date} cannot be both a holiday and a make-up working day (also ${earlier})`);
      else seen.set(day.date, `${at}.date`);
      if (list === 'makeUpWorkdays' && !isWeekend(day.date)) {
        add(`${at}.date`, `${day.date} is a ${weekdayName(day.date)}, a working day anyway: a make-up working day must be a Saturday or Sunday`);
      }
    });
  check('holidays', content.holidays);
  check('makeUpWorkdays', content.makeUpWorkdays);
  return [...errors].map(([field, messages]) => ({ field, messages }));
}

export function reasonErrors(reason: string | undefined, required: boolean): CalendarFieldError[] {
  if (reason === undefined ? !required : reason.trim().length > 0 && reason.length <= MAX_REASON_LENGTH) return [];
  return [{ field: 'reason', messages: [`reason must be 1-${MAX_REASON_LENGTH} characters: say why the calendar changes`] }];
}
