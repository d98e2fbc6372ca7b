import type { Ratio } from '../../metrics/ratio';
import type { FigureName, UnitFigures } from './unit-figures';

/** For each figure: is a higher rate better (退回率 is the one where lower is better)? */
const HIGHER_IS_BETTER: Record<FigureName, boolean> = {
  timelyAcceptance: true,
  returnRate: false,
  conclusionRate: true,
  onTimeRate: true,
  satisfactionRate: true,
  ratedRate: true,
};

/** How a shortfall reads in a published ranking: "7件中1件超时签收". */
const SHORTFALL: Record<FigureName, string> = {
  timelyAcceptance: '超时签收',
  returnRate: '退回',
  conclusionRate: '未办结',
  onTimeRate: '超期办结',
  satisfactionRate: '回访不满意',
  ratedRate: '未回访',
};

export interface RankedUnit {
  rank: number;
  unitId: string;
  figure: Ratio;
  /** Percentage points against the previous month; null when either month has no score. */
  change: number | null;
  /** Every figure's change against the previous month (percentage points, null without two scores). */
  changes: Record<FigureName, number | null>;
  /** Set for the lowest three when something went wrong: what, with the counts behind it. */
  cause: string | null;
}

export interface UnitRanking {
  by: FigureName;
  ranked: RankedUnit[];
  /** Units with an empty denominator for this figure: listed apart, never scored. */
  unscored: string[];
}

const shortfallOf = (by: FigureName, r: Ratio): number => (HIGHER_IS_BETTER[by] ? r.denominator - r.numerator : r.numerator);

export function shortfallCause(by: FigureName, r: Ratio): string {
  return `${r.denominator}件中${shortfallOf(by, r)}件${SHORTFALL[by]}`;
}

const points = (now: Ratio, before: Ratio | undefined) =>
  now.percent === null || before?.percent == null ? null : Math.round((now.percent - before.percent) * 10) / 10;

/**
 * The month's table: units with a score for `by`, best first (ties share a rank and sort by unit id),
 * the lowest three named with the cause — unless nothing went wrong (a unit at 100% is last of three only by
 * the count of units, and "1件中0件超时签收" names no cause); units without a denominator listed apart.
 */
export function rankUnits(current: readonly UnitFigures[], previous: readonly UnitFigures[], by: FigureName, lowest = 3): UnitRanking {
  const before = new Map(previous.map((u) => [u.unitId, u]));
  const sign = HIGHER_IS_BETTER[by] ? -1 : 1;
  const scored = current
    .filter((u) => u[by].percent !== null)
    .sort((a, b) => sign * (a[by].percent! - b[by].percent!) || a.unitId.localeCompare(b.unitId));
  const ranked = scored.map((u, i): RankedUnit => {
    const prior = before.get(u.unitId);
    const changes = Object.fromEntries(
      (Object.keys(HIGHER_IS_BETTER) as FigureName[]).map((f) => [f, points(u[f], prior?.[f])]),
    ) as Record<FigureName, number | null>;
    const tieRank = scored.findIndex((x) => x[by].percent === u[by].percent) + 1;
    const named = i >= scored.length - lowest && shortfallOf(by, u[by]) > 0;
    return { rank: tieRank, unitId: u.unitId, figure: u[by], change: changes[by], changes, cause: named ? shortfallCause(by, u[by]) : null };
  });
  return { by, ranked, unscored: current.filter((u) => u[by].percent === null).map((u) => u.unitId) };
}
