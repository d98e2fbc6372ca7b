import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { SubsidyEventTypes as T, type SubsidyEvent } from '../domain/subsidy.events';

export interface PaymentRecord extends Record<string, unknown> {
  payment_id: string;
  case_id: string;
  enterprise_uscc: string;
  policy_item_id: string;
  policy_year: number;
  kind: 'disbursement' | 'recovery';
  amount_fen: number;
  business_date: string;
  disbursement_id: string | null;
  reason: string | null;
  recorded_at: string;
}

const caseIdOf = (streamId: string) => streamId.slice('subsidy-'.length);

/** A payment row never changes once written: a later event about the same case makes a row of its own. */
export function evolvePayment(row: PaymentRecord | null, stored: StoredEvent): PaymentRecord | null {
  const event = stored as unknown as StoredEvent & SubsidyEvent;
  const base = { payment_id: paymentKey(stored), case_id: caseIdOf(stored.streamId), recorded_at: stored.recordedAt.toISOString() };
  switch (event.type) {
    case T.Disbursed: {
      const d = event.data;
      return row ?? {
        ...base, enterprise_uscc: d.enterpriseUscc, policy_item_id: d.policyItemId, policy_year: d.policyYear, kind: 'disbursement',
        amount_fen: d.amountFen, business_date: d.paidOn, disbursement_id: d.disbursementId, reason: null,
      };
    }
    case T.Recovered: {
      const d = event.data;
      return row ?? {
        ...base, enterprise_uscc: d.enterpriseUscc, policy_item_id: d.policyItemId, policy_year: d.policyYear, kind: 'recovery',
        amount_fen: d.amountFen, business_date: d.recoveredOn, disbursement_id: null, reason: d.reason,
      };
    }
    default:
      return row;
  }
}

function paymentKey(e: StoredEvent): string {
  return `${caseIdOf(e.streamId)}:${e.streamPosition}`;
}

@Injectable()
@ReadModelProjection()
export class SubsidyPaymentsProjection extends RowProjection<PaymentRecord> {
  constructor() {
    super({
      name: 'subsidy-payments',
      version: 1,
      handles: [T.Disbursed, T.Recovered],
      table: 'subsidy_payments',
      keyColumn: 'payment_id',
      columns: {
        payment_id: 'text', case_id: 'text', enterprise_uscc: 'text', policy_item_id: 'text', policy_year: 'integer', kind: 'text',
        amount_fen: 'bigint', business_date: 'date', disbursement_id: 'text', reason: 'text', recorded_at: 'timestamptz',
      },
      rowKey: (e) => (e.streamId.startsWith('subsidy-') && (e.type === T.Disbursed || e.type === T.Recovered) ? paymentKey(e) : null),
      evolve: evolvePayment,
    });
  }
}
