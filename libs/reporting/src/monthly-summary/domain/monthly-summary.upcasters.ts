import type { UpcasterRegistration } from '@app/event-store';
import { MonthlySummaryEventTypes as T } from './monthly-summary.events';

/**
 * v1 → v2: a summary stored before cuts were recorded knew only a log position (max(global_position)), and its
 * figures were computed as known "now": no transaction id and no knownAt to recompute them with.
 */
const withoutCut = (data: { computedAtPosition: number }) => ({
  ...data,
  cut: { transactionId: null, globalPosition: data.computedAtPosition, knownAt: null },
});

export const monthlySummaryUpcasters: readonly UpcasterRegistration[] = [
  { type: T.Generated, fromVersion: 1, upcast: withoutCut },
  { type: T.Regenerated, fromVersion: 1, upcast: withoutCut },
];
