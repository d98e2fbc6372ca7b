import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { VisitEventTypes as T, type VisitEvent } from '../domain/visit.events';

export interface VisitRecord extends Record<string, unknown> {
  visit_id: string;
  enterprise_uscc: string;
  visited_on: string;
  caseworker_ids: string[];
  form: string;
  notes: string;
  problem_ids: string[];
  voided_on: string | null;
  void_reason: string | null;
  /** When the void was recorded: from this instant the visit counts in no period (knownAt before it still shows it). */
  voided_at: string | null;
  logged_at: string;
  logged_by: string | null;
}

export function evolveVisit(row: VisitRecord | null, stored: StoredEvent): VisitRecord | null {
  const event = stored as unknown as StoredEvent & VisitEvent;
  switch (event.type) {
    case T.Logged: {
      const d = event.data;
      return {
        visit_id: d.visitId,
        enterprise_uscc: d.enterpriseUscc,
        visited_on: d.visitedOn,
        caseworker_ids: d.caseworkerIds,
        form: d.form,
        notes: d.notes,
        problem_ids: d.problemIds,
        voided_on: null,
        void_reason: null,
        voided_at: null,
        logged_at: stored.recordedAt.toISOString(),
        logged_by: (stored.metadata.actorId as string | undefined) ?? null,
      };
    }
    case T.Voided:
      return row && { ...row, voided_on: event.data.voidedOn, void_reason: event.data.reason, voided_at: stored.recordedAt.toISOString() };
    default:
      return row;
  }
}

@Injectable()
@ReadModelProjection()
export class VisitsProjection extends RowProjection<VisitRecord> {
  constructor() {
    super({
      name: 'visits',
      version: 2, // 2: voided_at
      handles: Object.values(T),
      table: 'visits',
      keyColumn: 'visit_id',
      columns: {
        visit_id: 'text',
        enterprise_uscc: 'text',
        visited_on: 'date',
        caseworker_ids: 'jsonb',
        form: 'text',
        notes: 'text',
        problem_ids: 'jsonb',
        voided_on: 'date',
        void_reason: 'text',
        voided_at: 'timestamptz',
        logged_at: 'timestamptz',
        logged_by: 'text',
      },
      rowKey: (e) => (e.streamId.startsWith('visit-') ? e.streamId.slice('visit-'.length) : null),
      evolve: evolveVisit,
    });
  }
}
