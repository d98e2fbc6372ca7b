import type { EventStore } from '../store/event-store';
import type { AppendResult, StoredEvent, StreamLoadRequest } from '../store/event.types';
import type { DomainEvent, SnapshotPolicy } from './decider';

/** How a command folds its stream: the decider's evolve and initial state, and its snapshot policy if it has one. */
export interface Fold<State, Event extends DomainEvent> {
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
  snapshot?: SnapshotPolicy;
}

/** A stream a command decides on. */
export interface StateRequest<State, Event extends DomainEvent> {
  streamId: string;
  fold: Fold<State, Event>;
  idempotencyKey?: string;
}

/**
 * A stream another stream's command requires (a visit's enterprise): only its existence is read, in the same round
 * trip as the command's own streams. Not a lock: it suits streams that, once there, stay (an enterprise is never
 * deleted), which is every such check Zhuqi makes.
 */
export interface RequiredStream {
  streamId: string;
  /** The error when the stream does not exist (a DomainError: a 4xx, and nothing is appended). */
  otherwise: () => Error;
}

export interface LoadedState<State> {
  state: State;
  /** The stream version the state is the fold of (0: no stream). */
  version: number;
  /** The command folded `snapshot.every` events or more past the last snapshot: keep this state as the next one. */
  snapshotDue: boolean;
  /** The append recorded under the request's idempotency key (the command ran before), or null. */
  earlier: AppendResult | null;
}

/**
 * The streams' states for a command, in one round trip: for each, the fold of every event (the definition), or, for a
 * decider with a snapshot policy, the same fold started from the stored snapshot — at most `every` events folded
 * however long the stream (a problem with a thousand progress notes costs what one with ten does). Required streams
 * are checked in the same statement and refuse with their error before anything is decided.
 */
export async function loadStates(
  store: EventStore,
  requests: readonly StateRequest<unknown, DomainEvent>[],
  required: readonly RequiredStream[] = [],
): Promise<LoadedState<unknown>[]> {
  const asked: StreamLoadRequest[] = [
    ...requests.map((r) => ({ streamId: r.streamId, stateKey: r.fold.snapshot?.key, idempotencyKey: r.idempotencyKey })),
    ...required.map((r) => ({ streamId: r.streamId, events: false })),
  ];
  const loaded = await store.loadStreams(asked);
  required.forEach((r, i) => {
    if (loaded[requests.length + i].version === 0) throw r.otherwise();
  });
  return requests.map(({ fold }, i) => {
    const { snapshot, events, version, earlier } = loaded[i];
    // A fresh object parsed from JSON: evolve may treat it as its own.
    const from = snapshot ? snapshot.state : fold.initialState();
    return {
      state: foldStored(fold, from, events),
      version,
      snapshotDue: fold.snapshot !== undefined && events.length >= fold.snapshot.every,
      earlier,
    };
  });
}

/** loadStates for one stream. */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  options: { idempotencyKey?: string; required?: readonly RequiredStream[] } = {},
): Promise<LoadedState<State>> {
  const [loaded] = await loadStates(store, [{ streamId, fold: fold as Fold<unknown, DomainEvent>, idempotencyKey: options.idempotencyKey }], options.required);
  return loaded as LoadedState<State>;
}

/**
 * Stores the loaded state as the stream's snapshot when one is due. The state is the fold of stored events (not of
 * the events just decided), so a snapshot is always what a fold from the log gives. A snapshot is a cache: when it
 * cannot be written the command has still succeeded, and the next one folds a little more (the caller is told).
 */
export async function saveSnapshotIfDue<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  loaded: LoadedState<State>,
  onError: (error: unknown) => void = () => undefined,
): Promise<void> {
  if (!fold.snapshot || !loaded.snapshotDue) return;
  try {
    await store.saveSnapshot(streamId, fold.snapshot.key, loaded.version, loaded.state);
  } catch (error) {
    onError(error);
  }
}

function foldStored<State, Event extends DomainEvent>(fold: Fold<State, Event>, from: State, events: readonly StoredEvent[]): State {
  let state = from;
  for (const e of events) {
    state = fold.evolve(state, { type: e.type, data: e.data, schemaVersion: e.schemaVersion, businessTime: e.businessTime } as Event);
  }
  return state;
}
