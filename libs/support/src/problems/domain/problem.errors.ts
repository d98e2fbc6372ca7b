import { DomainError } from '@app/event-store';
import type { ProblemStatus } from './problem.state';

export class ProblemNotFound extends DomainError {
  readonly code = 'PROBLEM_NOT_FOUND';
  override readonly kind = 'not_found';
  constructor(problemId: string) {
    super(`No problem ${problemId} is visible to you`);
  }
}

export class ProblemAlreadyRegistered extends DomainError {
  readonly code = 'PROBLEM_ALREADY_REGISTERED';
  constructor(problemId: string) {
    super(`Problem ${problemId} is registered already`);
  }
}

/** The lifecycle does not allow this step now, e.g. closing before a satisfied follow-up. */
export class IllegalProblemTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(action: string, status: ProblemStatus, why: string) {
    super(`Cannot ${action} a problem that is ${status}: ${why}`, { status, action });
  }
}

/** Only the lead unit (or, for progress, a co-unit) may do this. */
export class NotTheHandlingUnit extends DomainError {
  readonly code = 'NOT_THE_HANDLING_UNIT';
  override readonly kind = 'forbidden';
  constructor(action: string) {
    super(`Only the lead handling unit may ${action} this problem`);
  }
}

export class InvalidProblemChange extends DomainError {
  readonly code = 'INVALID_PROBLEM_CHANGE';
  override readonly kind = 'invalid';
}

/** The actor's role may not take this step (belt and braces behind the HTTP role guards). */
export class NotPermitted extends DomainError {
  readonly code = 'NOT_PERMITTED';
  override readonly kind = 'forbidden';
  constructor(action: string, roles: string[]) {
    super(`Only ${roles.join(' or ')} may ${action} a problem`);
  }
}
