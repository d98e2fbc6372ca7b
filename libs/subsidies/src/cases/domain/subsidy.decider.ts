import { assertNever, type Decider } from '@app/event-store';
import type { SubsidyCommand } from './subsidy.commands';
import {
  DisbursementExceedsApproved,
  DisbursementIdReused,
  IllegalSubsidyTransition,
  InvalidSubsidyAmount,
  InvalidSubsidyDates,
  PaymentBeforePublicityEnds,
  PolicyItemNotFound,
  RecoveryExceedsPaid,
  SubsidyCaseAlreadyOpen,
  SubsidyCaseNotFound,
  WrongPolicyMode,
} from './subsidy.errors';
import { SubsidyEventTypes as T, type SubsidyEvent } from './subsidy.events';
import { evolveSubsidy, initialSubsidyState, type SubsidyState, type SubsidyStatus } from './subsidy.state';

/** Business dates are Asia/Shanghai days; the event's business time is the start of that day there. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

const PAYABLE: SubsidyStatus[] = ['announced', 'partially_paid'];
const PAID: SubsidyStatus[] = ['partially_paid', 'paid'];

function requireStatus(state: SubsidyState, allowed: SubsidyStatus[], action: string, why: string): void {
  if (!allowed.includes(state.status)) throw new IllegalSubsidyTransition(action, state.status, why);
}

/** Integer 分 only: a float here would make every later sum inexact. */
function assertAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidSubsidyAmount(field, value);
}

/** Money moves, and a 公示 starts, on a day that has come (the 公示 may of course end later). */
function assertNotFuture(date: string, today: string | undefined, field: string): void {
  if (today && date > today) throw new InvalidSubsidyDates(`${field} (${date}) is in the future; today is ${today}`, { field });
}

/**
 * What may still be recovered on `recoveredOn`: at that date and at every later recorded recovery, what had
 * been paid by then less what had been recovered by then. Later payments do not make an earlier recovery
 * possible, and a recovery must not push a later one past what had been paid by the later one's date.
 */
export function recoverableOn(state: SubsidyState, recoveredOn: string): number {
  const payments = Object.values(state.disbursements);
  const paidBy = (day: string) => payments.reduce((sum, p) => (p.paidOn <= day ? sum + p.amountFen : sum), 0);
  const recoveredBy = (day: string) => state.recoveries.reduce((sum, r) => (r.recoveredOn <= day ? sum + r.amountFen : sum), 0);
  const checkpoints = [recoveredOn, ...state.recoveries.filter((r) => r.recoveredOn > recoveredOn).map((r) => r.recoveredOn)];
  return Math.min(...checkpoints.map((day) => paidBy(day) - recoveredBy(day)));
}

function decideOpen(command: Extract<SubsidyCommand, { type: 'MatchSubsidy' | 'ApplyForSubsidy' }>, state: SubsidyState): SubsidyEvent[] {
  const { caseId, enterpriseUscc, policyItem, on } = command;
  if (!policyItem) throw new PolicyItemNotFound(command.policyItemId);
  const matching = command.type === 'MatchSubsidy';
  if (policyItem.mode !== (matching ? 'automatic' : 'application')) {
    throw new WrongPolicyMode(matching ? 'match an enterprise' : 'apply', policyItem.mode);
  }
  if (state.status !== 'none') {
    // A re-run of the same 免申即享 matching (or a resent application) finds its case, however far along: nothing to do.
    if (state.origin === (matching ? 'matched' : 'applied')) return [];
    throw new SubsidyCaseAlreadyOpen(state.status);
  }
  const opened = { caseId, enterpriseUscc, policyItemId: policyItem.policyItemId, policyYear: policyItem.policyYear };
  return matching
    ? [{ type: T.Matched, businessTime: dayStart(on), data: { ...opened, matchedOn: on } }]
    : [{ type: T.Applied, businessTime: dayStart(on), data: { ...opened, appliedOn: on } }];
}

