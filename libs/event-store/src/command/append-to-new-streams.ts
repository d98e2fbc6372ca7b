import { ConcurrencyError, RequiredStreamMissingError } from '../store/event-store.errors';
import type { EventStore } from '../store/event-store';
import type { AppendResult, EventMetadata } from '../store/event.types';
import type { DomainEvent } from './decider';
import type { RequiredStream } from './load-state';

/** A command on a stream whose id was minted for it: its decision on the decider's initial state. */
export interface NewStreamDecision {
  streamId: string;
  decide: () => readonly DomainEvent[];
  idempotencyKey?: string;
}

export interface NewStreamsAppended {
  events: (readonly DomainEvent[])[];
  appends: AppendResult[];
}

/**
 * The write path of a command that creates its streams (a visit, a problem registered with it), in one statement
 * where reading first would take two. The ids were minted for the command — at random, or derived from the request's
 * idempotency key — so the streams are new unless this is a retry of the same request. Each command is decided on its
 * decider's initial state and appended with expectedVersion no_stream, the required streams (the enterprise) checked
 * in the same statement. If the append commits, no stream existed and every required one did at that instant: the
 * result is the one reading first would have given. Anything else — a stream that exists (a retry), a decision of
 * nothing, or a domain error that a stored stream might have answered differently — returns null, and the caller
 * reads and decides as usual; only a missing required stream is final (its own error).
 */
export async function appendToNewStreams(
  store: EventStore,
  decisions: readonly NewStreamDecision[],
  options: { metadata?: EventMetadata; requires?: readonly RequiredStream[] },
): Promise<NewStreamsAppended | null> {
  let events: (readonly DomainEvent[])[];
  try {
    events = decisions.map((d) => d.decide());
  } catch {
    return null;
  }
  if (events.some((e) => e.length === 0)) return null;
  const requires = options.requires ?? [];
  try {
    const appends = await store.appendAtomically(
      decisions.map((d, i) => ({
        streamId: d.streamId,
        events: events[i].map((e) => ({ ...e, metadata: options.metadata })),
        options: {
          expectedVersion: 'no_stream' as const,
          idempotencyKey: d.idempotencyKey,
          requires: i === 0 && requires.length > 0 ? requires.map((r) => r.streamId) : undefined,
        },
      })),
    );
    return { events, appends };
  } catch (error) {
    if (error instanceof ConcurrencyError) return null;
    if (error instanceof RequiredStreamMissingError) {
      const required = requires.find((r) => r.streamId === error.missing);
      if (required) throw required.otherwise();
    }
    throw error;
  }
}
