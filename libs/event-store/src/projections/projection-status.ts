import type { Sql } from '../store/sql';
import type { Projection } from './projection';
import { toFailure, type ProjectionFailure } from './projection-failures';

export interface ProjectionStatus {
  name: string;
  codeVersion: number;
  storedVersion: number | null;
  checkpoint: { transactionId: string; globalPosition: number } | null;
  /** Events in the log after the checkpoint, counted up to `behindCap` (then `behindCapped`: at least that many). */
  behind: number;
  behindCapped: boolean;
  owner: string | null;
  /** Seconds since the owner's loop last beat; null when no worker holds the lease. */
  heartbeatAgeSeconds: number | null;
  healthy: boolean;
  problem?: string;
  /** The event it is failing on, the error, the attempts; `stoppedAt` once they ran out. Null when all is well. */
  failure: ProjectionFailure | null;
  /** Events an admin told it to pass by, and the latest of them. */
  skipped: { count: number; latest: ProjectionSkip | null };
}

export interface ProjectionSkip {
  globalPosition: number;
  type: string;
  streamId: string;
  error: string;
  reason: string;
  skippedBy: string;
  skippedAt: string;
}

/**
 * Lag is counted exactly up to this many events and reported as "at least" beyond: every probe and scrape pays
 * for the count (an index-only scan per projection), so it must not grow with a projection rebuilding a 10⁶ log.
 * Ten thousand events is minutes of lag at the store's rate — far past any alert threshold.
 */
export const BEHIND_CAP = 10_000;

/**
 * Health per projection. Lag alone is not enough: a poller that died shows little lag until the next
 * append, so a stale heartbeat (or no lease holder at all) is unhealthy however small the lag.
 */
export async function projectionStatuses(
  sql: Sql,
  projections: readonly Projection[],
  staleAfterMs: number,
  behindCap = BEHIND_CAP,
): Promise<ProjectionStatus[]> {
  if (projections.length === 0) return [];
  const rows = await sql.query<{
    name: string;
    version: number | null;
    tx: string | null;
    position: string | null;
    owner: string | null;
    heartbeat_age: number | null;
    behind: number;
    failure_attempts: number | null;
    failure_event: ProjectionFailure['event'] | null;
    failure_error: string | null;
    failed_at: Date | null;
    stopped_at: Date | null;
    skipped: number;
    latest_skip: (Omit<ProjectionSkip, 'globalPosition'> & { globalPosition: string }) | null;
  }>(
    `SELECT p.name, c.version, c.transaction_id::text AS tx, c.global_position::text AS position, l.owner,
            EXTRACT(EPOCH FROM now() - l.heartbeat_at)::float8 AS heartbeat_age,
            (SELECT count(*)::int FROM (
               SELECT 1 FROM es_events e
               WHERE (e.transaction_id, e.global_position) > (COALESCE(c.transaction_id, 0), COALESCE(c.global_position, 0))
               LIMIT ${Math.trunc(behindCap)}) b) AS behind,
            c.failure_attempts, c.failure_event, c.failure_error, c.failed_at, c.stopped_at,
            (SELECT count(*)::int FROM projection_skips s WHERE s.projection = p.name) AS skipped,
            (SELECT jsonb_build_object('globalPosition', s.global_position::text, 'type', s.event_type, 'streamId', s.stream_id,
                      'error', s.error, 'reason', s.reason, 'skippedBy', s.skipped_by, 'skippedAt', s.skipped_at)
             FROM projection_skips s WHERE s.projection = p.name ORDER BY s.skipped_at DESC LIMIT 1) AS latest_skip
     FROM unnest($1::text[]) AS p(name)
     LEFT JOIN projection_checkpoints c ON c.name = p.name
     LEFT JOIN projection_leases l ON l.name = p.name`,
    [projections.map((p) => p.name)],
  );
  return projections.map((projection) => {
    const row = rows.find((r) => r.name === projection.name)!;
    const failure = row.failure_event ? toFailure({ ...row, failure_attempts: row.failure_attempts ?? 0 }) : null;
    let problem: string | undefined;
    if (failure) {
      const { event, attempts, error, stoppedAt } = failure;
      const where = `event #${event.globalPosition} (${event.type})${event.during === 'rebuild' ? ' while rebuilding' : ''}`;
      problem = stoppedAt ? `stopped on ${where} after ${attempts} attempts: ${error}` : `failing on ${where}, attempt ${attempts}: ${error}`;
    } else if (row.owner === null) problem = 'no worker holds this projection';
    else if ((row.heartbeat_age ?? Infinity) * 1000 > staleAfterMs) problem = `no heartbeat for ${Math.round(row.heartbeat_age!)} s`;
    else if (row.version !== null && row.version < projection.version) problem = 'rebuilding to a new version';
    return {
      name: projection.name,
      codeVersion: projection.version,
      storedVersion: row.version,
      checkpoint: row.tx === null ? null : { transactionId: row.tx, globalPosition: Number(row.position) },
      behind: row.behind,
      behindCapped: row.behind >= behindCap,
      owner: row.owner,
      heartbeatAgeSeconds: row.heartbeat_age,
      healthy: problem === undefined || problem === 'rebuilding to a new version',
      problem,
      failure,
      skipped: {
        count: row.skipped,
        latest: row.latest_skip
          ? { ...row.latest_skip, globalPosition: Number(row.latest_skip.globalPosition), skippedAt: new Date(row.latest_skip.skippedAt).toISOString() }
          : null,
      },
    };
  });
}
