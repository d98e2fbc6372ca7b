import { Injectable } from '@nestjs/common';
import { ReadModelProjection, type Projection, type ProjectionContext, type StoredEvent } from '@app/event-store';
import { REFERENCE_TOTAL_ENTERED, REFERENCE_TOTALS_STREAM, type ReferenceTotalData } from '../../domain/reference-totals';

/** Append-only: one row per entry; a duplicate delivery hits the key and changes nothing. */
@Injectable()
@ReadModelProjection()
export class ReferenceTotalsProjection implements Projection {
  readonly name = 'certification-reference-totals';
  readonly version = 1;
  readonly handles = [REFERENCE_TOTAL_ENTERED];
  readonly tables = ['certification_reference_totals'];

  async apply(events: readonly StoredEvent[], { sql, table }: ProjectionContext): Promise<void> {
    const rows = events
      .filter((e) => e.streamId === REFERENCE_TOTALS_STREAM)
      .map((e) => {
        const d = e.data as ReferenceTotalData;
        const recordedBy = typeof e.metadata.actorId === 'string' ? e.metadata.actorId : null;
        return { entry: e.streamPosition, ...d, as_of: d.asOf, recorded_at: e.recordedAt.toISOString(), recorded_by: recordedBy };
      });
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO "${table('certification_reference_totals')}" (entry, type, level, scope, measure, as_of, total, source, recorded_at, recorded_by)
       SELECT entry, type, level, scope, measure, as_of, total, source, recorded_at, recorded_by
       FROM jsonb_to_recordset($1::jsonb) AS r(entry integer, type text, level text, scope text, measure text, as_of date,
         total integer, source text, recorded_at timestamptz, recorded_by text)
       ON CONFLICT (entry) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
