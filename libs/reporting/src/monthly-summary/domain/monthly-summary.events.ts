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

/**
 * A cut of the log: the compound checkpoint the projections use (every event at or before it in log order,
 * and no other, was committed when the cut was taken) and the instant the figures were read as known at.
 * Every figure of a summary is computed at its cut, so they can be recomputed later from it.
 */
export interface LogCut {
  /** null only on a summary stored before cuts were recorded (schema version 1). */
  transactionId: string | null;
  globalPosition: number;
  /** The `knownAt` every figure was computed with (ISO instant); null before schema version 2. */
  knownAt: string | null;
}

/**
 * Schema version 2 added `cut`; version 3 added subsidies by policy year, the year-to-date shares of each
 * certification count and the unit table. See monthlySummaryUpcasters.
 */
export const MONTHLY_SUMMARY_SCHEMA_VERSION = 3;

export interface MonthlySummarySnapshot {
  month: string;
  zone: string;
  /** The month's last day (Asia/Shanghai): every figure is as of the end of this day. */
  asOf: string;
  /** The log position of the cut (kept beside `cut` for readers of schema version 1). */
  computedAtPosition: number;
  cut: LogCut;
  figures: MonthlySummaryFigures;
}

export type MonthlySummaryGenerated = DomainEvent<typeof MonthlySummaryEventTypes.Generated, MonthlySummarySnapshot>;
export type MonthlySummaryRegenerated = DomainEvent<
  typeof MonthlySummaryEventTypes.Regenerated,
  MonthlySummarySnapshot & { reason: string; supersedesVersion: number }
>;
export type MonthlySummaryEvent = MonthlySummaryGenerated | MonthlySummaryRegenerated;
