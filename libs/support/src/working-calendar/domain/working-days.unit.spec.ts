import fc from 'fast-check';
import { stateCouncilDates } from '../testing/state-council-arrangements';
import { CalendarYearNotLoaded, InvalidCalendarDate } from './calendar.errors';
import { WorkingDayCalendar } from './working-days';

const calendar = new WorkingDayCalendar(stateCouncilDates([2024, 2025, 2026]));

describe('WorkingDayCalendar on the 2024–2026 State Council arrangements', () => {
  describe('isWorkingDay', () => {
    it.each([
      ['2024-02-04', true, 'Sunday worked for the Spring Festival (调休)'],
      ['2024-02-09', true, 'Friday, 除夕 2024: only encouraged off, officially worked'],
      ['2024-02-12', false, 'Monday in the Spring Festival'],
      ['2024-06-08', false, 'an ordinary Saturday'],
      ['2024-06-10', false, 'Monday, Dragon Boat Festival'],
      ['2024-09-29', true, 'Sunday worked for National Day'],
      ['2024-10-05', false, 'Saturday inside the National Day break'],
      ['2024-10-07', false, 'Monday, last day of the National Day break'],
      ['2024-10-08', true, 'Tuesday after National Day'],
      ['2024-10-12', true, 'Saturday worked for National Day'],
      ['2025-10-08', false, 'Wednesday, eighth day of the 2025 National Day + Mid-autumn break'],
      ['2026-01-04', true, 'Sunday worked for New Year 2026'],
      ['2026-02-23', false, 'Monday, last day of the 2026 Spring Festival'],
      ['2026-02-28', true, 'Saturday worked for the 2026 Spring Festival'],
    ])('%s → %s (%s)', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });
  });

  describe('addWorkingDays: the N-th working day after the start date (the start date never counts)', () => {
    it.each([
      // Fri before National Day: Sun 09-29 (make-up) 1, Mon 09-30 2, 10-01..07 off, Tue 10-08 3.
      ['2024-09-27', 3, '2024-10-08'],
      ['2024-09-30', 1, '2024-10-08'],
      // Wed 10-09 1, Thu 2, Fri 3, Sat 10-12 (make-up) 4, Mon 10-14 5.
      ['2024-10-08', 5, '2024-10-14'],
      // Thu before the Spring Festival: Fri 02-09 1, 02-10..17 off, Sun 02-18 (make-up) 2, Mon 3, Tue 4, Wed 02-21 5.
      ['2024-02-08', 5, '2024-02-21'],
      // Fri 02-02 1, Sun 02-04 2, 02-05..09 3–7, Sun 02-18 8, Mon 02-19 9, Tue 02-20 10.
      ['2024-02-01', 10, '2024-02-20'],
      ['2024-02-02', 1, '2024-02-04'],
      ['2024-02-03', 1, '2024-02-04'], // registered on a Saturday: the start day is not counted either way
      ['2024-02-17', 1, '2024-02-18'], // registered on the last holiday
      // 2025 Spring Festival: Sun 01-26 (make-up), Mon 01-27, then 01-28..02-04 off, Wed 02-05 …, Sat 02-08 (make-up).
      ['2025-01-24', 1, '2025-01-26'],
      ['2025-01-24', 2, '2025-01-27'],
      ['2025-01-24', 3, '2025-02-05'],
      ['2025-01-27', 4, '2025-02-08'],
      // 2025 National Day + Mid-autumn, eight days off.
      ['2025-09-26', 1, '2025-09-28'],
      ['2025-09-30', 1, '2025-10-09'],
      // 2026 Spring Festival: Sat 02-14 (make-up), 02-15..23 off, Tue 02-24; Sat 02-28 (make-up).
      ['2026-02-13', 1, '2026-02-14'],
      ['2026-02-13', 2, '2026-02-24'],
      ['2026-02-27', 1, '2026-02-28'],
      // Across the turn of the year.
      ['2024-12-31', 1, '2025-01-02'],
      ['2025-12-31', 1, '2026-01-04'],
      ['2024-06-07', 0, '2024-06-07'],
    ])('%s + %i working days = %s', (start, n, deadline) => {
      expect(calendar.addWorkingDays(start, n)).toBe(deadline);
    });

    it('refuses a negative or fractional number of days', () => {
      expect(() => calendar.addWorkingDays('2024-06-03', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2024-06-03', 1.5)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween: working days after the first date up to and including the second', () => {
    it.each([
      [2024, 251],
      [2025, 248],
      [2026, 248],
    ])('counts %i working days in the whole year %i', (year, days) => {
      expect(calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(days);
    });

    it('is 0 on the same day, and negative when the second date is earlier', () => {
      expect(calendar.workingDaysBetween('2024-10-03', '2024-10-03')).toBe(0);
      expect(calendar.workingDaysBetween('2024-09-27', '2024-10-08')).toBe(3);
      expect(calendar.workingDaysBetween('2024-10-08', '2024-09-27')).toBe(-3);
      expect(calendar.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    });

    it('is the inverse of addWorkingDays', () => {
      for (let start = '2024-01-01', i = 0; i < 700; i += 7, start = calendar.addWorkingDays(start, 1)) {
        for (const n of [1, 2, 5, 10, 15, 30]) {
          expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).toBe(n);
        }
      }
    });
  });

  it('counts between any two dates exactly as a walk over the days does (working days by table lookup)', () => {
    const day = (n: number) => new Date(Date.UTC(2023, 11, 25) + n * 86_400_000).toISOString().slice(0, 10);
    const walk = (cal: WorkingDayCalendar, from: string, to: string) => {
      let count = 0;
      for (let d = from; d < to; ) {
        d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
        if (cal.isWorkingDay(d)) count += 1;
      }
      return count;
    };
    // 2025 missing: a span reaching into it must be refused as a walk would refuse it, naming 2025.
    const gapped = new WorkingDayCalendar(stateCouncilDates([2024, 2026]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 1200 }), (x, y) => {
        const [from, to] = [day(Math.min(x, y)), day(Math.max(x, y))];
        for (const cal of [calendar, gapped]) {
          let expected: number | string;
          try {
            expected = walk(cal, from, to);
          } catch (error) {
            expected = (error as Error).message;
          }
          const got = (() => {
            try {
              return cal.workingDaysBetween(from, to);
            } catch (error) {
              return (error as Error).message;
            }
          })();
          expect(got).toBe(expected);
          if (typeof expected === 'number' && from !== to) expect(cal.workingDaysBetween(to, from)).toBe(-expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('years that are not loaded', () => {
    it('a deadline beyond the loaded years names the first missing year', () => {
      expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      const error = captured(() => calendar.addWorkingDays('2026-12-30', 2));
      expect(error).toBeInstanceOf(CalendarYearNotLoaded);
      expect(error).toMatchObject({ year: 2027, kind: 'invalid', code: 'CALENDAR_YEAR_NOT_LOADED', loadedYears: [2024, 2025, 2026] });
      expect(error.message).toContain('2027');
    });

    it('only the days examined must be loaded: the start date’s own year need not be', () => {
      expect(calendar.addWorkingDays('2023-12-31', 1)).toBe('2024-01-02');
      expect(() => calendar.addWorkingDays('2023-12-29', 1)).toThrow(CalendarYearNotLoaded);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/2027 is not loaded/);
      expect(() => calendar.workingDaysBetween('2026-12-01', '2027-01-05')).toThrow(CalendarYearNotLoaded);
    });

    it('an empty calendar refuses everything, saying nothing is loaded', () => {
      expect(() => new WorkingDayCalendar(new Map()).addWorkingDays('2024-06-03', 1)).toThrow(/loaded years: none/);
    });
  });

  it('refuses dates that are not YYYY-MM-DD calendar dates', () => {
    for (const bad of ['2024-02-30', '2024-2-4', '2024-02-04T00:00:00Z', '', '20240204']) {
      expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidCalendarDate);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(InvalidCalendarDate);
    }
  });

  it('gives the same answers whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      const answers = (['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'] as const).map((tz) => {
        process.env.TZ = tz;
        return [calendar.addWorkingDays('2024-09-27', 3), calendar.isWorkingDay('2024-02-04'), calendar.workingDaysBetween('2024-01-01', '2024-03-01')];
      });
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      // Jan 02–31: 22 weekdays; Feb: 21 weekdays − 5 (02-12..16) + 2 make-up days = 18; Fri 03-01: 1.
      expect(answers[0]).toEqual(['2024-10-08', true, 41]);
    } finally {
      process.env.TZ = saved;
    }
  });
});

function captured(run: () => unknown): Error & Record<string, unknown> {
  try {
    run();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected an error');
}
