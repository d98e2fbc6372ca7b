import { assertNever, type Decider } from '@app/event-store';
import { assertUnitsUsable } from '../../handling-units/domain/handling-unit.errors';
import type { Actor, MergeTarget, ProblemCommand } from './problem.commands';
import {
  IllegalProblemTransition,
  InvalidProblemChange,
  NotPermitted,
  NotTheHandlingUnit,
  ProblemAlreadyRegistered,
  ProblemNotFound,
} from './problem.errors';
import { LEVELS, PROBLEM_REOPENED_SCHEMA_VERSION, ProblemEventTypes as T, type ProblemEvent } from './problem.events';
import { evolveProblem, initialProblemState, type ProblemState, type ProblemStatus } from './problem.state';

/** Business dates are Asia/Shanghai days; the event's business time is the start of that day there. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

const OPEN: ProblemStatus[] = ['registered', 'assigned', 'accepted', 'in_progress', 'resolved', 'followed_up'];
const BEING_HANDLED: ProblemStatus[] = ['accepted', 'in_progress'];
/** Side exits (merge, withdraw) are only before resolution: a concluded problem has been counted and must stay. */
const BEFORE_RESOLUTION: ProblemStatus[] = ['registered', 'assigned', 'accepted', 'in_progress'];

function requireBeforeResolution(state: ProblemState, action: string): void {
  requireStatus(state, BEFORE_RESOLUTION, action, ['resolved', 'followed_up'].includes(state.status)
    ? 'it has been resolved' : 'it is no longer open');
  // A reopened problem is in progress again, but its first conclusion was reported: it cannot leave the counts now.
  if (state.everResolved) throw new IllegalProblemTransition(action, state.status, 'it has been resolved (and reopened)');
}

/** Where a duplicate may go: an open problem of the same enterprise. Reported on the request's intoProblemId. */
function assertMergeTarget(target: MergeTarget, duplicateEnterpriseUscc: string | null): void {
  if (target.status === 'none') {
    throw new InvalidProblemChange(`No problem ${target.problemId} to merge into`, { field: 'intoProblemId' });
  }
  if (target.enterpriseUscc !== duplicateEnterpriseUscc) {
    throw new InvalidProblemChange(`Problem ${target.problemId} is another enterprise's: a duplicate is merged within one enterprise`, {
      field: 'intoProblemId',
    });
  }
  // Only into a live problem: a merged target would leave the duplicate counted nowhere, and since a merged
  // problem is never a target, no chain of merges can close into a cycle (concurrent ones included: both halves
  // of a merge are appended together, each at the version its rules were checked against).
  if (!OPEN.includes(target.status)) {
    throw new InvalidProblemChange(`Problem ${target.problemId} is ${target.status}: merge only into an open problem`, {
      field: 'intoProblemId',
    });
  }
}

function requireStatus(state: ProblemState, allowed: ProblemStatus[], action: string, why: string): void {
  if (!allowed.includes(state.status)) throw new IllegalProblemTransition(action, state.status, why);
}

/** A unit handler sees only problems assigned (or co-assigned) to its unit: others do not exist for it. */
function assertVisible(state: ProblemState, actor: Actor, problemId: string): void {
  if (actor.role !== 'unit_handler') return;
  const units = [state.leadUnitId, ...state.coUnitIds];
  if (!actor.unitId || !units.includes(actor.unitId)) throw new ProblemNotFound(problemId);
}

const OVERSIGHT: Actor['role'][] = ['manager', 'admin'];
const INTAKE: Actor['role'][] = ['caseworker', 'manager', 'admin'];

function assertRole(actor: Actor, roles: Actor['role'][], action: string): void {
  if (!roles.includes(actor.role)) throw new NotPermitted(action, roles);
}

function assertWorkingDays(days: number, field: string): void {
  if (!Number.isSafeInteger(days) || days < 1) throw new InvalidProblemChange(`${field} must be a whole number of working days ≥ 1`, { field });
}

function assertLeadUnit(state: ProblemState, actor: Actor, action: string): void {
  if (actor.role !== 'unit_handler' || actor.unitId !== state.leadUnitId) throw new NotTheHandlingUnit(action);
}

function assertDate(command: ProblemCommand, state: ProblemState): void {
  if (command.today && command.on > command.today) {
    throw new InvalidProblemChange(`on (${command.on}) is in the future`, { field: 'on' });
  }
  if (state.lastStepOn && command.on < state.lastStepOn) {
    throw new InvalidProblemChange(`on (${command.on}) is before the problem's previous step (${state.lastStepOn})`, { field: 'on' });
  }
}

/** The lifecycle rules first (an illegal step is a 409 whatever its date), then the step's date. */
export function decideProblem(command: ProblemCommand, state: ProblemState): ProblemEvent[] {
  const events = decideStep(command, state);
  if (events.length > 0) assertDate(command, state);
  return events;
}

