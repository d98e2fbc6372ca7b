import {
  compareCheckpoints,
  ProjectionNotFailingError,
  ProjectionRunner,
  ProjectionStoppedError,
  projectionFailures,
  projectionStatuses,
  ReadModelWaiter,
  rowProjection,
  UpcasterRegistry,
} from '@app/event-store';
import type { AppendResult, Projection, ProjectionFailure, ProjectionRunnerOptions, StoredEvent } from '@app/event-store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

/** Polls a condition until it holds or the deadline passes (for work done by the runner's loops). */
async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabaseKinds())('poison events on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  /**
   * Rows of `table`: one per handled event, in the order applied. `failsOn` decides which events throw (a bug in
   * the handler); it is read at apply time, so a test can "deploy a fix" by changing it.
   */
  async function recorder(table: string, handles: string[], failsOn: { test: (e: StoredEvent) => boolean }, version = 1): Promise<Projection> {
    await db.sql.query(`CREATE TABLE IF NOT EXISTS "${table}" (global_position bigint PRIMARY KEY, type text NOT NULL, note text)`);
    return {
      name: table.replace(/_/g, '-'), version, handles, tables: [table],
      async apply(events, { sql, table: physical }) {
        for (const e of events) {
          if (failsOn.test(e)) throw new TypeError(`cannot read properties of undefined (reading 'unitId') at #${e.globalPosition}`);
          await sql.query(`INSERT INTO "${physical(table)}" (global_position, type, note) VALUES ($1, $2, $3)`,
            [e.globalPosition, e.type, (e.data as { note?: string }).note ?? null]);
        }
      },
    };
  }
  const positions = async (table: string) =>
    (await db.sql.query<{ p: number }>(`SELECT global_position::float8 AS p FROM "${table}" ORDER BY global_position`)).map((r) => r.p);

  async function readable(appended: AppendResult): Promise<AppendResult> {
    const target = (await db.store().checkpointOf(appended.lastGlobalPosition))!;
    await eventually('the append to be readable', async () => compareCheckpoints(await db.store().head(), target) >= 0);
    return appended;
  }
  const append = async (streamId: string, type: string, data: Record<string, unknown>) => readable(await db.store().append(streamId, [{ type, data }]));

  const options = (owner: string, extra: Partial<ProjectionRunnerOptions> = {}): ProjectionRunnerOptions => ({
    owner, batchSize: 50, pollIntervalMs: 30, leaseTtlMs: 5_000, maxAttempts: 3, retryDelayMs: 20, ...extra,
  });
  const status = async (projection: Projection) => (await projectionStatuses(db.sql, [projection], 60_000))[0];

  it('retries a failing event with back-off, then stops that projection (unhealthy, naming the event) while the others go on', async () => {
    const tag = `poison-${kind}-stop`;
    const failing = await recorder('poison_stop_failing', ['PoisonNoted'], { test: (e) => (e.data as { tag?: string }).tag === tag });
    const healthy = await recorder('poison_stop_healthy', ['PoisonNoted'], { test: () => false });
    const before = await append('poison-stop-1', 'PoisonNoted', { note: 'before' });
    const bad = await append('poison-stop-2', 'PoisonNoted', { tag, note: 'bad' });
    const after = await append('poison-stop-3', 'PoisonNoted', { note: 'after' });
    const failures: ProjectionFailure[] = [];
    const errors: string[] = [];
    const runner = new ProjectionRunner(db.sql, [failing, healthy], options(`stopper-${kind}`, {
      onFailure: (_name, f) => void failures.push(f),
      log: (level, message) => void (level === 'error' && errors.push(message)),
    }));
    await runner.start();
    try {
      await eventually('the failing projection to stop', async () => (await status(failing)).failure?.stoppedAt != null);
      await eventually('the healthy projection to pass the bad event', async () => (await positions('poison_stop_healthy')).includes(after.lastGlobalPosition));

      // Everything before the poison event applied; nothing from it on.
      const applied = await positions('poison_stop_failing');
      expect(applied).toContain(before.lastGlobalPosition);
      expect(applied).not.toContain(bad.lastGlobalPosition);
      expect(applied).not.toContain(after.lastGlobalPosition);
      expect(failures.map((f) => f.attempts)).toEqual([1, 2, 3]);

      const stopped = await status(failing);
      expect(stopped.healthy).toBe(false);
      expect(stopped.failure).toMatchObject({
        attempts: 3,
        event: { globalPosition: bad.lastGlobalPosition, type: 'PoisonNoted', streamId: 'poison-stop-2', during: 'catch-up' },
      });
      expect(stopped.failure!.error).toContain("reading 'unitId'");
      expect(stopped.problem).toBe(`stopped on event #${bad.lastGlobalPosition} (PoisonNoted) after 3 attempts: ${stopped.failure!.error}`);
      expect(await status(healthy)).toMatchObject({ healthy: true, failure: null });
      expect(errors.some((m) => m.includes('stopped'))).toBe(true);

      // A stopped projection does not try again on its own.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(failures).toHaveLength(3);

      // A read that needs the stopped projection is told at once; one that needs only the healthy one is served.
      const waiter = new ReadModelWaiter(db.sql, db.store());
      await expect(waiter.waitFor(after.lastGlobalPosition, [healthy.name], 5_000)).resolves.toBeUndefined();
      const started = Date.now();
      const refused = await waiter.waitFor(after.lastGlobalPosition, [failing.name, healthy.name], 10_000).catch((e) => e);
      expect(refused).toBeInstanceOf(ProjectionStoppedError);
      expect(refused.stopped).toEqual([failing.name]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await runner.stop();
    }
  });

  it('an admin retry after a fix applies the event; a skip passes it by for good, recorded, and a rebuild honours it', async () => {
    const tag = `poison-${kind}-admin`;
    const bug = { test: (e: StoredEvent) => (e.data as { tag?: string }).tag === tag };
    const projection = await recorder('poison_admin', ['PoisonNoted'], bug);
    await append('poison-admin-1', 'PoisonNoted', { note: 'first' });
    const fixable = await append('poison-admin-2', 'PoisonNoted', { tag, note: 'fixable' });
    const runner = new ProjectionRunner(db.sql, [projection], options(`admin-${kind}`));
    await runner.start();
    try {
      await eventually('the projection to stop', async () => (await status(projection)).failure?.stoppedAt != null);
      // "Deploy" a handler that copes with this event, and retry.
      bug.test = (e) => (e.data as { tag?: string; note?: string }).tag === tag && (e.data as { note?: string }).note === 'unfixable';
      expect(await projectionFailures.retry(db.sql, projection.name)).toBe(true);
      await eventually('the retried event to apply', async () => (await positions('poison_admin')).includes(fixable.lastGlobalPosition));
      expect(await status(projection)).toMatchObject({ failure: null });
      expect(await projectionFailures.retry(db.sql, projection.name)).toBe(false);

      const unfixable = await append('poison-admin-3', 'PoisonNoted', { tag, note: 'unfixable' });
      const later = await append('poison-admin-4', 'PoisonNoted', { note: 'later' });
      await eventually('the projection to stop again', async () => (await status(projection)).failure?.stoppedAt != null);

      // Only the event it is failing on can be skipped.
      await expect(projectionFailures.skip(db.sql, projection.name, later.lastGlobalPosition, 'wrong one', 'admin'))
        .rejects.toBeInstanceOf(ProjectionNotFailingError);
      await projectionFailures.skip(db.sql, projection.name, unfixable.lastGlobalPosition, 'bad test data, checked by hand', 'admin');
      await eventually('the events after the skipped one to apply', async () => (await positions('poison_admin')).includes(later.lastGlobalPosition));
      expect(await positions('poison_admin')).not.toContain(unfixable.lastGlobalPosition);
      expect(await status(projection)).toMatchObject({
        healthy: true,
        failure: null,
        skipped: { count: 1, latest: { globalPosition: unfixable.lastGlobalPosition, type: 'PoisonNoted', reason: 'bad test data, checked by hand', skippedBy: 'admin' } },
      });
      expect((await status(projection)).skipped.latest!.error).toContain("reading 'unitId'");
    } finally {
      await runner.stop();
    }

    // A new version replays the log: the skipped event stays skipped and the rows come out the same.
    const live = await positions('poison_admin');
    const rebuilder = new ProjectionRunner(db.sql, [{ ...projection, version: 2 }], options(`admin-rebuild-${kind}`));
    await rebuilder.start();
    try {
      await eventually('the rebuild', async () => (await status({ ...projection, version: 2 })).storedVersion === 2);
    } finally {
      await rebuilder.stop();
    }
    expect(await positions('poison_admin')).toEqual(live);
  });

  it('an upcaster that throws stops only the projections that handle that event type', async () => {
    const upcasters = new UpcasterRegistry([{
      type: 'PoisonShaped', fromVersion: 1,
      upcast: (data: { tag?: string }) => {
        if (data.tag === `poison-${kind}-upcast`) throw new Error('upcaster: field "kind" missing');
        return { ...data, upcast: true };
      },
    }]);
    const reader = await recorder('poison_upcast_reader', ['PoisonShaped'], { test: () => false });
    const bystander = await recorder('poison_upcast_bystander', ['PoisonBystander'], { test: () => false });
    const bad = await append('poison-upcast-1', 'PoisonShaped', { tag: `poison-${kind}-upcast` });
    const next = await append('poison-upcast-2', 'PoisonBystander', { note: 'goes on' });
    const runner = new ProjectionRunner(db.sql, [reader, bystander], options(`upcast-${kind}`), upcasters);
    await runner.start();
    try {
      await eventually('the reader to stop', async () => (await status(reader)).failure?.stoppedAt != null);
      await eventually('the bystander to go on', async () => (await positions('poison_upcast_bystander')).includes(next.lastGlobalPosition));
      expect((await status(reader)).failure).toMatchObject({ event: { globalPosition: bad.lastGlobalPosition, type: 'PoisonShaped' } });
      expect((await status(reader)).failure!.error).toContain('field "kind" missing');
    } finally {
      await runner.stop();
    }
  });

  it('a rebuild that fails on an event backs off and stops after the attempts, instead of replaying every poll', async () => {
    const tag = `poison-${kind}-rebuild`;
    const ok = await recorder('poison_rebuild', ['PoisonRebuilt'], { test: () => false });
    await append('poison-rebuild-1', 'PoisonRebuilt', { note: 'fine' });
    const bad = await append('poison-rebuild-2', 'PoisonRebuilt', { tag });
    const first = new ProjectionRunner(db.sql, [ok], options(`rebuild-a-${kind}`));
    await first.start();
    await eventually('version 1 to catch up', async () => (await positions('poison_rebuild')).includes(bad.lastGlobalPosition));
    await first.stop();

    let attemptsOnBad = 0;
    const v2 = await recorder('poison_rebuild', ['PoisonRebuilt'], {
      test: (e) => {
        const hit = (e.data as { tag?: string }).tag === tag;
        if (hit) attemptsOnBad += 1;
        return hit;
      },
    }, 2);
    const second = new ProjectionRunner(db.sql, [v2], options(`rebuild-b-${kind}`));
    await second.start();
    try {
      await eventually('the rebuild to stop', async () => (await status(v2)).failure?.stoppedAt != null);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const s = await status(v2);
      expect(s).toMatchObject({ healthy: false, storedVersion: 1, failure: { attempts: 3, event: { globalPosition: bad.lastGlobalPosition, during: 'rebuild' } } });
      // Each attempt replays the batch whole, then event by event to find the culprit: two tries per attempt, no more.
      expect(attemptsOnBad).toBe(6);
      // The live rows of version 1 are untouched.
      expect(await positions('poison_rebuild')).toContain(bad.lastGlobalPosition);
    } finally {
      await second.stop();
    }
  });

  it('a stream that reaches the log out of order stops a row projection that checks stream positions, naming the event', async () => {
    // The append path cannot produce this (stream-order.server.int.spec.ts); rows written past it (a bad restore
    // script, a hand-made fix) can. Position 2 of the stream is committed first, position 1 after it.
    await db.sql.query('CREATE TABLE IF NOT EXISTS out_of_order_rows (stream_id text PRIMARY KEY, notes integer NOT NULL, version integer NOT NULL)');
    const ordered = rowProjection<{ stream_id: string; notes: number; version: number }>({
      name: 'out-of-order-rows', version: 1, handles: ['OrderNoted'], table: 'out_of_order_rows', keyColumn: 'stream_id',
      columns: { stream_id: 'text', notes: 'integer', version: 'integer' }, streamPositionColumn: 'version',
      rowKey: (e) => e.streamId,
      evolve: (row, e) => ({ stream_id: e.streamId, notes: (row?.notes ?? 0) + 1, version: e.streamPosition }),
    });
    const streamId = `out-of-order-${kind}`;
    const insert = async (position: number) =>
      (await db.sql.query<{ p: string }>(
        `INSERT INTO es_events (transaction_id, stream_id, stream_position, type, schema_version, data, metadata)
         VALUES (pg_current_xact_id()::text::bigint, $1, $2, 'OrderNoted', 1, '{}', '{}') RETURNING global_position::text AS p`,
        [streamId, position],
      ))[0].p;
    await insert(2);
    const late = Number(await insert(1));
    await db.sql.query('INSERT INTO es_streams (stream_id, version) VALUES ($1, 2)', [streamId]);
    await readable({ lastGlobalPosition: late } as AppendResult);

    const runner = new ProjectionRunner(db.sql, [ordered], options(`order-${kind}`));
    await runner.start();
    try {
      await eventually('the projection to stop', async () => (await status(ordered)).failure?.stoppedAt != null);
      const s = await status(ordered);
      expect(s).toMatchObject({ healthy: false, failure: { attempts: 3, event: { globalPosition: late, streamId, type: 'OrderNoted' } } });
      expect(s.failure!.error).toMatch(/position 1 of .*, but the row already holds position 2: the log shows this stream out of order/);
      // Position 2 applied; position 1 was never folded on top of it.
      expect(await db.sql.query('SELECT notes, version FROM out_of_order_rows WHERE stream_id = $1', [streamId])).toEqual([{ notes: 1, version: 2 }]);
    } finally {
      await runner.stop();
    }
  });
});
