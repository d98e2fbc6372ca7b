/*
 * Stored event schema of the subsidy case stream (`subsidy-<id>`). Version it, never edit it: a changed
 * payload is a new schemaVersion plus an upcaster. Amounts are integer 分 (fen), never fractions of 元.
 * Dates are business dates 'YYYY-MM-DD' (Asia/Shanghai).
 */
import type { DomainEvent } from '@app/event-store';

export const SubsidyEventTypes = {
  Matched: 'SubsidyMatched',
  Applied: 'SubsidyApplied',
  Approved: 'SubsidyApproved',
  Rejected: 'SubsidyRejected',
  Announced: 'SubsidyAnnounced',
  Disbursed: 'SubsidyDisbursed',
  Recovered: 'SubsidyRecovered',
} as const;
type E<K extends keyof typeof SubsidyEventTypes, D> = DomainEvent<(typeof SubsidyEventTypes)[K], D> & { businessTime: string };

interface Opened {
  caseId: string;
  enterpriseUscc: string;
  policyItemId: string;
  policyYear: number;
}
/**
 * Payments repeat who was paid and under which item and policy year: the payments read model (and any
 * report) then needs no join to tag a payment, and a rebuild cannot mis-tag one.
 */
interface PaymentTags {
  enterpriseUscc: string;
  policyItemId: string;
  policyYear: number;
}

/** 免申即享: the bureau found the enterprise eligible. */
export type SubsidyMatched = E<'Matched', Opened & { matchedOn: string }>;
/** 申报: the enterprise applied. */
export type SubsidyApplied = E<'Applied', Opened & { appliedOn: string }>;
export type SubsidyApproved = E<'Approved', { approvedAmountFen: number; reviewedOn: string }>;
export type SubsidyRejected = E<'Rejected', { reason: string; reviewedOn: string }>;
/** 公示: the approved list is public from `from` to `to` (inclusive); payment only after it ends. */
export type SubsidyAnnounced = E<'Announced', { from: string; to: string }>;
export type SubsidyDisbursed = E<'Disbursed', PaymentTags & { disbursementId: string; amountFen: number; paidOn: string }>;
/** 追回: money paid is reclaimed. */
export type SubsidyRecovered = E<'Recovered', PaymentTags & { amountFen: number; recoveredOn: string; reason: string }>;

export type SubsidyEvent =
  | SubsidyMatched
  | SubsidyApplied
  | SubsidyApproved
  | SubsidyRejected
  | SubsidyAnnounced
  | SubsidyDisbursed
  | SubsidyRecovered;

export const subsidyStreamId = (caseId: string) => `subsidy-${caseId}`;
