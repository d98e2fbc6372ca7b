import type { ExpectedVersion } from './event.types';

/** Base class, so an HTTP filter can map every store error in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the version the writer decided on. Nothing was appended. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused; 0 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** A stream the append requires (AppendOptions.requires) does not exist. Nothing was appended. */
export class RequiredStreamMissingError extends EventStoreError {
  readonly code = 'REQUIRED_STREAM_MISSING';
  constructor(
    readonly streamId: string,
    readonly missing: string,
  ) {
    super(`Stream ${streamId} requires stream ${missing}, which does not exist`);
  }
}

/**
 * A command that did not pin a version lost the race for its stream on every attempt it was allowed.
 * Unlike ConcurrencyError it names no expected version: the caller never stated one. Nothing was appended.
 */
export class StreamBusyError extends EventStoreError {
  readonly code = 'STREAM_BUSY';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`Stream ${streamId} kept changing under ${attempts} attempts`);
  }
}

/** The caller passed something the store cannot take; nothing was appended. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    message: string,
    /** Where in the input the problem is, e.g. `events[2].data.amount`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** An idempotency key was reused for a different stream: a client bug, not a retry. */
export class IdempotencyKeyReusedError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(
    readonly idempotencyKey: string,
    readonly firstStreamId: string,
    readonly streamId: string,
  ) {
    super(`Idempotency key ${idempotencyKey} was used for stream ${firstStreamId}, not ${streamId}`);
  }
}

/** `waitFor` gave up before the read models reached the position. */
export class WaitForTimeoutError extends EventStoreError {
  readonly code = 'READ_MODEL_NOT_CAUGHT_UP';
  constructor(
    readonly position: number,
    readonly timeoutMs: number,
    readonly behind: string[],
  ) {
    super(`Read models ${behind.join(', ')} did not reach position ${position} within ${timeoutMs} ms`);
  }
}

/** settledHead gave up: a transaction older than the latest committed event ran longer than the timeout. */
export class LogNotSettledError extends WaitForTimeoutError {
  constructor(position: number, timeoutMs: number) {
    super(position, timeoutMs, ['the log head']);
    this.message = `The log head did not reach position ${position} within ${timeoutMs} ms (an older transaction is still running)`;
  }
}

/** A read waits for a projection that is stopped on a failing event: it would wait in vain, so it is told at once. */
export class ProjectionStoppedError extends EventStoreError {
  readonly code = 'READ_MODEL_STOPPED';
  constructor(
    readonly position: number,
    readonly stopped: string[],
  ) {
    super(`Read models ${stopped.join(', ')} are stopped on a failing event and will not reach position ${position} until an admin retries or skips it`);
  }
}

/**
 * The log's newest transaction id is not below this cluster's transaction counter: the database was restored
 * (pg_dump/pg_restore), moved from the embedded database to a server, or replicated logically into a cluster whose
 * counter starts lower. Readers would see nothing and new events would sort behind every checkpoint, so the store
 * refuses to run until the log is re-stamped (docs/event-store.md, "Moving or restoring a database").
 */
export class LogAheadOfClusterError extends EventStoreError {
  readonly code = 'LOG_AHEAD_OF_CLUSTER';
  constructor(
    readonly highestStoredTransactionId: string,
    readonly nextClusterTransactionId: string,
  ) {
    super(
      `The event log's highest transaction id (${highestStoredTransactionId}) is not below this cluster's next ` +
        `transaction id (${nextClusterTransactionId}). The database was restored or moved into a cluster whose ` +
        `transaction counter is lower (pg_dump/pg_restore, embedded PGlite → server, logical replication); reading ` +
        `now would return nothing and new events would be skipped. Recover with \`npm run cli -- restamp-log\` ` +
        `(rewrites transaction ids in order and the checkpoints with them), or stop the server and run ` +
        `\`pg_resetwal --epoch=<higher epoch>\` (docs/event-store.md, "Moving or restoring a database").`,
    );
  }
}

/**
 * An append inside a transaction that already holds a transaction id. Its id may be older than that of a writer
 * that committed to the stream meanwhile, and the log (ordered by transaction id) would then show the stream out of
 * order. Append before anything else writes in the transaction, or use appendAtomically. Nothing was appended.
 */
export class AppendInWritingTransactionError extends EventStoreError {
  readonly code = 'APPEND_IN_WRITING_TRANSACTION';
  constructor(readonly streamId: string) {
    super(
      `Refused to append to ${streamId}: the transaction already has a transaction id (it wrote before appending), ` +
        `so its events could sort before a concurrent writer's in the log. Append first in the transaction.`,
    );
  }
}
