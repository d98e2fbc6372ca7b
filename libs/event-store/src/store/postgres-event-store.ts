import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import {
  AppendInWritingTransactionError,
  ConcurrencyError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  LogNotSettledError,
  RequiredStreamMissingError,
} from './event-store.errors';
import { assertLogBehindCluster } from './log-clock';
import type { EventStore } from './event-store';
import {
  LOG_START,
  compareCheckpoints,
  type AppendOptions,
  type AppendResult,
  type ExpectedVersion,
  type LogCheckpoint,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamAppend,
  type LoadedStream,
  type StreamLoadRequest,
} from './event.types';
import type { PreparedSql, Sql, TransactionalSql } from './sql';
import { validateAppend } from './validate-append';
import {
  APPEND_SQL,
  LOCK_STREAMS_SQL,
  READ_ALL_SQL,
  READ_HEAD_SQL,
  READ_LATEST_COMMITTED_SQL,
  LOAD_STREAMS_SQL,
  READ_STREAM_SQL,
  SAVE_SNAPSHOT_SQL,
  STREAM_VERSION_SQL,
  type StreamGuard,
  type StreamLock,
} from './event-store.sql';

interface EventRow {
  position_text: string;
  transaction_text: string;
  stream_id: string;
  stream_position: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  business_ms: number | null;
  recorded_ms: number;
}

/** A row of LOAD_STREAMS_SQL: the stream's columns (on its first row) and one event, or none. */
interface LoadedStreamRow extends Omit<EventRow, 'position_text'> {
  position_text: string | null;
  ord: number;
  first_row: boolean;
  stream_version: number;
  snap_version: number;
  snap_state: unknown;
  key_stream: string | null;
  key_version: number | null;
  key_first: string | null;
  key_last: string | null;
  key_tx: string | null;
}

interface AppendRow {
  version: number | null;
  first: string | null;
  last: string | null;
  tx: string | null;
  /** 0 when the stream's lock was not taken because the transaction already had an id. */
  locked: number;
  /** The first required stream that does not exist (nothing was claimed), or null. */
  missing: string | null;
}

interface IdempotencyRow {
  stream_id: string;
  next_expected_version: number;
  first_global_position: string;
  last_global_position: string;
  transaction_id: string;
}

const UNIQUE_VIOLATION = '23505';
const IDEMPOTENCY_CONSTRAINT = 'PK_es_idempotency_keys';
const DEFAULT_READ_ALL_LIMIT = 1000;
/** How often settledHead looks again while an older transaction is still running (they last milliseconds). */
const SETTLE_POLL_MS = 10;

/** Thrown inside an atomic append's transaction to roll it back when one stream claims nothing. */
class Refused extends Error {
  constructor(
    readonly index: number,
    readonly missing: string | null,
  ) {
    super('append refused');
  }
}

export class PostgresEventStore implements EventStore {
  /** Set once this store has seen the log below the cluster's counter (checked before its first append). */
  private clockChecked = false;

  constructor(
    private readonly sql: Sql,
    private readonly upcasters = new UpcasterRegistry(),
    /** Called after each committed append, e.g. to wake this process's projection pollers at once. */
    private readonly onAppended: (result: AppendResult) => void = () => undefined,
  ) {}

