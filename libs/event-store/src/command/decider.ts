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

/** Pure business logic of one stream: decide refuses or returns events; evolve folds them. */
export interface Decider<Command, State, Event extends DomainEvent> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Exhaustiveness check for the end of a switch over a union. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
