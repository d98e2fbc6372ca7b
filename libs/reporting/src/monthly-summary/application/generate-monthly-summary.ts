import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ProjectionRegistry, ReadModelWaiter } from '@app/event-store';
import { AppConfig, CommandRunner, todayInShanghai, type CommandContext } from '@app/platform';
import { isReportMonth, monthBounds } from '../domain/month';
import { monthlySummaryDecider } from '../domain/monthly-summary.decider';
import { monthlySummaryStreamId } from '../domain/monthly-summary.events';
import { MONTHLY_SUMMARIES_PROJECTION } from '../read-model/monthly-summaries.projection';
import { MonthlySummaryFiguresSource } from './compute-figures';

/** 月报: generate the summary of a month that has ended (Asia/Shanghai); with a reason, a correction. */
export class GenerateMonthlySummary {
  constructor(
    /** 'YYYY-MM'. */
    readonly month: string,
    readonly context: CommandContext,
    readonly correctionReason?: string,
  ) {}
}

export interface GenerateMonthlySummaryResult {
  streamId: string;
  month: string;
  /** The summary's latest version (its stream version). */
  version: number;
  /** The log position of the appended event; null when nothing was appended. */
  position: number | null;
  generated: boolean;
}

export class InvalidReportMonth extends DomainError {
  readonly code = 'INVALID_REPORT_MONTH';
  override readonly kind = 'invalid';
  constructor(month: string) {
    super(`"${month}" is not a report month (YYYY-MM)`, { month });
  }
}

@CommandHandler(GenerateMonthlySummary)
export class GenerateMonthlySummaryHandler implements ICommandHandler<GenerateMonthlySummary, GenerateMonthlySummaryResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly figures: MonthlySummaryFiguresSource,
    private readonly config: AppConfig,
    private readonly waiter: ReadModelWaiter,
    private readonly projections: ProjectionRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async execute({ month, context, correctionReason }: GenerateMonthlySummary): Promise<GenerateMonthlySummaryResult> {
    if (!isReportMonth(month)) throw new InvalidReportMonth(month);
    const bounds = monthBounds(month);
    const zone = this.config.zoneId;
    const streamId = monthlySummaryStreamId(zone, month);
    const head = await this.caughtUpHead();
    const figures = await this.figures.compute(bounds);
    const command = {
      type: 'GenerateMonthlySummary' as const,
      month,
      zone,
      asOf: bounds.to,
      computedAtPosition: head,
      figures,
      today: todayInShanghai(),
      reason: correctionReason,
    };
    const result = await this.runner.run(streamId, monthlySummaryDecider, command, context);
    return {
      streamId,
      month,
      version: result.version,
      position: result.append?.lastGlobalPosition ?? null,
      generated: result.events.length > 0,
    };
  }

  /**
   * The last committed event, once every read model the figures come from has processed it. Not
   * EventStore.head(): that stops before any transaction still running (a projection batch, say), so
   * figures computed after waiting for it could miss an event committed a moment ago.
   */
  private async caughtUpHead(): Promise<number> {
    const [{ position }] = await this.db.query(`SELECT coalesce(max(global_position), 0)::text AS position FROM es_events`);
    const head = Number(position);
    if (head > 0) {
      const names = this.projections.all().map((p) => p.name).filter((n) => n !== MONTHLY_SUMMARIES_PROJECTION);
      await this.waiter.waitFor(head, names, this.config.projections.waitForTimeoutMs);
    }
    return head;
  }
}
