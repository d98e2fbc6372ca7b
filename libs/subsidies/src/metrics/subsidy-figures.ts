import { money, type Money } from '../money/money';

export type SubsidyGroupBy = 'none' | 'policy_year' | 'policy_item' | 'enterprise' | 'month';

/** One (group, kind) line as SQL sums it: the amount as decimal text so it reaches BigInt unrounded. */
export interface PaymentSums {
  group: string;
  kind: 'disbursement' | 'recovery';
  fen: string;
  count: number;
  enterprises: number;
}

export interface SubsidyFigures {
  group: string;
  /** Disbursed in the period (recoveries not deducted). */
  disbursed: Money;
  /** 追回 in the period, shown on its own. */
  recovered: Money;
  /** disbursed − recovered; negative when a period recovered more than it paid. */
  net: Money;
  disbursements: number;
  recoveries: number;
  /** Distinct enterprises with at least one disbursement in the group (a later recovery does not remove them). */
  enterprisesPaid: number;
}

/** Folds SQL sums into report figures, per group in the order given. Pure, BigInt only. */
export function subsidyFigures(rows: readonly PaymentSums[]): SubsidyFigures[] {
  const groups = new Map<string, { disbursed: bigint; recovered: bigint; disbursements: number; recoveries: number; enterprisesPaid: number }>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? { disbursed: 0n, recovered: 0n, disbursements: 0, recoveries: 0, enterprisesPaid: 0 };
    if (r.kind === 'disbursement') {
      g.disbursed += BigInt(r.fen);
      g.disbursements += r.count;
      g.enterprisesPaid = r.enterprises;
    } else {
      g.recovered += BigInt(r.fen);
      g.recoveries += r.count;
    }
    groups.set(r.group, g);
  }
  return [...groups].map(([group, g]) => ({
    group,
    disbursed: money(g.disbursed),
    recovered: money(g.recovered),
    net: money(g.disbursed - g.recovered),
    disbursements: g.disbursements,
    recoveries: g.recoveries,
    enterprisesPaid: g.enterprisesPaid,
  }));
}

export const NO_FIGURES = (group = 'all'): SubsidyFigures => subsidyFigures([{ group, kind: 'disbursement', fen: '0', count: 0, enterprises: 0 }])[0];
