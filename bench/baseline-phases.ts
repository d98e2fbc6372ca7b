import type { Pool } from 'pg';
import { concurrently, timed } from './stats';
import { EVENTS_PER_STREAM, PAGE_SIZE, WORKERS, streamsOf, type BenchStream } from './workload';
import type { Failures } from './store-phases';

/**
 * The same writes as bare single-row INSERTs: same writers, same order, same payloads, one statement
 * and one commit per event. The data object is handed to pg as is, so pg pays the JSON.stringify that
 * the store pays inside append().
 */
export async function baselineAppends(pool: Pool, streams: readonly BenchStream[]): Promise<{ ms: number; latencies: number[] }> {
  const latencies: number[] = [];
  const { ms } = await timed(() =>
    concurrently(WORKERS, async (w) => {
      const mine = streamsOf(streams, w);
      for (let step = 0; step < EVENTS_PER_STREAM; step++) {
        for (const s of mine) {
          const e = s.events[step];
          const start = performance.now();
          await pool.query('INSERT INTO bench_baseline (stream_id, position, type, data) VALUES ($1, $2, $3, $4)', [
            s.id,
            step + 1,
            e.type,
            e.data,
          ]);
          latencies.push(performance.now() - start);
        }
      }
    }),
  );
  return { ms, latencies };
}

/** Keyset paging in id order, 1,000 rows a page: the cheapest way to read a log table from the start. */
export async function baselineReadAll(pool: Pool, total: number, failures: Failures): Promise<number> {
  const seen = new Set<string>();
  const { ms } = await timed(async () => {
    let after = '0';
    for (;;) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id, stream_id, position, type, data FROM bench_baseline WHERE id > $1 ORDER BY id LIMIT $2',
        [after, PAGE_SIZE],
      );
      if (rows.length === 0) break;
      for (const r of rows) seen.add(r.id);
      after = rows[rows.length - 1].id;
    }
  });
  if (seen.size !== total) failures.push(`baseline read returned ${seen.size} rows; expected ${total}`);
  return ms;
}
