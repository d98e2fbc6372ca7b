import { deciderSpec } from '@app/event-store/testing';
import { stateCouncilYear } from '../testing/state-council-arrangements';
import type { CalendarCommand, LoadCalendarYear, SetCalendarYear } from './calendar.commands';
import { calendarYearDecider } from './calendar.decider';
import { CalendarYearAlreadyLoaded, CalendarYearInvalid } from './calendar.errors';
import type { CalendarEvent, CalendarYearContent } from './calendar.events';

const spec = deciderSpec(calendarYearDecider);
const SOURCE = 'chinese-days@1.5.7' as const;
const y2024 = stateCouncilYear(2024);
/** 2024 as first published, but with Sat 10-12 no longer a make-up day and 02-09 (除夕) a holiday. */
const corrected2024: CalendarYearContent = {
  holidays: [...y2024.holidays, { date: '2024-02-09', name: '除夕' }].sort((a, b) => (a.date < b.date ? -1 : 1)),
  makeUpWorkdays: y2024.makeUpWorkdays.filter((d) => d.date !== '2024-10-12'),
};

const load = (content: CalendarYearContent = y2024, extra: Partial<LoadCalendarYear> = {}): LoadCalendarYear => ({
  type: 'LoadCalendarYear', year: 2024, ...content, source: SOURCE, ...extra,
});
const set = (content: CalendarYearContent, reason = '国办通知更正'): SetCalendarYear => ({ type: 'SetCalendarYear', year: 2024, ...content, reason });
const loaded = (content: CalendarYearContent = y2024, source: 'admin' | typeof SOURCE = SOURCE, reason?: string): CalendarEvent => ({
  type: 'CalendarYearLoaded', data: { year: 2024, ...content, source, ...(reason ? { reason } : {}) },
});
const correctedEvent = (content: CalendarYearContent, reason: string): CalendarEvent => ({
  type: 'CalendarYearCorrected', data: { year: 2024, ...content, source: 'admin', reason },
});
const refused = (given: CalendarEvent[], command: CalendarCommand, message: string | RegExp) =>
  spec.given(given).when(command).thenThrows(CalendarYearInvalid, message);
const day = (date: string, name = '国庆节') => ({ date, name });

