import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { UNIT_DIGEST_STREAM_PREFIX, UnitDigestEventTypes as T, type EscalationLine, type UnitDigest, type UnitDigestEvent } from '../domain/unit-digest.events';

export const UNIT_DIGESTS_PROJECTION = 'unit-digests';

export interface UnitDigestRecord extends Record<string, unknown> {
  digest_id: string;
  zone: string;
  digest_date: string;
  units: UnitDigest[];
  escalation: EscalationLine[];
  rules: Record<string, number>;
  cut_transaction_id: string;
  cut_position: number;
  known_at: string | null;
  event_position: number;
  generated_at: string;
  generated_by: string | null;
}

/** A digest is written once and never changed: a redelivered event leaves the row as it is. */
export function evolveUnitDigest(row: UnitDigestRecord | null, stored: StoredEvent): UnitDigestRecord | null {
  if (row) return row;
  const event = stored as unknown as StoredEvent & UnitDigestEvent;
  if (event.type !== T.Generated) return row;
  const d = event.data;
  return {
    digest_id: stored.streamId,
    zone: d.zone,
    digest_date: d.date,
    units: d.units,
    escalation: d.escalation,
    rules: d.rules,
    cut_transaction_id: d.cut.transactionId ?? '0',
    cut_position: d.cut.globalPosition,
    known_at: d.cut.knownAt,
    event_position: stored.globalPosition,
    generated_at: stored.recordedAt.toISOString(),
    generated_by: stored.metadata.actorId ?? null,
  };
}

@Injectable()
@ReadModelProjection()
export class UnitDigestsProjection extends RowProjection<UnitDigestRecord> {
  constructor() {
    super({
      name: UNIT_DIGESTS_PROJECTION,
      version: 1,
      handles: [T.Generated],
      table: 'unit_digests',
      keyColumn: 'digest_id',
      columns: {
        digest_id: 'text', zone: 'text', digest_date: 'date', units: 'jsonb', escalation: 'jsonb', rules: 'jsonb', cut_transaction_id: 'bigint',
        cut_position: 'bigint', known_at: 'timestamptz', event_position: 'bigint', generated_at: 'timestamptz', generated_by: 'text',
      },
      rowKey: (e) => (e.streamId.startsWith(UNIT_DIGEST_STREAM_PREFIX) ? e.streamId : null),
      evolve: evolveUnitDigest,
    });
  }
}
