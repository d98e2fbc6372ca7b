import type { EventStore } from '../store/event-store';
import type { StoredEvent } from '../store/event.types';
import type { DomainEvent, SnapshotPolicy } from './decider';

/** How a command folds its stream: the decider's evolve and initial state, and its snapshot policy if it has one. */
export interface Fold<State, Event extends DomainEvent> {
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
  snapshot?: SnapshotPolicy;
}

export interface LoadedState<State> {
  state: State;
  /** The stream version the state is the fold of (0: no stream). */
  version: number;
  /** The command folded `snapshot.every` events or more past the last snapshot: keep this state as the next one. */
  snapshotDue: boolean;
}

/**
 * The stream's state for a command: the fold of every event (the definition), or, for a decider with a snapshot
 * policy, the same fold started from the stored snapshot — one round trip either way, and at most `every` events
 * folded however long the stream (a problem with a thousand progress notes costs what one with ten does).
 */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
): Promise<LoadedState<State>> {
  if (!fold.snapshot) {
    const events = await store.readStream(streamId);
    return { state: foldStored(fold, fold.initialState(), events), version: lastPosition(events, 0), snapshotDue: false };
  }
  const { snapshot, events } = await store.readStreamFromSnapshot(streamId, fold.snapshot.key);
  // A fresh object parsed from JSON: evolve may treat it as its own.
  const from = snapshot ? (snapshot.state as State) : fold.initialState();
  return {
    state: foldStored(fold, from, events),
    version: lastPosition(events, snapshot?.version ?? 0),
    snapshotDue: events.length >= fold.snapshot.every,
  };
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

const lastPosition = (events: readonly StoredEvent[], otherwise: number): number =>
  events.length === 0 ? otherwise : events[events.length - 1].streamPosition;
