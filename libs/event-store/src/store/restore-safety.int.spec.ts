import {
  LOG_START,
  LogAheadOfClusterError,
  assertLogBehindCluster,
  readLogClock,
  restampLog,
  type StoredEvent,
} from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

/**
 * A restored or moved database: the log was written on a cluster whose transaction counter had gone far beyond
 * this one's. Simulated by inserting events stamped well above the current counter, as pg_restore would leave them.
 */
describe.each(testDatabaseKinds())('a log restored into a cluster with a lower transaction counter, on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const readEverything = async () => (await db.store().readAll({ after: LOG_START, limit: 100 })).events;
  const summary = (events: StoredEvent[]) => events.map((e) => [e.streamId, e.streamPosition, e.globalPosition]);

  /** Writes a "restored" log: three transactions far above the counter, one of them with two events. */
  async function restoreLogFromABusierCluster() {
    const { next } = await readLogClock(db.sql);
    const far = BigInt(next) + 5_000_000_000n; // another epoch, as on a long-lived cluster
    const stamps = [far + 30n, far + 10n, far + 10n, far + 20n]; // log order is by stamp, not by position
    const positions: number[] = [];
    for (const [i, tx] of stamps.entries()) {
      const [row] = await db.sql.query<{ p: string }>(
        `INSERT INTO es_events (transaction_id, stream_id, stream_position, type, schema_version, data, metadata)
         VALUES ($1, $2, $3, 'Noted', 1, '{}', '{}') RETURNING global_position::text AS p`,
        [tx.toString(), `restored-${i}`, 1],
      );
      await db.sql.query('INSERT INTO es_streams (stream_id, version) VALUES ($1, 1)', [`restored-${i}`]);
      positions.push(Number(row.p));
    }
    // A projection that had read up to the second transaction, and an append remembered under a key.
    await db.sql.query(
      `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position) VALUES ('restored-proj', 1, $1, $2)`,
      [(far + 20n).toString(), positions[3]],
    );
    await db.sql.query(
      `INSERT INTO es_idempotency_keys (key, stream_id, next_expected_version, first_global_position, last_global_position, transaction_id)
       VALUES ('restored-key', 'restored-1', 1, $1, $1, $2)`,
      [positions[1], (far + 10n).toString()],
    );
    return { positions };
  }

  it('refuses to append, says what happened and how to recover, and the restamp brings the log back in order', async () => {
    const { positions } = await restoreLogFromABusierCluster();
    // What goes wrong without the check: the restored events are invisible to readers.
    expect(await readEverything()).toEqual([]);

    await expect(assertLogBehindCluster(db.sql)).rejects.toThrow(LogAheadOfClusterError);
    const refusal = db.store().append('after-restore', [{ type: 'Noted', data: {} }]);
    await expect(refusal).rejects.toThrow(/restored or moved.*restamp-log.*pg_resetwal --epoch/s);
    await expect(db.store().appendAtomically([
      { streamId: 'after-restore-a', events: [{ type: 'Noted', data: {} }] },
      { streamId: 'after-restore-b', events: [{ type: 'Noted', data: {} }] },
    ])).rejects.toThrow(LogAheadOfClusterError);
    expect(await db.store().streamVersion('after-restore')).toBe(0);

    const result = await restampLog(db.sql);
    expect(result).toMatchObject({ restamped: true, transactions: 3, events: 4 });
    await expect(assertLogBehindCluster(db.sql)).resolves.toBeUndefined();

    // Same order as before the move: by the old stamps, then by position within a transaction.
    const before = [positions[1], positions[2], positions[3], positions[0]];
    expect((await readEverything()).map((e) => e.globalPosition)).toEqual(before);

    // The checkpoint still sits after the same event, so the projection resumes exactly there.
    const [checkpoint] = await db.sql.query<{ tx: string; pos: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM projection_checkpoints WHERE name = 'restored-proj'`,
    );
    const resumed = await db.store().readAll({ after: { transactionId: checkpoint.tx, globalPosition: Number(checkpoint.pos) } });
    expect(resumed.events.map((e) => e.globalPosition)).toEqual([positions[0]]);

    // The idempotency record follows its event, and new appends land after everything restored.
    expect((await db.store().findAppend('restored-key', 'restored-1'))?.transactionId).toBe(
      (await readEverything()).find((e) => e.globalPosition === positions[1])?.transactionId,
    );
    const appended = await db.store().append('after-restore', [{ type: 'Noted', data: {} }]);
    const all = await readEverything();
    expect(summary(all).at(-1)).toEqual(['after-restore', 1, appended.lastGlobalPosition]);
    expect(all).toHaveLength(5);

    // Run again on a healthy log: nothing to do.
    expect(await restampLog(db.sql)).toMatchObject({ restamped: false });
  });
});
