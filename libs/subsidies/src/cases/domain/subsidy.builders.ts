/*
 * Test data for the subsidy decider: event histories named after lifecycle states. The case is for
 * 2023 policy money, approved at 100,000.00 元 (10,000,000 分), 公示 1–7 March 2024.
 */
import { SubsidyEventTypes as T, type SubsidyEvent } from './subsidy.events';

export const CASE_ID = '6f1c2a9e-0000-4000-8000-000000000001';
export const USCC = '91330100MA00000011';
export const POLICY_ITEM_ID = 'item-2023-rd';
export const POLICY_YEAR = 2023;
export const APPROVED_FEN = 10_000_000;
export const PUBLICITY = { from: '2024-03-01', to: '2024-03-07' } as const;
export const TAGS = { enterpriseUscc: USCC, policyItemId: POLICY_ITEM_ID, policyYear: POLICY_YEAR };

const day = (date: string) => `${date}T00:00:00+08:00`;
const opened = { caseId: CASE_ID, enterpriseUscc: USCC, policyItemId: POLICY_ITEM_ID, policyYear: POLICY_YEAR };

export const subsidyEvents = {
  matched: (): SubsidyEvent => ({ type: T.Matched, businessTime: day('2024-01-10'), data: { ...opened, matchedOn: '2024-01-10' } }),
  applied: (): SubsidyEvent => ({ type: T.Applied, businessTime: day('2024-01-10'), data: { ...opened, appliedOn: '2024-01-10' } }),
  approved: (approvedAmountFen = APPROVED_FEN): SubsidyEvent => ({
    type: T.Approved, businessTime: day('2024-02-20'), data: { approvedAmountFen, reviewedOn: '2024-02-20' },
  }),
  rejected: (): SubsidyEvent => ({ type: T.Rejected, businessTime: day('2024-02-20'), data: { reason: '研发投入不足', reviewedOn: '2024-02-20' } }),
  announced: (): SubsidyEvent => ({ type: T.Announced, businessTime: day(PUBLICITY.from), data: { ...PUBLICITY } }),
  disbursed: (disbursementId: string, amountFen: number, paidOn = '2024-03-15'): SubsidyEvent => ({
    type: T.Disbursed, businessTime: day(paidOn), data: { ...TAGS, disbursementId, amountFen, paidOn },
  }),
  recovered: (amountFen: number, recoveredOn = '2024-06-03', reason = '虚报研发费用'): SubsidyEvent => ({
    type: T.Recovered, businessTime: day(recoveredOn), data: { ...TAGS, amountFen, recoveredOn, reason },
  }),
};

const e = subsidyEvents;
export const givenMatchedCase = (): SubsidyEvent[] => [e.matched()];
export const givenAppliedCase = (): SubsidyEvent[] => [e.applied()];
export const givenRejectedCase = (): SubsidyEvent[] => [e.applied(), e.rejected()];
export const givenApprovedCase = (): SubsidyEvent[] => [e.matched(), e.approved()];
export const givenAnnouncedCase = (): SubsidyEvent[] => [...givenApprovedCase(), e.announced()];
/** 60,000.00 元 of 100,000.00 元 paid: 40,000.00 元 remain. */
export const givenPartiallyPaidCase = (): SubsidyEvent[] => [...givenAnnouncedCase(), e.disbursed('PAY-1', 6_000_000)];
export const givenPaidCase = (): SubsidyEvent[] => [...givenPartiallyPaidCase(), e.disbursed('PAY-2', 4_000_000, '2024-04-01')];
