import { AppendInWritingTransactionError, LOG_START, PoolSql, PostgresEventStore } from '@app/event-store';
import { Pool } from 'pg';
import { openTestDatabase, serverDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

/**
 * Along one stream, the log (ordered by the writer's transaction id) must show the events in stream order. Only a
 * server has transactions that overlap, so only a server can get this wrong.
 */
describe.each(serverDatabaseKinds())('stream order in the log on %s', (kind) => {
  let db: TestDatabase;
  let writerPool: Pool;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    writerPool = new Pool({ connectionString: db.url, max: 10 });
    writerPool.on('error', () => undefined);
  });
  afterAll(async () => {
    await writerPool?.end();
    await db?.close();
  });

  const streamInLogOrder = async (streamId: string) => {
    const events = [];
    let after = LOG_START;
    for (;;) {
      const page = await db.store().readAll({ after, limit: 500 });
      if (page.events.length === 0) return events.filter((e) => e.streamId === streamId).map((e) => e.streamPosition);
      events.push(...page.events);
      after = page.checkpoint;
    }
  };

  it('refuses an append in a transaction that got its id before another writer appended to the stream', async () => {
    await db.store().append('order-early-id', [{ type: 'Noted', data: { n: 1 } }]);
    const early = await writerPool.connect();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()'); // this transaction now has the lower id
      await db.store().append('order-early-id', [{ type: 'Noted', data: { n: 2 } }]); // another writer commits
      const late = new PostgresEventStore(clientSql(early)).append('order-early-id', [{ type: 'Noted', data: { n: 3 } }], {
        expectedVersion: 2,
      });
      await expect(late).rejects.toThrow(AppendInWritingTransactionError);
      const atomic = new PostgresEventStore(clientSql(early)).appendAtomically([
        { streamId: 'order-early-id', events: [{ type: 'Noted', data: {} }] },
        { streamId: 'order-early-other', events: [{ type: 'Noted', data: {} }] },
      ]);
      await expect(atomic).rejects.toThrow(AppendInWritingTransactionError);
      await early.query('COMMIT');
    } finally {
      early.release();
    }
    expect(await streamInLogOrder('order-early-id')).toEqual([1, 2]);
  });

  it('still appends first thing in a caller\'s transaction', async () => {
    const client = await writerPool.connect();
    try {
      await client.query('BEGIN');
      await new PostgresEventStore(clientSql(client)).append('order-first-thing', [{ type: 'Noted', data: {} }]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await streamInLogOrder('order-first-thing')).toEqual([1]);
  });

  it('keeps racing `any` and `stream_exists` appends in stream order through readAll', async () => {
    await db.store().append('order-race', [{ type: 'Noted', data: {} }]);
    const writers = 8;
    const each = 15;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const store = new PostgresEventStore(new PoolSql(writerPool));
        for (let i = 0; i < each; i++) {
          const expectedVersion = i % 2 === 0 ? 'any' : 'stream_exists';
          await store.append('order-race', [{ type: 'Noted', data: { w, i } }], { expectedVersion });
        }
      }),
    );
    const total = 1 + writers * each;
    expect(await streamInLogOrder('order-race')).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});

function clientSql(client: { query: (text: never, params?: unknown[]) => Promise<{ rows: unknown[] }> }) {
  return {
    async query<R>(text: unknown, params: readonly unknown[] = []): Promise<R[]> {
      return (await client.query(text as never, params as unknown[])).rows as R[];
    },
  } as unknown as PoolSql;
}
