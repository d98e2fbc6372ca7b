import { applyBatch } from '../projections/apply-batch';
import { checkpoints } from '../projections/checkpoint-store';
import type { Projection } from '../projections/projection';
import { LOG_START, type StoredEvent } from '../store/event.types';
import type { TransactionalSql } from '../store/sql';

let nextPosition = 1;

/** A StoredEvent for projection tests; positions increase across calls so log order is the call order. */
export function storedEvent<TData>(
  streamId: string,
  streamPosition: number,
  type: string,
  data: TData,
  extra: Partial<StoredEvent<string, TData>> = {},
): StoredEvent<string, TData> {
  const globalPosition = nextPosition++;
  return {
    globalPosition,
    transactionId: String(globalPosition),
    streamId,
    streamPosition,
    type,
    schemaVersion: 1,
    data,
    metadata: {},
    businessTime: null,
    recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, globalPosition)),
    ...extra,
  };
}

/**
 * Given events → rows, through the same applyBatch the runner uses (so duplicates are dropped by the
 * checkpoint exactly as in production). Each `given` call is one delivery; deliver an event twice to
 * prove a duplicate changes nothing.
 */
export function projectionSpec(db: TransactionalSql, projection: Projection) {
  return {
    async reset(): Promise<void> {
      await db.transaction(async (sql) => {
        for (const table of projection.tables) await sql.query(`DELETE FROM "${table}"`);
        await checkpoints.remove(sql, projection.name);
        await checkpoints.ensure(sql, projection.name, projection.version);
      });
    },
    async given(...deliveries: StoredEvent[][]): Promise<void> {
      for (const events of deliveries) {
        await applyBatch(db, projection, { readAfter: LOG_START, events });
      }
    },
  };
}
