import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NO_FIGURES, subsidyFigures, type PaymentSums, type SubsidyFigures, type SubsidyGroupBy } from './subsidy-figures';

export interface SubsidyScope {
  /** Payment (or recovery) business dates from/to, inclusive; open-ended when omitted. */
  from: string | null;
  to: string | null;
  /** The report date: only payments dated on or before it. */
  asOf: string;
  /** Only payments recorded by this instant: reproduces a figure published then. */
  knownAt: string | null;
  /** Only money for this policy year ("兑现2023年区级…"), whenever it was paid. */
  policyYear: number | null;
}

export class GetSubsidyMetrics {
  constructor(
    readonly scope: SubsidyScope,
    readonly groupBy: SubsidyGroupBy,
  ) {}
}

export interface SubsidyMetrics {
  scope: SubsidyScope;
  groupBy: SubsidyGroupBy;
  rounding: string;
  total: SubsidyFigures;
  groups: SubsidyFigures[];
}

const GROUP_EXPRESSIONS: Record<SubsidyGroupBy, string> = {
  none: `'all'`,
  policy_year: `p.policy_year::text`,
  policy_item: `p.policy_item_id`,
  enterprise: `p.enterprise_uscc`,
  // business_date is already the Asia/Shanghai day of the payment, so the month cut is the zone's.
  month: `to_char(p.business_date, 'YYYY-MM')`,
};

/** 惠企政策奖补 disbursed, by payment date, from the payments read model. */
@QueryHandler(GetSubsidyMetrics)
export class GetSubsidyMetricsHandler implements IQueryHandler<GetSubsidyMetrics, SubsidyMetrics> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ scope, groupBy }: GetSubsidyMetrics): Promise<SubsidyMetrics> {
    const sums = (by: SubsidyGroupBy): Promise<PaymentSums[]> =>
      this.db.query(
        `SELECT ${GROUP_EXPRESSIONS[by]} AS "group", p.kind, sum(p.amount_fen)::text AS fen, count(*)::int AS count,
                count(DISTINCT p.enterprise_uscc)::int AS enterprises
         FROM subsidy_payments p
         WHERE p.business_date <= $1::date
           AND ($2::date IS NULL OR p.business_date >= $2::date)
           AND ($3::date IS NULL OR p.business_date <= $3::date)
           AND p.recorded_at <= $4::timestamptz
           AND ($5::int IS NULL OR p.policy_year = $5::int)
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [scope.asOf, scope.from, scope.to, scope.knownAt ?? 'infinity', scope.policyYear],
      );
    const [total = NO_FIGURES()] = subsidyFigures(await sums('none'));
    return {
      scope,
      groupBy,
      rounding: '分 and 元 are exact; 万元 is rounded half-up to two decimals',
      total,
      groups: groupBy === 'none' ? [] : subsidyFigures(await sums(groupBy)),
    };
  }
}
