import type { StoredEvent } from '../store/event.types';
import type { Projection, ProjectionContext } from './projection';

/**
 * How many events of each type the log holds, and when the last one was recorded. Small, but a real
 * read model: the admin's view of the log, the benchmark's counting projection, and a health signal.
 * Folds a batch in memory and writes one statement, so catch-up is not bound by round trips.
 */
export class LogOverviewProjection implements Projection {
  readonly name = 'log-overview';
  readonly version = 1;
  readonly handles = 'all' as const;
  // Counts types and times only: an event it cannot upcast must not stop the log's overview.
  readonly readsData = false;
  readonly tables = ['es_event_type_counts'];

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const byType = new Map<string, { count: number; last: Date }>();
    for (const e of events) {
      const entry = byType.get(e.type) ?? { count: 0, last: e.recordedAt };
      entry.count += 1;
      if (e.recordedAt > entry.last) entry.last = e.recordedAt;
      byType.set(e.type, entry);
    }
    const rows = [...byType].map(([type, v]) => ({ type, count: v.count, last: v.last.toISOString() }));
    await sql.query(
      `INSERT INTO "${table('es_event_type_counts')}" (type, event_count, last_recorded_at)
       SELECT type, count, last FROM jsonb_to_recordset($1::jsonb) AS r(type text, count bigint, last timestamptz)
       ON CONFLICT (type) DO UPDATE SET event_count = "${table('es_event_type_counts')}".event_count + EXCLUDED.event_count,
         last_recorded_at = GREATEST("${table('es_event_type_counts')}".last_recorded_at, EXCLUDED.last_recorded_at)`,
      [JSON.stringify(rows)],
    );
  }
}
