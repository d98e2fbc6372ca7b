import { EventRow, StreamRow } from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';
import { pageWithTotal } from './page-with-total';

describe.each(testDatabaseKinds())('pageWithTotal on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    for (let i = 1; i <= 5; i++) await db.store().append(`page-${i}`, [{ type: 'Made', data: {} }, { type: 'Made', data: {} }]);
  });
  afterAll(() => db?.close());

  const streams = () => db.dataSource.getRepository(StreamRow).createQueryBuilder('s').where("s.stream_id LIKE 'page-%'").orderBy('s.stream_id');
  const ids = (rows: StreamRow[]) => rows.map((r) => r.streamId);

  it('gives the page and the total of every matching row, as getManyAndCount does', async () => {
    for (const page of [{ limit: 2, offset: 0 }, { limit: 2, offset: 4 }, { limit: 10, offset: 0 }, { limit: 3, offset: 10 }]) {
      const [items, total] = await pageWithTotal(streams(), page);
      const [expected, expectedTotal] = await streams().take(page.limit).skip(page.offset).getManyAndCount();
      expect([ids(items), total]).toEqual([ids(expected), expectedTotal]);
      expect(total).toBe(5);
    }
    const [first] = await pageWithTotal(streams(), { limit: 2, offset: 2 });
    expect(ids(first)).toEqual(['page-3', 'page-4']);
  });

  it('refuses a joined query, whose rows it would count twice', async () => {
    const joined = db.dataSource.getRepository(StreamRow).createQueryBuilder('s').innerJoin(EventRow, 'e', 'e.stream_id = s.stream_id');
    await expect(pageWithTotal(joined, { limit: 5, offset: 0 })).rejects.toThrow('joined query');
  });
});
