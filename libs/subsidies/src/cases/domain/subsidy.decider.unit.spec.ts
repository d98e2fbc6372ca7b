import { deciderSpec } from '@app/event-store/testing';
import {
  APPROVED_FEN, CASE_ID, POLICY_ITEM_ID, POLICY_YEAR, PUBLICITY, USCC, givenAnnouncedCase, givenAppliedCase, givenApprovedCase,
  givenMatchedCase, givenPaidCase, givenPartiallyPaidCase, givenRejectedCase, subsidyEvents as e,
} from './subsidy.builders';
import type { PolicyItemFacts, SubsidyCommand } from './subsidy.commands';
import { subsidyDecider } from './subsidy.decider';
import {
  DisbursementExceedsApproved, DisbursementIdReused, IllegalSubsidyTransition, InvalidSubsidyAmount, InvalidSubsidyDates,
  PaymentBeforePublicityEnds, PolicyItemNotFound, RecoveryExceedsPaid, SubsidyCaseAlreadyOpen, SubsidyCaseNotFound, WrongPolicyMode,
} from './subsidy.errors';
import { evolveSubsidy, initialSubsidyState } from './subsidy.state';

const spec = deciderSpec(subsidyDecider);
const automatic: PolicyItemFacts = { policyItemId: POLICY_ITEM_ID, policyYear: POLICY_YEAR, mode: 'automatic' };
const application: PolicyItemFacts = { ...automatic, mode: 'application' };
const open = (type: 'MatchSubsidy' | 'ApplyForSubsidy', policyItem: PolicyItemFacts | null): SubsidyCommand => ({
  type, caseId: CASE_ID, enterpriseUscc: USCC, policyItemId: POLICY_ITEM_ID, policyItem, on: '2024-01-10',
});
const cmd = {
  match: (item: PolicyItemFacts | null = automatic) => open('MatchSubsidy', item),
  apply: (item: PolicyItemFacts | null = application) => open('ApplyForSubsidy', item),
  approve: (approvedAmountFen = APPROVED_FEN): SubsidyCommand => ({ type: 'ApproveSubsidy', approvedAmountFen, on: '2024-02-20' }),
  reject: (): SubsidyCommand => ({ type: 'RejectSubsidy', reason: '研发投入不足', on: '2024-02-20' }),
  announce: (from: string = PUBLICITY.from, to: string = PUBLICITY.to): SubsidyCommand => ({ type: 'AnnounceSubsidy', from, to }),
  disburse: (amountFen: number, paidOn = '2024-03-15', disbursementId = 'PAY-1'): SubsidyCommand => ({
    type: 'DisburseSubsidy', disbursementId, amountFen, paidOn,
  }),
  recover: (amountFen: number, recoveredOn = '2024-06-03'): SubsidyCommand => ({ type: 'RecoverSubsidy', amountFen, recoveredOn, reason: '虚报研发费用' }),
};

