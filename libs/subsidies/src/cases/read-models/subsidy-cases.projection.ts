import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { SubsidyEventTypes as T, type SubsidyEvent } from '../domain/subsidy.events';

export interface CaseRecord extends Record<string, unknown> {
  case_id: string;
  enterprise_uscc: string;
  policy_item_id: string;
  policy_year: number;
  origin: 'matched' | 'applied';
  status: string;
  opened_on: string;
  approved_fen: number | null;
  rejection_reason: string | null;
  reviewed_on: string | null;
  publicity_from: string | null;
  publicity_to: string | null;
  paid_fen: number;
  recovered_fen: number;
  payment_count: number;
  last_paid_on: string | null;
  version: number;
  updated_at: string;
}

function change(row: CaseRecord, event: StoredEvent & SubsidyEvent): Partial<CaseRecord> {
  switch (event.type) {
    case T.Approved:
      return { status: 'approved', approved_fen: event.data.approvedAmountFen, reviewed_on: event.data.reviewedOn };
    case T.Rejected:
      return { status: 'rejected', rejection_reason: event.data.reason, reviewed_on: event.data.reviewedOn };
    case T.Announced:
      return { status: 'announced', publicity_from: event.data.from, publicity_to: event.data.to };
    case T.Disbursed: {
      const paid = row.paid_fen + event.data.amountFen;
      const last = row.last_paid_on !== null && row.last_paid_on > event.data.paidOn ? row.last_paid_on : event.data.paidOn;
      return { status: paid >= (row.approved_fen ?? 0) ? 'paid' : 'partially_paid', paid_fen: paid, payment_count: row.payment_count + 1, last_paid_on: last };
    }
    case T.Recovered:
      return { recovered_fen: row.recovered_fen + event.data.amountFen };
    default:
      return {};
  }
}

export function evolveCase(row: CaseRecord | null, stored: StoredEvent): CaseRecord | null {
  const event = stored as unknown as StoredEvent & SubsidyEvent;
  const stamp = { version: stored.streamPosition, updated_at: stored.recordedAt.toISOString() };
  if (event.type === T.Matched || event.type === T.Applied) {
    const d = event.data;
    const origin = event.type === T.Matched ? 'matched' : 'applied';
    return {
      case_id: stored.streamId.slice('subsidy-'.length), enterprise_uscc: d.enterpriseUscc, policy_item_id: d.policyItemId, policy_year: d.policyYear, origin, status: origin,
      opened_on: event.type === T.Matched ? event.data.matchedOn : event.data.appliedOn, approved_fen: null, rejection_reason: null,
      reviewed_on: null, publicity_from: null, publicity_to: null, paid_fen: 0, recovered_fen: 0, payment_count: 0, last_paid_on: null, ...stamp,
    };
  }
  return row && { ...row, ...change(row, event), ...stamp };
}

@Injectable()
@ReadModelProjection()
export class SubsidyCasesProjection extends RowProjection<CaseRecord> {
  constructor() {
    super({
      name: 'subsidy-cases',
      version: 1,
      handles: Object.values(T),
      table: 'subsidy_cases',
      keyColumn: 'case_id',
      columns: {
        case_id: 'text', enterprise_uscc: 'text', policy_item_id: 'text', policy_year: 'integer', origin: 'text', status: 'text',
        opened_on: 'date', approved_fen: 'bigint', rejection_reason: 'text', reviewed_on: 'date', publicity_from: 'date',
        publicity_to: 'date', paid_fen: 'bigint', recovered_fen: 'bigint', payment_count: 'integer', last_paid_on: 'date',
        version: 'integer', updated_at: 'timestamptz',
      },
      rowKey: (e) => (e.streamId.startsWith('subsidy-') ? e.streamId.slice('subsidy-'.length) : null),
      streamPositionColumn: 'version',
      evolve: evolveCase,
    });
  }
}
