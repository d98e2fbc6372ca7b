import { DomainError } from '@app/event-store';
import type { SubsidyStatus } from './subsidy.state';

export class SubsidyCaseNotFound extends DomainError {
  readonly code = 'SUBSIDY_CASE_NOT_FOUND';
  override readonly kind = 'not_found';
  constructor(caseId: string) {
    super(`No subsidy case ${caseId}`);
  }
}

export class PolicyItemNotFound extends DomainError {
  readonly code = 'POLICY_ITEM_NOT_FOUND';
  override readonly kind = 'invalid';
  constructor(policyItemId: string) {
    super(`No policy item ${policyItemId} is published`, { field: 'policyItemId' });
  }
}

export class SubsidyCaseAlreadyOpen extends DomainError {
  readonly code = 'SUBSIDY_CASE_ALREADY_OPEN';
  constructor(status: SubsidyStatus) {
    super(`This enterprise already has a case for this policy item (${status})`, { status });
  }
}

/** 免申即享 items are matched by the bureau; 申报 items need the enterprise's application. */
export class WrongPolicyMode extends DomainError {
  readonly code = 'WRONG_POLICY_MODE';
  constructor(action: string, mode: string) {
    super(`Cannot ${action} for a policy item in mode ${mode}: ${mode === 'automatic' ? '免申即享 items are matched, not applied for' : '申报 items need an application'}`, {
      mode,
    });
  }
}

/** The lifecycle does not allow this step now, e.g. announcing before review or paying before approval. */
export class IllegalSubsidyTransition extends DomainError {
  readonly code = 'ILLEGAL_SUBSIDY_TRANSITION';
  constructor(action: string, status: SubsidyStatus, why: string) {
    super(`Cannot ${action} a subsidy case that is ${status}: ${why}`, { status, action });
  }
}

/** Amounts are whole 分, positive, and small enough to add exactly. */
export class InvalidSubsidyAmount extends DomainError {
  readonly code = 'INVALID_AMOUNT';
  override readonly kind = 'invalid';
  constructor(field: string, value: number) {
    super(`${field} must be a positive whole number of 分 (fen), not ${value}`, { field });
  }
}

export class InvalidSubsidyDates extends DomainError {
  readonly code = 'INVALID_DATES';
  override readonly kind = 'invalid';
}

export class DisbursementExceedsApproved extends DomainError {
  readonly code = 'DISBURSEMENT_EXCEEDS_APPROVED';
  constructor(amountFen: number, remainderFen: number) {
    super(`A disbursement of ${amountFen} 分 exceeds the approved remainder of ${remainderFen} 分`, { amountFen, remainderFen });
  }
}

export class PaymentBeforePublicityEnds extends DomainError {
  readonly code = 'PAYMENT_BEFORE_PUBLICITY_ENDS';
  constructor(paidOn: string, publicityTo: string) {
    super(`Payment on ${paidOn} is not after the 公示 period, which ends on ${publicityTo}`, { paidOn, publicityTo });
  }
}

export class DisbursementIdReused extends DomainError {
  readonly code = 'DISBURSEMENT_ID_REUSED';
  constructor(disbursementId: string) {
    super(`Disbursement ${disbursementId} is recorded already with another amount or date`, { disbursementId });
  }
}

export class RecoveryExceedsPaid extends DomainError {
  readonly code = 'RECOVERY_EXCEEDS_PAID';
  constructor(amountFen: number, recoverableFen: number, recoveredOn: string) {
    super(`Cannot recover ${amountFen} 分 on ${recoveredOn}: only ${recoverableFen} 分 had been paid by then and not recovered`, {
      amountFen,
      recoverableFen,
      recoveredOn,
    });
  }
}
