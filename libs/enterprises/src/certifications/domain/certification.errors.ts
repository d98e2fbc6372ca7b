import { DomainError, type DomainErrorKind } from '@app/event-store';

/** A field the rules refuse: unknown type or level, a malformed date, a validTo beyond the type's rule. */
export class InvalidCertificationError extends DomainError {
  readonly code = 'INVALID_CERTIFICATION';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`, { field });
  }
}

export class CertificationDatesOutOfOrderError extends DomainError {
  readonly code = 'CERTIFICATION_DATES_OUT_OF_ORDER';
  override readonly kind: DomainErrorKind = 'invalid';

  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
  }
}

export class CertificationNotFoundError extends DomainError {
  readonly code = 'CERTIFICATION_NOT_FOUND';
  override readonly kind: DomainErrorKind = 'not_found';

  constructor(certificationId: string) {
    super(`No certification ${certificationId} is recorded for this enterprise`, { certificationId });
  }
}

/** The same certification id (same uscc, type, level, batch) with different data. */
export class CertificationAlreadyGrantedError extends DomainError {
  readonly code = 'CERTIFICATION_ALREADY_GRANTED';
  override readonly kind: DomainErrorKind = 'conflict';

  constructor(certificationId: string, differs: string[]) {
    super(`Certification ${certificationId} is already granted with other ${differs.join(', ')}`, { certificationId, differs });
  }
}

export class OverlappingCertificationError extends DomainError {
  readonly code = 'OVERLAPPING_CERTIFICATION';
  override readonly kind: DomainErrorKind = 'conflict';

  constructor(existing: { certificationId: string; batch: string; validFrom: string; validTo: string }, renewable: boolean) {
    const hint = renewable ? '; a passed 复核 is a renewal of that certification, not a new grant' : '';
    super(
      `The enterprise already holds this certification (${existing.batch}, ${existing.validFrom}–${existing.validTo}) for part of that window${hint}`,
      { existing },
    );
  }
}

export class CertificationNotRenewableError extends DomainError {
  readonly code = 'CERTIFICATION_NOT_RENEWABLE';
  override readonly kind: DomainErrorKind = 'conflict';

  constructor(typeName: string) {
    super(`${typeName} has no 复核: the enterprise re-applies, and a new grant is recorded`, { typeName });
  }
}

export class CertificationRevokedError extends DomainError {
  readonly code = 'CERTIFICATION_REVOKED';
  override readonly kind: DomainErrorKind = 'conflict';

  constructor(certificationId: string, effectiveFrom: string) {
    super(`Certification ${certificationId} was revoked from ${effectiveFrom}`, { certificationId, revokedFrom: effectiveFrom });
  }
}
