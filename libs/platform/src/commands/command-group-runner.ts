import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_STORE,
  handleCommandsTogether,
  type Decider,
  type DomainEvent,
  type EventStore,
  type RequiredStream,
  type StepResult,
} from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { CommandMetrics } from '../metrics/command-metrics';
import { commandName, retryDelayMs, RETRIES, snapshotNotStored, type CommandContext } from './command-runner';

/** One stream's command in a group; the runner adds metadata and the per-stream idempotency key. */
export interface GroupStep<C = unknown, S = unknown, E extends DomainEvent = DomainEvent> {
  streamId: string;
  decider: Decider<C, S, E>;
  command: C;
  /** The caller's If-Match on this stream. */
  expectedVersion?: number;
}

/**
 * CommandRunner for commands on several streams that are one fact (a visit and its problems): all are
 * decided before anything is written, then appended in one transaction — all of them or none.
 */
@Injectable()
export class CommandGroupRunner {
  private readonly logger = new Logger('Commands');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
    private readonly metrics: CommandMetrics,
  ) {}

  async run(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own decider types
    steps: readonly GroupStep<any, any, any>[],
    context: CommandContext,
    /** newStreams: every step's stream id was minted for this command (newId) — created without a read first. */
    options: { requires?: readonly RequiredStream[]; newStreams?: boolean } = {},
  ): Promise<StepResult[]> {
    const names = steps.map((s) => commandName(s.command, s.streamId));
    try {
      const results = await handleCommandsTogether(
        this.store,
        steps.map((s) => ({ ...s, idempotencyKey: context.idempotencyKey ? `${context.idempotencyKey}:${s.streamId}` : undefined })),
        {
          metadata: { actorId: context.actor.id, correlationId: context.correlationId, tenantId: this.config.zoneId },
          // Re-decided on losing a race, as CommandRunner does for a step without expectedVersion.
          retries: RETRIES,
          retryDelayMs: (attempt) => {
            for (const name of names) this.metrics.redecided(name);
            return retryDelayMs(attempt);
          },
          requires: options.requires,
          newStreams: options.newStreams,
          onSnapshotError: (error, stream) => snapshotNotStored(this.logger, error, stream),
        },
      );
      results.forEach((r, i) => this.metrics.succeeded(names[i], r.events.map((e) => e.type)));
      return results;
    } catch (error) {
      // One fact refused as a whole: each of its commands ended the same way.
      for (const name of names) this.metrics.failed(name, error);
      throw error;
    }
  }
}
