import { LOG_START, compareCheckpoints, type LogCheckpoint } from '../store/event.types';
import type { Sql } from '../store/sql';
import { CLEARED } from './projection-failures';

export interface CheckpointRecord extends LogCheckpoint {
  version: number;
  /** The attempts on a failing event ran out: the runner leaves it until an admin retries or skips. */
  stopped?: boolean;
}

/** Reads and writes projection_checkpoints. Only ever called with the batch transaction's Sql when writing. */
export const checkpoints = {
  async ensure(sql: Sql, name: string, version: number): Promise<void> {
    await sql.query(
      `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position)
       VALUES ($1, $2, 0, 0) ON CONFLICT (name) DO NOTHING`,
      [name, version],
    );
  },

  async read(sql: Sql, name: string, { lock = false } = {}): Promise<CheckpointRecord | null> {
    const [row] = await sql.query<{ version: number; tx: string; position: string; stopped: boolean }>(
      `SELECT version, transaction_id::text AS tx, global_position::text AS position, stopped_at IS NOT NULL AS stopped
       FROM projection_checkpoints WHERE name = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [name],
    );
    return row ? { version: row.version, transactionId: row.tx, globalPosition: Number(row.position), stopped: row.stopped } : null;
  },

  /** The checkpoints of several projections in one statement (the shared poller's first read of a poll). */
  async readAll(sql: Sql, names: readonly string[]): Promise<Map<string, CheckpointRecord>> {
    const rows = await sql.query<{ name: string; version: number; tx: string; position: string; stopped: boolean }>(
      `SELECT name, version, transaction_id::text AS tx, global_position::text AS position, stopped_at IS NOT NULL AS stopped
       FROM projection_checkpoints WHERE name = ANY($1::text[])`,
      [names],
    );
    return new Map(rows.map((r) => [r.name, { version: r.version, transactionId: r.tx, globalPosition: Number(r.position), stopped: r.stopped }]));
  },

  /**
   * Moves the checkpoints of projections past events none of them handles, all in one UPDATE and without a
   * transaction of their own: each row only moves while it is still where the caller read it (same position and
   * version, not stopped). Returns the names that moved; one left out was moved, reset, stopped or versioned by
   * someone in between, and its caller re-reads it at the next poll.
   */
  async advanceIdle(sql: Sql, moves: readonly { name: string; from: CheckpointRecord }[], to: LogCheckpoint): Promise<Set<string>> {
    if (moves.length === 0) return new Set();
    const rows = await sql.query<{ name: string }>(
      `UPDATE projection_checkpoints c SET transaction_id = $5, global_position = $6, updated_at = now(), ${CLEARED}
       FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::int[]) AS m(name, transaction_id, global_position, version)
       WHERE c.name = m.name AND c.transaction_id = m.transaction_id AND c.global_position = m.global_position
         AND c.version = m.version AND c.stopped_at IS NULL
       RETURNING c.name`,
      [
        moves.map((m) => m.name),
        moves.map((m) => m.from.transactionId),
        moves.map((m) => m.from.globalPosition),
        moves.map((m) => m.from.version),
        to.transactionId,
        to.globalPosition,
      ],
    );
    return new Set(rows.map((r) => r.name));
  },

  /** Moving the checkpoint means the events up to it applied: any failure recorded before is cleared. */
  async write(sql: Sql, name: string, checkpoint: LogCheckpoint, version: number): Promise<void> {
    await sql.query(
      `UPDATE projection_checkpoints SET transaction_id = $2, global_position = $3, version = $4, updated_at = now(), ${CLEARED}
       WHERE name = $1`,
      [name, checkpoint.transactionId, checkpoint.globalPosition, version],
    );
  },

  async remove(sql: Sql, name: string): Promise<void> {
    await sql.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
  },
};

export function isAfter(a: LogCheckpoint, b: LogCheckpoint): boolean {
  return compareCheckpoints(a, b) > 0;
}

export { LOG_START };
