import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import type { MonthlySummaryFigures } from '../domain/monthly-summary.figures';
import { MONTHLY_SUMMARY_STREAM_PREFIX, MonthlySummaryEventTypes as T, type MonthlySummaryEvent } from '../domain/monthly-summary.events';

export const MONTHLY_SUMMARIES_PROJECTION = 'monthly-summaries';

export interface MonthlySummaryRecord extends Record<string, unknown> {
  summary_id: string;
  zone: string;
  month: string;
  version: number;
  kind: 'generated' | 'regenerated';
  reason: string | null;
  supersedes_version: number | null;
  as_of: string;
  computed_at_position: number;
  cut_transaction_id: string | null;
  known_at: string | null;
  figures: MonthlySummaryFigures;
  event_position: number;
  generated_at: string;
  generated_by: string | null;
}

const summaryKey = (e: StoredEvent) => `${e.streamId}:${e.streamPosition}`;

/** Each version is written once and never changed: a redelivered event leaves the row as it is. */
export function evolveMonthlySummary(row: MonthlySummaryRecord | null, stored: StoredEvent): MonthlySummaryRecord | null {
  if (row) return row;
  const event = stored as unknown as StoredEvent & MonthlySummaryEvent;
  if (event.type !== T.Generated && event.type !== T.Regenerated) return row;
  const d = event.data;
  const correction = event.type === T.Regenerated ? event.data : null;
  return {
    summary_id: summaryKey(stored),
    zone: d.zone,
    month: d.month,
    version: stored.streamPosition,
    kind: correction ? 'regenerated' : 'generated',
    reason: correction?.reason ?? null,
    supersedes_version: correction?.supersedesVersion ?? null,
    as_of: d.asOf,
    computed_at_position: d.computedAtPosition,
    cut_transaction_id: d.cut.transactionId,
    known_at: d.cut.knownAt,
    figures: d.figures,
    event_position: stored.globalPosition,
    generated_at: stored.recordedAt.toISOString(),
    generated_by: stored.metadata.actorId ?? null,
  };
}

@Injectable()
@ReadModelProjection()
export class MonthlySummariesProjection extends RowProjection<MonthlySummaryRecord> {
  constructor() {
    super({
      name: MONTHLY_SUMMARIES_PROJECTION,
      version: 2,
      handles: [T.Generated, T.Regenerated],
      table: 'monthly_summaries',
      keyColumn: 'summary_id',
      columns: {
        summary_id: 'text', zone: 'text', month: 'text', version: 'integer', kind: 'text', reason: 'text', supersedes_version: 'integer',
        as_of: 'date', computed_at_position: 'bigint', cut_transaction_id: 'bigint', known_at: 'timestamptz', figures: 'jsonb', event_position: 'bigint', generated_at: 'timestamptz', generated_by: 'text',
      },
      rowKey: (e) => (e.streamId.startsWith(MONTHLY_SUMMARY_STREAM_PREFIX) ? summaryKey(e) : null),
      evolve: evolveMonthlySummary,
    });
  }
}
