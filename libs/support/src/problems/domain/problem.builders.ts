/*
 * Test data for the problem decider: event histories named after lifecycle states, and the actors who
 * act on them. Dates are business days of June 2024 (Asia/Shanghai); the deadline is the one a
 * Monday-to-Friday calendar gives, worked out by hand below.
 */
import type { Actor } from './problem.commands';
import {
  ProblemEventTypes as T,
  type Level,
  type Outcome,
  type ProblemCategory,
  type ProblemEvent,
  type Satisfaction,
} from './problem.events';

export const PROBLEM_ID = 'prb-0001';
export const ENTERPRISE_USCC = '91410100MA44D5T1X5';
export const LEAD_UNIT = 'unit-natural-resources';
export const CO_UNIT = 'unit-housing';
export const OTHER_UNIT = 'unit-market-regulation';

export const caseworker: Actor = { userId: 'user-caseworker', role: 'caseworker', unitId: null };
export const leadHandler: Actor = { userId: 'user-lead-handler', role: 'unit_handler', unitId: LEAD_UNIT };
export const coUnitHandler: Actor = { userId: 'user-co-handler', role: 'unit_handler', unitId: CO_UNIT };
export const otherUnitHandler: Actor = { userId: 'user-other-handler', role: 'unit_handler', unitId: OTHER_UNIT };
export const manager: Actor = { userId: 'user-manager', role: 'manager', unitId: null };
export const system: Actor = { userId: 'system', role: 'system', unitId: null };

/** Business dates of the standard history. 2024-06-03 is a Monday. */
export const DAY = {
  registered: '2024-06-03',
  assigned: '2024-06-03',
  accepted: '2024-06-04',
  progress: '2024-06-05',
  extensionRequested: '2024-06-06',
  resolved: '2024-06-12',
  followedUp: '2024-06-14',
  closed: '2024-06-17',
} as const;
export const WORKING_DAYS = 10;
/** 10 working days after Mon 3 June: 4–7 June (4), 10–14 June (9), Mon 17 June (10). */
export const DEADLINE = '2024-06-17';

/** 重办 on Fri 14 June with the original 10 working days: 17–21 June (5), 24–28 June (10). */
export const REOPEN_DEADLINE = '2024-06-28';

export const dayStart = (on: string) => `${on}T00:00:00+08:00`;

