import { shanghaiDate } from '@app/platform/time';
import type { Level, Outcome, ProblemCategory, ProblemEvent, Satisfaction } from './problem.events';
import { ProblemEventTypes as T } from './problem.events';

export type ProblemStatus =
  | 'none'
  | 'registered'
  | 'assigned'
  | 'accepted'
  | 'in_progress'
  | 'resolved'
  | 'followed_up'
  | 'closed'
  | 'merged'
  | 'withdrawn';

export interface ProblemState {
  status: ProblemStatus;
  problemId: string | null;
  enterpriseUscc: string | null;
  category: ProblemCategory | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  level: Level | null;
  deadline: string | null;
  /** The working days the assignment gave: 重办's default time limit. */
  workingDays: number | null;
  /** Resolved at least once: the side exits (merge, withdraw) are closed from then on, reopened or not. */
  everResolved: boolean;
  pendingExtensionDays: number | null;
  outcome: Outcome | null;
  lastSatisfaction: Satisfaction | null;
  /** The deadline last flagged overdue, and the one last supervised automatically: each happens once per deadline. */
  overdueFlaggedFor: string | null;
  autoSupervisedFor: string | null;
  /** Business date of the latest step (system notes aside): a later step cannot be dated before it. */
  lastStepOn: string | null;
}

export const initialProblemState = (): ProblemState => ({
  status: 'none',
  problemId: null,
  enterpriseUscc: null,
  category: null,
  leadUnitId: null,
  coUnitIds: [],
  level: null,
  deadline: null,
  workingDays: null,
  everResolved: false,
  pendingExtensionDays: null,
  outcome: null,
  lastSatisfaction: null,
  overdueFlaggedFor: null,
  autoSupervisedFor: null,
  lastStepOn: null,
});

/**
 * Notes on a problem that are not steps of its handling, so a later step need not be dated after them: the overdue
 * flag and the automatic 督办 (the system's notes: a unit recording late — resolved on the deadline day, logged after
 * the overdue job ran — gets its true date), and a duplicate merged into it (another problem's step).
 */
export function isNoteNotStep(event: ProblemEvent): boolean {
  return event.type === T.FlaggedOverdue || event.type === T.DuplicateMergedIn || (event.type === T.SupervisionIssued && event.data.automatic);
}

/** Folds one event. Total over the event union, never throws, never reads the clock. */
export function evolveProblem(state: ProblemState, event: ProblemEvent): ProblemState {
  const stepOn = event.businessTime && !isNoteNotStep(event) ? shanghaiDate(event.businessTime) : null;
  const lastStepOn = stepOn && (!state.lastStepOn || stepOn > state.lastStepOn) ? stepOn : state.lastStepOn;
  return { ...evolveStatus(state, event), lastStepOn };
}

function evolveStatus(state: ProblemState, event: ProblemEvent): ProblemState {
  switch (event.type) {
    case T.Registered:
      return {
        ...state,
        status: 'registered',
        problemId: event.data.problemId,
        enterpriseUscc: event.data.enterpriseUscc,
        category: event.data.category,
      };
    case T.Categorized:
      return { ...state, category: event.data.to };
    case T.Assigned:
      return {
        ...state,
        status: 'assigned',
        leadUnitId: event.data.leadUnitId,
        coUnitIds: event.data.coUnitIds,
        level: event.data.level,
        deadline: event.data.deadline,
        workingDays: event.data.workingDays,
      };
    case T.Accepted:
      return { ...state, status: 'accepted' };
    case T.Returned:
      return { ...state, status: 'registered', leadUnitId: null, coUnitIds: [], deadline: null, workingDays: null, pendingExtensionDays: null };
    case T.ProgressReported:
      return { ...state, status: 'in_progress' };
    case T.ExtensionRequested:
      return { ...state, pendingExtensionDays: event.data.workingDays };
    case T.ExtensionApproved:
      return { ...state, deadline: event.data.deadline, pendingExtensionDays: null };
    case T.ExtensionRejected:
      return { ...state, pendingExtensionDays: null };
    case T.Escalated:
      return { ...state, level: event.data.to };
    case T.SupervisionIssued:
      return event.data.automatic ? { ...state, autoSupervisedFor: state.deadline } : state;
    case T.FlaggedOverdue:
      return { ...state, overdueFlaggedFor: event.data.deadline };
    case T.Resolved:
      return { ...state, status: 'resolved', outcome: event.data.outcome, pendingExtensionDays: null, everResolved: true };
    case T.FollowedUp:
      return { ...state, status: 'followed_up', lastSatisfaction: event.data.satisfaction };
    case T.Reopened:
      // A new deadline (v2) is watched afresh: the overdue flag and automatic 督办 are per deadline.
      if (event.data.deadline === null) return { ...state, status: 'in_progress', outcome: null };
      return { ...state, status: 'in_progress', outcome: null, deadline: event.data.deadline, overdueFlaggedFor: null, autoSupervisedFor: null };
    case T.Closed:
      return { ...state, status: 'closed' };
    case T.Merged:
      return { ...state, status: 'merged' };
    case T.DuplicateMergedIn:
      return state;
    case T.Withdrawn:
      return { ...state, status: 'withdrawn' };
  }
}
