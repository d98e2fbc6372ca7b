import type { Sql } from '../store/sql';
import type { Projection } from './projection';

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
  }>(
    `SELECT p.name, c.version, c.transaction_id::text AS tx, c.global_position::text AS position, l.owner,
            EXTRACT(EPOCH FROM now() - l.heartbeat_at)::float8 AS heartbeat_age,
            (SELECT count(*)::int FROM (
               SELECT 1 FROM es_events e
               WHERE (e.transaction_id, e.global_position) > (COALESCE(c.transaction_id, 0), COALESCE(c.global_position, 0))
               LIMIT ${Math.trunc(behindCap)}) b) AS behind
     FROM unnest($1::text[]) AS p(name)
     LEFT JOIN projection_checkpoints c ON c.name = p.name
     LEFT JOIN projection_leases l ON l.name = p.name`,
    [projections.map((p) => p.name)],
  );
  return projections.map((projection) => {
    const row = rows.find((r) => r.name === projection.name)!;
    let problem: string | undefined;
    if (row.owner === null) problem = 'no worker holds this projection';
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
    };
  });
}
