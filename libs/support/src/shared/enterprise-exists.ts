import { DomainError, type EventStore } from '@app/event-store';

export class EnterpriseNotRegistered extends DomainError {
  readonly code = 'ENTERPRISE_NOT_REGISTERED';
  override readonly kind = 'invalid';
  constructor(uscc: string) {
    super(`No enterprise with USCC ${uscc} is registered; register it first`, { field: 'enterpriseUscc' });
  }
}

/** Checked against the log, not a read model: an enterprise registered a moment ago already counts. */
export async function assertEnterpriseRegistered(store: EventStore, uscc: string): Promise<void> {
  if ((await store.streamVersion(`enterprise-${uscc}`)) === 0) throw new EnterpriseNotRegistered(uscc);
}
