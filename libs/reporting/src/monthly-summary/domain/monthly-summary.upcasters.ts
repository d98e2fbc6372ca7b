import type { UpcasterRegistration } from '@app/event-store';
import { MonthlySummaryEventTypes as T } from './monthly-summary.events';
import type { CertificationFigure, MonthlySummaryFigures, SubsidyFigure } from './monthly-summary.figures';

/**
 * v1 → v2: a summary stored before cuts were recorded knew only a log position (max(global_position)), and its
 * figures were computed as known "now": no transaction id and no knownAt to recompute them with.
 */
const withoutCut = (data: { computedAtPosition: number }) => ({
  ...data,
  cut: { transactionId: null, globalPosition: data.computedAtPosition, knownAt: null },
});

type V2Figures = Omit<MonthlySummaryFigures, 'subsidies' | 'certifications' | 'units'> & {
  subsidies: { month: Omit<SubsidyFigure, 'byPolicyYear'>; yearToDate: Omit<SubsidyFigure, 'byPolicyYear'> };
  certifications: Omit<CertificationFigure, 'yearToDateShares'>[];
};

/**
 * v2 → v3: a summary stored before the split by policy year, the year-to-date shares and the unit table did not
 * publish them.
 * They read as null ("not published"), never as an empty list, which would claim there was nothing to split.
 */
const withoutV3Figures = (data: { figures: V2Figures }) => ({
  ...data,
  figures: {
    ...data.figures,
    subsidies: {
      month: { ...data.figures.subsidies.month, byPolicyYear: null },
      yearToDate: { ...data.figures.subsidies.yearToDate, byPolicyYear: null },
    },
    certifications: data.figures.certifications.map((c) => ({ ...c, yearToDateShares: null })),
    units: null,
  },
});

export const monthlySummaryUpcasters: readonly UpcasterRegistration[] = [
  { type: T.Generated, fromVersion: 1, upcast: withoutCut },
  { type: T.Regenerated, fromVersion: 1, upcast: withoutCut },
  { type: T.Generated, fromVersion: 2, upcast: withoutV3Figures },
  { type: T.Regenerated, fromVersion: 2, upcast: withoutV3Figures },
];