function decideStep(command: ProblemCommand, state: ProblemState): ProblemEvent[] {
  const businessTime = dayStart(command.on);
  if (command.type === 'RegisterProblem') {
    if (state.status !== 'none') throw new ProblemAlreadyRegistered(command.problemId);
    const { problemId, enterpriseUscc, title, description, category, source, visitId } = command;
    return [
      {
        type: T.Registered,
        businessTime,
        data: { problemId, enterpriseUscc, title, description, category, source, visitId, raisedOn: command.on },
      },
    ];
  }
  const id = command.problemId ?? state.problemId ?? 'unknown';
  if (state.status === 'none') throw new ProblemNotFound(id);
  assertVisible(state, command.actor, id);

  switch (command.type) {
    case 'CategorizeProblem':
      assertRole(command.actor, INTAKE, 'recategorize');
      requireStatus(state, OPEN, 'recategorize', 'it is no longer open');
      if (state.category === command.category) return [];
      return [{ type: T.Categorized, businessTime, data: { from: state.category!, to: command.category } }];
    case 'AssignProblem': {
      assertRole(command.actor, INTAKE, 'assign');
      requireStatus(state, ['registered'], 'assign', 'only a registered (or returned) problem is assigned');
      assertWorkingDays(command.workingDays, 'workingDays');
      if (command.coUnitIds.includes(command.leadUnitId)) {
        throw new InvalidProblemChange('The lead unit cannot also be a co-unit', { field: 'coUnitIds' });
      }
      // A problem goes only to a registered, active unit: an unknown code would sit in nobody's inbox.
      assertUnitsUsable(
        [{ field: 'leadUnitId', unitId: command.leadUnitId }, ...command.coUnitIds.map((unitId, i) => ({ field: `coUnitIds[${i}]`, unitId }))],
        command.unitStanding,
      );
      const { leadUnitId, coUnitIds, level, workingDays } = command;
      const deadline = command.deadlineAfter(command.on, workingDays);
      return [{ type: T.Assigned, businessTime, data: { leadUnitId, coUnitIds, level, workingDays, assignedOn: command.on, deadline } }];
    }
    case 'AcceptProblem':
      requireStatus(state, ['assigned'], 'accept', 'it is not waiting for acceptance');
      assertLeadUnit(state, command.actor, 'accept');
      return [{ type: T.Accepted, businessTime, data: { unitId: command.actor.unitId!, acceptedOn: command.on } }];
    case 'ReturnProblem':
      requireStatus(state, ['assigned'], 'return', 'only a problem not yet accepted can be returned');
      assertLeadUnit(state, command.actor, 'return');
      return [{ type: T.Returned, businessTime, data: { unitId: command.actor.unitId!, reason: command.reason, returnedOn: command.on } }];
    case 'ReportProgress':
      requireStatus(state, BEING_HANDLED, 'report progress on', 'it is not being handled');
      if (command.actor.role !== 'unit_handler') throw new NotTheHandlingUnit('report progress on');
      return [{ type: T.ProgressReported, businessTime, data: { unitId: command.actor.unitId!, note: command.note, reportedOn: command.on } }];
    case 'RequestExtension':
      requireStatus(state, BEING_HANDLED, 'extend', 'it is not being handled');
      assertLeadUnit(state, command.actor, 'request an extension for');
      assertWorkingDays(command.workingDays, 'workingDays');
      if (state.pendingExtensionDays !== null) {
        throw new IllegalProblemTransition('request an extension for', state.status, 'an extension request is already pending');
      }
      return [
        {
          type: T.ExtensionRequested,
          businessTime,
          data: { unitId: command.actor.unitId!, workingDays: command.workingDays, reason: command.reason, requestedOn: command.on },
        },
      ];
    case 'ApproveExtension':
    case 'RejectExtension':
      assertRole(command.actor, OVERSIGHT, 'decide an extension for');
      // Merged and withdrawn do not clear a pending request: without this, a dead problem's deadline could move.
      requireStatus(state, BEING_HANDLED, 'decide an extension for', 'it is not being handled');
      if (state.pendingExtensionDays === null) {
        throw new IllegalProblemTransition('decide an extension for', state.status, 'no extension request is pending');
      }
      if (command.type === 'RejectExtension') {
        return [{ type: T.ExtensionRejected, businessTime, data: { reason: command.reason, rejectedOn: command.on } }];
      }
      return [
        {
          type: T.ExtensionApproved,
          businessTime,
          data: {
            workingDays: state.pendingExtensionDays,
            previousDeadline: state.deadline!,
            deadline: command.deadlineAfter(state.deadline!, state.pendingExtensionDays),
            approvedOn: command.on,
          },
        },
      ];
    case 'EscalateProblem': {
      assertRole(command.actor, OVERSIGHT, 'escalate');
      requireStatus(state, ['assigned', 'accepted', 'in_progress'], 'escalate', 'it is not being handled');
      if (LEVELS.indexOf(command.to) <= LEVELS.indexOf(state.level!)) {
        throw new InvalidProblemChange(`Escalation must go above the current level (${state.level})`, { field: 'to' });
      }
      return [{ type: T.Escalated, businessTime, data: { from: state.level!, to: command.to, reason: command.reason, escalatedOn: command.on } }];
    }
    case 'IssueSupervision':
      assertRole(command.actor, OVERSIGHT, 'supervise');
      requireStatus(state, ['assigned', 'accepted', 'in_progress'], 'supervise', 'it is not being handled');
      return [
        { type: T.SupervisionIssued, businessTime, data: { note: command.note, issuedOn: command.on, automatic: false } },
      ];
    case 'ResolveProblem':
      requireStatus(state, BEING_HANDLED, 'resolve', 'it must be accepted first');
      assertLeadUnit(state, command.actor, 'resolve');
      return [
        {
          type: T.Resolved,
          businessTime,
          data: { outcome: command.outcome, summary: command.summary, resolvedOn: command.on, deadline: state.deadline! },
        },
      ];
    case 'RecordFollowUp': {
      assertRole(command.actor, INTAKE, 'follow up');
      requireStatus(state, ['resolved'], 'follow up', 'it has not been resolved');
      if (command.reopenWorkingDays !== undefined) {
        if (command.satisfaction !== 'unsatisfied') {
          throw new InvalidProblemChange('reopenWorkingDays is only for an unsatisfied follow-up (重办)', { field: 'reopenWorkingDays' });
        }
        assertRole(command.actor, OVERSIGHT, 'set the time limit of a reopened');
        assertWorkingDays(command.reopenWorkingDays, 'reopenWorkingDays');
      }
      const followUp: ProblemEvent = {
        type: T.FollowedUp,
        businessTime,
        data: { satisfaction: command.satisfaction, note: command.note, followedUpOn: command.on },
      };
      if (command.satisfaction !== 'unsatisfied') return [followUp];
      // 重办: an unsatisfied enterprise sends the problem back to its unit, with a new time limit counted
      // from the reopen date (the original number of working days unless a manager set another).
      const workingDays = command.reopenWorkingDays ?? state.workingDays!;
      const deadline = command.deadlineAfter(command.on, workingDays);
      return [
        followUp,
        {
          type: T.Reopened,
          schemaVersion: PROBLEM_REOPENED_SCHEMA_VERSION,
          businessTime,
          data: { reason: command.note, reopenedOn: command.on, workingDays, deadline },
        },
      ];
    }
    case 'CloseProblem':
      assertRole(command.actor, INTAKE, 'close');
      requireStatus(state, ['followed_up'], 'close', 'it needs a satisfied follow-up first');
      return [{ type: T.Closed, businessTime, data: { closedOn: command.on } }];
    case 'MergeProblem': {
      assertRole(command.actor, INTAKE, 'merge');
      requireBeforeResolution(state, 'merge');
      if (command.intoProblemId === state.problemId) {
        throw new InvalidProblemChange('A problem cannot be merged into itself', { field: 'intoProblemId' });
      }
      assertMergeTarget(command.target, state.enterpriseUscc);
      return [{ type: T.Merged, businessTime, data: { intoProblemId: command.intoProblemId, mergedOn: command.on } }];
    }
    case 'TakeInDuplicate':
      assertRole(command.actor, INTAKE, 'merge');
      // The same rules, now against the target as its own stream has it inside the atomic append.
      assertMergeTarget({ problemId: state.problemId!, status: state.status, enterpriseUscc: state.enterpriseUscc }, command.duplicateEnterpriseUscc);
      return [{ type: T.DuplicateMergedIn, businessTime, data: { duplicateProblemId: command.duplicateProblemId, mergedOn: command.on } }];
    case 'WithdrawProblem':
      assertRole(command.actor, INTAKE, 'withdraw');
      requireBeforeResolution(state, 'withdraw');
      return [
        { type: T.Withdrawn, businessTime, data: { requestedBy: command.requestedBy, reason: command.reason, withdrawnOn: command.on } },
      ];
    case 'CheckOverdue': {
      assertRole(command.actor, ['system', 'admin'], 'run the overdue check on');
      if (!['assigned', 'accepted', 'in_progress'].includes(state.status) || command.workingDaysOverdue <= 0) return [];
      const deadline = state.deadline!;
      const events: ProblemEvent[] = [];
      if (state.overdueFlaggedFor !== deadline) {
        events.push({
          type: T.FlaggedOverdue,
          businessTime,
          data: { deadline, flaggedOn: command.on, workingDaysOverdue: command.workingDaysOverdue },
        });
      }
      if (command.workingDaysOverdue >= command.superviseAfterWorkingDays && state.autoSupervisedFor !== deadline) {
        events.push({
          type: T.SupervisionIssued,
          businessTime,
          data: { note: `逾期${command.workingDaysOverdue}个工作日，自动督办`, issuedOn: command.on, automatic: true },
        });
      }
      return events;
    }
    default:
      return assertNever(command, 'problem command');
  }
}

export const problemDecider: Decider<ProblemCommand, ProblemState, ProblemEvent> = {
  decide: decideProblem,
  evolve: evolveProblem,
  initialState: initialProblemState,
  // A problem's stream grows with its life (progress notes, supervision, reopenings): commands start from a snapshot.
  // Bump the key whenever ProblemState or evolveProblem (or an upcaster of a problem event) changes.
  snapshot: { key: 'problem/1', every: 20 },
};
