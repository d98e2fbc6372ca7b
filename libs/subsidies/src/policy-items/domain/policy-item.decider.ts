import { DomainError, assertNever, type Decider } from '@app/event-store';
import { POLICY_ITEM_PUBLISHED, type PolicyItemEvent, type PolicyItemPublished, type PolicyMode } from './policy-item.events';

export type PolicyItemCommand = {
  type: 'PublishPolicyItem';
  policyItemId: string;
  name: string;
  policyYear: number;
  issuingUnit: string;
  mode: PolicyMode;
};

/** A published item is reference data for every case opened on it; it is never edited in place. */
export type PolicyItemState = PolicyItemPublished['data'] | null;

export class PolicyItemAlreadyPublished extends DomainError {
  readonly code = 'POLICY_ITEM_ALREADY_PUBLISHED';
  constructor(policyItemId: string) {
    super(`Policy item ${policyItemId} is published already with other details`);
  }
}

export class InvalidPolicyItem extends DomainError {
  readonly code = 'INVALID_POLICY_ITEM';
  override readonly kind = 'invalid';
}

export function decidePolicyItem(command: PolicyItemCommand, state: PolicyItemState): PolicyItemEvent[] {
  switch (command.type) {
    case 'PublishPolicyItem': {
      const { policyItemId, name, policyYear, issuingUnit, mode } = command;
      if (!Number.isSafeInteger(policyYear) || policyYear < 2000 || policyYear > 2100) {
        throw new InvalidPolicyItem(`policyYear must be a year between 2000 and 2100, not ${policyYear}`, { field: 'policyYear' });
      }
      const data = { policyItemId, name, policyYear, issuingUnit, mode };
      if (state !== null) {
        // A retried publication with the same details changes nothing; different details are a second item.
        const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => state[k] === data[k]);
        if (same) return [];
        throw new PolicyItemAlreadyPublished(policyItemId);
      }
      return [{ type: POLICY_ITEM_PUBLISHED, data }];
    }
    default:
      return assertNever(command.type, 'policy item command');
  }
}

export function evolvePolicyItem(state: PolicyItemState, event: PolicyItemEvent): PolicyItemState {
  switch (event.type) {
    case POLICY_ITEM_PUBLISHED:
      return event.data;
    default:
      return state;
  }
}

export const policyItemDecider: Decider<PolicyItemCommand, PolicyItemState, PolicyItemEvent> = {
  decide: decidePolicyItem,
  evolve: evolvePolicyItem,
  initialState: () => null,
};
