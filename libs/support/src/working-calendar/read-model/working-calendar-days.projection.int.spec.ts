import { rebuildProjection, type NewEvent } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { calendarStreamId, type CalendarEvent, type CalendarYearContent } from '../domain/calendar.events';
import { stateCouncilYear } from '../testing/state-council-arrangements';
import { WorkingCalendarDaysProjection } from './working-calendar-days.projection';
import { WorkingCalendar } from './working-calendar.service';

const projection = new WorkingCalendarDaysProjection();
const y2024 = stateCouncilYear(2024);
const y2025 = stateCouncilYear(2025);
/** 2024 corrected: Sat 10-12 is no longer a make-up day, 除夕 02-09 is a holiday. */
const corrected2024: CalendarYearContent = {
  holidays: [{ date: '2024-02-09', name: '除夕' }, ...y2024.holidays],
  makeUpWorkdays: y2024.makeUpWorkdays.filter((d) => d.date !== '2024-10-12'),
};

const loaded = (year: number, content: CalendarYearContent): CalendarEvent => ({
  type: 'CalendarYearLoaded',
  data: { year, ...content, source: 'chinese-days@1.5.7' },
});
const corrected = (year: number, content: CalendarYearContent): CalendarEvent => ({
  type: 'CalendarYearCorrected',
  data: { year, ...content, source: 'admin', reason: 'correction' },
});
const stored = (event: CalendarEvent, streamPosition: number) => storedEvent(calendarStreamId(event.data.year), streamPosition, event.type, event.data);

describe.each(testDatabaseKinds())('working_calendar_days on %s', (kind) => {
  let db: TestDatabase;
  const spec = () => projectionSpec(db.sql, projection);
  const rows = () =>
    db.sql.query<{ date: string; year: number; kind: string; name: string }>(
      'SELECT date::text AS date, year, kind, name FROM working_calendar_days ORDER BY date',
    );
  const calendar = () => new WorkingCalendar(db.dataSource);

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('a load gives one row per holiday and make-up day, and a duplicate delivery changes nothing', async () => {
    const first = stored(loaded(2024, y2024), 1);
    await spec().given([first], [first]);

    const result = await rows();
    expect(result).toHaveLength(y2024.holidays.length + y2024.makeUpWorkdays.length);
    expect(result).toContainEqual({ date: '2024-10-01', year: 2024, kind: 'holiday', name: '国庆节' });
    expect(result).toContainEqual({ date: '2024-02-04', year: 2024, kind: 'makeup_workday', name: '春节' });
  });

  it('a correction replaces the year: a date it drops loses its row, other years are untouched', async () => {
    await spec().given([stored(loaded(2024, y2024), 1), stored(loaded(2025, y2025), 1)], [stored(corrected(2024, corrected2024), 2)]);

    const result = await rows();
    expect(result.find((r) => r.date === '2024-10-12')).toBeUndefined();
    expect(result).toContainEqual({ date: '2024-02-09', year: 2024, kind: 'holiday', name: '除夕' });
    expect(result.filter((r) => r.year === 2024)).toHaveLength(corrected2024.holidays.length + corrected2024.makeUpWorkdays.length);
    expect(result.filter((r) => r.year === 2025)).toHaveLength(y2025.holidays.length + y2025.makeUpWorkdays.length);
  });

  it('within one batch, the last event of a year wins', async () => {
    await spec().given([stored(loaded(2024, y2024), 1), stored(corrected(2024, corrected2024), 2), stored(corrected(2024, y2024), 3)]);
    expect((await rows()).map((r) => r.date)).toEqual([...y2024.holidays, ...y2024.makeUpWorkdays].map((d) => d.date).sort());
  });

  it('WorkingCalendar answers from the rows and sees a correction at once', async () => {
    await spec().given([stored(loaded(2024, y2024), 1), stored(loaded(2025, y2025), 1)]);
    expect(await calendar().loadedYears()).toEqual([2024, 2025]);
    expect(await calendar().addWorkingDays('2024-10-08', 5)).toBe('2024-10-14'); // via Sat 10-12 (make-up)
    expect(await calendar().year(2026)).toBeNull();
    expect((await calendar().year(2024))?.makeUpWorkdays[0]).toEqual({ date: '2024-02-04', name: '春节' });

    // One service, as in the app: it keeps the calculator it built while the rows stay the same, and no longer.
    const service = calendar();
    const before = await service.snapshot();
    expect(await service.snapshot()).toBe(before);
    await spec().given([stored(corrected(2024, corrected2024), 2)]);
    expect((await service.snapshot()).addWorkingDays('2024-10-08', 5)).toBe('2024-10-15');
    expect(await service.snapshot()).not.toBe(before);
    expect(await calendar().addWorkingDays('2024-10-08', 5)).toBe('2024-10-15');
    expect(await calendar().isWorkingDay('2024-02-09')).toBe(false);
    expect(await calendar().workingDaysBetween('2024-09-27', '2024-10-08')).toBe(3);
    await expect(calendar().addWorkingDays('2025-12-31', 1)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2026 });
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    const append = (event: CalendarEvent) => store.append(calendarStreamId(event.data.year), [event as NewEvent]);
    await append(loaded(2024, y2024));
    await append(loaded(2025, y2025));
    await append(corrected(2024, corrected2024));
    const { events } = await store.readAll();
    await spec().given(events);
    const live = await rows();
    expect(live.some((r) => r.date === '2024-10-12')).toBe(false);

    await db.sql.query(`INSERT INTO working_calendar_days VALUES ('2024-12-25', 2024, 'holiday', 'stray row')`);
    await rebuildProjection(db.sql, projection, { batchSize: 2 });

    expect(await rows()).toEqual(live);
  });
});
