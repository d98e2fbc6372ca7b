import { PostgresEventStore } from '../store/postgres-event-store';
import { LOG_START, type LogCheckpoint } from '../store/event.types';
import type { Sql, TransactionalSql } from '../store/sql';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { randomUUID } from 'node:crypto';
import { type BatchTarget } from './apply-batch';
import { applyBatchIsolating, applyEventsIsolating } from './isolate-poison-event';
import { leases } from './lease';
import { checkpoints } from './checkpoint-store';
import type { Projection } from './projection';

export interface RebuildOptions {
  batchSize: number;
  upcasters?: UpcasterRegistry;
  onProgress?: (done: number, total: number) => void;
  /** Called after every batch: a runner renews its lease (and heartbeat) here during a long rebuild. */
  keepAlive?: () => Promise<void>;
  /** Holder name for the rebuild lock; defaults to a random one. */
  owner?: string;
}

/** Two rebuilds of one projection would share one shadow table; the second is refused. */
export class RebuildInProgressError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} is being rebuilt by another process; try again when it has finished`);
  }
}

const REBUILD_LOCK_TTL_MS = 60_000;

const SHADOW_SUFFIX = '__rebuild';
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,50}$/;

/**
 * Replays a projection from the start of the log into shadow copies of its tables while the live tables
 * keep serving (and keep being updated), then, in one transaction holding the live checkpoint's lock,
 * applies the last few events, swaps the rows in and moves the checkpoint. Readers see the old rows or
 * the new ones, never a mix.
 */
export async function rebuildProjection(
  db: TransactionalSql,
  projection: Projection,
  options: RebuildOptions,
): Promise<{ events: number }> {
  projection.tables.forEach(assertIdentifier);
  const owner = options.owner ?? `rebuild:${randomUUID()}`;
  const lock = `${projection.name}${SHADOW_SUFFIX}`;
  if (!(await leases.acquire(db, lock, owner, REBUILD_LOCK_TTL_MS))) throw new RebuildInProgressError(projection.name);
  try {
    return await rebuildLocked(db, projection, options, async () => {
      if (!(await leases.acquire(db, lock, owner, REBUILD_LOCK_TTL_MS))) throw new RebuildInProgressError(projection.name);
      await options.keepAlive?.();
    });
  } finally {
    await leases.release(db, lock, owner).catch(() => undefined);
  }
}

async function rebuildLocked(
  db: TransactionalSql,
  projection: Projection,
  options: RebuildOptions,
  keepAlive: () => Promise<void>,
): Promise<{ events: number }> {
  const shadow: BatchTarget = {
    checkpointName: `${projection.name}${SHADOW_SUFFIX}`,
    table: (name) => `${name}${SHADOW_SUFFIX}`,
  };
  await db.transaction(async (sql) => {
    for (const table of projection.tables) {
      await sql.query(`DROP TABLE IF EXISTS "${shadow.table(table)}"`);
      await sql.query(`CREATE TABLE "${shadow.table(table)}" (LIKE "${table}" INCLUDING ALL)`);
    }
    await checkpoints.remove(sql, shadow.checkpointName);
    await checkpoints.ensure(sql, shadow.checkpointName, projection.version);
    await checkpoints.ensure(sql, projection.name, projection.version);
  });

  const [{ total }] = await db.query<{ total: number }>('SELECT count(*)::int AS total FROM es_events');
  const store = new PostgresEventStore(db, options.upcasters);
  let after: LogCheckpoint = LOG_START;
  let done = 0;
  for (;;) {
    const { events, checkpoint } = await store.readAll({ after, limit: options.batchSize, stored: true });
    if (events.length === 0) break;
    const applied = await applyBatchIsolating(db, projection, { readAfter: after, events }, shadow, options.upcasters);
    if (!applied) throw new RebuildInProgressError(projection.name); // someone else moved our shadow checkpoint
    after = checkpoint;
    done += events.length;
    options.onProgress?.(done, Math.max(total, done));
    await keepAlive();
  }

  await db.transaction(async (sql) => {
    await checkpoints.read(sql, projection.name, { lock: true });
    const reached = await checkpoints.read(sql, shadow.checkpointName, { lock: true });
    if (!reached || reached.transactionId !== after.transactionId || reached.globalPosition !== after.globalPosition) {
      throw new RebuildInProgressError(projection.name);
    }
    done += await applyRemaining(sql, projection, shadow, after, options);
    const [{ tx, position }] = await sql.query<{ tx: string; position: string }>(
      'SELECT transaction_id::text AS tx, global_position::text AS position FROM projection_checkpoints WHERE name = $1',
      [shadow.checkpointName],
    );
    for (const table of projection.tables) {
      await sql.query(`DELETE FROM "${table}"`);
      await sql.query(`INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM "${shadow.table(table)}"`);
      await sql.query(`DROP TABLE "${shadow.table(table)}"`);
    }
    await checkpoints.write(sql, projection.name, { transactionId: tx, globalPosition: Number(position) }, projection.version);
    await checkpoints.remove(sql, shadow.checkpointName);
  });
  options.onProgress?.(done, Math.max(total, done));
  return { events: done };
}

/** The final catch-up, inside the switch-over transaction (on the embedded database, the only connection). */
async function applyRemaining(
  sql: Sql,
  projection: Projection,
  shadow: BatchTarget,
  from: LogCheckpoint,
  options: RebuildOptions,
): Promise<number> {
  const store = new PostgresEventStore(sql, options.upcasters);
  let after = from;
  let count = 0;
  for (;;) {
    const { events, checkpoint } = await store.readAll({ after, limit: options.batchSize, stored: true });
    if (events.length === 0) break;
    await applyEventsIsolating(sql, projection, shadow, events, options.upcasters);
    await checkpoints.write(sql, shadow.checkpointName, checkpoint, projection.version);
    after = checkpoint;
    count += events.length;
  }
  return count;
}

function assertIdentifier(name: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`Projection table name ${name} must be a plain lower-case identifier`);
}
