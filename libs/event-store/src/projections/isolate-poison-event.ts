import type { LogCheckpoint, StoredEvent } from '../store/event.types';
import type { Sql, TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { applyBatch, applyEvents, type BatchTarget } from './apply-batch';
import type { CheckpointRecord } from './checkpoint-store';
import type { Projection } from './projection';
import { isTransient, PoisonEventError } from './projection-failures';

/**
 * applyBatch, and when the batch fails for a reason that is not transient, the same events again one batch per
 * event: those before the culprit are applied (the checkpoint ends just before it) and the error names the event
 * (PoisonEventError), so a failure is counted against one event and an admin can inspect or skip exactly it.
 */
export async function applyBatchIsolating(
  db: TransactionalSql,
  projection: Projection,
  batch: { readAfter: LogCheckpoint; events: readonly StoredEvent[] },
  target: BatchTarget,
  upcasters?: UpcasterRegistry,
): Promise<CheckpointRecord | null> {
  try {
    return await applyBatch(db, projection, batch, target, upcasters);
  } catch (error) {
    if (isTransient(error) || error instanceof PoisonEventError) throw error;
    if (batch.events.length === 1) throw new PoisonEventError(batch.events[0], error);
  }
  let readAfter = batch.readAfter;
  let reached: CheckpointRecord | null = null;
  for (const event of batch.events) {
    try {
      reached = (await applyBatch(db, projection, { readAfter, events: [event] }, target, upcasters)) ?? reached;
    } catch (error) {
      if (isTransient(error)) throw error;
      throw new PoisonEventError(event, error);
    }
    readAfter = event;
  }
  return reached;
}

/** The same inside a caller's transaction (a rebuild's switch-over): a savepoint lets the events be tried one by one. */
export async function applyEventsIsolating(
  sql: Sql,
  projection: Projection,
  target: BatchTarget,
  events: readonly StoredEvent[],
  upcasters?: UpcasterRegistry,
): Promise<void> {
  await sql.query('SAVEPOINT apply_events');
  try {
    await applyEvents(sql, projection, target, events, upcasters);
    await sql.query('RELEASE SAVEPOINT apply_events');
    return;
  } catch (error) {
    if (isTransient(error)) throw error;
    await sql.query('ROLLBACK TO SAVEPOINT apply_events');
    if (events.length === 1) throw new PoisonEventError(events[0], error);
  }
  for (const event of events) {
    try {
      await applyEvents(sql, projection, target, [event], upcasters);
    } catch (error) {
      throw new PoisonEventError(event, error);
    }
  }
}
