import { ConcurrencyError } from '../store/event-store.errors';
import type { EventStore } from '../store/event-store';
import type { AppendResult, EventMetadata } from '../store/event.types';
import { appendToNewStreams } from './append-to-new-streams';
import type { Decider, DomainEvent } from './decider';
import { loadStates, saveSnapshotIfDue, type LoadedState, type RequiredStream } from './load-state';

/** One stream's command in a group that commits together. */
export interface CommandStep<Command = unknown, State = unknown, Event extends DomainEvent = DomainEvent> {
  streamId: string;
  decider: Decider<Command, State, Event>;
  command: Command;
  /** A retried group whose steps all carry recorded keys appends nothing and returns the first results. */
  idempotencyKey?: string;
  /** The caller's expected version of this stream (If-Match): a group that reads another refuses, never retries. */
  expectedVersion?: number;
}

/** A step of any stream: each step has its own command, state and event types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommandStep = CommandStep<any, any, any>;

export interface HandleTogetherOptions {
  metadata?: EventMetadata;
  /** Re-reads and re-decisions of the whole group after losing a race on any of its streams. */
  retries?: number;
  /** How long to wait before re-deciding after the n-th lost race (jitter spreads racing writers). */
  retryDelayMs?: (attempt: number) => number;
  /** Other streams that must exist (the visit's enterprise): checked in the same round trip as the steps' streams. */
  requires?: readonly RequiredStream[];
  /** A step's snapshot could not be stored (the group succeeded all the same): for a log line. */
  onSnapshotError?: (error: unknown, streamId: string) => void;
  /**
   * Every step's stream id was minted for this command (a visit and its problems): decide on the initial states and
   * create the streams without reading them first (appendToNewStreams); a retry falls back to reading.
   */
  newStreams?: boolean;
}

export interface StepResult {
  streamId: string;
  state: unknown;
  version: number;
  /** This step's append (or its earlier one, replayed); null when it decided nothing. */
  append: AppendResult | null;
  /** What this call appended for the step (none when it decided nothing or replayed an earlier append). */
  events: readonly DomainEvent[];
}

/**
 * handleCommand for several streams that must change together (a visit and the problems raised in it):
 * read and decide every step first — a domain error in any of them appends nothing — then append all the
 * decisions in one transaction, each at the version it folded. A step whose idempotency key is recorded
 * already is done and is not decided again.
 */
export async function handleCommandsTogether(
  store: EventStore,
  steps: readonly AnyCommandStep[],
  options: HandleTogetherOptions = {},
): Promise<StepResult[]> {
  if (options.newStreams && steps.every((s) => s.expectedVersion === undefined)) {
    const created = await appendToNewStreams(
      store,
      steps.map((step) => ({
        streamId: step.streamId,
        idempotencyKey: step.idempotencyKey,
        decide: () => step.decider.decide(step.command, step.decider.initialState()) as DomainEvent[],
      })),
      options,
    );
    if (created?.appends.some((a) => a.replayed)) return (await loadSteps(store, steps)).map(toResult);
    if (created) {
      return steps.map((step, i) => ({
        streamId: step.streamId,
        state: created.events[i].reduce((s, e) => step.decider.evolve(s, e), step.decider.initialState()),
        version: created.appends[i].nextExpectedVersion,
        append: created.appends[i],
        events: created.events[i],
      }));
    }
  }
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadSteps(store, steps, attempt === 0 ? options.requires : undefined);
    for (const { step, version, earlier } of loaded) {
      if (!earlier && step.expectedVersion !== undefined && step.expectedVersion !== version) {
        throw new ConcurrencyError(step.streamId, step.expectedVersion, version);
      }
    }
    const decided = loaded.map(({ step, state, earlier }) => (earlier ? [] : (step.decider.decide(step.command, state) as DomainEvent[])));
    const pending = steps.map((_, i) => i).filter((i) => decided[i].length > 0);
    const saveDueSnapshots = () =>
      Promise.all(
        loaded.map(({ step, loadedState }) =>
          saveSnapshotIfDue(store, step.streamId, step.decider, loadedState, (error) => options.onSnapshotError?.(error, step.streamId)),
        ),
      );
    if (pending.length === 0) {
      await saveDueSnapshots();
      return loaded.map(toResult);
    }
    try {
      const appended = await store.appendAtomically(
        pending.map((i) => ({
          streamId: steps[i].streamId,
          events: decided[i].map((e) => ({ ...e, metadata: options.metadata })),
          options: { expectedVersion: loaded[i].version, idempotencyKey: steps[i].idempotencyKey },
        })),
      );
      await saveDueSnapshots();
      if (appended.some((a) => a.replayed)) return (await loadSteps(store, steps)).map(toResult);
      return loaded.map(({ step, state }, i) => {
        const at = pending.indexOf(i);
        if (at < 0) return toResult(loaded[i]);
        const next = decided[i].reduce((s, e) => step.decider.evolve(s, e), state);
        return { streamId: step.streamId, state: next, version: appended[at].nextExpectedVersion, append: appended[at], events: decided[i] };
      });
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < (options.retries ?? 0)) {
        const delay = options.retryDelayMs?.(attempt + 1) ?? 0;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      throw error;
    }
  }
}

interface LoadedStep {
  step: AnyCommandStep;
  state: unknown;
  version: number;
  earlier: AppendResult | null;
  loadedState: LoadedState<unknown>;
}

function toResult({ step, state, version, earlier }: LoadedStep): StepResult {
  return { streamId: step.streamId, state, version, append: earlier, events: [] };
}

/** Every step's stream (and earlier append, and the required streams) in one round trip. */
async function loadSteps(store: EventStore, steps: readonly AnyCommandStep[], requires?: readonly RequiredStream[]): Promise<LoadedStep[]> {
  const states = await loadStates(
    store,
    steps.map((step) => ({ streamId: step.streamId, fold: step.decider, idempotencyKey: step.idempotencyKey })),
    requires,
  );
  return states.map((loadedState, i) => ({ step: steps[i], state: loadedState.state, version: loadedState.version, earlier: loadedState.earlier, loadedState }));
}
