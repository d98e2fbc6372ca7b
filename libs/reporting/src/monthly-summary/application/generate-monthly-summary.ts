import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { DomainError, EVENT_STORE, ProjectionRegistry, ReadModelWaiter, type EventStore } from '@app/event-store';
import { AppConfig, CommandRunner, todayInShanghai, type CommandContext } from '@app/platform';
import { isReportMonth, monthBounds } from '../domain/month';
import { monthlySummaryDecider } from '../domain/monthly-summary.decider';
import { monthlySummaryStreamId, type LogCut } from '../domain/monthly-summary.events';
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

/**
 * How far back from the head a cut looks for a later recorded_at: transactions overlapping the head's commit within
 * milliseconds of it, so a thousand events (a second of the store's full write rate) is ample. One index scan.
 */
const CUT_OVERLAP_EVENTS = 1_000;

@CommandHandler(GenerateMonthlySummary)
export class GenerateMonthlySummaryHandler implements ICommandHandler<GenerateMonthlySummary, GenerateMonthlySummaryResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly figures: MonthlySummaryFiguresSource,
    private readonly config: AppConfig,
    private readonly waiter: ReadModelWaiter,
    private readonly projections: ProjectionRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async execute({ month, context, correctionReason }: GenerateMonthlySummary): Promise<GenerateMonthlySummaryResult> {
    if (!isReportMonth(month)) throw new InvalidReportMonth(month);
    const bounds = monthBounds(month);
    const zone = this.config.zoneId;
    const streamId = monthlySummaryStreamId(zone, month);
    const cut = await this.takeCut();
    const figures = await this.figures.compute(bounds, cut.knownAt!);
    const command = {
      type: 'GenerateMonthlySummary' as const,
      month,
      zone,
      asOf: bounds.to,
      computedAtPosition: cut.globalPosition,
      cut,
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
   * A cut of the log: the store's head (the last event in log order before any transaction still running, the
   * same compound checkpoint the projections advance through) once it covers every event committed before the
   * request — a resolution the user saw succeed a moment ago is in, even while an older transaction is still
   * ending (seen as a June report without its June resolution in CI) — and once every read model the figures
   * come from has processed it, and the instant it was recorded at, which every figure takes as knownAt. Later events (a void,
   * a late resolution, a revocation, a recovery) are recorded after that instant, so the figures recomputed with
   * it are the ones published.
   */
  private async takeCut(): Promise<LogCut> {
    const head = await this.store.settledHead(this.config.projections.waitForTimeoutMs);
    if (head.globalPosition === 0) return { transactionId: head.transactionId, globalPosition: 0, knownAt: new Date().toISOString() };
    const names = this.projections.all().map((p) => p.name).filter((n) => n !== MONTHLY_SUMMARIES_PROJECTION);
    await this.waiter.waitFor(head.globalPosition, names, this.config.projections.waitForTimeoutMs);
    // recorded_at is its transaction's start, so log order and recorded_at order can differ: a transaction that
    // began earlier can take its id (its place in the log) later. knownAt is the latest instant among the last
    // events of the cut — those whose transactions overlapped the head's — not the head's own, or an event inside
    // the cut recorded a moment after the head would fall outside every figure (seen as a flaky share in CI).
    const [{ recorded }] = await this.db.query(
      `SELECT to_char(max(recorded_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded FROM (
         SELECT recorded_at FROM es_events
         WHERE (transaction_id, global_position) <= ($1::bigint, $2::bigint)
         ORDER BY transaction_id DESC, global_position DESC LIMIT ${CUT_OVERLAP_EVENTS}) tail`,
      [head.transactionId, head.globalPosition],
    );
    return { transactionId: head.transactionId, globalPosition: head.globalPosition, knownAt: recorded as string };
  }
}
