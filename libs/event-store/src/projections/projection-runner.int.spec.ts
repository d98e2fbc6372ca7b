import { LOG_START, LogOverviewProjection, PoolSql, ProjectionRunner, ReadModelWaiter, WaitForTimeoutError } from '@app/event-store';
import { applyBatch, compareCheckpoints, leases, projectionStatuses, rebuildProjection } from '@app/event-store';
import type { AppendResult, NewEvent, Projection, ProjectionRunnerOptions, Sql, TransactionalSql } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { Pool } from 'pg';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

const HANDLED = ['CaseOpened', 'CaseNoted', 'CaseClosed'];

/** case_summaries-like rows keyed by stream: status and handled-event count. Each test gets its own table. */
const caseSummaries = (table: string, version = 1): Projection => ({
  name: table.replace(/_/g, '-'), version, handles: HANDLED, tables: [table],
  async apply(events, { sql, table: physical }) {
    const t = `"${physical(table)}"`;
    for (const e of events) {
      const status = e.type === 'CaseOpened' ? 'open' : e.type === 'CaseClosed' ? 'closed' : null;
      await sql.query(
        `INSERT INTO ${t} (stream_id, status, event_count, last_position) VALUES ($1, $2, 1, $3) ON CONFLICT (stream_id)
         DO UPDATE SET status = COALESCE(EXCLUDED.status, ${t}.status), event_count = ${t}.event_count + 1, last_position = $3`,
        [e.streamId, status, e.globalPosition],
      );
    }
  },
});

