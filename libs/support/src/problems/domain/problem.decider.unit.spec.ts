import { HandlingUnitNotUsable, type UnitStanding } from '../../handling-units/domain/handling-unit.errors';
import { deciderSpec } from '@app/event-store/testing';
import {
  CO_UNIT, DAY, DEADLINE, ENTERPRISE_USCC, LEAD_UNIT, REOPEN_DEADLINE, OTHER_UNIT, PROBLEM_ID, caseworker, coUnitHandler, dayStart, givenAcceptedProblem,
  givenAssignedProblem, givenClosedProblem, givenExtensionRequestedProblem, givenFollowedUpProblem, givenInProgressProblem,
  givenMergedProblem, givenRegisteredProblem, givenReopenedProblem, givenResolvedProblem, givenReturnedProblem,
  givenWithdrawnProblem, leadHandler, manager, otherUnitHandler, problemEvent as e, system,
} from './problem.builders';
import type { DeadlineCalculator, MergeTarget, ProblemCommand, ProblemCommandType } from './problem.commands';
import { problemDecider } from './problem.decider';
import {
  IllegalProblemTransition, InvalidProblemChange, NotPermitted, NotTheHandlingUnit, ProblemAlreadyRegistered, ProblemNotFound,
} from './problem.errors';
import { ProblemEventTypes, type Level, type Outcome, type ProblemCategory, type ProblemEvent, type Satisfaction } from './problem.events';
import { initialProblemState, type ProblemState } from './problem.state';

