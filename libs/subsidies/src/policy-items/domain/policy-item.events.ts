/*
 * Stored event schema of the policy item stream (`policy-item-<id>`). Version it, never edit it: a changed
 * payload is a new schemaVersion plus an upcaster.
 */
import type { DomainEvent } from '@app/event-store';

/** 免申即享: the bureau matches eligible enterprises itself; 申报: the enterprise applies. */
export const POLICY_MODES = ['automatic', 'application'] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

export const POLICY_ITEM_PUBLISHED = 'PolicyItemPublished';

export type PolicyItemPublished = DomainEvent<typeof POLICY_ITEM_PUBLISHED, {
  policyItemId: string;
  name: string;
  /** The policy year the money is for ("2023年区级…"), whatever year it is paid in. */
  policyYear: number;
  issuingUnit: string;
  mode: PolicyMode;
}>;
export type PolicyItemEvent = PolicyItemPublished;

export const policyItemStreamId = (policyItemId: string) => `policy-item-${policyItemId}`;
