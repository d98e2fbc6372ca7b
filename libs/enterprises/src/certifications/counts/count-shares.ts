import type { ReferenceMeasure } from '../domain/reference-totals';
import type { CertificationCount, CountScope } from './certification-counts';
import type { ReferenceTotal } from './load-windows';
import { share, type Share } from './share';

export interface CountShare extends Share {
  scope: string;
  measure: ReferenceMeasure;
  /** The date of the denominator: a published share names it. */
  referenceAsOf: string;
  source: string;
}

const numeratorOf: Record<ReferenceMeasure, (c: CertificationCount) => number> = {
  currently_valid: (c) => c.currentlyValid,
  ever_certified: (c) => c.everCertified,
  new_in_period: (c) => c.newInPeriod,
};

/**
 * The zone's share of each city/province total of the same type and level (the latest dated on or before asOf).
 * A 新增 total dated D counts the city's new firms from 1 January of D's year to D, as city reports quote it, so it
 * is a denominator only for the 新增 of exactly that period; for any other period there is no comparable total.
 */
export function countShares(count: CertificationCount, references: readonly ReferenceTotal[], scope: CountScope): CountShare[] {
  const periodEnd = scope.to < scope.asOf ? scope.to : scope.asOf;
  return references
    .filter((r) => r.type === count.type && r.level === count.level)
    .filter((r) => r.measure !== 'new_in_period' || (r.asOf === periodEnd && scope.from === `${periodEnd.slice(0, 4)}-01-01`))
    .map((r) => ({ scope: r.scope, measure: r.measure, referenceAsOf: r.asOf, source: r.source, ...share(numeratorOf[r.measure](count), r.total) }));
}
