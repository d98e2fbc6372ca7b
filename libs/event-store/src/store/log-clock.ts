import { LogAheadOfClusterError } from './event-store.errors';
import { prepared, type Sql } from './sql';

/**
 * The log is ordered by the writer's transaction id, and a reader reads only below the oldest running one. Both rest
 * on the cluster's counter being above every stored id. A restored or moved database can break that (a new cluster's
 * counter starts low): then readers return nothing, lag reads 0 and new events sort behind every checkpoint.
 *
 * `pg_snapshot_xmax` is the next id the cluster will hand out; reading it assigns no id, so the check can run
 * inside a caller's transaction right before an append without making that append look like a late one.
 */
const LOG_CLOCK_SQL = prepared(
  'log_clock',
  `SELECT (SELECT max(transaction_id) FROM es_events)::text AS highest,
          pg_snapshot_xmax(pg_current_snapshot())::text AS next`,
);

export interface LogClock {
  /** The highest stored transaction id, or null for an empty log. */
  highest: string | null;
  next: string;
}

export async function readLogClock(sql: Sql): Promise<LogClock> {
  const [row] = await sql.query<LogClock>(LOG_CLOCK_SQL);
  return row;
}

/** Throws LogAheadOfClusterError when a new transaction's id would not be above every stored one. */
export async function assertLogBehindCluster(sql: Sql): Promise<void> {
  const { highest, next } = await readLogClock(sql);
  if (highest !== null && BigInt(highest) >= BigInt(next)) throw new LogAheadOfClusterError(highest, next);
}