  /** One statement, so one round trip and one implicit transaction; a second round trip only on refusal. */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events, options);
    await this.checkClockOnce();
    const expected = options.expectedVersion ?? 'any';
    const key = options.idempotencyKey ?? null;
    const { sql, params } = this.appendStatement('take', streamId, expected, events, key, options.requires);
    let row: AppendRow | undefined;
    try {
      [row] = await this.sql.query<AppendRow>(sql, params);
    } catch (error) {
      // A concurrent append with the same key committed first: ours rolled back whole.
      if (key && isUniqueViolation(error, IDEMPOTENCY_CONSTRAINT)) return this.replay(key, streamId);
      throw error;
    }
    if (row?.version != null) {
      const result = toAppendResult(streamId, row);
      this.onAppended(result);
      return result;
    }
    if (row?.locked === 0) throw new AppendInWritingTransactionError(streamId);
    // A required stream is missing: this cannot be a replay either (the first append found it there).
    if (row?.missing != null) throw new RequiredStreamMissingError(streamId, row.missing);
    if (key) {
      const replayed = await this.findReplay(key, streamId);
      if (replayed) return replayed;
    }
    throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
  }

  /**
   * The same one-statement append per stream, all inside one transaction, in the order given (that is the
   * log order). Every stream's advisory lock is taken first, in one statement and in key order, before the
   * transaction has an id: two atomic appends over overlapping streams (new or existing) queue instead of
   * deadlocking, and the transaction's id is above that of every earlier writer of its streams.
   */
  async appendAtomically(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) throw new InvalidAppendError('at least one stream is required', 'appends');
    const seen = new Set<string>();
    appends.forEach((a, i) => {
      validateAppend(a.streamId, a.events, a.options ?? {});
      if (seen.has(a.streamId)) throw new InvalidAppendError(`stream ${a.streamId} is given twice`, `appends[${i}].streamId`);
      seen.add(a.streamId);
    });
    if (appends.length === 1) return [await this.append(appends[0].streamId, appends[0].events, appends[0].options)];
    await this.checkClockOnce();
    let rows: AppendRow[];
    try {
      rows = await this.inTransaction(async (sql) => {
        const [{ locked }] = await sql.query<{ locked: number }>(LOCK_STREAMS_SQL, [appends.map((a) => a.streamId)]);
        if (locked === 0) throw new AppendInWritingTransactionError(appends[0].streamId);
        const claimed: AppendRow[] = [];
        for (const [i, { streamId, events, options = {} }] of appends.entries()) {
          const expected = options.expectedVersion ?? 'any';
          const { sql: text, params } = this.appendStatement('held', streamId, expected, events, options.idempotencyKey ?? null, options.requires);
          const [row] = await sql.query<AppendRow>(text, params);
          if (row?.version == null) throw new Refused(i, row?.missing ?? null);
          claimed.push(row);
        }
        return claimed;
      });
    } catch (error) {
      if (error instanceof Refused && error.missing !== null) throw new RequiredStreamMissingError(appends[error.index].streamId, error.missing);
      const keyed = appends.some((a) => a.options?.idempotencyKey);
      if (error instanceof Refused || (keyed && isUniqueViolation(error, IDEMPOTENCY_CONSTRAINT))) {
        return this.afterAtomicRefusal(appends, error instanceof Refused ? error.index : null);
      }
      throw error;
    }
    const results = rows.map((row, i) => toAppendResult(appends[i].streamId, row));
    results.forEach((r) => this.onAppended(r));
    return results;
  }

  /** Nothing was appended. Every part recorded under its key is a retry of an atomic append that committed. */
  private async afterAtomicRefusal(appends: readonly StreamAppend[], refused: number | null): Promise<AppendResult[]> {
    const replays = await Promise.all(
      appends.map(async (a) => (a.options?.idempotencyKey ? this.findReplay(a.options.idempotencyKey, a.streamId) : null)),
    );
    if (replays.every((r) => r !== null)) return replays as AppendResult[];
    const culprit = appends[refused ?? replays.findIndex((r) => r === null)];
    throw new ConcurrencyError(culprit.streamId, culprit.options?.expectedVersion ?? 'any', await this.streamVersion(culprit.streamId));
  }

  private async checkClockOnce(): Promise<void> {
    if (this.clockChecked) return;
    await assertLogBehindCluster(this.sql);
    this.clockChecked = true;
  }

  /** On a pool: a transaction of its own. Already inside a caller's transaction: that one. */
  private inTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const sql = this.sql as Partial<TransactionalSql>;
    return typeof sql.transaction === 'function' ? sql.transaction(work) : work(this.sql);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = await this.sql.query<EventRow>(READ_STREAM_SQL, [streamId, options.from ?? 1, options.limit ?? null]);
    return rows.map((r) => this.toStoredEvent(r));
  }

  async loadStreams(requests: readonly StreamLoadRequest[]): Promise<LoadedStream[]> {
    if (requests.length === 0) return [];
    const rows = await this.sql.query<LoadedStreamRow>(LOAD_STREAMS_SQL, [
      requests.map((r) => r.streamId),
      requests.map((r) => r.stateKey ?? null),
      requests.map((r) => r.idempotencyKey ?? null),
      requests.map((r) => r.events !== false),
    ]);
    const loaded: LoadedStream[] = [];
    for (const row of rows) {
      if (row.first_row) {
        const request = requests[row.ord - 1];
        loaded.push({
          streamId: request.streamId,
          version: row.stream_version,
          snapshot: row.snap_version > 0 ? { version: row.snap_version, state: row.snap_state } : null,
          events: [],
          earlier: row.key_stream === null ? null : this.earlierAppend(request, row),
        });
      }
      if (row.position_text !== null) loaded[loaded.length - 1].events.push(this.toStoredEvent(row as EventRow));
    }
    return loaded;
  }

  /** The append recorded under a request's idempotency key; a key first used on another stream is a client bug. */
  private earlierAppend(request: StreamLoadRequest, row: LoadedStreamRow): AppendResult {
    if (row.key_stream !== request.streamId) throw new IdempotencyKeyReusedError(request.idempotencyKey!, row.key_stream!, request.streamId);
    return {
      streamId: request.streamId,
      nextExpectedVersion: row.key_version!,
      firstGlobalPosition: Number(row.key_first),
      lastGlobalPosition: Number(row.key_last),
      transactionId: row.key_tx!,
      replayed: true,
    };
  }

  async saveSnapshot(streamId: string, stateKey: string, version: number, state: unknown): Promise<void> {
    await this.sql.query(SAVE_SNAPSHOT_SQL, [streamId, stateKey, version, JSON.stringify(state)]);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? LOG_START;
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    const rows = await this.sql.query<EventRow>(READ_ALL_SQL, [after.transactionId, after.globalPosition, limit]);
    const events = rows.map((r) => this.toStoredEvent(r, !options.stored));
    const last = events[events.length - 1];
    return {
      events,
      checkpoint: last ? { transactionId: last.transactionId, globalPosition: last.globalPosition } : after,
    };
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.sql.query<{ version: number }>(STREAM_VERSION_SQL, [streamId]);
    return row?.version ?? 0;
  }

  async checkpointOf(globalPosition: number): Promise<LogCheckpoint | null> {
    const [row] = await this.sql.query<{ tx: string }>(
      'SELECT transaction_id::text AS tx FROM es_events WHERE global_position = $1',
      [globalPosition],
    );
    return row ? { transactionId: row.tx, globalPosition } : null;
  }

  async head(): Promise<LogCheckpoint> {
    const [row] = await this.sql.query<{ tx: string; position: string }>(READ_HEAD_SQL);
    return row ? { transactionId: row.tx, globalPosition: Number(row.position) } : LOG_START;
  }

  async settledHead(timeoutMs: number): Promise<LogCheckpoint> {
    const [latest] = await this.sql.query<{ tx: string; position: string }>(READ_LATEST_COMMITTED_SQL);
    if (!latest) return LOG_START;
    const target: LogCheckpoint = { transactionId: latest.tx, globalPosition: Number(latest.position) };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const head = await this.head();
      if (compareCheckpoints(head, target) >= 0) return head;
      if (Date.now() >= deadline) throw new LogNotSettledError(target.globalPosition, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }

  private appendStatement(
    lock: StreamLock,
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    key: string | null,
    requires: readonly string[] = [],
  ) {
    let guard: StreamGuard;
    let expectedNumber: number | null = null;
    if (expected === 'any') guard = 'upsert';
    else if (expected === 'no_stream' || expected === 0) guard = 'create';
    else {
      guard = 'update';
      if (typeof expected === 'number') expectedNumber = expected;
    }
    const head = [streamId, expectedNumber, events.length];
    const statements = APPEND_SQL[lock][guard];
    const required = requires.length > 0 ? [requires] : [];
    const pick = (variants: { withKey: PreparedSql; withoutKey: PreparedSql }) => (key === null ? variants.withoutKey : variants.withKey);
    if (events.length === 1) {
      const [e] = events;
      const sql = pick(required.length > 0 ? statements.oneRequiring : statements.one);
      const fields = [e.schemaVersion ?? 1, JSON.stringify(e.data), JSON.stringify(e.metadata ?? {}), e.businessTime ?? null];
      return { sql, params: [...head, e.type, key, ...fields, ...required] };
    }
    const payload = JSON.stringify(
      events.map((e) => ({
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        data: e.data,
        metadata: e.metadata ?? {},
        businessTime: e.businessTime ?? null,
      })),
    );
    const sql = pick(required.length > 0 ? statements.manyRequiring : statements.many);
    return { sql, params: [...head, payload, key, ...required] };
  }

  async findAppend(key: string, streamId: string): Promise<AppendResult | null> {
    return this.findReplay(key, streamId);
  }

  private async findReplay(key: string, streamId: string): Promise<AppendResult | null> {
    const [row] = await this.sql.query<IdempotencyRow>(
      `SELECT stream_id, next_expected_version, first_global_position::text, last_global_position::text,
              transaction_id::text FROM es_idempotency_keys WHERE key = $1`,
      [key],
    );
    if (!row) return null;
    if (row.stream_id !== streamId) throw new IdempotencyKeyReusedError(key, row.stream_id, streamId);
    return {
      streamId,
      nextExpectedVersion: row.next_expected_version,
      firstGlobalPosition: Number(row.first_global_position),
      lastGlobalPosition: Number(row.last_global_position),
      transactionId: row.transaction_id,
      replayed: true,
    };
  }

  private async replay(key: string, streamId: string): Promise<AppendResult> {
    const replayed = await this.findReplay(key, streamId);
    if (!replayed) throw new Error(`Idempotency key ${key} conflicted but no record of it was found`);
    return replayed;
  }

  private toStoredEvent(row: EventRow, upcast = true): StoredEvent {
    const { schemaVersion, data } = upcast
      ? this.upcasters.upcast(row.type, row.schema_version, row.data, row.stream_id)
      : { schemaVersion: row.schema_version, data: row.data };
    return {
      globalPosition: Number(row.position_text),
      transactionId: row.transaction_text,
      streamId: row.stream_id,
      streamPosition: row.stream_position,
      type: row.type,
      schemaVersion,
      data,
      metadata: row.metadata,
      businessTime: row.business_ms === null ? null : new Date(row.business_ms).toISOString(),
      recordedAt: new Date(row.recorded_ms),
    };
  }
}

function toAppendResult(streamId: string, row: AppendRow): AppendResult {
  return {
    streamId,
    nextExpectedVersion: row.version!,
    firstGlobalPosition: Number(row.first),
    lastGlobalPosition: Number(row.last),
    transactionId: row.tx!,
    replayed: false,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === UNIQUE_VIOLATION && e.constraint === constraint;
}
