import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppConfig } from '@app/platform';
import type { MonthlySummaryFigures } from '../domain/monthly-summary.figures';
import { MonthlySummaryRow } from './monthly-summary.row';

export interface MonthlySummaryVersion {
  version: number;
  kind: string;
  reason: string | null;
  supersedesVersion: number | null;
  asOf: string;
  computedAtPosition: number;
  /** The cut of the log the figures were computed at (transaction id and knownAt null before cuts were recorded). */
  cut: { transactionId: string | null; globalPosition: number; knownAt: string | null };
  generatedAt: string;
  generatedBy: string | null;
}

export interface MonthlySummaryView {
  zone: string;
  month: string;
  /** The latest version (or the one asked for) with its figures; every version is listed with its reason. */
  summary: MonthlySummaryVersion & { figures: MonthlySummaryFigures };
  versions: MonthlySummaryVersion[];
}

/** The summary of a month in this deployment's zone; a version number picks an earlier one. Null: never generated. */
export class GetMonthlySummary extends Query<MonthlySummaryView | null> {
  constructor(
    readonly month: string,
    readonly version?: number,
  ) {
    super();
  }
}

@QueryHandler(GetMonthlySummary)
export class GetMonthlySummaryHandler implements IQueryHandler<GetMonthlySummary> {
  constructor(
    @InjectRepository(MonthlySummaryRow) private readonly rows: Repository<MonthlySummaryRow>,
    private readonly config: AppConfig,
  ) {}

  async execute({ month, version }: GetMonthlySummary): Promise<MonthlySummaryView | null> {
    const zone = this.config.zoneId;
    const rows = await this.rows.find({ where: { zone, month }, order: { version: 'ASC' } });
    const chosen = version === undefined ? rows.at(-1) : rows.find((r) => r.version === version);
    if (!chosen) return null;
    return { zone, month, summary: { ...describe(chosen), figures: chosen.figures }, versions: rows.map(describe) };
  }
}

function describe(r: MonthlySummaryRow): MonthlySummaryVersion {
  return {
    version: r.version,
    kind: r.kind,
    reason: r.reason,
    supersedesVersion: r.supersedesVersion,
    asOf: r.asOf,
    computedAtPosition: r.computedAtPosition,
    cut: { transactionId: r.cutTransactionId, globalPosition: r.computedAtPosition, knownAt: r.knownAt?.toISOString() ?? null },
    generatedAt: r.generatedAt.toISOString(),
    generatedBy: r.generatedBy,
  };
}
