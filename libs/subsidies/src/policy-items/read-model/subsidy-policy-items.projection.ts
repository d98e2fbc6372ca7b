import { Injectable } from '@nestjs/common';
import { ReadModelProjection, RowProjection, type StoredEvent } from '@app/event-store';
import { POLICY_ITEM_PUBLISHED, type PolicyItemEvent } from '../domain/policy-item.events';

export interface PolicyItemRecord extends Record<string, unknown> {
  policy_item_id: string;
  name: string;
  policy_year: number;
  issuing_unit: string;
  mode: string;
  published_at: string;
}

export function evolvePolicyItemRow(row: PolicyItemRecord | null, stored: StoredEvent): PolicyItemRecord | null {
  const event = stored as unknown as StoredEvent & PolicyItemEvent;
  if (event.type !== POLICY_ITEM_PUBLISHED) return row;
  const d = event.data;
  return {
    policy_item_id: d.policyItemId,
    name: d.name,
    policy_year: d.policyYear,
    issuing_unit: d.issuingUnit,
    mode: d.mode,
    published_at: stored.recordedAt.toISOString(),
  };
}

@Injectable()
@ReadModelProjection()
export class SubsidyPolicyItemsProjection extends RowProjection<PolicyItemRecord> {
  constructor() {
    super({
      name: 'subsidy-policy-items',
      version: 1,
      handles: [POLICY_ITEM_PUBLISHED],
      table: 'subsidy_policy_items',
      keyColumn: 'policy_item_id',
      columns: { policy_item_id: 'text', name: 'text', policy_year: 'integer', issuing_unit: 'text', mode: 'text', published_at: 'timestamptz' },
      rowKey: (e) => (e.streamId.startsWith('policy-item-') ? e.streamId.slice('policy-item-'.length) : null),
      evolve: evolvePolicyItemRow,
    });
  }
}
