/**
 * A domain event as deciders see it: an explicit type name and a plain-JSON payload. The store adds
 * positions and metadata around it; evolve never sees those.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  /** Stored schema version; 1 unless the event's shape has been versioned. */
  schemaVersion?: number;
  /** The business time of the fact, when it has one (ISO 8601). */
  businessTime?: string | null;
}

/**
 * When a command may start from a stored state instead of the stream's first event (docs/event-store.md,
 * "Snapshots"). The state must survive JSON (plain objects, arrays, strings, numbers, booleans, null).
 */
export interface SnapshotPolicy {
  /**
   * Names the state's shape and the fold that makes it, e.g. `problem/1`. Change it whenever evolve, the state or an
   * upcaster of the stream's events changes what a fold gives: snapshots under another key are then never read.
   */
  key: string;
  /** A command that folds this many events or more after the snapshot stores a new one. */
  every: number;
}

/** Pure business logic of one stream: decide refuses or returns events; evolve folds them. */
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
  /** Streams that grow long (a problem's life) snapshot their state, so a command's cost does not grow with them. */
  snapshot?: SnapshotPolicy;
}

/** Exhaustiveness check for the end of a switch over a union. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
