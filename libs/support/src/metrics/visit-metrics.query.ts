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

/** The groupings visitFiguresSql counts (by month: visitsByMonthSql). */
const GROUP_EXPRESSIONS: Record<Exclude<VisitGroupBy, 'month'>, string> = {
  none: `'all'`,
  caseworker: `cw.caseworker_id`,
  // The enterprise's park as the registry has it now; enterprises without one are grouped as unknown.
  park: `coalesce(e.park, 'unknown')`,
};

@QueryHandler(GetVisitMetrics)
export class GetVisitMetricsHandler implements IQueryHandler<GetVisitMetrics, { groups: VisitFigures[]; total: VisitFigures }> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ from, to, asOf, groupBy, knownAt }: GetVisitMetrics) {
    const params = [from, to, asOf, knownAt ?? 'infinity'];
    // A visit of several caseworkers counts once for each of them, so that grouping's total is its own pass.
    const withTotal = groupBy !== 'caseworker';
    const sql = groupBy === 'month' ? visitsByMonthSql() : visitFiguresSql(groupBy, withTotal);
    const rows: (VisitFigures & { is_total: boolean })[] = await this.db.query(sql, params);
    const total = withTotal ? rows.find((r) => r.is_total) : (await this.db.query(visitFiguresSql('none', true), params))[0];
    const groups = groupBy === 'none' ? [] : rows.filter((r) => !r.is_total);
    const strip = ({ is_total: _t, ...figures }: VisitFigures & { is_total?: boolean }): VisitFigures => figures;
    return { total: strip(total ?? { group: 'all', visits: 0, enterprises: 0 }), groups: groups.map(strip) };
  }
}

/** The visits a figure counts: dated in the period and by the report date, logged by knownAt and not voided then. */
const COUNTED = `v.visited_on BETWEEN $1::date AND $2::date AND v.visited_on <= $3::date
        AND v.logged_at <= $4::timestamptz AND (v.voided_at IS NULL OR v.voided_at > $4::timestamptz)`;

/** A visit's month (its first day), written exactly as IX_visits_month_enterprise indexes it (migration 1764300003100). */
const VISIT_MONTH = `date_trunc('month', v.visited_on::timestamp)::date`;
const IN_MONTHS = `${VISIT_MONTH} BETWEEN date_trunc('month', $1::date::timestamp)::date AND $2::date`;

/**
 * By month: the (month, enterprise) index read in its order, so each month's visits and distinct enterprises come from
 * two streaming aggregates (per month and enterprise, then per month) with no hash of every (month, enterprise) pair —
 * 460k of them at 10⁵ problems — and no sort; the total's distinct enterprises are a second, small aggregate
 * (docs/benchmarks.md: 760 → 228 ms at 10⁵).
 */
function visitsByMonthSql(): string {
  return `SELECT * FROM (
      SELECT to_char(g, 'YYYY-MM') AS "group", sum(n)::int AS visits, count(*)::int AS enterprises, false AS is_total
      FROM (SELECT ${VISIT_MONTH} AS g, v.enterprise_uscc, count(*) AS n FROM visits v WHERE ${COUNTED} AND ${IN_MONTHS} GROUP BY 1, 2) per_enterprise
      GROUP BY g
      UNION ALL
      SELECT 'all', coalesce(sum(n), 0)::int, count(*)::int, true
      FROM (SELECT v.enterprise_uscc, count(*) AS n FROM visits v WHERE ${COUNTED} AND ${IN_MONTHS} GROUP BY 1) per_enterprise
    ) figures ORDER BY is_total DESC, "group"`;
}

/**
 * The other groupings: one pass over the counted visits, in two hash aggregates and no sort of the visits: first per (group, enterprise)
 * and per enterprise (the total), then per group — visits are the sum, distinct enterprises the number of rows.
 * count(DISTINCT …) would sort every visit once per figure.
 */
function visitFiguresSql(by: Exclude<VisitGroupBy, 'month'>, withTotal: boolean): string {
  const group = GROUP_EXPRESSIONS[by];
  const sets =
    by === 'none' ? 'v.enterprise_uscc' : withTotal ? `GROUPING SETS ((${group}, v.enterprise_uscc), (v.enterprise_uscc))` : `${group}, v.enterprise_uscc`;
  return `SELECT CASE WHEN is_total THEN 'all' ELSE g END AS "group", sum(visits)::int AS visits, count(*)::int AS enterprises, is_total
    FROM (
      SELECT ${group} AS g, v.enterprise_uscc, count(*) AS visits, ${by === 'none' || !withTotal ? String(by === 'none') : `GROUPING(${group}) = 1`} AS is_total
      FROM visits v
      ${
        // A row per visit and caseworker, each caseworker once per visit (one listed twice still made one visit):
        // so a row is a visit of that caseworker and count(*) counts visits — a count(DISTINCT visit_id) sorted them all.
        by === 'caseworker' ? 'CROSS JOIN LATERAL (SELECT DISTINCT c FROM jsonb_array_elements_text(v.caseworker_ids) AS c) AS cw(caseworker_id)' : ''
      }
      ${by === 'park' ? 'LEFT JOIN enterprises e ON e.uscc = v.enterprise_uscc' : ''}
      WHERE ${COUNTED}
      GROUP BY ${sets}
    ) per_enterprise
    GROUP BY is_total, g ORDER BY is_total DESC, g`;
}
