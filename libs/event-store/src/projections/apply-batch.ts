import type { LogCheckpoint, StoredEvent } from '../store/event.types';
import type { Sql, TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { checkpoints, isAfter, type CheckpointRecord } from './checkpoint-store';
import { eventsFor, type Projection } from './projection';
import { projectionFailures } from './projection-failures';

export interface BatchTarget {
  /** Checkpoint row to advance: the projection's name, or its shadow's during a rebuild. */
  checkpointName: string;
  table(name: string): string;
}

export const liveTarget = (projection: Projection): BatchTarget => ({
  checkpointName: projection.name,
  table: (name) => name,
});

/**
 * Applies one batch and moves the checkpoint, in one transaction. The checkpoint row is locked first, and
 * events at or before it are dropped: a duplicate delivery, or a second worker that lost its lease and
 * read the same batch, changes nothing. Returns the checkpoint after the batch, or null when someone else
 * had already moved it (the caller reloads).
 *
 * Events may come as stored (`readAll({ stored: true })`): only those the projection handles, and that no admin
 * has skipped for it, are upcast and applied.
 */
export async function applyBatch(
  db: TransactionalSql,
  projection: Projection,
  batch: { readAfter: LogCheckpoint; events: readonly StoredEvent[] },
  target: BatchTarget = liveTarget(projection),
  upcasters?: UpcasterRegistry,
): Promise<CheckpointRecord | null> {
  const { readAfter, events } = batch;
  if (events.length === 0) return null;
  return db.transaction(async (sql) => {
    const current = await checkpoints.read(sql, target.checkpointName, { lock: true });
    if (!current) throw new Error(`Projection ${target.checkpointName} has no checkpoint row`);
    // Rows built by newer code: an old worker still running during a deploy must not touch them.
    if (current.version > projection.version) throw new ProjectionVersionAheadError(target.checkpointName, current.version, projection.version);
    // The checkpoint moved back (a reset) since the batch was read: events before readAfter would be skipped.
    if (isAfter(readAfter, current)) return null;
    const fresh = events.filter((e) => isAfter(e, current));
    if (fresh.length === 0) return null;
    await applyEvents(sql, projection, target, fresh, upcasters);
    const last = fresh[fresh.length - 1];
    const next = { transactionId: last.transactionId, globalPosition: last.globalPosition, version: current.version };
    await checkpoints.write(sql, target.checkpointName, next, current.version);
    return next;
  });
}

/**
 * Hands the projection the events of a batch it handles, minus those skipped for it, upcast. An upcaster that
 * throws fails the batch like a handler would: the runner then finds the one event and counts it against it.
 */
export async function applyEvents(
  sql: Sql,
  projection: Projection,
  target: BatchTarget,
  events: readonly StoredEvent[],
  upcasters?: UpcasterRegistry,
): Promise<void> {
  let relevant = eventsFor(projection, events);
  if (relevant.length === 0) return;
  const skipped = await projectionFailures.skippedAmong(sql, projection.name, relevant.map((e) => e.globalPosition));
  if (skipped.size > 0) relevant = relevant.filter((e) => !skipped.has(e.globalPosition));
  if (upcasters && projection.readsData !== false) relevant = relevant.map((e) => upcastStored(upcasters, e));
  if (relevant.length > 0) await projection.apply(relevant, { sql, table: target.table });
}

export function upcastStored(upcasters: UpcasterRegistry, event: StoredEvent): StoredEvent {
  const { schemaVersion, data } = upcasters.upcast(event.type, event.schemaVersion, event.data, event.streamId);
  return schemaVersion === event.schemaVersion && data === event.data ? event : { ...event, schemaVersion, data };
}

export class ProjectionVersionAheadError extends Error {
  constructor(
    readonly projection: string,
    readonly storedVersion: number,
    readonly codeVersion: number,
  ) {
    super(`Projection ${projection} rows are version ${storedVersion}; this process runs version ${codeVersion} and leaves them alone`);
  }
}
