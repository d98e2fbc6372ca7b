import { DomainError, type RequiredStream } from '@app/event-store';

export class EnterpriseNotRegistered extends DomainError {
  readonly code = 'ENTERPRISE_NOT_REGISTERED';
  override readonly kind = 'invalid';
  constructor(uscc: string) {
    super(`No enterprise with USCC ${uscc} is registered; register it first`, { field: 'enterpriseUscc' });
  }
}

/**
 * A command's requirement that the enterprise is registered, checked against the log (an enterprise registered a
 * moment ago already counts) in the same round trip as the command's own streams.
 */
export const enterpriseRequired = (uscc: string): RequiredStream => ({
  streamId: `enterprise-${uscc}`,
  otherwise: () => new EnterpriseNotRegistered(uscc),
});
