import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import {
  CERTIFICATION_EVENT_TYPES,
  CERTIFICATION_GRANTED,
  CERTIFICATION_RENEWED,
  CERTIFICATION_REVOKED,
  type CertificationEvent,
} from '../../domain/certification.events';
import { usccOfCertificationsStream } from '../../domain/certification.state';
import type { CertificationChange } from './certification-window.row';

/** The certification_windows table as JSON (dates 'YYYY-MM-DD', timestamps ISO), the shape RowProjection folds. */
export type CertificationWindowJson = {
  certification_id: string;
  uscc: string;
  type: string;
  level: string;
  batch: string;
  document_number: string;
  announced_on: string;
  valid_from: string;
  granted_valid_to: string;
  valid_to: string;
  revoked_from: string | null;
  revocation_reason: string | null;
  recorded_at: string;
  updated_at: string;
  version: number;
  history: CertificationChange[];
};

type Stored<E> = E extends CertificationEvent ? StoredEvent<E['type'], E['data']> : never;

/** Pure: the row after one event. Times come from the event, never the clock. */
export function evolveCertificationWindow(row: CertificationWindowJson | null, stored: StoredEvent): CertificationWindowJson | null {
  const uscc = usccOfCertificationsStream(stored.streamId);
  // Every event of one certification is in one stream: the writer checks its order on `version`.
  if (uscc === null) return row;
  const event = stored as Stored<CertificationEvent>;
  const recordedAt = event.recordedAt.toISOString();
  const touched = { updated_at: recordedAt, version: event.streamPosition };
  switch (event.type) {
    case CERTIFICATION_GRANTED: {
      if (row !== null) return row;
      const d = event.data;
      return {
        certification_id: d.certificationId,
        uscc,
        type: d.type,
        level: d.level,
        batch: d.batch,
        document_number: d.documentNumber,
        announced_on: d.announcedOn,
        valid_from: d.validFrom,
        granted_valid_to: d.validTo,
        valid_to: d.validTo,
        revoked_from: null,
        revocation_reason: null,
        recorded_at: recordedAt,
        ...touched,
        history: [],
      };
    }
    case CERTIFICATION_RENEWED: {
      if (row === null) return null;
      const { batch, announcedOn, validTo } = event.data;
      return { ...row, valid_to: validTo, ...touched, history: [...row.history, { change: 'renewed', batch, announcedOn, validTo, recordedAt }] };
    }
    case CERTIFICATION_REVOKED: {
      if (row === null) return null;
      const { effectiveFrom, reason } = event.data;
      const change: CertificationChange = { change: 'revoked', effectiveFrom, reason, recordedAt };
      return { ...row, revoked_from: effectiveFrom, revocation_reason: reason, ...touched, history: [...row.history, change] };
    }
    default:
      return row;
  }
}

const certificationIdOf = (event: StoredEvent): string | null => {
  const id = (event.data as { certificationId?: unknown }).certificationId;
  return usccOfCertificationsStream(event.streamId) !== null && typeof id === 'string' ? id : null;
};

/** 资质有效期: one row per certification with its window after renewals and any revocation. */
@Injectable()
@ReadModelProjection()
export class CertificationWindowsProjection extends RowProjection<CertificationWindowJson> {
  constructor() {
    super({
      name: 'certification-windows',
      // Bump when evolveCertificationWindow changes: the worker then rebuilds the table from the log.
      version: 1,
      handles: CERTIFICATION_EVENT_TYPES,
      table: 'certification_windows',
      keyColumn: 'certification_id',
      columns: {
        certification_id: 'text',
        uscc: 'text',
        type: 'text',
        level: 'text',
        batch: 'text',
        document_number: 'text',
        announced_on: 'date',
        valid_from: 'date',
        granted_valid_to: 'date',
        valid_to: 'date',
        revoked_from: 'date',
        revocation_reason: 'text',
        recorded_at: 'timestamptz',
        updated_at: 'timestamptz',
        version: 'integer',
        history: 'jsonb',
      },
      rowKey: certificationIdOf,
      streamPositionColumn: 'version',
      evolve: evolveCertificationWindow,
    });
  }
}
