import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/*
 * The event store's tables, described for TypeORM so that the migration check can compare them with
 * the migrations. The store itself talks SQL (event-store.sql.ts); stored rows are never updated.
 */

@Entity({ name: 'es_streams' })
export class StreamRow {
  @PrimaryColumn({ name: 'stream_id', type: 'text', primaryKeyConstraintName: 'PK_es_streams' })
  streamId: string;

  /** Last stream position; the row is the stream's lock for optimistic concurrency. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity({ name: 'es_events' })
@Unique('UQ_es_events_stream_position', ['streamId', 'streamPosition'])
@Index('IX_es_events_log_order', ['transactionId', 'globalPosition'])
export class EventRow {
  @PrimaryGeneratedColumn('identity', {
    name: 'global_position',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_es_events',
  })
  globalPosition: string;

  /** pg_current_xact_id() of the writing transaction (xid8, which fits a bigint). */
  @Column({ name: 'transaction_id', type: 'bigint' })
  transactionId: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ name: 'stream_position', type: 'integer' })
  streamPosition: number;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'schema_version', type: 'integer' })
  schemaVersion: number;

  @Column({ type: 'jsonb' })
  data: unknown;

  @Column({ type: 'jsonb' })
  metadata: unknown;

  @Column({ name: 'business_time', type: 'timestamptz', nullable: true })
  businessTime: Date | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

@Entity({ name: 'es_idempotency_keys' })
@Index('IX_es_idempotency_keys_created_at', ['createdAt'])
export class IdempotencyKeyRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_es_idempotency_keys' })
  key: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ name: 'next_expected_version', type: 'integer' })
  nextExpectedVersion: number;

  @Column({ name: 'first_global_position', type: 'bigint' })
  firstGlobalPosition: string;

  @Column({ name: 'last_global_position', type: 'bigint' })
  lastGlobalPosition: string;

  @Column({ name: 'transaction_id', type: 'bigint' })
  transactionId: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** Where each projection has got to in the log; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_projection_checkpoints' })
  name: string;

  /** The projection's code version that built the rows; a newer code version means "rebuild me". */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'transaction_id', type: 'bigint' })
  transactionId: string;

  @Column({ name: 'global_position', type: 'bigint' })
  globalPosition: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Consecutive failed attempts on `failure_event`; 0 once an event after it applied. */
  @Column({ name: 'failure_attempts', type: 'integer', default: 0 })
  failureAttempts: number;

  /** The event the projection last failed on: position, transaction id, type, stream. */
  @Column({ name: 'failure_event', type: 'jsonb', nullable: true })
  failureEvent: unknown;

  @Column({ name: 'failure_error', type: 'text', nullable: true })
  failureError: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** Set when the attempts ran out: the runner leaves the projection alone until an admin retries or skips. */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;
}

/** An event a projection was told to pass by, by whom and why: never silent, and honoured by rebuilds. */
@Entity({ name: 'projection_skips' })
export class ProjectionSkipRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_projection_skips' })
  projection: string;

  @PrimaryColumn({ name: 'global_position', type: 'bigint', primaryKeyConstraintName: 'PK_projection_skips' })
  globalPosition: string;

  @Column({ name: 'transaction_id', type: 'bigint' })
  transactionId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  /** The error the event failed with when it was skipped. */
  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'skipped_by', type: 'text' })
  skippedBy: string;

  @Column({ name: 'skipped_at', type: 'timestamptz', default: () => 'now()' })
  skippedAt: Date;
}

/** Which worker runs a projection; a lease that is not renewed expires and another worker takes over. */
@Entity({ name: 'projection_leases' })
export class ProjectionLeaseRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_projection_leases' })
  name: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Last time the owner's poll loop completed a cycle: a stuck loop stops beating even while its lease lives. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;
}

/**
 * A command-side snapshot: the fold of a stream's first `version` events under the decider's `state_key`. A cache,
 * never a source: deleting any or all rows is always safe (the next command folds from the events again).
 */
@Entity({ name: 'es_snapshots' })
export class SnapshotRow {
  @PrimaryColumn({ name: 'stream_id', type: 'text', primaryKeyConstraintName: 'PK_es_snapshots' })
  streamId: string;

  /** The decider's name for its state's shape and fold (e.g. problem/1): another key is never read. */
  @Column({ name: 'state_key', type: 'text' })
  stateKey: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  state: unknown;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;
}

/** The log-overview projection's rows: one per event type. */
@Entity({ name: 'es_event_type_counts' })
export class EventTypeCountRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_es_event_type_counts' })
  type: string;

  @Column({ name: 'event_count', type: 'bigint' })
  eventCount: string;

  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt: Date;
}

export const EVENT_STORE_ENTITIES = [
  StreamRow,
  EventRow,
  IdempotencyKeyRow,
  ProjectionCheckpointRow,
  ProjectionSkipRow,
  ProjectionLeaseRow,
  EventTypeCountRow,
  SnapshotRow,
];
