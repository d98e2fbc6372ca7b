import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type VisitGroupBy = 'none' | 'month' | 'caseworker' | 'park';

export class GetVisitMetrics {
  constructor(
    readonly from: string,
    readonly to: string,
    /** The report date: visits dated after it are not counted yet. */
    readonly asOf: string,
    readonly groupBy: VisitGroupBy,
    /**
     * Only what had been recorded by this instant (null: everything so far): a visit counts from the instant it was
     * logged, and a void — a correction, not a new fact — removes it from every period from the instant it was recorded.
     */
    readonly knownAt: string | null = null,
  ) {}
}

export interface VisitFigures {
  group: string;
  /** 走访家次: every visit counts (not voided as known at knownAt), by visit date in the period. */
  visits: number;
  /** 走访企业数: distinct enterprises among them. */
  enterprises: number;
}

const GROUP_EXPRESSIONS: Record<VisitGroupBy, string> = {
  none: `'all'`,
  month: `to_char(v.visited_on, 'YYYY-MM')`,
  caseworker: `cw.caseworker_id`,
  // The enterprise's park as the registry has it now; enterprises without one are grouped as unknown.
  park: `coalesce(e.park, 'unknown')`,
};

@QueryHandler(GetVisitMetrics)
export class GetVisitMetricsHandler implements IQueryHandler<GetVisitMetrics, { groups: VisitFigures[]; total: VisitFigures }> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ from, to, asOf, groupBy, knownAt }: GetVisitMetrics) {
    const figures = (by: VisitGroupBy): Promise<VisitFigures[]> =>
      this.db.query(
        `SELECT ${GROUP_EXPRESSIONS[by]} AS "group", count(DISTINCT v.visit_id)::int AS visits,
                count(DISTINCT v.enterprise_uscc)::int AS enterprises
         FROM visits v
         ${by === 'caseworker' ? 'CROSS JOIN LATERAL jsonb_array_elements_text(v.caseworker_ids) AS cw(caseworker_id)' : ''}
         ${by === 'park' ? 'LEFT JOIN enterprises e ON e.uscc = v.enterprise_uscc' : ''}
         WHERE v.visited_on BETWEEN $1::date AND $2::date AND v.visited_on <= $3::date
           AND v.logged_at <= $4::timestamptz AND (v.voided_at IS NULL OR v.voided_at > $4::timestamptz)
         GROUP BY 1 ORDER BY 1`,
        [from, to, asOf, knownAt ?? 'infinity'],
      );
    const [total = { group: 'all', visits: 0, enterprises: 0 }] = await figures('none');
    return { total, groups: groupBy === 'none' ? [] : await figures(groupBy) };
  }
}
