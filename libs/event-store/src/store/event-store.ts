import type {
  AppendOptions,
  AppendResult,
  LogCheckpoint,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
  LoadedStream,
  StreamLoadRequest,
} from './event.types';

/** The port the rest of Zhuqi depends on; PostgresEventStore is its one implementation. */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Several streams in one transaction: every append commits, or none does. A refused one (version,
   * idempotency key) refuses them all with its error; results come in the order given.
   */
  appendAtomically(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * Several streams as commands need them, in one round trip: versions, snapshots, events after them, earlier appends
   * under idempotency keys — results in the order asked. See docs/event-store.md, "Loading streams for a command".
   */
  loadStreams(requests: readonly StreamLoadRequest[]): Promise<LoadedStream[]>;
  /** Keeps `state` as the fold of the stream's first `version` events; never replaces a newer snapshot of the same key. */
  saveSnapshot(streamId: string, stateKey: string, version: number, state: unknown): Promise<void>;
  /** Every committed event after `after`, in log order, each exactly once — see docs/event-store.md. */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  /** The stream's version (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** The log position of the event at a global position, or null if no such event is visible. */
  checkpointOf(globalPosition: number): Promise<LogCheckpoint | null>;
  /** The result of an earlier append made with this idempotency key, if any. */
  findAppend(idempotencyKey: string, streamId: string): Promise<AppendResult | null>;
  /** The last event visible to readAll, or LOG_START when there is none. */
  head(): Promise<LogCheckpoint>;
  /**
   * The head once it covers every event committed before the call. head() stops before the oldest transaction
   * still running, so an event a user has just seen succeed can lie beyond it for a moment (an older projection
   * or job transaction not yet ended): a cut taken for a report must wait for it. Throws LogNotSettledError
   * after timeoutMs.
   */
  settledHead(timeoutMs: number): Promise<LogCheckpoint>;
}

export const EVENT_STORE = Symbol('EventStore');
