import type { StoredEvent } from '../store/event.types';
import type { Sql, TransactionalSql } from '../store/sql';

/** The event a projection failed on, as its status and an admin see it. */
export interface FailedEvent {
  globalPosition: number;
  transactionId: string;
  type: string;
  streamId: string;
  /** Whether it failed in the live catch-up or while rebuilding into the shadow tables. */
  during: 'catch-up' | 'rebuild';
}

export interface ProjectionFailure {
  event: FailedEvent;
  error: string;
  attempts: number;
  failedAt: string;
  /** Set once the attempts ran out: nothing runs the projection until an admin retries or skips. */
  stoppedAt: string | null;
}

/** A projection's handler, or an upcaster of an event it handles, threw on this one event. */
export class PoisonEventError extends Error {
  constructor(
    readonly event: StoredEvent,
    override readonly cause: unknown,
  ) {
    super(`Event #${event.globalPosition} (${event.type}, ${event.streamId}) failed: ${describeError(cause)}`);
  }
}

export class ProjectionNotFailingError extends Error {
  constructor(readonly projection: string, readonly globalPosition: number) {
    super(`Projection ${projection} is not failing on event #${globalPosition}: only the event it failed on can be skipped`);
  }
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Errors that say nothing about the event: the connection dropped, the server is shutting down or out of
 * resources, a deadlock or serialization failure (SQLSTATE classes 08, 40, 53, 57). They are retried at the
 * next poll and never count against an event, or a database outage would stop every projection.
 */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08|40|53|57)/.test(code)) return true;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
}

/** The delay before attempt `attempts + 1`: doubling from `firstDelayMs`, at most a minute. */
export function retryDelayMs(attempts: number, firstDelayMs: number): number {
  return Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), 60_000);
}

interface FailureRow {
  failure_attempts: number;
  failure_event: FailedEvent | null;
  failure_error: string | null;
  failed_at: Date | null;
  stopped_at: Date | null;
}

export const FAILURE_COLUMNS = 'failure_attempts, failure_event, failure_error, failed_at, stopped_at';

export function toFailure(row: FailureRow): ProjectionFailure | null {
  if (!row.failure_event) return null;
  return {
    event: row.failure_event,
    error: row.failure_error ?? '',
    attempts: row.failure_attempts,
    failedAt: new Date(row.failed_at!).toISOString(),
    stoppedAt: row.stopped_at ? new Date(row.stopped_at).toISOString() : null,
  };
}

export const projectionFailures = {
  /**
   * Counts one more failed attempt on the event (the count starts again for a different event) and stops the
   * projection once `maxAttempts` is reached. The checkpoint itself does not move.
   */
  async record(sql: Sql, name: string, event: FailedEvent, error: string, maxAttempts: number): Promise<ProjectionFailure> {
    const [row] = await sql.query<FailureRow>(
      `UPDATE projection_checkpoints SET
         failure_attempts = CASE WHEN (failure_event->>'globalPosition')::bigint = $2::bigint AND failure_event->>'during' = $3
                                 THEN failure_attempts + 1 ELSE 1 END,
         failure_event = $4::jsonb, failure_error = $5, failed_at = now()
       WHERE name = $1
       RETURNING ${FAILURE_COLUMNS}`,
      [name, event.globalPosition, event.during, JSON.stringify(event), error],
    );
    if (!row) throw new Error(`Projection ${name} has no checkpoint row`);
    if (row.failure_attempts < maxAttempts) return toFailure(row)!;
    const [stopped] = await sql.query<FailureRow>(
      `UPDATE projection_checkpoints SET stopped_at = now() WHERE name = $1 RETURNING ${FAILURE_COLUMNS}`,
      [name],
    );
    return toFailure(stopped)!;
  },

  async read(sql: Sql, name: string): Promise<ProjectionFailure | null> {
    const [row] = await sql.query<FailureRow>(`SELECT ${FAILURE_COLUMNS} FROM projection_checkpoints WHERE name = $1`, [name]);
    return row ? toFailure(row) : null;
  },

  /** Clears the failure (after a deploy that fixes it, say): the runner tries the event again at its next poll. */
  async retry(sql: Sql, name: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE projection_checkpoints SET ${CLEARED} WHERE name = $1 AND failure_event IS NOT NULL RETURNING name`,
      [name],
    );
    return rows.length > 0;
  },

  /**
   * Passes the event the projection failed on by, for good: an audit row (who, why, the error it failed with)
   * that every later batch and every rebuild of this projection honours, and the failure cleared so the runner
   * goes on. Only the event it is failing on can be skipped, so an admin cannot skip an event they have not seen.
   */
  async skip(db: TransactionalSql, name: string, globalPosition: number, reason: string, skippedBy: string): Promise<void> {
    await db.transaction(async (sql) => {
      const [row] = await sql.query<FailureRow>(`SELECT ${FAILURE_COLUMNS} FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
      const failure = row ? toFailure(row) : null;
      if (!failure || failure.event.globalPosition !== globalPosition) throw new ProjectionNotFailingError(name, globalPosition);
      const { event, error } = failure;
      await sql.query(
        `INSERT INTO projection_skips (projection, global_position, transaction_id, event_type, stream_id, error, reason, skipped_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [name, event.globalPosition, event.transactionId, event.type, event.streamId, error, reason, skippedBy],
      );
      await sql.query(`UPDATE projection_checkpoints SET ${CLEARED} WHERE name = $1`, [name]);
    });
  },

  /** Of these positions, the ones skipped for this projection (one index probe per batch that has handled events). */
  async skippedAmong(sql: Sql, name: string, positions: readonly number[]): Promise<Set<number>> {
    if (positions.length === 0) return new Set();
    const rows = await sql.query<{ position: string }>(
      'SELECT global_position::text AS position FROM projection_skips WHERE projection = $1 AND global_position = ANY($2::bigint[])',
      [name, positions],
    );
    return new Set(rows.map((r) => Number(r.position)));
  },
};

/** What a successful batch (or an admin's retry or skip) writes: no failure, not stopped. */
export const CLEARED = 'failure_attempts = 0, failure_event = NULL, failure_error = NULL, failed_at = NULL, stopped_at = NULL';
