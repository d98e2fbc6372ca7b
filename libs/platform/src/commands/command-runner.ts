import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_STORE,
  handleDeciderCommand,
  type Decider,
  type DomainEvent,
  type EventStore,
  type HandleCommandResult,
  type RequiredStream,
} from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { CommandMetrics } from '../metrics/command-metrics';
import { StreamQueue } from './stream-queue';

/** Who is acting and under which request; the HTTP layer's RequestContext fits it. */
export interface CommandContext {
  actor: { id: string };
  correlationId: string;
  idempotencyKey?: string;
}

export interface RunOptions {
  /** The version the caller saw (If-Match); a moved stream is then a 409, never a re-decision. */
  expectedVersion?: number;
  /** Streams that must exist (the enterprise a problem is about): checked in the command's first read. */
  requires?: readonly RequiredStream[];
  /** The stream id was minted for this command (newId): it is created in one statement, without a read first. */
  newStream?: boolean;
}

/**
 * Re-decisions after losing a race, when the caller did not pin a version. Each loss means another
 * command on the stream committed since this one read it, so N writers racing on one stream all get
 * through within N-1 retries: 10 covers a busy problem; beyond that the caller gets StreamBusyError.
 */
export const RETRIES = 10;
/** Full jitter over a doubling window (5, 10, 20 … capped at 200 ms): racing writers spread out. */
export const retryDelayMs = (attempt: number): number => Math.random() * Math.min(200, 5 * 2 ** attempt);

/**
 * handleCommand with Zhuqi's metadata: the acting user, the request id and the zone on every event,
 * and the request's idempotency key made per stream so one request may touch several streams.
 */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('Commands');
  /** One command at a time per stream in this process: a busy problem's writers queue instead of racing. */
  private readonly queue = new StreamQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
    private readonly metrics: CommandMetrics,
  ) {}

  async run<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    command: C,
    context: CommandContext,
    options: RunOptions = {},
  ): Promise<HandleCommandResult<S, E>> {
    const name = commandName(command, streamId);
    try {
      const result = await this.queue.run(streamId, () =>
        handleDeciderCommand(this.store, streamId, decider, command, {
          metadata: { actorId: context.actor.id, correlationId: context.correlationId, tenantId: this.config.zoneId },
          idempotencyKey: context.idempotencyKey ? `${context.idempotencyKey}:${streamId}` : undefined,
          expectedVersion: options.expectedVersion,
          requires: options.requires,
          newStream: options.newStream,
          retries: options.expectedVersion === undefined ? RETRIES : 0,
          retryDelayMs: (attempt) => {
            // Called once per re-decision: the race was lost to another process (or a nested command).
            this.metrics.redecided(name);
            return retryDelayMs(attempt);
          },
          onSnapshotError: (error, stream) => snapshotNotStored(this.logger, error, stream),
        }),
      );
      this.metrics.succeeded(name, result.events.map((e) => e.type));
      return result;
    } catch (error) {
      this.metrics.failed(name, error);
      throw error;
    }
  }
}

/** A snapshot is a cache: the command succeeded, the next one on the stream folds a few more events. */
export function snapshotNotStored(logger: Logger, error: unknown, streamId: string): void {
  logger.warn({ err: error, streamId, msg: `Snapshot of ${streamId} not stored; the command succeeded` });
}

/** The command's own type (every decider command carries one); the stream's category otherwise. */
export function commandName(command: unknown, streamId: string): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : streamId.split('-')[0];
}
