import type { StoredEvent } from '../store/event.types';
import type { Sql } from '../store/sql';

/** What a projection gets while it applies a batch: the batch's transaction and its table names. */
export interface ProjectionContext {
  /** The transaction the checkpoint is written in: rows written here commit or vanish with it. */
  readonly sql: Sql;
  /** The physical name of one of the projection's tables: the live table, or its shadow during a rebuild. */
  table(name: string): string;
}

/**
 * A read model fed from the log. The runner gives it each event exactly once, in log order, in batches,
 * and writes its checkpoint in the same transaction as its rows.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when the projection's logic changes: the worker then rebuilds the rows from the log. */
  readonly version: number;
  /** Event types it reads ('all' for every event); others pass it by (its checkpoint still moves past them). */
  readonly handles: readonly string[] | 'all';
  /**
   * False for a projection that reads only the envelope (type, stream, positions, times), never `data`: events
   * then reach it as stored, and no upcaster (nor an event from newer code) can stop it. Default true.
   */
  readonly readsData?: boolean;
  /** Tables it owns and rebuilds together; created by migrations. */
  readonly tables: readonly string[];
  /** Applies a batch of handled events, in log order. Must not read the clock: a rebuild must give the same rows. */
  apply(events: readonly StoredEvent[], context: ProjectionContext): Promise<void>;
}

export const PROJECTION_METADATA = Symbol('zhuqi:projection');

/** Marks a Nest provider implementing Projection, so the runner discovers it. */
export function ReadModelProjection(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(PROJECTION_METADATA, true, target);
  };
}

/** The events of a batch that a projection reads. */
export function eventsFor<E extends { type: string }>(projection: Projection, events: readonly E[]): E[] {
  if (projection.handles === 'all') return [...events];
  const handled = new Set(projection.handles);
  return events.filter((e) => handled.has(e.type));
}
