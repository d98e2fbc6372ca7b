import { readLogClock } from './log-clock';
import type { TransactionalSql } from './sql';

export interface RestampResult {
  /** False when the log was already below the cluster's counter: nothing was changed. */
  restamped: boolean;
  transactions: number;
  events: number;
  /** Transaction ids burnt first to lift the cluster's counter above the number of stamps needed. */
  counterAdvancedBy: number;
}

/**
 * Recovery after a restore or a move (docs/event-store.md, "Moving or restoring a database"): re-stamps the log so
 * that every transaction id is below the cluster's counter again, keeping the stored order exactly. The old ids are
 * ranked (1, 2, 3, …) and global positions are untouched, so (transaction id, position) order is the same as before.
 * Checkpoints and idempotency records hold the same pairs and are rewritten with the same mapping, in the same
 * transaction: every projection resumes where it was, nothing is replayed or skipped. Run it with the API and the
 * workers stopped; the tables are locked while it runs. This is the one place the store updates es_events rows.
 */
export async function restampLog(sql: TransactionalSql): Promise<RestampResult> {
  const clock = await readLogClock(sql);
  if (clock.highest === null || BigInt(clock.highest) < BigInt(clock.next)) {
    return { restamped: false, transactions: 0, events: 0, counterAdvancedBy: 0 };
  }
  const [{ n }] = await sql.query<{ n: string }>('SELECT count(DISTINCT transaction_id)::text AS n FROM es_events');
  const counterAdvancedBy = await advanceCounterPast(sql, BigInt(n));
  const events = await sql.transaction(async (tx) => {
    await tx.query('LOCK TABLE es_events, es_idempotency_keys, projection_checkpoints IN EXCLUSIVE MODE');
    await tx.query(`CREATE TEMP TABLE es_restamp ON COMMIT DROP AS
      SELECT transaction_id AS old, dense_rank() OVER (ORDER BY transaction_id)::bigint AS new
      FROM (SELECT DISTINCT transaction_id FROM es_events) t`);
    await tx.query('CREATE UNIQUE INDEX ON es_restamp (old)');
    // A checkpoint moves to the last event at or before it (normally the very event it names), re-stamped.
    await tx.query(`UPDATE projection_checkpoints c SET (transaction_id, global_position) = (
      SELECT coalesce(max(p.new), 0), coalesce(max(p.global_position), 0) FROM (
        SELECT m.new, e.global_position FROM es_events e JOIN es_restamp m ON m.old = e.transaction_id
        WHERE (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)
        ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1) p)
      WHERE (c.transaction_id, c.global_position) > (0, 0)`);
    await tx.query(`UPDATE es_idempotency_keys k SET transaction_id = m.new FROM es_restamp m WHERE m.old = k.transaction_id`);
    const updated = await tx.query<{ n: string }>(`WITH u AS (
      UPDATE es_events e SET transaction_id = m.new FROM es_restamp m WHERE m.old = e.transaction_id RETURNING 1)
      SELECT count(*)::text AS n FROM u`);
    return Number(updated[0].n);
  });
  return { restamped: true, transactions: Number(n), events, counterAdvancedBy };
}

/**
 * The new stamps are 1…n, and readers read below the oldest running transaction: the counter must be above n.
 * A freshly created cluster's counter can be lower than a long log's transaction count, so short transactions are
 * spent until it is (each `pg_current_xact_id()` in its own transaction takes one id). For a very long log,
 * `pg_resetwal --epoch` is faster.
 */
async function advanceCounterPast(sql: TransactionalSql, stamps: bigint): Promise<number> {
  let spent = 0;
  for (;;) {
    const { next } = await readLogClock(sql);
    const missing = stamps + 1n - BigInt(next);
    if (missing < 0n) return spent;
    const batch = Number(missing < 1000n ? missing + 1n : 1000n);
    for (let i = 0; i < batch; i++) await sql.query('SELECT pg_current_xact_id()');
    spent += batch;
  }
}