describe('calendar year decider', () => {
  describe('LoadCalendarYear', () => {
    it('loads a year that has no content yet', () => {
      spec.given([]).when(load()).then([loaded()]);
    });

    it('stores the days sorted and names trimmed, whatever order they came in', () => {
      const shuffled = { holidays: [...y2024.holidays].reverse().map((d) => ({ ...d, name: ` ${d.name} ` })), makeUpWorkdays: [...y2024.makeUpWorkdays].reverse() };
      spec.given([]).when(load(shuffled)).then([loaded()]);
    });

    it('keeps a reason when one is given', () => {
      spec.given([]).when(load(y2024, { source: 'admin', reason: '手工录入' })).then([loaded(y2024, 'admin', '手工录入')]);
    });

    it('loading the same content again decides nothing (idempotent)', () => {
      spec.given([loaded()]).when(load()).then([]);
      spec.given([loaded(), correctedEvent(corrected2024, 'fix')]).when(load(corrected2024)).then([]);
    });

    it('refuses to overwrite a loaded year with other content: that is a correction', () => {
      spec.given([loaded()]).when(load(corrected2024)).thenThrows(CalendarYearAlreadyLoaded, /2024 calendar is already loaded \(from chinese-days@1.5.7\)/);
    });
  });

  describe('SetCalendarYear (administrator)', () => {
    it('loads a year with no content yet, from the administrator and with the reason', () => {
      spec.given([]).when(set(y2024, '首次录入')).then([loaded(y2024, 'admin', '首次录入')]);
    });

    it('corrects a loaded year by replacing its whole content', () => {
      spec.given([loaded()]).when(set(corrected2024, '除夕放假')).then([correctedEvent(corrected2024, '除夕放假')]);
    });

    it('corrects again after a correction, back to the first content', () => {
      spec.given([loaded(), correctedEvent(corrected2024, 'a')]).when(set(y2024, 'b')).then([correctedEvent(y2024, 'b')]);
    });

    it('setting the content already in force decides nothing, whatever the reason', () => {
      spec.given([loaded()]).when(set(y2024, 'another reason')).then([]);
    });

    it('requires a reason', () => {
      refused([loaded()], set(corrected2024, '   '), /reason: reason must be 1-500 characters/);
    });
  });

  describe('refuses an invalid arrangement (kind invalid), for a load and a correction alike', () => {
    const withHolidays = (...extra: { date: string; name: string }[]) => ({ ...y2024, holidays: [...y2024.holidays, ...extra] });
    const withMakeUp = (...extra: { date: string; name: string }[]) => ({ ...y2024, makeUpWorkdays: [...y2024.makeUpWorkdays, ...extra] });
    const h = y2024.holidays.length;
    const m = y2024.makeUpWorkdays.length;

    it('a date outside the year', () => {
      refused([], load(withHolidays(day('2025-01-01', '元旦'))), `holidays[${h}].date: 2025-01-01 is not in 2024`);
      refused([loaded()], set(withMakeUp(day('2023-12-30'))), `makeUpWorkdays[${m}].date: 2023-12-30 is not in 2024`);
    });

    it('a date that is both a holiday and a make-up working day', () => {
      refused([], load(withMakeUp(day('2024-10-05'))), `makeUpWorkdays[${m}].date: 2024-10-05 cannot be both a holiday and a make-up working day (also holidays[`);
    });

    it('a make-up working day on a weekday', () => {
      refused([], load(withMakeUp(day('2024-10-08'))), /2024-10-08 is a Tuesday, a working day anyway/);
    });

    it('a date listed twice', () => {
      refused([], load(withHolidays(day('2024-10-01'))), `holidays[${h}].date: 2024-10-01 is listed twice (also holidays[`);
      refused([], load(withMakeUp(day('2024-09-29'))), /2024-09-29 is listed twice/);
    });

    it('a date that does not exist, and an empty or over-long name', () => {
      refused([], load(withHolidays(day('2024-02-30'))), /"2024-02-30" is not a date written YYYY-MM-DD/);
      refused([], load(withHolidays(day('2024-12-30', ' '))), `holidays[${h}].name: name must be 1-50 characters`);
      refused([], load(withHolidays(day('2024-12-30', '节'.repeat(51)))), /name must be 1-50/);
    });

    it('a year without any holiday', () => {
      refused([], load({ holidays: [], makeUpWorkdays: [] }), /holidays: the 2024 arrangement must list its public holidays/);
    });

    it('a year out of range', () => {
      refused([], { ...load(), year: 1999 }, /year must be a whole number from 2000 to 2099/);
    });

    it('lists every problem at once, with field names', () => {
      try {
        calendarYearDecider.decide(load(withMakeUp(day('2024-10-08'), day('2025-06-07'))), calendarYearDecider.initialState());
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarYearInvalid);
        expect(error).toMatchObject({ kind: 'invalid', code: 'CALENDAR_YEAR_INVALID', details: { year: 2024 } });
        expect((error as CalendarYearInvalid).errors.map((e) => e.field)).toEqual([`makeUpWorkdays[${m}].date`, `makeUpWorkdays[${m + 1}].date`]);
        expect((error as CalendarYearInvalid).message).toContain('(and 1 more)');
      }
    });
  });

  it('evolve: the latest event is the content in force', () => {
    const state = [loaded(), correctedEvent(corrected2024, 'x')].reduce(calendarYearDecider.evolve, calendarYearDecider.initialState());
    expect(state).toEqual({ content: corrected2024, source: 'admin' });
  });
});
