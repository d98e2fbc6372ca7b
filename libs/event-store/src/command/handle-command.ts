import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, StreamBusyError } from '../store/event-store.errors';
import type { EventStore } from '../store/event-store';
import type { AppendResult, EventMetadata } from '../store/event.types';
import { appendToNewStreams } from './append-to-new-streams';
import type { Decider, DomainEvent, SnapshotPolicy } from './decider';
import { loadState, saveSnapshotIfDue, type Fold, type RequiredStream } from './load-state';

export interface HandleCommandOptions {
  /** Who, and in answer to what: stored with every event appended. */
  metadata?: EventMetadata;
  /** A retried command with the same key appends nothing and returns the first result. */
  idempotencyKey?: string;
  /**
   * The version the caller saw (e.g. from an If-Match header). When set, a stream that moved on is a
   * ConcurrencyError, never a silent re-decision on state the caller did not see.
   */
  expectedVersion?: number;
  /**
   * When the caller did not pin a version, how many times to re-read, re-decide and retry after
   * losing a race. The decision is recomputed on the new state, so business rules still hold.
   */
  retries?: number;
  /**
   * How long to wait before re-decision number `attempt` (1, 2, …). Randomised by the caller (jitter),
   * so racing writers spread out instead of colliding again. No wait when absent.
   */
  retryDelayMs?: (attempt: number) => number;
  /** Other streams that must exist (the problem's enterprise): checked in the same round trip as the stream's read. */
  requires?: readonly RequiredStream[];
  /** Start from the stream's snapshot (and keep it fresh): the decider's policy, see Decider.snapshot. */
  snapshot?: SnapshotPolicy;
  /** A snapshot could not be stored (the command succeeded all the same): for a log line. */
  onSnapshotError?: (error: unknown, streamId: string) => void;
  /**
   * The stream id was minted for this command (a new problem's): decide on the initial state and create the stream
   * without reading it first (appendToNewStreams); a retry falls back to reading.
   */
  newStream?: boolean;
}

export interface HandleCommandResult<State, Event> {
  /** What this call appended (empty when the decision was "nothing to do" or a replay). */
  events: Event[];
  state: State;
  /** The stream version after the command. */
  version: number;
  /** The append, or null when nothing was appended. */
  append: AppendResult | null;
}

/**
 * The one read → fold → decide → append loop. Domain errors thrown by decide pass through untouched and
 * nothing is appended.
 */
export async function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decide: (state: State) => Event[],
  evolve: (state: State, event: Event) => State,
  initialState: () => State,
  options: HandleCommandOptions = {},
): Promise<HandleCommandResult<State, Event>> {
  const fold: Fold<State, Event> = { evolve, initialState, snapshot: options.snapshot };
  const snapshotFailed = (error: unknown) => options.onSnapshotError?.(error, streamId);
  if (options.newStream && options.expectedVersion === undefined) {
    const created = await appendToNewStreams(store, [{ streamId, idempotencyKey: options.idempotencyKey, decide: () => decide(initialState()) }], options);
    if (created) {
      const [append] = created.appends;
      const events = created.events[0] as Event[];
      if (append.replayed) {
        const { state, version } = await loadState(store, streamId, fold);
        return { events: [], state, version, append };
      }
      return { events, state: events.reduce(evolve, initialState()), version: append.nextExpectedVersion, append };
    }
  }
  for (let attempt = 0; ; attempt++) {
    // The first read also finds an earlier run of this command (its idempotency key) and checks the required streams.
    const first = attempt === 0;
    const loaded = await loadState(store, streamId, fold, {
      idempotencyKey: first ? options.idempotencyKey : undefined,
      required: first ? options.requires : undefined,
    });
    const { state, version } = loaded;
    if (loaded.earlier) return { events: [], state, version, append: loaded.earlier };
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, options.expectedVersion, version);
    }
    const events = decide(state);
    if (events.length === 0) {
      await saveSnapshotIfDue(store, streamId, fold, loaded, snapshotFailed);
      return { events, state, version, append: null };
    }
    try {
      const append = await store.append(
        streamId,
        events.map((e) => ({ ...e, metadata: options.metadata })),
        { expectedVersion: version, idempotencyKey: options.idempotencyKey },
      );
      await saveSnapshotIfDue(store, streamId, fold, loaded, snapshotFailed);
      const next = append.replayed ? (await loadState(store, streamId, fold)).state : events.reduce(evolve, state);
      return { events: append.replayed ? [] : events, state: next, version: append.nextExpectedVersion, append };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || options.expectedVersion !== undefined) throw error;
      const retries = options.retries ?? 0;
      // Out of attempts: the version in the error is one this loop read, not one the caller expected.
      if (attempt >= retries) throw retries > 0 ? new StreamBusyError(streamId, attempt + 1) : error;
      const delay = options.retryDelayMs?.(attempt + 1) ?? 0;
      if (delay > 0) await sleep(delay);
    }
  }
}

/** handleCommand for a Decider and one command. */
export function handleDeciderCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options?: HandleCommandOptions,
): Promise<HandleCommandResult<State, Event>> {
  return handleCommand(store, streamId, (s) => decider.decide(command, s), decider.evolve, decider.initialState, {
    snapshot: decider.snapshot,
    ...options,
  });
}
