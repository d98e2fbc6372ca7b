import type { EventStore } from '@app/event-store';
import { CommandMetrics, CommandRunner, type AppConfig } from '@app/platform';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../test/support/test-database';
import { calendarYearDecider } from '../domain/calendar.decider';
import { calendarStreamId } from '../domain/calendar.events';
import { CalendarSeeder } from './calendar-seeder';
import { CHINESE_DAYS_SOURCE, chineseDaysYear } from './chinese-days.source';

const config = { zoneId: 'test-zone' } as AppConfig;

/** A store whose first `racers` reads of a stream all return before any goes on: replicas starting at once. */
function racingStore(store: EventStore, racers: number): EventStore {
  const waiting = new Map<string, { count: number; met: Promise<void>; release: () => void }>();
  return Object.assign(Object.create(store) as EventStore, {
    async loadStreams(...args: Parameters<EventStore['loadStreams']>) {
      const loaded = await store.loadStreams(...args);
      const streamId = args[0][0].streamId;
      let gate = waiting.get(streamId);
      if (!gate) {
        let release!: () => void;
        const met = new Promise<void>((resolve) => (release = resolve));
        gate = { count: 0, met, release };
        waiting.set(streamId, gate);
      }
      if (++gate.count === racers) gate.release();
      if (gate.count <= racers) await gate.met;
      return loaded;
    },
  });
}

describe.each(testDatabaseKinds())('CalendarSeeder on %s', (kind) => {
  let db: TestDatabase;
  const seeder = (store: EventStore = db.store()) => new CalendarSeeder(new CommandRunner(store, config, new CommandMetrics()));
  const streamEvents = (year: number) => db.store().readStream(calendarStreamId(year));

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  it('three replicas starting at once load each year exactly once, as system, and none fails', async () => {
    const store = racingStore(db.store(), 3);
    const results = await Promise.all([seeder(store).seed(), seeder(store).seed(), seeder(store).seed()]);

    expect(results.flat().sort()).toEqual([2024, 2025, 2026]);
    for (const year of [2024, 2025, 2026]) {
      const events = await streamEvents(year);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'CalendarYearLoaded',
        data: { year, source: CHINESE_DAYS_SOURCE, ...chineseDaysYear(year) },
        metadata: { actorId: 'system', tenantId: 'test-zone' },
      });
    }
  });

  it('a restart seeds nothing, and never touches a year an administrator corrected', async () => {
    const runner = new CommandRunner(db.store(), config, new CommandMetrics());
    const y2025 = chineseDaysYear(2025)!;
    await runner.run(
      calendarStreamId(2025),
      calendarYearDecider,
      { type: 'SetCalendarYear', year: 2025, holidays: y2025.holidays.slice(1), makeUpWorkdays: y2025.makeUpWorkdays, reason: 'test' },
      { actor: { id: 'admin-1' }, correlationId: 'req-1' },
    );

    expect(await seeder().seed()).toEqual([]);

    expect((await streamEvents(2025)).map((e) => e.type)).toEqual(['CalendarYearLoaded', 'CalendarYearCorrected']);
    expect((await streamEvents(2024)).map((e) => e.type)).toEqual(['CalendarYearLoaded']);
  });

  it('skips, with no event, a year the package does not have', async () => {
    expect(await seeder().seed([2099])).toEqual([]);
    expect(await streamEvents(2099)).toEqual([]);
  });
});
