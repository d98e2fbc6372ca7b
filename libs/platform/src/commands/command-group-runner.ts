import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, handleCommandsTogether, type Decider, type DomainEvent, type EventStore, type StepResult } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import type { CommandContext } from './command-runner';

/** One stream's command in a group; the runner adds metadata and the per-stream idempotency key. */
export interface GroupStep<C = unknown, S = unknown, E extends DomainEvent = DomainEvent> {
  streamId: string;
  decider: Decider<C, S, E>;
  command: C;
}

/** Re-decisions of the whole group after losing a race on one of its streams (same as CommandRunner). */
const RETRIES = 2;

/**
 * CommandRunner for commands on several streams that are one fact (a visit and its problems): all are
 * decided before anything is written, then appended in one transaction — all of them or none.
 */
@Injectable()
export class CommandGroupRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own decider types
  run(steps: readonly GroupStep<any, any, any>[], context: CommandContext): Promise<StepResult[]> {
    return handleCommandsTogether(
      this.store,
      steps.map((s) => ({ ...s, idempotencyKey: context.idempotencyKey ? `${context.idempotencyKey}:${s.streamId}` : undefined })),
      {
        metadata: { actorId: context.actor.id, correlationId: context.correlationId, tenantId: this.config.zoneId },
        retries: RETRIES,
      },
    );
  }
}
