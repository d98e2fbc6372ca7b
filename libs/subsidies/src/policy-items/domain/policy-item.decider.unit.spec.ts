import { deciderSpec } from '@app/event-store/testing';
import { InvalidPolicyItem, PolicyItemAlreadyPublished, policyItemDecider, type PolicyItemCommand } from './policy-item.decider';
import type { PolicyItemEvent } from './policy-item.events';

const spec = deciderSpec(policyItemDecider);
const publish = (overrides: Partial<PolicyItemCommand> = {}): PolicyItemCommand => ({
  type: 'PublishPolicyItem', policyItemId: 'item-1', name: '2023年区级研发费用补助', policyYear: 2023, issuingUnit: '区科技局', mode: 'automatic',
  ...overrides,
});
const published: PolicyItemEvent = {
  type: 'PolicyItemPublished',
  data: { policyItemId: 'item-1', name: '2023年区级研发费用补助', policyYear: 2023, issuingUnit: '区科技局', mode: 'automatic' },
};

describe('policy item decider', () => {
  it('publishes an item', () => spec.given([]).when(publish()).then([published]));
  it('a retried publication with the same details decides nothing', () => spec.given([published]).when(publish()).then([]));
  it('refuses to publish the same id with other details', () => {
    spec.given([published]).when(publish({ mode: 'application' })).thenThrows(PolicyItemAlreadyPublished, 'item-1');
  });
  it.each([1999, 2101, 2023.5])('refuses policy year %p', (policyYear) => {
    spec.given([]).when(publish({ policyYear })).thenThrows(InvalidPolicyItem, 'policyYear');
  });
});
