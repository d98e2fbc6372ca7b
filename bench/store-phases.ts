import type { Pool } from 'pg';
import {
  LOG_START,
  LogOverviewProjection,
  PoolSql,
  PostgresEventStore,
  ProjectionRunner,
  type LogCheckpoint,
} from '@app/event-store';
import { concurrently, timed } from './stats';
import { EVENTS_PER_STREAM, PAGE_SIZE, WORKERS, streamsOf, type BenchStream } from './workload';

/** Failed correctness checks are collected, not thrown: the run reports every one of them. */
export type Failures = string[];

/**
 * 8 writers, one event per call, each with the expected version. The steps go round by round (every
 * case opened, then every case assigned, ...) so stream lifecycles interleave as they do in production.
 */
export async function storeAppends(pool: Pool, streams: readonly BenchStream[]): Promise<{ ms: number; latencies: number[] }> {
  const store = new PostgresEventStore(new PoolSql(pool));
  const latencies: number[] = [];
  const { ms } = await timed(() =>
    concurrently(WORKERS, async (w) => {
      const mine = streamsOf(streams, w);
      for (let step = 0; step < EVENTS_PER_STREAM; step++) {
        for (const s of mine) {
          const start = performance.now();
          await store.append(s.id, [s.events[step]], { expectedVersion: step });
          latencies.push(performance.now() - start);
        }
      }
    }),
  );
  return { ms, latencies };
}

export async function storeReadStreams(pool: Pool, streams: readonly BenchStream[], failures: Failures): Promise<number> {
  const store = new PostgresEventStore(new PoolSql(pool));
  const { ms } = await timed(() =>
    concurrently(WORKERS, async (w) => {
      for (const s of streamsOf(streams, w)) {
        const events = await store.readStream(s.id);
        const positions = events.map((e) => e.streamPosition).join(',');
        if (positions !== '1,2,3,4,5') failures.push(`readStream(${s.id}) returned positions [${positions}]`);
        events.forEach((e, i) => {
          if (e.type !== s.events[i]?.type) failures.push(`readStream(${s.id}) position ${i + 1} is ${e.type}`);
        });
      }
    }),
  );
  return ms;
}

/** One reader, the whole log from the start, in pages; checks that every event came exactly once. */
export async function storeReadAll(pool: Pool, total: number, failures: Failures): Promise<number> {
  const store = new PostgresEventStore(new PoolSql(pool));
  const seen = new Set<number>();
  let count = 0;
  const { ms } = await timed(async () => {
    let after: LogCheckpoint = LOG_START;
    for (;;) {
      const page = await store.readAll({ after, limit: PAGE_SIZE });
      if (page.events.length === 0) break;
      for (const e of page.events) seen.add(e.globalPosition);
      count += page.events.length;
      after = page.checkpoint;
    }
  });
  if (count !== total || seen.size !== total) {
    // readAll stops at the cluster's oldest running transaction: another session's open transaction
    // (on any database of this server) would show up here as a short read.
    failures.push(`readAll returned ${count} events with ${seen.size} distinct global positions; expected ${total}`);
  }
  return ms;
}

/** The counting projection from an empty checkpoint; the database is fresh, so there is nothing to reset. */
export async function projectionCatchUp(pool: Pool, total: number, failures: Failures): Promise<number> {
  const sql = new PoolSql(pool);
  const projection = new LogOverviewProjection();
  const runner = new ProjectionRunner(sql, [projection], {
    owner: 'bench',
    batchSize: PAGE_SIZE,
    pollIntervalMs: 1000,
    leaseTtlMs: 15000,
  });
  const { result: applied, ms } = await timed(() => runner.catchUp(projection));
  if (applied !== total) failures.push(`projection catch-up applied ${applied} events; expected ${total}`);
  const rows = await sql.query<{ type: string; n: number }>('SELECT type, event_count::int AS n FROM es_event_type_counts');
  const perType = total / EVENTS_PER_STREAM;
  const counted = rows.map((r) => `${r.type}=${r.n}`).sort().join(' ');
  if (rows.length !== EVENTS_PER_STREAM || rows.some((r) => r.n !== perType)) {
    failures.push(`projection counted ${counted}; expected ${perType} of each of ${EVENTS_PER_STREAM} types`);
  }
  return ms;
}

/** The log as stored, checked in SQL: exactly `total` rows, and every stream holds positions 1..5 at version 5. */
export async function checkStoredLog(pool: Pool, streams: number, total: number, failures: Failures): Promise<void> {
  const { rows } = await pool.query<{ events: number; bad_streams: number; stream_rows: number; bad_versions: number }>(`
    SELECT (SELECT count(*)::int FROM es_events) AS events,
           (SELECT count(*)::int FROM (
              SELECT stream_id FROM es_events GROUP BY stream_id
              HAVING array_agg(stream_position ORDER BY stream_position) <> ARRAY[1,2,3,4,5]) bad) AS bad_streams,
           (SELECT count(*)::int FROM es_streams) AS stream_rows,
           (SELECT count(*)::int FROM es_streams WHERE version <> 5) AS bad_versions`);
  const r = rows[0];
  if (r.events !== total) failures.push(`es_events holds ${r.events} rows; expected ${total}`);
  if (r.bad_streams > 0) failures.push(`${r.bad_streams} streams do not hold exactly positions 1..5`);
  if (r.stream_rows !== streams || r.bad_versions > 0) {
    failures.push(`es_streams holds ${r.stream_rows} streams, ${r.bad_versions} not at version 5; expected ${streams} at 5`);
  }
}
