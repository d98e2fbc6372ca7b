import { DomainError, type DomainErrorKind } from '@app/event-store';

export class EnterpriseAlreadyRegisteredError extends DomainError {
  readonly code = 'ENTERPRISE_ALREADY_REGISTERED';
  override readonly kind: DomainErrorKind = 'conflict';

  constructor(uscc: string, name: string) {
    super(`Enterprise ${uscc} is already registered (as ${name})`, { uscc, name });
  }
}

export class EnterpriseNotFoundError extends DomainError {
  readonly code = 'ENTERPRISE_NOT_FOUND';
  override readonly kind: DomainErrorKind = 'not_found';

  constructor(uscc: string) {
    super(`No enterprise is registered with USCC ${uscc}`, { uscc });
  }
}

/** Input the HTTP layer should already have refused; the decider checks again so no path can store it. */
export class InvalidEnterpriseDataError extends DomainError {
  readonly code = 'INVALID_ENTERPRISE_DATA';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`, { field });
  }
}

/** A change to what is already current, that is not a repeat of the last change. */
export class NothingChangesError extends DomainError {
  readonly code = 'NOTHING_CHANGES';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(what: 'name' | 'address', current: string) {
    super(`The enterprise's ${what} is already ${current}`, { field: what, current });
  }
}

export class EffectiveDateError extends DomainError {
  readonly code = 'INVALID_EFFECTIVE_DATE';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(message: string, details: Record<string, unknown>) {
    super(message, { field: 'effectiveOn', ...details });
  }
}