/** Counts Monday to Friday only (no holidays, no 调休), so every deadline below can be checked by hand. */
const mondayToFriday: DeadlineCalculator = (from, workingDays) => {
  const day = new Date(`${from}T00:00:00Z`);
  for (let left = workingDays; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
};

const spec = deciderSpec(problemDecider);
/** The registry as the handler hands it in: every unit these tests name is registered and active, but 'unit-closed'. */
const registeredUnits = (unitId: string): UnitStanding => (unitId === 'unit-closed' ? 'inactive' : unitId.startsWith('unit-unknown') ? 'unknown' : 'active');
const on = '2024-06-20'; // a Thursday: the business date of every command below unless said otherwise
const cmd = {
  register: (actor = caseworker): ProblemCommand => ({
    type: 'RegisterProblem', actor, on, problemId: PROBLEM_ID, enterpriseUscc: '91410100MA44D5T1X5', title: '融资难',
    description: '流动资金贷款审批慢', category: '融资', source: 'hotline', visitId: null,
  }),
  categorize: (category: ProblemCategory = '融资', actor = caseworker): ProblemCommand => ({ type: 'CategorizeProblem', actor, on, category }),
  assign: (leadUnitId = LEAD_UNIT, coUnitIds = [CO_UNIT], actor = manager): ProblemCommand => ({
    type: 'AssignProblem', actor, on, leadUnitId, coUnitIds, level: 'district', workingDays: 10, deadlineAfter: mondayToFriday,
    unitStanding: registeredUnits,
  }),
  accept: (actor = leadHandler): ProblemCommand => ({ type: 'AcceptProblem', actor, on }),
  return: (actor = leadHandler): ProblemCommand => ({ type: 'ReturnProblem', actor, on, reason: '非本单位职责' }),
  progress: (actor = leadHandler): ProblemCommand => ({ type: 'ReportProgress', actor, on, note: '已协调银行' }),
  requestExtension: (actor = leadHandler): ProblemCommand => ({ type: 'RequestExtension', actor, on, workingDays: 5, reason: '需报市局审批' }),
  approveExtension: (actor = manager): ProblemCommand => ({ type: 'ApproveExtension', actor, on, deadlineAfter: mondayToFriday }),
  rejectExtension: (actor = manager): ProblemCommand => ({ type: 'RejectExtension', actor, on, reason: '理由不充分' }),
  escalate: (to: Level = 'city', actor = manager): ProblemCommand => ({ type: 'EscalateProblem', actor, on, to, reason: '需市级协调' }),
  supervise: (actor = manager): ProblemCommand => ({ type: 'IssueSupervision', actor, on, note: '请加快' }),
  resolve: (outcome: Outcome = 'solved', actor = leadHandler): ProblemCommand => ({
    type: 'ResolveProblem', actor, on, outcome, summary: '已调剂用地指标',
  }),
  followUp: (satisfaction: Satisfaction = 'satisfied', actor = caseworker, reopenWorkingDays?: number): ProblemCommand => ({
    type: 'RecordFollowUp', actor, on, satisfaction, note: '回访', reopenWorkingDays, deadlineAfter: mondayToFriday,
  }),
  close: (actor = caseworker): ProblemCommand => ({ type: 'CloseProblem', actor, on }),
  merge: (intoProblemId = 'prb-0002', actor = manager, target: Partial<MergeTarget> = {}): ProblemCommand => ({
    type: 'MergeProblem', actor, on, intoProblemId,
    target: { problemId: intoProblemId, status: 'assigned', enterpriseUscc: ENTERPRISE_USCC, ...target },
  }),
  takeInDuplicate: (duplicateEnterpriseUscc = ENTERPRISE_USCC, actor = manager): ProblemCommand => ({
    type: 'TakeInDuplicate', actor, on, duplicateProblemId: 'prb-0009', duplicateEnterpriseUscc,
  }),
  withdraw: (actor = caseworker): ProblemCommand => ({ type: 'WithdrawProblem', actor, on, requestedBy: '企业', reason: '已自行解决' }),
  checkOverdue: (workingDaysOverdue = 1, actor = system): ProblemCommand => ({
    type: 'CheckOverdue', actor, on, workingDaysOverdue, superviseAfterWorkingDays: 3,
  }),
};

describe('problem decider', () => {
  describe('RegisterProblem', () => {
    it('registers, stamping the start of the business day in Asia/Shanghai', () => {
      spec.given([]).when(cmd.register()).then([{
        type: 'ProblemRegistered', businessTime: '2024-06-20T00:00:00+08:00',
        data: { problemId: PROBLEM_ID, enterpriseUscc: '91410100MA44D5T1X5', title: '融资难', description: '流动资金贷款审批慢',
          category: '融资', source: 'hotline', visitId: null, raisedOn: on },
      }]);
      // Midnight in Shanghai is 16:00 UTC the day before: a 30 June problem counts in June.
      expect(new Date(dayStart('2024-06-30')).toISOString()).toBe('2024-06-29T16:00:00.000Z');
    });
    it('refuses to register twice', () => {
      spec.given(givenRegisteredProblem()).when(cmd.register()).thenThrows(ProblemAlreadyRegistered, /prb-0001 is registered already/);
    });
  });

  describe('every other command on an unregistered problem', () => {
    const commands = Object.entries(cmd).filter(([name]) => name !== 'register').map(([name, make]) => [name, make()] as const);
    it('covers every command type', () => {
      const all: Record<ProblemCommandType, true> = {
        RegisterProblem: true, CategorizeProblem: true, AssignProblem: true, AcceptProblem: true, ReturnProblem: true, ReportProgress: true,
        RequestExtension: true, ApproveExtension: true, RejectExtension: true, EscalateProblem: true, IssueSupervision: true,
        ResolveProblem: true, RecordFollowUp: true, CloseProblem: true, MergeProblem: true, WithdrawProblem: true,
        CheckOverdue: true, TakeInDuplicate: true,
      };
      expect(['RegisterProblem', ...commands.map(([, c]) => c.type)].sort()).toEqual(Object.keys(all).sort());
    });
    it.each(commands)('%s → ProblemNotFound', (_name, command) => {
      spec.given([]).when(command).thenThrows(ProblemNotFound);
    });
  });

  describe('CategorizeProblem', () => {
    it('records the change of category', () => {
      spec.given(givenAssignedProblem()).when(cmd.categorize('审批')).then([e.categorized('用地', '审批', on)]);
    });
    it('decides nothing when the category is the same (idempotent)', () => {
      spec.given(givenRegisteredProblem()).when(cmd.categorize('用地')).then([]);
    });
    it('refuses once the problem is closed', () => {
      spec.given(givenClosedProblem()).when(cmd.categorize('审批')).thenThrows(IllegalProblemTransition, /closed: it is no longer open/);
    });
  });

  describe('AssignProblem', () => {
    it('takes the deadline from the injected calendar: Mon 3 June + 10 working days = Mon 17 June', () => {
      spec.given(givenRegisteredProblem()).when({ ...cmd.assign(), on: DAY.assigned }).then([e.assigned()]);
      expect(DEADLINE).toBe('2024-06-17');
    });
    it('counts across the weekend: Fri 7 June + 3 working days = Wed 12 June', () => {
      const assign = { ...cmd.assign(), on: '2024-06-07', workingDays: 3 } as ProblemCommand;
      spec.given(givenRegisteredProblem()).when(assign).then([{
        type: 'ProblemAssigned', businessTime: '2024-06-07T00:00:00+08:00',
        data: {
          leadUnitId: LEAD_UNIT, coUnitIds: [CO_UNIT], level: 'district', workingDays: 3, assignedOn: '2024-06-07', deadline: '2024-06-12',
        },
      }]);
    });
    it('refuses the lead unit among the co-units', () => {
      spec.given(givenRegisteredProblem()).when(cmd.assign(LEAD_UNIT, [CO_UNIT, LEAD_UNIT]))
        .thenThrows(InvalidProblemChange, /lead unit cannot also be a co-unit/);
    });
    it('refuses an unregistered lead unit, naming leadUnitId, and appends nothing', () => {
      spec.given(givenRegisteredProblem()).when(cmd.assign('unit-unknown', [CO_UNIT]))
        .thenThrows(HandlingUnitNotUsable, 'leadUnitId: no handling unit unit-unknown is registered');
    });
    it('refuses an inactive or unregistered co-unit, naming its index', () => {
      spec.given(givenRegisteredProblem()).when(cmd.assign(LEAD_UNIT, [CO_UNIT, 'unit-closed']))
        .thenThrows(HandlingUnitNotUsable, 'coUnitIds[1]: the handling unit unit-closed is deactivated');
      spec.given(givenRegisteredProblem()).when(cmd.assign(LEAD_UNIT, ['unit-unknown-2']))
        .thenThrows(HandlingUnitNotUsable, 'coUnitIds[0]: no handling unit unit-unknown-2');
    });
    it('a returned problem is reassigned only to a usable unit too', () => {
      spec.given(givenReturnedProblem()).when(cmd.assign('unit-closed', []))
        .thenThrows(HandlingUnitNotUsable, 'leadUnitId: the handling unit unit-closed is deactivated');
    });
    it('refuses a problem that is assigned already', () => {
      spec.given(givenAssignedProblem()).when(cmd.assign(OTHER_UNIT, []))
        .thenThrows(IllegalProblemTransition, /assign a problem that is assigned/);
    });
    it('hides an unassigned problem from unit handlers', () => {
      spec.given(givenRegisteredProblem()).when(cmd.assign(LEAD_UNIT, [], leadHandler)).thenThrows(ProblemNotFound, /prb-0001/);
    });
  });

  describe('AcceptProblem / ReturnProblem (only the lead unit decides)', () => {
    describe.each([
      ['accept', cmd.accept, e.accepted(LEAD_UNIT, on)],
      ['return', cmd.return, e.returned('非本单位职责', on)],
    ] as const)('%s', (action, make, decided) => {
      it('the lead unit handler decides', () => spec.given(givenAssignedProblem()).when(make()).then([decided]));
      it('a co-unit handler → NotTheHandlingUnit', () => {
        spec.given(givenAssignedProblem()).when(make(coUnitHandler)).thenThrows(NotTheHandlingUnit, `lead handling unit may ${action}`);
      });
      it("another unit's handler → ProblemNotFound (existence must not leak)", () => {
        spec.given(givenAssignedProblem()).when(make(otherUnitHandler)).thenThrows(ProblemNotFound, 'No problem prb-0001 is visible');
      });
      it.each([['a caseworker', caseworker], ['a manager', manager]])('%s → NotTheHandlingUnit', (_who, actor) => {
        spec.given(givenAssignedProblem()).when(make(actor)).thenThrows(NotTheHandlingUnit);
      });
      it('refused once accepted', () => {
        spec.given(givenAcceptedProblem()).when(make()).thenThrows(IllegalProblemTransition, `${action} a problem that is accepted`);
      });
    });
    it('a returned problem can be re-assigned, and the unit that returned it no longer sees it', () => {
      spec.given(givenReturnedProblem()).when(cmd.assign(OTHER_UNIT, [])).then([e.assigned(OTHER_UNIT, [], 'district', on, '2024-07-04')]);
      spec.given(givenReturnedProblem()).when(cmd.accept(leadHandler)).thenThrows(ProblemNotFound);
    });
  });

  describe('ReportProgress', () => {
    it.each([['lead', leadHandler, LEAD_UNIT], ['co-unit', coUnitHandler, CO_UNIT]])('the %s handler reports', (_who, actor, unit) => {
      spec.given(givenAcceptedProblem()).when(cmd.progress(actor)).then([e.progress(unit, '已协调银行', on)]);
    });
    it('may report again while in progress', () => {
      spec.given(givenInProgressProblem()).when(cmd.progress()).then([e.progress(LEAD_UNIT, '已协调银行', on)]);
    });
    it('refused before acceptance', () => {
      spec.given(givenAssignedProblem()).when(cmd.progress()).thenThrows(IllegalProblemTransition, /assigned: it is not being handled/);
    });
    it("refused to a caseworker, hidden from another unit's handler", () => {
      spec.given(givenAcceptedProblem()).when(cmd.progress(caseworker)).thenThrows(NotTheHandlingUnit);
      spec.given(givenAcceptedProblem()).when(cmd.progress(otherUnitHandler)).thenThrows(ProblemNotFound);
    });
  });

  describe('extensions', () => {
    it('the lead unit requests one while handling', () => {
      spec.given(givenAcceptedProblem()).when(cmd.requestExtension()).then([e.extensionRequested(5, on)]);
    });
    it('refuses a second request while one is pending', () => {
      spec.given(givenExtensionRequestedProblem()).when(cmd.requestExtension()).thenThrows(IllegalProblemTransition, /already pending/);
    });
    it('refuses a request from a co-unit, and before acceptance', () => {
      spec.given(givenInProgressProblem()).when(cmd.requestExtension(coUnitHandler)).thenThrows(NotTheHandlingUnit);
      spec.given(givenAssignedProblem()).when(cmd.requestExtension()).thenThrows(IllegalProblemTransition, /not being handled/);
    });
    it('approval counts from the previous deadline, not the approval date: Mon 17 June + 5 = Mon 24 June', () => {
      spec.given(givenExtensionRequestedProblem(5)).when(cmd.approveExtension())
        .then([e.extensionApproved(5, DEADLINE, '2024-06-24', on)]);
    });
    it('rejection clears the request, so a new one may follow', () => {
      spec.given(givenExtensionRequestedProblem()).when(cmd.rejectExtension()).then([e.extensionRejected('理由不充分', on)]);
      spec.given([...givenExtensionRequestedProblem(), e.extensionRejected()]).when(cmd.requestExtension())
        .then([e.extensionRequested(5, on)]);
    });
    it.each([['approve', cmd.approveExtension], ['reject', cmd.rejectExtension]])('refuses to %s without a pending request', (_a, make) => {
      spec.given(givenInProgressProblem()).when(make()).thenThrows(IllegalProblemTransition, /no extension request is pending/);
      spec.given([...givenExtensionRequestedProblem(), e.extensionApproved(5, DEADLINE, '2024-06-24', on)]).when(make())
        .thenThrows(IllegalProblemTransition, /no extension request is pending/);
    });
    it('refuses to decide a request left pending on a merged problem', () => {
      spec.given([...givenExtensionRequestedProblem(), e.merged()]).when(cmd.approveExtension())
        .thenThrows(IllegalProblemTransition, /decide an extension for a problem that is merged/);
    });
  });

  describe('EscalateProblem', () => {
    it('goes up: district → city', () => {
      spec.given(givenAcceptedProblem('district')).when(cmd.escalate('city')).then([e.escalated('district', 'city', '需市级协调', on)]);
    });
    it.each([['city', 'district'], ['city', 'city'], ['province', 'city']] as const)('refuses %s → %s', (from, to) => {
      spec.given(givenInProgressProblem(from)).when(cmd.escalate(to)).thenThrows(InvalidProblemChange, `above the current level (${from})`);
    });
    it('refuses when nobody is handling it', () => {
      spec.given(givenRegisteredProblem()).when(cmd.escalate('city')).thenThrows(IllegalProblemTransition);
      spec.given(givenResolvedProblem()).when(cmd.escalate('city')).thenThrows(IllegalProblemTransition, /resolved/);
    });
  });

  describe('IssueSupervision (督办)', () => {
    it('records a manual supervision (the automatic one is the overdue check\'s)', () => {
      spec.given(givenInProgressProblem()).when(cmd.supervise()).then([e.supervisionIssued('请加快', false, on)]);
      spec.given(givenAssignedProblem()).when(cmd.supervise()).then([e.supervisionIssued('请加快', false, on)]);
    });
    it('refuses before assignment and after resolution', () => {
      spec.given(givenRegisteredProblem()).when(cmd.supervise()).thenThrows(IllegalProblemTransition, /registered/);
      spec.given(givenResolvedProblem()).when(cmd.supervise()).thenThrows(IllegalProblemTransition, /resolved/);
    });
  });

  describe('ResolveProblem', () => {
    it.each([['accepted', givenAcceptedProblem], ['in progress', givenInProgressProblem]])('resolves a problem %s, with its deadline', (_, given) => {
      spec.given(given()).when(cmd.resolve('explained_policy')).then([{
        type: 'ProblemResolved', businessTime: '2024-06-20T00:00:00+08:00',
        data: { outcome: 'explained_policy', summary: '已调剂用地指标', resolvedOn: on, deadline: '2024-06-17' },
      }]);
    });
    it('carries the extended deadline once an extension was approved', () => {
      const history = [...givenExtensionRequestedProblem(), e.extensionApproved(5, DEADLINE, '2024-06-24', on)];
      spec.given(history).when(cmd.resolve()).then([e.resolved('solved', '2024-06-24', on)]);
    });
    it('refuses before acceptance and once resolved', () => {
      spec.given(givenAssignedProblem()).when(cmd.resolve()).thenThrows(IllegalProblemTransition, /must be accepted first/);
      spec.given(givenResolvedProblem()).when(cmd.resolve()).thenThrows(IllegalProblemTransition, /resolved/);
    });
    it('only the lead unit resolves', () => {
      spec.given(givenInProgressProblem()).when(cmd.resolve('solved', coUnitHandler)).thenThrows(NotTheHandlingUnit, /may resolve/);
      spec.given(givenInProgressProblem()).when(cmd.resolve('solved', caseworker)).thenThrows(NotTheHandlingUnit);
      spec.given(givenInProgressProblem()).when(cmd.resolve('solved', otherUnitHandler)).thenThrows(ProblemNotFound);
    });
  });

  describe('RecordFollowUp (回访)', () => {
    it.each(['satisfied', 'basically_satisfied'] as const)('%s → FollowedUp only', (satisfaction) => {
      spec.given(givenResolvedProblem()).when(cmd.followUp(satisfaction)).then([e.followedUp(satisfaction, '回访', on)]);
    });
    it('unsatisfied → FollowedUp and Reopened (重办) with a new time limit: the original 10 working days from Thu 20 June = Thu 4 July', () => {
      spec.given(givenResolvedProblem()).when(cmd.followUp('unsatisfied'))
        .then([e.followedUp('unsatisfied', '回访', on), e.reopened('回访', on, '2024-07-04', 10)]);
    });
    it('a manager may set another time limit for 重办: 3 working days from Thu 20 June = Tue 25 June', () => {
      spec.given(givenResolvedProblem()).when(cmd.followUp('unsatisfied', manager, 3))
        .then([e.followedUp('unsatisfied', '回访', on), e.reopened('回访', on, '2024-06-25', 3)]);
    });
    it('only a manager sets the time limit, only for 重办, and only to whole working days', () => {
      spec.given(givenResolvedProblem()).when(cmd.followUp('unsatisfied', caseworker, 3)).thenThrows(NotPermitted);
      spec.given(givenResolvedProblem()).when(cmd.followUp('satisfied', manager, 3)).thenThrows(InvalidProblemChange, /only for an unsatisfied/);
      spec.given(givenResolvedProblem()).when(cmd.followUp('unsatisfied', manager, 0)).thenThrows(InvalidProblemChange, /reopenWorkingDays/);
    });
    it('a reopened problem is in progress again and its next conclusion is judged against the new deadline', () => {
      spec.given(givenReopenedProblem()).when(cmd.progress(coUnitHandler)).then([e.progress(CO_UNIT, '已协调银行', on)]);
      spec.given(givenReopenedProblem()).when(cmd.resolve('solved')).then([e.resolved('solved', REOPEN_DEADLINE, on)]);
    });
    it('a reopen stored before the rule (v1, upcast) keeps the previous deadline', () => {
      const history = [...givenResolvedProblem(), e.followedUp('unsatisfied'), e.reopenedV1()];
      spec.given(history).when(cmd.resolve('solved')).then([e.resolved('solved', DEADLINE, on)]);
    });
    it('refuses before resolution', () => {
      spec.given(givenInProgressProblem()).when(cmd.followUp()).thenThrows(IllegalProblemTransition, /has not been resolved/);
    });
  });

  describe('CloseProblem (销号)', () => {
    it.each(['satisfied', 'basically_satisfied'] as const)('closes after a %s follow-up', (satisfaction) => {
      spec.given(givenFollowedUpProblem(satisfaction)).when(cmd.close()).then([e.closed(on)]);
    });
    it.each([
      ['before any follow-up', givenResolvedProblem, /resolved: it needs a satisfied follow-up/],
      ['after an unsatisfied follow-up (reopened)', givenReopenedProblem, /in_progress/],
      ['twice', givenClosedProblem, /closed/],
    ])('refuses %s', (_when, given, message) => {
      spec.given(given()).when(cmd.close()).thenThrows(IllegalProblemTransition, message);
    });
  });

  describe('MergeProblem / WithdrawProblem (side exits)', () => {
    it('merges a duplicate into another problem', () => {
      spec.given(givenAssignedProblem()).when(cmd.merge('prb-0002')).then([e.merged('prb-0002', on)]);
    });
    it('refuses a merge into itself', () => {
      spec.given(givenRegisteredProblem()).when(cmd.merge(PROBLEM_ID)).thenThrows(InvalidProblemChange, /into itself/);
    });
    it('merges into a target that is resolved but not closed (still open)', () => {
      spec.given(givenInProgressProblem()).when(cmd.merge('prb-0002', manager, { status: 'resolved' })).then([e.merged('prb-0002', on)]);
    });
    it('refuses a target that does not exist', () => {
      spec.given(givenRegisteredProblem()).when(cmd.merge('prb-0404', manager, { status: 'none', enterpriseUscc: null }))
        .thenThrows(InvalidProblemChange, /No problem prb-0404/);
    });
    it("refuses another enterprise's problem", () => {
      spec.given(givenRegisteredProblem()).when(cmd.merge('prb-0002', manager, { enterpriseUscc: '91330100MA27XX0001' }))
        .thenThrows(InvalidProblemChange, /another enterprise/);
    });
    it.each(['merged', 'withdrawn', 'closed'] as const)('refuses a target that is %s (so no chain of merges closes into a cycle)', (status) => {
      spec.given(givenRegisteredProblem()).when(cmd.merge('prb-0002', manager, { status }))
        .thenThrows(InvalidProblemChange, `is ${status}: merge only into an open problem`);
    });
    it('refuses A → B when B was merged into A: B is merged', () => {
      // The target B's own stream: registered, then merged into this problem.
      const b = [e.registered(), e.merged(PROBLEM_ID)].reduce(problemDecider.evolve, initialProblemState());
      spec.given(givenRegisteredProblem()).when(cmd.merge('prb-0002', manager, { status: b.status, enterpriseUscc: b.enterpriseUscc }))
        .thenThrows(InvalidProblemChange, /is merged/);
    });
    describe("TakeInDuplicate (the target's half, appended with the duplicate's ProblemMerged)", () => {
      it('records the duplicate on the open target, without fencing its later steps', () => {
        spec.given(givenAssignedProblem()).when(cmd.takeInDuplicate()).then([e.duplicateMergedIn('prb-0009', on)]);
        const state = [...givenAssignedProblem(), e.duplicateMergedIn('prb-0009', on)].reduce(problemDecider.evolve, initialProblemState());
        expect(state).toMatchObject({ status: 'assigned', lastStepOn: DAY.assigned });
      });
      it.each([['merged', givenMergedProblem], ['withdrawn', givenWithdrawnProblem], ['closed', givenClosedProblem]] as const)(
        'refuses when the target is %s by now (so A→B and B→A cannot both pass)', (status, given) => {
          spec.given(given()).when(cmd.takeInDuplicate()).thenThrows(InvalidProblemChange, `${PROBLEM_ID} is ${status}: merge only into an open problem`);
        },
      );
      it("refuses another enterprise's duplicate, and a caller who may not merge", () => {
        spec.given(givenAssignedProblem()).when(cmd.takeInDuplicate('91330100MA27XX0001')).thenThrows(InvalidProblemChange, /another enterprise/);
        spec.given(givenAssignedProblem()).when(cmd.takeInDuplicate(ENTERPRISE_USCC, leadHandler)).thenThrows(NotPermitted);
      });
    });
    it.each([['resolved', givenResolvedProblem], ['followed up', () => givenFollowedUpProblem('satisfied')], ['reopened', givenReopenedProblem]])(
      'refuses both once %s (side exits only before resolution)', (_, given) => {
        spec.given(given()).when(cmd.merge()).thenThrows(IllegalProblemTransition, /it has been resolved/);
        spec.given(given()).when(cmd.withdraw()).thenThrows(IllegalProblemTransition, /it has been resolved/);
      },
    );
    it('withdraws at the request of the enterprise', () => {
      spec.given(givenInProgressProblem()).when(cmd.withdraw()).then([
        { type: 'ProblemWithdrawn', businessTime: dayStart(on), data: { requestedBy: '企业', reason: '已自行解决', withdrawnOn: on } },
      ]);
    });
    it.each([['closed', givenClosedProblem], ['merged', givenMergedProblem], ['withdrawn', givenWithdrawnProblem]])(
      'refuses both once %s', (status, given) => {
        spec.given(given()).when(cmd.merge()).thenThrows(IllegalProblemTransition, `${status}: it is no longer open`);
        spec.given(given()).when(cmd.withdraw()).thenThrows(IllegalProblemTransition, `${status}: it is no longer open`);
      },
    );
  });
});

describe('who may take which step (behind the HTTP role guards)', () => {
  it.each([
    ['a unit handler re-categorizing its own problem', givenAcceptedProblem(), cmd.categorize('用地', leadHandler)],
    ['the lead unit approving its own extension', givenExtensionRequestedProblem(), cmd.approveExtension(leadHandler)],
    ['a caseworker rejecting an extension', givenExtensionRequestedProblem(), cmd.rejectExtension(caseworker)],
    ['a caseworker escalating', givenAcceptedProblem(), cmd.escalate('city', caseworker)],
    ['the lead unit issuing 督办 on itself', givenAcceptedProblem(), cmd.supervise(leadHandler)],
    ['the handling unit recording the follow-up', givenResolvedProblem(), cmd.followUp('satisfied', leadHandler)],
    ['the handling unit closing', givenFollowedUpProblem(), cmd.close(leadHandler)],
    ['the handling unit withdrawing', givenAcceptedProblem(), cmd.withdraw(leadHandler)],
  ])('refuses %s', (_what, history, command) => {
    spec.given(history).when(command).thenThrows(NotPermitted);
  });

  it('a unit handler cannot even see an unassigned problem, let alone assign it', () => {
    spec.given(givenRegisteredProblem()).when(cmd.assign(LEAD_UNIT, [], leadHandler)).thenThrows(ProblemNotFound);
  });

  it('refuses a non-positive number of working days even past the HTTP validation', () => {
    const zeroDays = { ...cmd.assign(), workingDays: 0 } as ProblemCommand;
    spec.given(givenRegisteredProblem()).when(zeroDays).thenThrows(InvalidProblemChange, /workingDays/);
  });

  it('names the addressed problem when it does not exist', () => {
    spec.given([]).when({ ...cmd.accept(), problemId: 'prb-9999' }).thenThrows(ProblemNotFound, /prb-9999/);
  });
});

describe('CheckOverdue (the daily job)', () => {
  const flagged = (days: number): ProblemEvent => ({
    type: ProblemEventTypes.FlaggedOverdue, businessTime: dayStart(on), data: { deadline: DEADLINE, flaggedOn: on, workingDaysOverdue: days },
  });
  const autoSupervised = (days: number): ProblemEvent => ({
    type: ProblemEventTypes.SupervisionIssued,
    businessTime: dayStart(on),
    data: { note: `逾期${days}个工作日，自动督办`, issuedOn: on, automatic: true },
  });

  it('flags an overdue problem once per deadline', () => {
    spec.given(givenAcceptedProblem()).when(cmd.checkOverdue(1)).then([flagged(1)]);
    spec.given([...givenAcceptedProblem(), flagged(1)]).when(cmd.checkOverdue(2)).then([]);
  });

  it('issues 督办 automatically once N working days overdue, once per deadline', () => {
    spec.given([...givenAcceptedProblem(), flagged(1)]).when(cmd.checkOverdue(3)).then([autoSupervised(3)]);
    spec.given(givenInProgressProblem()).when(cmd.checkOverdue(4)).then([flagged(4), autoSupervised(4)]);
    spec.given([...givenInProgressProblem(), flagged(4), autoSupervised(4)]).when(cmd.checkOverdue(9)).then([]);
  });

  it('watches the new deadline after an extension', () => {
    const extended: ProblemEvent = {
      type: ProblemEventTypes.ExtensionApproved, businessTime: dayStart(on),
      data: { workingDays: 5, previousDeadline: DEADLINE, deadline: '2024-06-24', approvedOn: on },
    };
    const history = [...givenInProgressProblem(), flagged(4), autoSupervised(4), extended];
    const events = problemDecider.decide(cmd.checkOverdue(3), history.reduce(problemDecider.evolve, problemDecider.initialState()));
    expect(events.map((e) => [e.type, (e.data as { deadline?: string }).deadline])).toEqual([
      ['ProblemFlaggedOverdue', '2024-06-24'],
      ['ProblemSupervisionIssued', undefined],
    ]);
  });

  it('watches the new deadline after 重办: the flag and the automatic 督办 apply afresh', () => {
    const history = [...givenInProgressProblem(), flagged(4), autoSupervised(4), e.resolved(), e.followedUp('unsatisfied'), e.reopened()];
    const events = problemDecider.decide(cmd.checkOverdue(3), history.reduce(problemDecider.evolve, problemDecider.initialState()));
    expect(events.map((e) => [e.type, (e.data as { deadline?: string }).deadline])).toEqual([
      ['ProblemFlaggedOverdue', REOPEN_DEADLINE],
      ['ProblemSupervisionIssued', undefined],
    ]);
  });

  it('does nothing for problems not overdue, not yet assigned, or concluded', () => {
    spec.given(givenAcceptedProblem()).when(cmd.checkOverdue(0)).then([]);
    spec.given(givenRegisteredProblem()).when(cmd.checkOverdue(5)).then([]);
    spec.given(givenResolvedProblem()).when(cmd.checkOverdue(5)).then([]);
    spec.given(givenClosedProblem()).when(cmd.checkOverdue(5)).then([]);
  });

  it('is for the system (or an admin) only', () => {
    spec.given(givenAcceptedProblem()).when(cmd.checkOverdue(1, manager)).thenThrows(NotPermitted);
  });
});

describe('business dates', () => {
  it('refuses a step dated in the future', () => {
    const resolve = { ...cmd.resolve(), today: '2024-06-19' } as ProblemCommand; // on is 2024-06-20
    spec.given(givenInProgressProblem()).when(resolve).thenThrows(InvalidProblemChange, /future/);
    spec.given([]).when({ ...cmd.register(), today: '2024-06-19' } as ProblemCommand).thenThrows(InvalidProblemChange, /future/);
  });

  // The overdue flag and the automatic 督办 are the system's notes, not steps: the unit that resolved on the deadline
  // day and records it after the overdue job ran gets it on its true date (and so counted on time).
  describe('system notes do not fence the business date', () => {
    const dayAfter = '2024-06-18'; // DEADLINE is Mon 17 June
    const flagged: ProblemEvent = {
      type: ProblemEventTypes.FlaggedOverdue, businessTime: dayStart(dayAfter), data: { deadline: DEADLINE, flaggedOn: dayAfter, workingDaysOverdue: 1 },
    };
    const autoSupervised: ProblemEvent = {
      type: ProblemEventTypes.SupervisionIssued, businessTime: dayStart(dayAfter), data: { note: '逾期1个工作日，自动督办', issuedOn: dayAfter, automatic: true },
    };
    const onDeadline = (c: ProblemCommand) => ({ ...c, on: DEADLINE, today: '2024-06-19' }) as ProblemCommand;

    it('records a resolution on the deadline day after the flag and the automatic 督办', () => {
      spec.given([...givenInProgressProblem(), flagged, autoSupervised]).when(onDeadline(cmd.resolve())).then([
        { type: ProblemEventTypes.Resolved, businessTime: dayStart(DEADLINE), data: { outcome: 'solved', summary: '已调剂用地指标', resolvedOn: DEADLINE, deadline: DEADLINE } },
      ]);
    });

    it('records progress dated before the flag', () => {
      const events = problemDecider.decide(onDeadline(cmd.progress()), [...givenInProgressProblem(), flagged].reduce(problemDecider.evolve, initialProblemState()));
      expect(events.map((ev) => ev.type)).toEqual([ProblemEventTypes.ProgressReported]);
    });

    it('keeps a manual 督办 a step: a later step cannot be dated before it', () => {
      const manual: ProblemEvent = { ...autoSupervised, data: { note: '请加快', issuedOn: dayAfter, automatic: false } };
      spec.given([...givenInProgressProblem(), manual]).when(onDeadline(cmd.resolve())).thenThrows(InvalidProblemChange, /previous step/);
    });

    it('does not count the system notes as the last step', () => {
      const state = [...givenInProgressProblem(), flagged, autoSupervised].reduce(problemDecider.evolve, initialProblemState());
      expect(state.lastStepOn).toBe(DAY.progress);
    });
  });

  it('refuses a step dated before the previous one (a resolve before its assignment)', () => {
    const early = { ...cmd.resolve(), on: '2024-05-31' } as ProblemCommand;
    spec.given(givenInProgressProblem()).when(early).thenThrows(InvalidProblemChange, /before the problem's previous step/);
  });
});

describe('evolve', () => {
  const fold = (events: ProblemEvent[]): ProblemState => events.reduce(problemDecider.evolve, initialProblemState());
  const oneOfEach: ProblemEvent[] = [
    e.registered(), e.categorized('用地', '审批'), e.assigned(), e.accepted(), e.returned(), e.progress(), e.extensionRequested(),
    e.extensionApproved(5, DEADLINE, '2024-06-24', DAY.progress), e.extensionRejected(), e.escalated('district', 'city'),
    e.supervisionIssued(), e.resolved(), e.followedUp(), e.reopened(), e.closed(), e.merged(), e.withdrawn(), e.flaggedOverdue(),
    e.duplicateMergedIn(),
  ];
  const states = [
    [], givenRegisteredProblem(), givenReturnedProblem(), givenExtensionRequestedProblem(), givenResolvedProblem(),
    givenReopenedProblem(), givenClosedProblem(), givenMergedProblem(), givenWithdrawnProblem(),
  ];

  it('has a sample of every event type', () => {
    expect(oneOfEach.map((event) => event.type).sort()).toEqual(Object.values(ProblemEventTypes).sort());
  });
  it.each(oneOfEach.map((event) => [event.type, event] as const))('folds %s onto any state, never throwing or mutating', (_type, event) => {
    for (const history of states) {
      const state = fold(history);
      const before = structuredClone(state);
      expect(problemDecider.evolve(state, event)).toEqual(expect.objectContaining({ status: expect.any(String) }));
      expect(state).toEqual(before);
    }
  });
  it('folds a whole lifecycle, reopening included', () => {
    const lifecycle = [
      e.registered('融资'), e.categorized('融资', '用地'), ...givenAssignedProblem().slice(1), e.accepted(), e.progress(),
      e.escalated('district', 'city'), e.extensionRequested(5), e.extensionApproved(5, DEADLINE, '2024-06-24', DAY.extensionRequested),
      e.supervisionIssued(), e.resolved('long_term', '2024-06-24'), e.followedUp('unsatisfied'), e.reopened(),
      e.progress(CO_UNIT), e.resolved('solved', REOPEN_DEADLINE, '2024-06-21'), e.followedUp('basically_satisfied', '基本满意', '2024-06-24'),
      e.closed('2024-06-25'),
    ];
    expect(fold(lifecycle)).toEqual({
      status: 'closed', problemId: PROBLEM_ID, category: '用地', leadUnitId: LEAD_UNIT, coUnitIds: [CO_UNIT], level: 'city',
      enterpriseUscc: ENTERPRISE_USCC, deadline: REOPEN_DEADLINE, workingDays: 10, everResolved: true,
      pendingExtensionDays: null, outcome: 'solved', lastSatisfaction: 'basically_satisfied',
      overdueFlaggedFor: null, autoSupervisedFor: null, lastStepOn: '2024-06-25',
    });
    expect(fold(lifecycle.slice(0, -4))).toMatchObject({ status: 'in_progress', outcome: null, lastSatisfaction: 'unsatisfied' });
  });
});
