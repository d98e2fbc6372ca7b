import fc from 'fast-check';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';
import { WorkingDayCalendar } from '../working-calendar/domain/working-days';
import { workingDaysSql, workingDayValues } from './working-days.sql';

/*
 * The statement's working days (from the calculator's dayCounts) against the calculator itself, on randomized
 * calendars (holidays, make-up days, years loaded with a gap, none) and date pairs: forwards, backwards, the same
 * day, across a year boundary, outside the loaded years, and a missing date.
 */

const EPOCH = Date.UTC(2023, 11, 1);
const day = (offset: number) => new Date(EPOCH + offset * 86_400_000).toISOString().slice(0, 10);
const YEARS = [2023, 2024, 2025, 2026];

/** A calendar as plain data (a counterexample prints and shrinks as dates, not as the calculator's tables). */
const calendar = fc.record({
  years: fc.subarray(YEARS),
  holidays: fc.uniqueArray(fc.nat({ max: 800 }).map(day), { maxLength: 60 }),
  makeUpWorkdays: fc.uniqueArray(fc.nat({ max: 800 }).map(day), { maxLength: 20 }),
});
const calculator = ({ years, holidays, makeUpWorkdays }: { years: number[]; holidays: string[]; makeUpWorkdays: string[] }) => {
  const inYear = (dates: string[], year: number) => dates.filter((d) => d.startsWith(`${year}-`));
  return new WorkingDayCalendar(new Map(years.map((y) => [y, { holidays: inYear(holidays, y), makeUpWorkdays: inYear(makeUpWorkdays, y) }])));
};
const date = fc.option(fc.nat({ max: 1200 }).map(day), { freq: 20 });

describe.each(testDatabaseKinds())('working days counted in SQL agree with the calculator on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  it('for randomized calendars and date pairs', async () => {
    await fc.assert(
      fc.asyncProperty(calendar, fc.array(fc.tuple(date, date), { minLength: 1, maxLength: 40 }), async (arrangement, pairs) => {
        const workingCalendar = calculator(arrangement);
        const rows = await db.sql.query<{ days: number | null }>(
          `SELECT ${workingDaysSql('p.from_on', 'p.to_on', { firstDay: 3, workingBefore: 4, notLoadedBefore: 5 })} AS days
           FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS p(from_on, to_on, n) ORDER BY p.n`,
          [pairs.map(([from]) => from), pairs.map(([, to]) => to), ...workingDayValues(workingCalendar.dayCounts())],
        );
        const want = pairs.map(([from, to]) => {
          if (from === null || to === null) return null;
          try {
            return workingCalendar.workingDaysBetween(from, to) + 0; // backwards over no working day the calculator says -0
          } catch {
            return null; // a day examined in a year not loaded
          }
        });
        expect(rows.map((r) => r.days)).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});
