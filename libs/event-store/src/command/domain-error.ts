/**
 * A business rule said no. Deciders throw subclasses; the HTTP layer maps `kind` to a status
 * (conflict → 409, not_found → 404, invalid → 400/422, forbidden → 403) without knowing each error.
 */
export type DomainErrorKind = 'conflict' | 'not_found' | 'invalid' | 'forbidden';

export abstract class DomainError extends Error {
  /** Stable, machine-readable reason, e.g. PROBLEM_NOT_RESOLVED. */
  abstract readonly code: string;
  readonly kind: DomainErrorKind = 'conflict';

  constructor(
    message: string,
    /** Extra facts for the caller (current status, allowed transitions …). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