export function decideSubsidy(command: SubsidyCommand, state: SubsidyState): SubsidyEvent[] {
  if (command.type === 'MatchSubsidy' || command.type === 'ApplyForSubsidy') return decideOpen(command, state);
  if (state.status === 'none') throw new SubsidyCaseNotFound(state.caseId ?? 'unknown');
  const tags = { enterpriseUscc: state.enterpriseUscc!, policyItemId: state.policyItemId!, policyYear: state.policyYear! };

  switch (command.type) {
    case 'ApproveSubsidy':
      requireStatus(state, ['matched', 'applied'], 'approve', 'it has been reviewed already');
      assertAmount(command.approvedAmountFen, 'approvedAmountFen');
      return [{ type: T.Approved, businessTime: dayStart(command.on), data: { approvedAmountFen: command.approvedAmountFen, reviewedOn: command.on } }];
    case 'RejectSubsidy':
      requireStatus(state, ['matched', 'applied'], 'reject', 'it has been reviewed already');
      return [{ type: T.Rejected, businessTime: dayStart(command.on), data: { reason: command.reason, reviewedOn: command.on } }];
    case 'AnnounceSubsidy':
      requireStatus(state, ['approved'], 'announce', 'only an approved, not yet announced case goes to 公示');
      assertNotFuture(command.from, command.today, 'from');
      if (command.to < command.from) {
        throw new InvalidSubsidyDates(`公示 cannot end (${command.to}) before it starts (${command.from})`, { field: 'to' });
      }
      return [{ type: T.Announced, businessTime: dayStart(command.from), data: { from: command.from, to: command.to } }];
    case 'DisburseSubsidy': {
      const { disbursementId, amountFen, paidOn } = command;
      const earlier = state.disbursements[disbursementId];
      if (earlier) {
        // The same payment reported twice (a re-sent bank file) is one payment.
        if (earlier.amountFen === amountFen && earlier.paidOn === paidOn) return [];
        throw new DisbursementIdReused(disbursementId);
      }
      if (state.status === 'matched' || state.status === 'applied') {
        throw new IllegalSubsidyTransition('pay', state.status, 'it has not been approved');
      }
      requireStatus(state, PAYABLE, 'pay', state.status === 'approved' ? 'it has not been announced (公示)' : 'nothing remains to be paid');
      assertAmount(amountFen, 'amountFen');
      assertNotFuture(paidOn, command.today, 'paidOn');
      if (paidOn <= state.publicityTo!) throw new PaymentBeforePublicityEnds(paidOn, state.publicityTo!);
      const remainder = state.approvedFen! - state.paidFen;
      if (amountFen > remainder) throw new DisbursementExceedsApproved(amountFen, remainder);
      return [{ type: T.Disbursed, businessTime: dayStart(paidOn), data: { ...tags, disbursementId, amountFen, paidOn } }];
    }
    case 'RecoverSubsidy': {
      const { amountFen, recoveredOn, reason } = command;
      requireStatus(state, PAID, 'recover money from', 'nothing has been paid');
      assertAmount(amountFen, 'amountFen');
      assertNotFuture(recoveredOn, command.today, 'recoveredOn');
      if (recoveredOn < state.firstPaidOn!) {
        throw new InvalidSubsidyDates(`A recovery on ${recoveredOn} cannot precede the first payment on ${state.firstPaidOn}`, { field: 'recoveredOn' });
      }
      const recoverable = recoverableOn(state, recoveredOn);
      if (amountFen > recoverable) throw new RecoveryExceedsPaid(amountFen, recoverable, recoveredOn);
      return [{ type: T.Recovered, businessTime: dayStart(recoveredOn), data: { ...tags, amountFen, recoveredOn, reason } }];
    }
    default:
      return assertNever(command, 'subsidy command');
  }
}

export const subsidyDecider: Decider<SubsidyCommand, SubsidyState, SubsidyEvent> = {
  decide: decideSubsidy,
  evolve: evolveSubsidy,
  initialState: initialSubsidyState,
};
