import { compareCheckpoints, LogNotSettledError, type PoolSql, PostgresEventStore, type LogCheckpoint, type StoredEvent } from '@app/event-store';
import { Pool } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { openTestDatabase, serverDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

/**
 * The log reader must see every committed event exactly once while writers commit out of position order.
 * Only meaningful on a server (PGlite has one connection, so its transactions never overlap).
 */
describe.each(serverDatabaseKinds())('gap-safe readAll on %s', (kind) => {
  let db: TestDatabase;
  let writerPool: Pool;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    writerPool = new Pool({ connectionString: db.url, max: 12 });
    writerPool.on('error', () => undefined); // an idle client's error surfaces on its next query instead
  });
  afterAll(async () => {
    await writerPool?.end();
    await db?.close();
  });

  it('holds a reader back behind a transaction that took an earlier position but has not committed', async () => {
    const slow = await writerPool.connect();
    const fast = await writerPool.connect();
    try {
      await slow.query('BEGIN');
      await new PostgresEventStore(clientSql(slow)).append('order-slow', [{ type: 'Noted', data: { who: 'slow' } }]);
      await fast.query('BEGIN');
      const fastResult = await new PostgresEventStore(clientSql(fast)).append('order-fast', [{ type: 'Noted', data: {} }]);
      await fast.query('COMMIT');

      // The later position is committed, the earlier is not: a position-ordered reader would pass it by.
      const whileOpen = await db.store().readAll({ limit: 100 });
      expect(whileOpen.events.map((e) => e.streamId)).not.toContain('order-fast');

      await slow.query('COMMIT');
      // Visible once every older transaction in the cluster has ended (other suites may be running).
      let afterCommit = await db.store().readAll({ limit: 100 });
      for (const deadline = Date.now() + 10_000; !afterCommit.events.some((e) => e.streamId === 'order-fast'); ) {
        if (Date.now() > deadline) throw new Error('order-fast never became readable');
        await sleep(10);
        afterCommit = await db.store().readAll({ limit: 100 });
      }
      const order = afterCommit.events.map((e) => e.streamId);
      expect(order.indexOf('order-slow')).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('order-slow')).toBeLessThan(order.indexOf('order-fast'));
      expect(afterCommit.events.find((e) => e.streamId === 'order-fast')?.globalPosition).toBe(fastResult.firstGlobalPosition);
    } finally {
      slow.release();
      fast.release();
    }
  });

  it('settledHead waits for an older transaction to end, so an event committed before the call is inside the cut', async () => {
    const older = await writerPool.connect();
    try {
      // An older transaction with an id but no event yet (a projection's or a job's), still running.
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      const committed = await db.store().append('settle-committed', [{ type: 'Noted', data: {} }]);
      // head() stops before the older transaction, so the event just committed is beyond it.
      expect((await db.store().head()).globalPosition).toBeLessThan(committed.lastGlobalPosition);
      await expect(db.store().settledHead(200)).rejects.toThrow(LogNotSettledError);

      let settled: LogCheckpoint | null = null;
      const waiting = db.store().settledHead(10_000).then((h) => (settled = h));
      await sleep(100);
      expect(settled).toBeNull(); // still waiting while the older transaction runs
      await older.query('COMMIT');
      await waiting;
      expect(settled!.globalPosition).toBeGreaterThanOrEqual(committed.lastGlobalPosition);
    } finally {
      older.release();
    }
  });

  it('8 concurrent writers, a concurrent paging reader: every event exactly once, each stream in order', async () => {
    const WRITERS = 8;
    const TRANSACTIONS_PER_WRITER = 60;
    const appended = new Set<number>();

    // Each writer holds its transaction open for a random moment after taking positions, so commits land
    // out of position order all the time.
    const writer = async (w: number) => {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const client = await writerPool.connect();
        try {
          await client.query('BEGIN');
          const store = new PostgresEventStore(clientSql(client));
          const streamId = `gap-${w}-${t % 5}`;
          const result = await store.append(streamId, [
            { type: 'Noted', data: { w, t, i: 0 } },
            { type: 'Noted', data: { w, t, i: 1 } },
          ]);
          await client.query('SELECT pg_sleep($1)', [Math.random() * 0.01]);
          await client.query('COMMIT');
          appended.add(result.firstGlobalPosition).add(result.lastGlobalPosition);
        } finally {
          client.release();
        }
      }
    };

    const seen: StoredEvent[] = [];
    // Where the last writer's events stand in log order, once the writers are done.
    let last: LogCheckpoint | null = null;
    const reader = async () => {
      const store = db.store();
      let after: LogCheckpoint | undefined;
      // Keep paging while writers run, then drain up to the last event written. An empty page alone does not
      // mean drained: another suite's open transaction on the same server holds every reader back (gap safety).
      const deadline = Date.now() + 20_000;
      for (let drained = false; !drained; ) {
        const target = last;
        const page = await store.readAll({ after, limit: 37 });
        seen.push(...page.events);
        after = page.checkpoint;
        if (page.events.length > 0) continue;
        if (target && after && compareCheckpoints(after, target) >= 0) drained = true;
        else if (Date.now() > deadline) throw new Error('the reader never reached the last event written');
        else await sleep(1);
      }
    };

    const readerDone = reader();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    // The last in log order (transaction, then position): not always the highest position.
    const [{ position }] = await db.sql.query<{ position: string }>(
      `SELECT global_position::text AS position FROM es_events WHERE stream_id LIKE 'gap-%' ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    last = await db.store().checkpointOf(Number(position));
    await readerDone;

    const positions = seen.map((e) => e.globalPosition);
    expect(appended.size).toBe(WRITERS * TRANSACTIONS_PER_WRITER * 2);
    expect(new Set(positions).size).toBe(positions.length); // no duplicates
    const gapEvents = seen.filter((e) => e.streamId.startsWith('gap-'));
    expect(new Set(gapEvents.map((e) => e.globalPosition))).toEqual(appended); // no loss

    const byStream = new Map<string, number[]>();
    for (const e of gapEvents) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.streamPosition]);
    for (const [, streamPositions] of byStream) {
      expect(streamPositions).toEqual(streamPositions.map((_, i) => i + 1));
    }
  });
});

function clientSql(client: { query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }) {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await client.query(text, params as unknown[])).rows as R[];
    },
  } satisfies Pick<PoolSql, 'query'>;
}
