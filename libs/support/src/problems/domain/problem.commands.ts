import type { UnitStanding } from '../../handling-units/domain/handling-unit.errors';
import type { ProblemStatus } from './problem.state';
import type { Level, Outcome, ProblemCategory, ProblemSource, Satisfaction } from './problem.events';

/** Who is acting. A unit handler acts for one handling unit and only on what is assigned to it. */
export interface Actor {
  userId: string;
  /** 'system' is the scheduled jobs' actor. */
  role: 'caseworker' | 'unit_handler' | 'manager' | 'admin' | 'system';
  unitId: string | null;
}

/**
 * Working-day arithmetic over a loaded calendar, handed in by the application layer so that decide
 * stays pure: the same inputs always give the same deadline.
 */
export type DeadlineCalculator = (from: string, workingDays: number) => string;

/** Whether a unit may be given work, from the registry's log; handed in like the calendar. */
export type UnitStandingLookup = (unitId: string) => UnitStanding;
/** The problem a duplicate is merged into, folded from its own stream by the handler (not from a read model). */
export interface MergeTarget {
  problemId: string;
  status: ProblemStatus;
  enterpriseUscc: string | null;
}

interface Base {
  actor: Actor;
  /** The problem addressed (for messages); the stream already identifies it. */
  problemId?: string;
  /** The business date of the act ('YYYY-MM-DD', Asia/Shanghai); late logging gives an earlier date. */
  on: string;
  /** Today in Asia/Shanghai, from the handler's clock: a step cannot be dated in the future. */
  today?: string;
}

export type ProblemCommand = Base &
  (
    | {
        type: 'RegisterProblem';
        problemId: string;
        enterpriseUscc: string;
        title: string;
        description: string;
        category: ProblemCategory;
        source: ProblemSource;
        visitId: string | null;
      }
    | { type: 'CategorizeProblem'; category: ProblemCategory }
    | {
        type: 'AssignProblem';
        leadUnitId: string;
        coUnitIds: string[];
        level: Level;
        workingDays: number;
        deadlineAfter: DeadlineCalculator;
        unitStanding: UnitStandingLookup;
      }
    | { type: 'AcceptProblem' }
    | { type: 'ReturnProblem'; reason: string }
    | { type: 'ReportProgress'; note: string }
    | { type: 'RequestExtension'; workingDays: number; reason: string }
    | { type: 'ApproveExtension'; deadlineAfter: DeadlineCalculator }
    | { type: 'RejectExtension'; reason: string }
    | { type: 'EscalateProblem'; to: Level; reason: string }
    /** A manual 督办; the automatic one is CheckOverdue's alone. */
    | { type: 'IssueSupervision'; note: string }
    | { type: 'ResolveProblem'; outcome: Outcome; summary: string }
    | {
        type: 'RecordFollowUp';
        satisfaction: Satisfaction;
        note: string;
        /** 重办's time limit in working days, set by a manager; by default the original assignment's. */
        reopenWorkingDays?: number;
        deadlineAfter: DeadlineCalculator;
      }
    | { type: 'CloseProblem' }
    | { type: 'MergeProblem'; intoProblemId: string; target: MergeTarget }
    | {
        /**
         * The target's half of a merge, decided on the target's own stream and appended in one transaction with the
         * duplicate's: two merges racing over the same pair (A→B, B→A) both write both streams, so one must lose.
         */
        type: 'TakeInDuplicate';
        duplicateProblemId: string;
        duplicateEnterpriseUscc: string;
      }
    | { type: 'WithdrawProblem'; requestedBy: string; reason: string }
    | {
        /** The daily overdue check (a system actor). Working days past the deadline come from the calendar. */
        type: 'CheckOverdue';
        workingDaysOverdue: number;
        /** The bureau's rule: 督办 is issued automatically once a problem is this many working days overdue. */
        superviseAfterWorkingDays: number;
      }
  );

export type ProblemCommandType = ProblemCommand['type'];