// One factory per event type; each takes the few fields a test varies.
export const problemEvent = {
  registered: (category: ProblemCategory = '用地', on: string = DAY.registered): ProblemEvent => ({
    type: T.Registered,
    businessTime: dayStart(on),
    data: {
      problemId: PROBLEM_ID,
      enterpriseUscc: ENTERPRISE_USCC,
      title: '厂房扩建用地指标不足',
      description: '二期厂房扩建缺少约20亩用地指标',
      category,
      source: 'visit',
      visitId: 'vst-0001',
      raisedOn: on,
    },
  }),
  categorized: (from: ProblemCategory, to: ProblemCategory, on: string = DAY.registered): ProblemEvent => ({
    type: T.Categorized, businessTime: dayStart(on), data: { from, to },
  }),
  assigned: (
    leadUnitId = LEAD_UNIT, coUnitIds = [CO_UNIT], level: Level = 'district', on: string = DAY.assigned, deadline = DEADLINE,
  ): ProblemEvent => ({
    type: T.Assigned,
    businessTime: dayStart(on),
    data: { leadUnitId, coUnitIds, level, workingDays: WORKING_DAYS, assignedOn: on, deadline },
  }),
  accepted: (unitId = LEAD_UNIT, on: string = DAY.accepted): ProblemEvent => ({
    type: T.Accepted, businessTime: dayStart(on), data: { unitId, acceptedOn: on },
  }),
  returned: (reason = '不属于本单位职责', on: string = DAY.accepted): ProblemEvent => ({
    type: T.Returned, businessTime: dayStart(on), data: { unitId: LEAD_UNIT, reason, returnedOn: on },
  }),
  progress: (unitId = LEAD_UNIT, note = '已现场踏勘', on: string = DAY.progress): ProblemEvent => ({
    type: T.ProgressReported, businessTime: dayStart(on), data: { unitId, note, reportedOn: on },
  }),
  extensionRequested: (workingDays = 5, on: string = DAY.extensionRequested): ProblemEvent => ({
    type: T.ExtensionRequested,
    businessTime: dayStart(on),
    data: { unitId: LEAD_UNIT, workingDays, reason: '需报市局审批', requestedOn: on },
  }),
  extensionApproved: (workingDays: number, previousDeadline: string, deadline: string, on: string): ProblemEvent => ({
    type: T.ExtensionApproved, businessTime: dayStart(on), data: { workingDays, previousDeadline, deadline, approvedOn: on },
  }),
  extensionRejected: (reason = '理由不充分', on: string = DAY.extensionRequested): ProblemEvent => ({
    type: T.ExtensionRejected, businessTime: dayStart(on), data: { reason, rejectedOn: on },
  }),
  escalated: (from: Level, to: Level, reason = '需市级协调', on: string = DAY.progress): ProblemEvent => ({
    type: T.Escalated, businessTime: dayStart(on), data: { from, to, reason, escalatedOn: on },
  }),
  supervisionIssued: (note = '请加快办理', automatic = false, on: string = DAY.progress): ProblemEvent => ({
    type: T.SupervisionIssued, businessTime: dayStart(on), data: { note, issuedOn: on, automatic },
  }),
  resolved: (outcome: Outcome = 'solved', deadline = DEADLINE, on: string = DAY.resolved): ProblemEvent => ({
    type: T.Resolved, businessTime: dayStart(on), data: { outcome, summary: '已调剂用地指标', resolvedOn: on, deadline },
  }),
  followedUp: (satisfaction: Satisfaction = 'satisfied', note = '企业表示认可', on: string = DAY.followedUp): ProblemEvent => ({
    type: T.FollowedUp, businessTime: dayStart(on), data: { satisfaction, note, followedUpOn: on },
  }),
  reopened: (reason = '用地指标仍未落实', on: string = DAY.followedUp, deadline = REOPEN_DEADLINE, workingDays = WORKING_DAYS): ProblemEvent => ({
    type: T.Reopened, schemaVersion: 2, businessTime: dayStart(on), data: { reason, reopenedOn: on, workingDays, deadline },
  }),
  /** A reopen stored before the 重办 time limit (schema v1), as its upcaster reads it: the old deadline stands. */
  reopenedV1: (reason = '用地指标仍未落实', on: string = DAY.followedUp): ProblemEvent => ({
    type: T.Reopened, schemaVersion: 2, businessTime: dayStart(on), data: { reason, reopenedOn: on, workingDays: null, deadline: null },
  }),
  closed: (on: string = DAY.closed): ProblemEvent => ({ type: T.Closed, businessTime: dayStart(on), data: { closedOn: on } }),
  merged: (intoProblemId = 'prb-0002', on: string = DAY.progress): ProblemEvent => ({
    type: T.Merged, businessTime: dayStart(on), data: { intoProblemId, mergedOn: on },
  }),
  duplicateMergedIn: (duplicateProblemId = 'prb-0009', on: string = DAY.progress): ProblemEvent => ({
    type: T.DuplicateMergedIn, businessTime: dayStart(on), data: { duplicateProblemId, mergedOn: on },
  }),
  withdrawn: (requestedBy = '企业法人代表', on: string = DAY.progress): ProblemEvent => ({
    type: T.Withdrawn, businessTime: dayStart(on), data: { requestedBy, reason: '企业已自行解决', withdrawnOn: on },
  }),
  flaggedOverdue: (workingDaysOverdue = 1, on: string = DAY.progress): ProblemEvent => ({
    type: T.FlaggedOverdue, businessTime: dayStart(on), data: { deadline: DEADLINE, flaggedOn: on, workingDaysOverdue },
  }),
};

const e = problemEvent;
export const givenRegisteredProblem = (): ProblemEvent[] => [e.registered()];
/** Lead unit LEAD_UNIT, co-unit CO_UNIT, district level, deadline DEADLINE. */
export const givenAssignedProblem = (level: Level = 'district'): ProblemEvent[] => [
  ...givenRegisteredProblem(),
  e.assigned(LEAD_UNIT, [CO_UNIT], level),
];
export const givenReturnedProblem = (): ProblemEvent[] => [...givenAssignedProblem(), e.returned()];
export const givenAcceptedProblem = (level: Level = 'district'): ProblemEvent[] => [...givenAssignedProblem(level), e.accepted()];
export const givenInProgressProblem = (level: Level = 'district'): ProblemEvent[] => [...givenAcceptedProblem(level), e.progress()];
export const givenExtensionRequestedProblem = (workingDays = 5): ProblemEvent[] => [
  ...givenInProgressProblem(),
  e.extensionRequested(workingDays),
];
export const givenResolvedProblem = (outcome: Outcome = 'solved'): ProblemEvent[] => [...givenInProgressProblem(), e.resolved(outcome)];
/** An unsatisfied follow-up also reopens the problem (重办), as decide does. */
export const givenFollowedUpProblem = (satisfaction: Satisfaction = 'satisfied'): ProblemEvent[] =>
  satisfaction === 'unsatisfied'
    ? [...givenResolvedProblem(), e.followedUp(satisfaction, '用地指标仍未落实'), e.reopened('用地指标仍未落实')]
    : [...givenResolvedProblem(), e.followedUp(satisfaction)];
export const givenReopenedProblem = (): ProblemEvent[] => givenFollowedUpProblem('unsatisfied');
export const givenClosedProblem = (): ProblemEvent[] => [...givenFollowedUpProblem('satisfied'), e.closed()];
export const givenMergedProblem = (): ProblemEvent[] => [...givenRegisteredProblem(), e.merged()];
export const givenWithdrawnProblem = (): ProblemEvent[] => [...givenRegisteredProblem(), e.withdrawn()];
