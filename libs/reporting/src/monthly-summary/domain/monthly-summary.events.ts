import type { DomainEvent } from '@app/event-store';
import type { MonthlySummaryFigures } from './monthly-summary.figures';

// Stored event schema: version it, never edit it.
export const MonthlySummaryEventTypes = {
  Generated: 'MonthlySummaryGenerated',
  Regenerated: 'MonthlySummaryRegenerated',
} as const;

export const MONTHLY_SUMMARY_STREAM_PREFIX = 'monthly-summary-';

export function monthlySummaryStreamId(zone: string, month: string): string {
  return `${MONTHLY_SUMMARY_STREAM_PREFIX}${zone}-${month}`;
}

export interface MonthlySummarySnapshot {
  month: string;
  zone: string;
  /** The month's last day (Asia/Shanghai): every figure is as of the end of this day. */
  asOf: string;
  /** The log head when the figures were computed: the events behind them are those up to here. */
  computedAtPosition: number;
  figures: MonthlySummaryFigures;
}

export type MonthlySummaryGenerated = DomainEvent<typeof MonthlySummaryEventTypes.Generated, MonthlySummarySnapshot>;
export type MonthlySummaryRegenerated = DomainEvent<
  typeof MonthlySummaryEventTypes.Regenerated,
  MonthlySummarySnapshot & { reason: string; supersedesVersion: number }
>;
export type MonthlySummaryEvent = MonthlySummaryGenerated | MonthlySummaryRegenerated;
