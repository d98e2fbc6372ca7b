import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import {
  ENTERPRISE_EVENT_TYPES,
  ENTERPRISE_REGISTERED,
  ENTERPRISE_RELOCATED,
  ENTERPRISE_RENAMED,
  type EnterpriseEvent,
} from '../../domain/enterprise.events';
import { usccOfStream } from '../../domain/enterprise.state';
import type { EnterpriseChange } from './enterprise-directory.row';

/** The `enterprises` table as JSON (timestamps as ISO strings), the shape RowProjection folds. */
export type EnterpriseDirectoryRow = {
  uscc: string;
  name: string;
  address: string;
  park: string;
  industry: string;
  registered_at: string;
  updated_at: string;
  version: number;
  history: EnterpriseChange[];
};

/** The stored form of each enterprise event, still discriminated by type. */
type Stored<E> = E extends EnterpriseEvent ? StoredEvent<E['type'], E['data']> : never;
type EnterpriseStoredEvent = Stored<EnterpriseEvent>;

/** Pure: the row after one event. Times come from the event (data or recordedAt), never the clock. */
export function evolveEnterpriseRow(row: EnterpriseDirectoryRow | null, stored: StoredEvent): EnterpriseDirectoryRow | null {
  const uscc = usccOfStream(stored.streamId);
  // Not ours. (An event already folded never gets here: the checkpoint drops a duplicate, and the writer refuses
  // one at or before the row's version as out of stream order.)
  if (uscc === null) return row;
  const event = stored as EnterpriseStoredEvent;
  const recordedAt = event.recordedAt.toISOString();
  const recordedBy = typeof event.metadata.actorId === 'string' ? event.metadata.actorId : null;
  const touched = { updated_at: recordedAt, version: event.streamPosition };
  switch (event.type) {
    case ENTERPRISE_REGISTERED: {
      if (row !== null) return row;
      const { name, address, park, industry, registeredAt } = event.data;
      return { uscc, name, address, park, industry, registered_at: registeredAt, ...touched, history: [] };
    }
    case ENTERPRISE_RENAMED: {
      if (row === null) return null;
      const { from, to, effectiveOn } = event.data;
      const change: EnterpriseChange = { change: 'renamed', from, to, effectiveOn, recordedAt, recordedBy };
      return { ...row, name: to, ...touched, history: [...row.history, change] };
    }
    case ENTERPRISE_RELOCATED: {
      if (row === null) return null;
      const { address, park, effectiveOn } = event.data;
      const change: EnterpriseChange = {
        change: 'relocated',
        from: { address: row.address, park: row.park },
        to: { address, park },
        effectiveOn,
        recordedAt,
        recordedBy,
      };
      return { ...row, address, park, ...touched, history: [...row.history, change] };
    }
    default:
      return row;
  }
}

/** 企业名录: one row per registered enterprise with its current name and location and their history. */
@Injectable()
@ReadModelProjection()
export class EnterpriseDirectoryProjection extends RowProjection<EnterpriseDirectoryRow> {
  constructor() {
    super({
      name: 'enterprise-directory',
      // Bump when evolveEnterpriseRow changes: the worker then rebuilds the table from the log.
      version: 1,
      handles: ENTERPRISE_EVENT_TYPES,
      table: 'enterprises',
      keyColumn: 'uscc',
      columns: {
        uscc: 'text',
        name: 'text',
        address: 'text',
        park: 'text',
        industry: 'text',
        registered_at: 'timestamptz',
        updated_at: 'timestamptz',
        version: 'integer',
        history: 'jsonb',
      },
      rowKey: (event) => usccOfStream(event.streamId),
      streamPositionColumn: 'version',
      evolve: evolveEnterpriseRow,
    });
  }
}