describe('subsidy decider', () => {
  describe('opening a case: 免申即享 items are matched, 申报 items applied for', () => {
    it('matches an enterprise to an automatic item, stamping the day in Asia/Shanghai', () => {
      spec.given([]).when(cmd.match()).then([e.matched()]);
      expect(e.matched().businessTime).toBe('2024-01-10T00:00:00+08:00');
    });
    it('records an application to an application item', () => spec.given([]).when(cmd.apply()).then([e.applied()]));
    it('refuses to apply for a 免申即享 item', () => spec.given([]).when(cmd.apply(automatic)).thenThrows(WrongPolicyMode, /免申即享/));
    it('refuses to match an 申报 item', () => spec.given([]).when(cmd.match(application)).thenThrows(WrongPolicyMode, /application/));
    it('refuses an unpublished policy item', () => spec.given([]).when(cmd.match(null)).thenThrows(PolicyItemNotFound, POLICY_ITEM_ID));
    it('a repeated match decides nothing (one case per enterprise and item)', () => spec.given(givenMatchedCase()).when(cmd.match()).then([]));
    it('a repeated application decides nothing', () => spec.given(givenAppliedCase()).when(cmd.apply()).then([]));
    it('a repeated match finds its case however far along, and decides nothing', () => {
      spec.given(givenPaidCase()).when(cmd.match()).then([]);
    });
    it('refuses to open a case the other way round (the item changed mode under it)', () => {
      spec.given([...givenAppliedCase(), e.approved()]).when(cmd.match()).thenThrows(SubsidyCaseAlreadyOpen, /approved/);
    });
  });

  describe('every later step needs an open case', () => {
    for (const [name, command] of Object.entries({
      approve: cmd.approve(), reject: cmd.reject(), announce: cmd.announce(), disburse: cmd.disburse(1), recover: cmd.recover(1),
    })) {
      it(`${name} on no case is not found`, () => spec.given([]).when(command).thenThrows(SubsidyCaseNotFound));
    }
  });

  describe('review', () => {
    it('approves an amount in 分', () => spec.given(givenAppliedCase()).when(cmd.approve()).then([e.approved()]));
    it('rejects with the reason', () => spec.given(givenMatchedCase()).when(cmd.reject()).then([e.rejected()]));
    it.each([0, -100, 10.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])('refuses to approve %p 分', (amount) => {
      spec.given(givenMatchedCase()).when(cmd.approve(amount)).thenThrows(InvalidSubsidyAmount, 'approvedAmountFen');
    });
    it('refuses to review twice', () => {
      spec.given(givenApprovedCase()).when(cmd.approve()).thenThrows(IllegalSubsidyTransition, /reviewed already/);
      spec.given(givenRejectedCase()).when(cmd.reject()).thenThrows(IllegalSubsidyTransition, /rejected/);
    });
  });

  describe('公示', () => {
    it('announces an approved case', () => spec.given(givenApprovedCase()).when(cmd.announce()).then([e.announced()]));
    it('refuses to announce before review, after rejection, or twice', () => {
      spec.given(givenMatchedCase()).when(cmd.announce()).thenThrows(IllegalSubsidyTransition, /matched/);
      spec.given(givenRejectedCase()).when(cmd.announce()).thenThrows(IllegalSubsidyTransition, /rejected/);
      spec.given(givenAnnouncedCase()).when(cmd.announce()).thenThrows(IllegalSubsidyTransition, /announced/);
    });
    it('refuses a period that ends before it starts', () => {
      spec.given(givenApprovedCase()).when(cmd.announce('2024-03-07', '2024-03-01')).thenThrows(InvalidSubsidyDates, /before it starts/);
    });
  });

  describe('disbursement', () => {
    it('pays part of the approved amount after the 公示 ends, tagged with enterprise, item and policy year', () => {
      spec.given(givenAnnouncedCase()).when(cmd.disburse(6_000_000)).then([e.disbursed('PAY-1', 6_000_000)]);
    });
    it('pays exactly the remainder', () => {
      spec.given(givenPartiallyPaidCase()).when(cmd.disburse(4_000_000, '2024-04-01', 'PAY-2')).then([e.disbursed('PAY-2', 4_000_000, '2024-04-01')]);
    });
    it('refuses one 分 above the approved remainder', () => {
      spec.given(givenPartiallyPaidCase()).when(cmd.disburse(4_000_001, '2024-04-01', 'PAY-2'))
        .thenThrows(DisbursementExceedsApproved, 'exceeds the approved remainder of 4000000 分');
      spec.given(givenAnnouncedCase()).when(cmd.disburse(APPROVED_FEN + 1)).thenThrows(DisbursementExceedsApproved);
    });
    it('refuses anything once paid in full', () => {
      spec.given(givenPaidCase()).when(cmd.disburse(1, '2024-05-01', 'PAY-3')).thenThrows(IllegalSubsidyTransition, /nothing remains/);
    });
    it.each([0, -1, 0.5, 1e16])('refuses %p 分', (amount) => {
      spec.given(givenAnnouncedCase()).when(cmd.disburse(amount)).thenThrows(InvalidSubsidyAmount, 'amountFen');
    });
    it('refuses a payment dated within the 公示, including its last day', () => {
      spec.given(givenAnnouncedCase()).when(cmd.disburse(100, '2024-03-07')).thenThrows(PaymentBeforePublicityEnds, 'ends on 2024-03-07');
      spec.given(givenAnnouncedCase()).when(cmd.disburse(100, '2024-02-28')).thenThrows(PaymentBeforePublicityEnds);
      spec.given(givenAnnouncedCase()).when(cmd.disburse(100, '2024-03-08')).then([e.disbursed('PAY-1', 100, '2024-03-08')]);
    });
    it('refuses to pay before approval or before 公示', () => {
      spec.given(givenMatchedCase()).when(cmd.disburse(100)).thenThrows(IllegalSubsidyTransition, /not been approved/);
      spec.given(givenApprovedCase()).when(cmd.disburse(100)).thenThrows(IllegalSubsidyTransition, /公示/);
      spec.given(givenRejectedCase()).when(cmd.disburse(100)).thenThrows(IllegalSubsidyTransition, /rejected/);
    });
    it('the same disbursement reported again decides nothing; its id with other figures is refused', () => {
      spec.given(givenPartiallyPaidCase()).when(cmd.disburse(6_000_000)).then([]);
      spec.given(givenPaidCase()).when(cmd.disburse(6_000_000)).then([]);
      spec.given(givenPartiallyPaidCase()).when(cmd.disburse(5_000_000)).thenThrows(DisbursementIdReused, 'PAY-1');
    });
  });

  describe('追回 (recovery)', () => {
    it('recovers part of what was paid', () => spec.given(givenPartiallyPaidCase()).when(cmd.recover(1_000_000)).then([e.recovered(1_000_000)]));
    it('recovers all that was paid, net of earlier recoveries, and not one 分 more', () => {
      spec.given([...givenPaidCase(), e.recovered(4_000_000)]).when(cmd.recover(6_000_000)).then([e.recovered(6_000_000)]);
      spec.given([...givenPaidCase(), e.recovered(4_000_000)]).when(cmd.recover(6_000_001)).thenThrows(RecoveryExceedsPaid, 'only 6000000 分');
      spec.given(givenPartiallyPaidCase()).when(cmd.recover(6_000_001)).thenThrows(RecoveryExceedsPaid);
    });
    it('refuses to recover when nothing was paid', () => {
      spec.given(givenAnnouncedCase()).when(cmd.recover(1)).thenThrows(IllegalSubsidyTransition, /nothing has been paid/);
    });
    it.each([0, -5, 1.25])('refuses to recover %p 分', (amount) => {
      spec.given(givenPartiallyPaidCase()).when(cmd.recover(amount)).thenThrows(InvalidSubsidyAmount);
    });
    it('bounds a recovery by what had been paid by its own date, not by later payments', () => {
      // Paid 60,000 元 on 15 March and 40,000 元 on 1 April: on 20 March only the first payment can be recovered.
      spec.given(givenPaidCase()).when(cmd.recover(6_000_001, '2024-03-20')).thenThrows(RecoveryExceedsPaid, /only 6000000 分 had been paid by then/);
      spec.given(givenPaidCase()).when(cmd.recover(6_000_000, '2024-03-20')).then([e.recovered(6_000_000, '2024-03-20')]);
      spec.given(givenPaidCase()).when(cmd.recover(10_000_000, '2024-04-01')).then([e.recovered(10_000_000, '2024-04-01')]);
    });
    it('refuses a back-dated recovery that would push a later one past what had been paid by then', () => {
      // 60,000 元 recovered on 25 March (all that had been paid by then): nothing more can be recovered before 1 April.
      const history = [...givenPaidCase(), e.recovered(6_000_000, '2024-03-25')];
      spec.given(history).when(cmd.recover(1, '2024-03-20')).thenThrows(RecoveryExceedsPaid, /only 0 分/);
      spec.given(history).when(cmd.recover(4_000_000, '2024-04-02')).then([e.recovered(4_000_000, '2024-04-02')]);
    });
    it('refuses a recovery dated before the first payment', () => {
      spec.given(givenPartiallyPaidCase()).when(cmd.recover(100, '2024-03-14')).thenThrows(InvalidSubsidyDates, /first payment on 2024-03-15/);
    });
  });

  describe('no money moves, and no 公示 starts, on a day that has not come', () => {
    const today = '2024-03-20';
    it('refuses a 公示 that starts after today, and accepts one running past it', () => {
      spec.given(givenApprovedCase()).when({ type: 'AnnounceSubsidy', from: '2024-03-21', to: '2024-03-28', today }).thenThrows(InvalidSubsidyDates, /from \(2024-03-21\) is in the future/);
      spec.given(givenApprovedCase()).when({ type: 'AnnounceSubsidy', from: today, to: '2024-03-27', today }).then([
        { type: 'SubsidyAnnounced', businessTime: '2024-03-20T00:00:00+08:00', data: { from: today, to: '2024-03-27' } },
      ]);
    });
    it('refuses a payment dated tomorrow', () => {
      spec.given(givenAnnouncedCase()).when({ type: 'DisburseSubsidy', disbursementId: 'PAY-1', amountFen: 1, paidOn: '2024-03-21', today }).thenThrows(InvalidSubsidyDates, /paidOn/);
      spec.given(givenAnnouncedCase()).when({ type: 'DisburseSubsidy', disbursementId: 'PAY-1', amountFen: 1, paidOn: today, today }).then([e.disbursed('PAY-1', 1, today)]);
    });
    it('refuses a recovery dated tomorrow', () => {
      spec.given(givenPartiallyPaidCase()).when({ type: 'RecoverSubsidy', amountFen: 1, recoveredOn: '2024-03-21', reason: '虚报研发费用', today }).thenThrows(InvalidSubsidyDates, /recoveredOn/);
    });
  });

  it('evolve folds the totals and status', () => {
    const state = [...givenPaidCase(), e.recovered(250)].reduce(evolveSubsidy, initialSubsidyState());
    expect(state).toMatchObject({ status: 'paid', approvedFen: APPROVED_FEN, paidFen: APPROVED_FEN, recoveredFen: 250, publicityTo: '2024-03-07' });
  });
});
