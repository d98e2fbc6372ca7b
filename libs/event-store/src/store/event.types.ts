/** Who did it and why: carried by every event, never part of the business payload. */
export interface EventMetadata {
  actorId?: string;
  correlationId?: string;
  causationId?: string;
  tenantId?: string;
  [key: string]: unknown;
}

/** An event as a decider produces it, before the store gives it a position. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  /** Stored schema version of `data`; defaults to 1. Bump it (and add an upcaster) instead of editing a stored shape. */
  schemaVersion?: number;
  metadata?: EventMetadata;
  /** When it happened in the business sense (a visit date, a grant date), if it has such a time. ISO 8601. */
  businessTime?: string | null;
}

/** An event as read back from the log. */
export interface StoredEvent<TType extends string = string, TData = unknown> {
  globalPosition: number;
  /** The writing transaction's id (xid8 as a decimal string): the first half of the log order. */
  transactionId: string;
  streamId: string;
  streamPosition: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  businessTime: string | null;
  recordedAt: Date;
}

/**
 * Where a reader of the whole log stands. Log order is (transactionId, globalPosition):
 * positions are handed out before commit, so position order alone is not commit order.
 */
export interface LogCheckpoint {
  transactionId: string;
  globalPosition: number;
}

export const LOG_START: LogCheckpoint = Object.freeze({ transactionId: '0', globalPosition: 0 });

/** A number is the stream's current version (its last stream position; 0 for an empty stream). */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** A retried append with the same key appends nothing and returns the first append's result. */
  idempotencyKey?: string;
  /**
   * Streams that must exist for anything to be appended (a new visit's enterprise), checked in the append's own
   * statement; otherwise a RequiredStreamMissingError. Not a lock: for streams that, once there, stay.
   */
  requires?: readonly string[];
}

/** One stream's part of an atomic append across several streams. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  options?: AppendOptions;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as expectedVersion next time. */
  nextExpectedVersion: number;
  firstGlobalPosition: number;
  lastGlobalPosition: number;
  transactionId: string;
  /** True when an earlier append with the same idempotency key already did the work. */
  replayed: boolean;
}

export interface ReadStreamOptions {
  /** First stream position to return (inclusive); defaults to 1. */
  from?: number;
  limit?: number;
}

/** One stream a command reads before it decides (EventStore.loadStreams). */
export interface StreamLoadRequest {
  streamId: string;
  /** Start from the stream's snapshot under this key, when a usable one is stored (Decider.snapshot). */
  stateKey?: string;
  /** Also return the earlier append recorded under this key, if any (a retried command). */
  idempotencyKey?: string;
  /** False: the stream's version only (an existence check), none of its events. Default true. */
  events?: boolean;
}

/** A stream as a command loads it: its version, its snapshot if a usable one is stored, and the events after it. */
export interface LoadedStream {
  streamId: string;
  /** The stream's version (0: no such stream). */
  version: number;
  snapshot: { version: number; state: unknown } | null;
  /** The events after the snapshot (every event when there is none; none when not asked for), upcast, in order. */
  events: StoredEvent[];
  /** The append recorded earlier under the request's idempotency key, as a replay; null when there is none. */
  earlier: AppendResult | null;
}

export interface ReadAllOptions {
  after?: LogCheckpoint;
  limit?: number;
  /**
   * Events as stored, not upcast (default false). The projection runner reads so and upcasts only the events a
   * projection handles: an upcaster that throws then stops the projections that read that event, not all of them.
   */
  stored?: boolean;
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** Where to continue from; equals `after` when nothing new is visible yet. */
  checkpoint: LogCheckpoint;
}

export function compareCheckpoints(a: LogCheckpoint, b: LogCheckpoint): number {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.globalPosition === b.globalPosition ? 0 : a.globalPosition < b.globalPosition ? -1 : 1;
}
