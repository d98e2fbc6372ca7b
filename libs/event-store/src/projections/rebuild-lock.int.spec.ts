import { LogOverviewProjection, RebuildInProgressError, leases, rebuildProjection } from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

describe.each(testDatabaseKinds())('rebuild lock on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  it('refuses a second rebuild of the same projection while one holds the lock, then allows it', async () => {
    const projection = new LogOverviewProjection();
    await db.store().append('case-1', [{ type: 'CaseOpened', data: {} }]);
    expect(await leases.acquire(db.sql, 'log-overview__rebuild', 'another-process', 60_000)).toBe(true);

    await expect(rebuildProjection(db.sql, projection, { batchSize: 10 })).rejects.toBeInstanceOf(RebuildInProgressError);
    const shadow = await db.sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'es_event_type_counts__rebuild'`);
    expect(shadow).toEqual([]);

    await leases.release(db.sql, 'log-overview__rebuild', 'another-process');
    await expect(rebuildProjection(db.sql, projection, { batchSize: 10 })).resolves.toEqual({ events: 1 });
    expect(await db.sql.query(`SELECT type, event_count::int AS n FROM es_event_type_counts`)).toEqual([
      { type: 'CaseOpened', n: 1 },
    ]);
  });
});