/** Polls a condition until it holds or the deadline passes (for work done by another loop). */
async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabaseKinds())('projections on %s', (kind) => {
  let db: TestDatabase;
  const overview = new LogOverviewProjection();
  // PGlite has one connection, so nothing there runs concurrently: these tests exist only on a server
  // (declared, not skipped, so a skip in the report always means something was left out).
  const itOnServer = (name: string, test: () => Promise<void>) => {
    if (kind === 'postgres') it(name, test);
  };

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const options = (owner: string, extra: Partial<ProjectionRunnerOptions> = {}): ProjectionRunnerOptions => ({
    owner, batchSize: 4, pollIntervalMs: 50, leaseTtlMs: 5_000, ...extra,
  });
  const runner = (sql: TransactionalSql = db.sql) => new ProjectionRunner(sql, [], options('test'));
  async function newCaseSummaries(table: string, version = 1): Promise<Projection> {
    await db.sql.query(`CREATE TABLE IF NOT EXISTS "${table}" (stream_id text PRIMARY KEY, status text,
      event_count int NOT NULL, last_position bigint NOT NULL)`);
    return caseSummaries(table, version);
  }

  // readAll stops below the oldest transaction open anywhere on the server (gap safety): another suite's
  // open transaction can hold a fresh append back for a moment, so wait until it is readable.
  async function readable(appended: AppendResult): Promise<AppendResult> {
    const target = (await db.store().checkpointOf(appended.lastGlobalPosition))!;
    await eventually('the append to be readable', async () => compareCheckpoints(await db.store().head(), target) >= 0);
    return appended;
  }
  const append = async (streamId: string, events: NewEvent[]) => readable(await db.store().append(streamId, events));
  /** Each case: opened, noted × 2, then tagged (not handled) and closed. */
  async function appendCases(prefix: string, cases: number) {
    for (let c = 1; c <= cases; c++) {
      const s = `case-${prefix}-${c}`;
      for (const type of ['CaseOpened', 'CaseNoted', 'CaseNoted']) await db.store().append(s, [{ type, data: { c } }]);
      const last = await db.store().append(s, [{ type: 'CaseTagged', data: {} }, { type: 'CaseClosed', data: {} }]);
      if (c === cases) await readable(last);
    }
  }

  const rows = (table: string) => db.sql.query(`SELECT * FROM "${table}" ORDER BY stream_id`);
  const counts = (table: string) => db.sql.query(`SELECT stream_id, event_count FROM "${table}" ORDER BY stream_id`);
  /** What a correct case summary holds, counted straight from the log. */
  const countsFromLog = () => db.sql.query(`SELECT stream_id, count(*)::int AS event_count FROM es_events
    WHERE type = ANY($1) GROUP BY stream_id ORDER BY stream_id`, [HANDLED]);
  const overviewRows = () => db.sql.query<{ type: string; n: number }>('SELECT type, event_count::int AS n, last_recorded_at FROM es_event_type_counts ORDER BY type');
  const overviewFromLog = () =>
    db.sql.query('SELECT type, count(*)::int AS n, max(recorded_at) AS last_recorded_at FROM es_events GROUP BY type ORDER BY type');
  const checkpoint = async (name: string) => (await db.sql.query<{ version: number; transactionId: string; globalPosition: number }>(
    `SELECT version, transaction_id::text AS "transactionId", global_position::float8 AS "globalPosition"
     FROM projection_checkpoints WHERE name = $1`, [name]))[0];
  const atHead = async (version = 1) => ({ version, ...(await db.store().head()) });
  const leaseOwner = async (name: string) =>
    (await db.sql.query<{ owner: string }>('SELECT owner FROM projection_leases WHERE name = $1', [name]))[0]?.owner;

  it('catchUp: applies every event once and moves the checkpoint, also past event types it does not handle', async () => {
    const cases = await newCaseSummaries('case_summaries_catchup');
    await appendCases('catchup', 3);

    expect(await runner().catchUp(cases)).toBe(15); // in batches of 4
    await runner().catchUp(overview);

    expect(await rows('case_summaries_catchup')).toEqual([1, 2, 3].map((c) =>
      expect.objectContaining({ stream_id: `case-catchup-${c}`, status: 'closed', event_count: 4 })));
    expect(await overviewRows()).toEqual(await overviewFromLog());
    expect(await checkpoint(cases.name)).toEqual(await atHead());

    // An event the projection does not handle: no row changes, the checkpoint still moves past it.
    const before = await rows('case_summaries_catchup');
    const tagged = await append('case-catchup-1', [{ type: 'CaseTagged', data: {} }]);
    expect(await runner().catchUp(cases)).toBe(1);
    expect(await rows('case_summaries_catchup')).toEqual(before);
    expect(await checkpoint(cases.name)).toMatchObject({ globalPosition: tagged.lastGlobalPosition });
    expect(await runner().catchUp(cases)).toBe(0);
  });

  it('catchUp: a duplicate delivery, or an overlapping batch, changes nothing', async () => {
    const cases = await newCaseSummaries('case_summaries_dup');
    const [opened, noted, closed] = ['CaseOpened', 'CaseNoted', 'CaseClosed'].map((t, i) => storedEvent('case-dup-1', i + 1, t, {}));
    for (const projection of [cases, overview]) {
      const spec = projectionSpec(db.sql, projection);
      await spec.reset();
      try {
        await spec.given([opened, noted], [opened, noted]);
        await applyBatch(db.sql, projection, { readAfter: LOG_START, events: [noted, closed] });
        await applyBatch(db.sql, projection, { readAfter: LOG_START, events: [opened, noted, closed] });

        if (projection === cases) {
          expect(await rows('case_summaries_dup')).toEqual([expect.objectContaining({ status: 'closed', event_count: 3 })]);
        } else {
          expect((await overviewRows()).map((r) => [r.type, r.n])).toEqual([['CaseClosed', 1], ['CaseNoted', 1], ['CaseOpened', 1]]);
        }
        expect(await checkpoint(projection.name)).toMatchObject({ globalPosition: closed.globalPosition });
      } finally {
        await spec.reset(); // the fake events must not stay in the log-overview rows of later tests
      }
    }
  });

  itOnServer('catchUp: two runners catching up the same projection at once apply each event exactly once', async () => {
    const cases = await newCaseSummaries('case_summaries_race');
    const otherPool = new Pool({ connectionString: db.url, max: 4 });
    try {
      for (let round = 1; round <= 3; round++) {
        await appendCases(`race-${round}`, 8);
        const [a, b] = [runner(), runner(new PoolSql(otherPool))];
        await Promise.all([a.catchUp(cases), b.catchUp(cases), a.catchUp(overview), b.catchUp(overview)]);
        expect(await counts('case_summaries_race')).toEqual(await countsFromLog());
        expect(await overviewRows()).toEqual(await overviewFromLog());
      }
    } finally {
      await otherPool.end();
    }
  });

  itOnServer('leases: one runner holds the lease; when it dies the other takes over and keeps projecting', async () => {
    const cases = await newCaseSummaries('case_summaries_lease');
    const pools = { a: new Pool({ connectionString: db.url, max: 2 }), b: new Pool({ connectionString: db.url, max: 2 }) };
    Object.values(pools).forEach((p) => p.on('error', () => undefined));
    const batches = { a: 0, b: 0 };
    const runners = (['a', 'b'] as const).map((w) => new ProjectionRunner(new PoolSql(pools[w]), [cases],
      options(`worker-${w}`, { leaseTtlMs: 1_000, onBatch: () => void batches[w]++ })));
    const waiter = new ReadModelWaiter(db.sql, db.store());
    let crashed: 'a' | 'b' | undefined;
    try {
      await Promise.all(runners.map((r) => r.start()));
      const first = await append('case-lease-1', [{ type: 'CaseOpened', data: {} }]);
      await waiter.waitFor(first.lastGlobalPosition, [cases.name], 10_000);
      const holder = (await leaseOwner(cases.name)) === 'worker-a' ? 'a' : 'b';
      const other = holder === 'a' ? 'b' : 'a';
      expect([batches[holder] > 0, batches[other]]).toEqual([true, 0]);

      // The holder crashes: its connections are gone, so it can no longer renew the lease.
      crashed = holder;
      await pools[holder].end();
      const second = await append('case-lease-2', [{ type: 'CaseOpened', data: {} }]);
      await eventually('the other runner to take the lease', async () => (await leaseOwner(cases.name)) === `worker-${other}`);
      await waiter.waitFor(second.lastGlobalPosition, [cases.name], 10_000);

      expect(batches[other]).toBeGreaterThan(0);
      expect(await counts('case_summaries_lease')).toEqual(await countsFromLog()); // the whole log, each event once
      expect(await counts('case_summaries_lease')).toContainEqual({ stream_id: 'case-lease-2', event_count: 1 });
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await Promise.all((['a', 'b'] as const).filter((w) => w !== crashed).map((w) => pools[w].end()));
    }
  });

  it('rebuild: replays into fresh rows identical to the live run; no shadow left; checkpoint at the head', async () => {
    const cases = await newCaseSummaries('case_summaries_rebuild');
    await appendCases('rebuild', 3);
    await runner().catchUp(cases);
    await runner().catchUp(overview);
    const [liveCases, liveOverview] = [await rows('case_summaries_rebuild'), await overviewRows()];
    // Damage the rows, so only a real replay can give the live rows back.
    await db.sql.query('UPDATE case_summaries_rebuild SET event_count = event_count + 100, status = NULL');
    await db.sql.query(`DELETE FROM es_event_type_counts WHERE type = 'CaseNoted'`);

    await rebuildProjection(db.sql, cases, { batchSize: 3 });
    await rebuildProjection(db.sql, overview, { batchSize: 3 });

    expect(await rows('case_summaries_rebuild')).toEqual(liveCases);
    expect(await overviewRows()).toEqual(liveOverview);
    const leftovers = await db.sql.query(`SELECT to_regclass('case_summaries_rebuild__rebuild') AS t,
      to_regclass('es_event_type_counts__rebuild') AS o, (SELECT count(*)::int FROM projection_checkpoints
      WHERE name = ANY($1)) AS c`, [[`${cases.name}__rebuild`, 'log-overview__rebuild']]);
    expect(leftovers).toEqual([{ t: null, o: null, c: 0 }]);
    expect(await checkpoint(cases.name)).toEqual(await atHead());
  });

  it('rebuild: includes an event appended between the shadow catch-up and the switch', async () => {
    const cases = await newCaseSummaries('case_summaries_window');
    await appendCases('window', 2);
    await runner().catchUp(cases);

    // The shadow catch-up ends on its first empty read; the next transaction the rebuild opens is the switch.
    let [caughtUp, appendedLate] = [false, false];
    const appendBeforeSwitch: TransactionalSql = {
      async query<R>(text: string, params?: readonly unknown[]) {
        const result = await db.sql.query<R>(text, params);
        caughtUp ||= result.length === 0;
        return result;
      },
      async transaction<T>(work: (tx: Sql) => Promise<T>) {
        if (caughtUp && !appendedLate) {
          appendedLate = true;
          await append('case-window-late', [{ type: 'CaseOpened', data: {} }, { type: 'CaseClosed', data: {} }]);
        }
        return db.sql.transaction(work);
      },
    };
    await rebuildProjection(appendBeforeSwitch, cases, { batchSize: 3 });

    expect(appendedLate).toBe(true);
    const reference = await newCaseSummaries('case_summaries_reference');
    await runner().catchUp(reference);
    expect(await rows('case_summaries_window')).toEqual(await rows('case_summaries_reference'));
    expect(await counts('case_summaries_window')).toContainEqual({ stream_id: 'case-window-late', event_count: 2 });
    expect(await checkpoint(cases.name)).toEqual(await atHead());
  });

  it('rebuild: a started runner rebuilds a projection whose version was bumped', async () => {
    const v1 = await newCaseSummaries('case_summaries_versioned', 1);
    await appendCases('versioned', 2);
    await runner().catchUp(v1);
    const rowsV1 = await rows('case_summaries_versioned');
    await db.sql.query('DELETE FROM case_summaries_versioned'); // only a rebuild can bring them back

    const upgraded = new ProjectionRunner(db.sql, [caseSummaries('case_summaries_versioned', 2)], options('upgrader'));
    await upgraded.start();
    try {
      await eventually('checkpoint version 2', async () => (await checkpoint(v1.name)).version === 2);
    } finally {
      await upgraded.stop();
    }
    expect(await rows('case_summaries_versioned')).toEqual(rowsV1);
  });

  it('waitFor resolves once a running runner has processed the position; healthy, then not once it stops', async () => {
    const cases = await newCaseSummaries('case_summaries_wait');
    const errors: string[] = [];
    const live = new ProjectionRunner(db.sql, [cases], options('live-worker', { log: (l, m) => void (l === 'error' && errors.push(m)) }));
    await live.start();
    try {
      const appended = await append('case-wait-1', [{ type: 'CaseOpened', data: {} }]);
      await new ReadModelWaiter(db.sql, db.store()).waitFor(appended.lastGlobalPosition, [cases.name], 10_000);
      expect(await counts('case_summaries_wait')).toContainEqual({ stream_id: 'case-wait-1', event_count: 1 });
      expect(await counts('case_summaries_wait')).toEqual(await countsFromLog());

      const [status] = await projectionStatuses(db.sql, [cases], 60_000);
      expect(status).toMatchObject({ name: cases.name, healthy: true, owner: 'live-worker', behind: 0, problem: undefined });
    } finally {
      await live.stop();
    }
    expect(errors).toEqual([]);

    const [orphaned] = await projectionStatuses(db.sql, [cases], 60_000);
    expect(orphaned).toMatchObject({ healthy: false, owner: null, behind: 0, problem: 'no worker holds this projection' });
  });

  it('status: lag is counted up to a cap and then reported as "at least", so a probe costs the same however far behind', async () => {
    const idle = await newCaseSummaries('case_summaries_capped');
    for (let i = 1; i <= 5; i++) await db.store().append(`case-capped-${i}`, [{ type: 'CaseOpened', data: { i } }]);
    // Nothing runs this projection: its checkpoint is the log's start, and every event in the database is behind it.
    const [capped] = await projectionStatuses(db.sql, [idle], 60_000, 3);
    expect(capped).toMatchObject({ name: idle.name, behind: 3, behindCapped: true, checkpoint: null });
    const total: number = (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0].n;
    const [exact] = await projectionStatuses(db.sql, [idle], 60_000, total + 1);
    expect(exact).toMatchObject({ behind: total, behindCapped: false });
  });

  it('wake: appends woken within wakeIntervalMs are applied together, long before the next poll', async () => {
    const cases = await newCaseSummaries('case_summaries_wake');
    const batches: number[] = [];
    // The earlier tests left a few thousand events in this database: one batch takes them all, so the first
    // poll catches up and the loop goes idle on its 20 s poll — after that only wakes can move it.
    const woken = new ProjectionRunner(db.sql, [cases], options('waker', {
      batchSize: 10_000, pollIntervalMs: 20_000, wakeIntervalMs: 300, onBatch: (name, n) => void (name === cases.name && batches.push(n)),
    }));
    await woken.start();
    try {
      // Let the first poll run and the loop go idle: a wake only nudges an idle loop.
      await eventually('the first poll', async () => (await db.sql.query(`SELECT 1 FROM projection_leases WHERE owner = 'waker'`)).length === 1);
      await eventually('the first poll to catch up', async () => (await checkpoint(cases.name)) !== null);
      await new Promise((resolve) => setTimeout(resolve, 300));
      let last: AppendResult | null = null;
      for (let i = 1; i <= 40; i++) {
        last = await db.store().append(`case-wake-${i}`, [{ type: 'CaseOpened', data: { i } }]);
        woken.wake();
      }
      // Another suite's open transaction may hold the appends back from readAll (gap safety): wake once
      // they are readable, as the next append in a live process would.
      await readable(last!);
      woken.wake();
      await eventually('all 40 applied', async () => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_summaries_wake WHERE stream_id LIKE 'case-wake-%'`))[0].n === 40, 10_000);
      // Without the hold-back each wake of an idle loop is a poll (about 40 batches). The 20 s poll never came
      // (the 10 s wait above would have given up first); how fast it is belongs in a benchmark, not here.
      expect(batches.length).toBeLessThanOrEqual(5);
    } finally {
      await woken.stop();
    }
  });

  it('one poller: the log is read once per poll for all projections; those that handle none of the events move together in one statement; an idle poll is two statements', async () => {
    const cases = await newCaseSummaries('case_summaries_shared');
    const quiet = (name: string): Projection => ({
      name, version: 1, handles: ['NeverAppended'], tables: [],
      apply: async () => { throw new Error(`${name} was handed an event it does not handle`); },
    });
    await appendCases('shared', 3);
    const target = await db.store().head();
    const counted = new CountingSql(db.sql);
    const shared = new ProjectionRunner(counted, [cases, quiet('quiet-a'), quiet('quiet-b')], options('shared', { batchSize: 10_000, pollIntervalMs: 100 }));
    const reached = async (name: string, to = target) => compareCheckpoints(await checkpoint(name), to) >= 0;
    await shared.start();
    try {
      await eventually('every checkpoint at the head', async () => (await reached(cases.name)) && (await reached('quiet-a')) && (await reached('quiet-b')));
      expect(await counts('case_summaries_shared')).toEqual(await countsFromLog());
      // Only the projection that handles the events locked its checkpoint in a batch transaction.
      expect(new Set(counted.lockedCheckpoints)).toEqual(new Set([cases.name]));

      // Idle: per poll one checkpoint read and one log read, plus a lease renewal every ttl/3 — and no transaction.
      const statements = counted.statements;
      const transactions = counted.transactions;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(counted.statements - statements).toBeLessThanOrEqual(2 * (1_000 / 100 + 2) + 1);
      expect(counted.transactions).toBe(transactions);

      // A new event the quiet ones do not handle: the case row changes, and their checkpoints follow it anyway.
      const noted = await append('case-shared-1', [{ type: 'CaseNoted', data: {} }]);
      shared.wake();
      const after = (await db.store().checkpointOf(noted.lastGlobalPosition))!;
      await eventually('every checkpoint past the new event', async () => (await reached(cases.name, after)) && (await reached('quiet-a', after)) && (await reached('quiet-b', after)));
      expect(await counts('case_summaries_shared')).toEqual(await countsFromLog());
      expect(new Set(counted.lockedCheckpoints)).toEqual(new Set([cases.name]));
      // The quiet two never cost a statement each: every idle move carried both of them.
      expect(counted.idleMoves.length).toBeGreaterThan(0);
      for (const names of counted.idleMoves) expect(names).toEqual(expect.arrayContaining(['quiet-a', 'quiet-b']));
    } finally {
      await shared.stop();
    }
  });

  it('catch-up batches: a full read doubles the next up to catchUpBatchSize; a short one returns to batchSize', async () => {
    const cases = await newCaseSummaries('case_summaries_growing');
    await appendCases('growing', 20); // at least 100 events behind, whatever the earlier tests left
    const target = await db.store().head();
    const batches: number[] = [];
    const growing = new ProjectionRunner(db.sql, [cases], options('growing', {
      batchSize: 4, catchUpBatchSize: 32, pollIntervalMs: 50, onBatch: (name, n) => void (name === cases.name && batches.push(n)),
    }));
    await growing.start();
    try {
      await eventually('the catch-up', async () => compareCheckpoints(await checkpoint(cases.name), target) >= 0);
      const caughtUp = batches.length;
      const closing = await append('case-growing-late', [1, 2, 3, 4, 5, 6].map((i) => ({ type: 'CaseNoted', data: { i } })));
      growing.wake();
      const late = (await db.store().checkpointOf(closing.lastGlobalPosition))!;
      await eventually('the late events', async () => compareCheckpoints(await checkpoint(cases.name), late) >= 0);
      expect(await counts('case_summaries_growing')).toEqual(await countsFromLog());
      // Every batch within the limit the rule gives after the one before it (each batch a read: one projection).
      let limit = 4;
      for (const n of batches) {
        expect(n).toBeLessThanOrEqual(limit);
        limit = n === limit ? Math.min(limit * 2, 32) : 4;
      }
      expect(batches.slice(0, 4)).toEqual([4, 8, 16, 32]);
      // Caught up, the next read is a live one again: four of the six late events, then the rest.
      expect(batches.slice(caughtUp)).toEqual([4, 2]);
    } finally {
      await growing.stop();
    }
  });

  it('waitFor throws WaitForTimeoutError naming the projection when no runner runs', async () => {
    const cases = await newCaseSummaries('case_summaries_nobody');
    const appended = await append('case-nobody-1', [{ type: 'CaseOpened', data: {} }]);

    const error = await new ReadModelWaiter(db.sql, db.store()).waitFor(appended.lastGlobalPosition, [cases.name], 200).catch((e) => e);

    expect(error).toBeInstanceOf(WaitForTimeoutError);
    expect(error.behind).toEqual([cases.name]);
    expect(error.message).toContain(cases.name);
  });

  it('a stale heartbeat is unhealthy even with zero lag', async () => {
    const cases = await newCaseSummaries('case_summaries_stale');
    await runner().catchUp(cases);
    await leases.acquire(db.sql, cases.name, 'hung-worker', 60_000);
    await db.sql.query(`UPDATE projection_leases SET heartbeat_at = now() - interval '5 minutes' WHERE name = $1`, [cases.name]);

    const [status] = await projectionStatuses(db.sql, [cases], 30_000);

    expect(status).toMatchObject({ healthy: false, owner: 'hung-worker', behind: 0 });
    expect(status.problem).toMatch(/^no heartbeat for 30\d s$/);
    await leases.release(db.sql, cases.name, 'hung-worker');
  });
});

/** Counts what a runner sends, and which checkpoints it locked in a batch transaction. */
class CountingSql implements TransactionalSql {
  statements = 0;
  transactions = 0;
  readonly lockedCheckpoints: string[] = [];
  /** The names each checkpoint UPDATE outside a batch transaction (an idle move) was sent with. */
  readonly idleMoves: unknown[] = [];
  constructor(private readonly inner: TransactionalSql) {}

  query<R>(text: Parameters<Sql['query']>[0], params?: readonly unknown[]): Promise<R[]> {
    this.statements += 1;
    if (/^\s*UPDATE projection_checkpoints/.test(typeof text === 'string' ? text : text.text)) this.idleMoves.push(params?.[0]);
    return this.inner.query<R>(text, params);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.transactions += 1;
    return this.inner.transaction((tx) => work({
      query: <R>(text: Parameters<Sql['query']>[0], params?: readonly unknown[]) => {
        this.statements += 1;
        const sql = typeof text === 'string' ? text : text.text;
        if (/FROM projection_checkpoints[\s\S]*FOR UPDATE/.test(sql)) this.lockedCheckpoints.push(String(params?.[0]));
        return tx.query<R>(text, params);
      },
    }));
  }
}
