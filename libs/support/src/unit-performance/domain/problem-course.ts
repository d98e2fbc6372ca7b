import type { ProblemFact } from '../../metrics/problem-as-of';
import { ProblemEventTypes as T } from '../../problems/domain/problem.events';

/** The working-day arithmetic the definitions need; null when a date lies in a year the calendar has not loaded. */
export interface WorkingDays {
  addWorkingDays(start: string, n: number): string | null;
  workingDaysBetween(from: string, to: string): number | null;
}

/** One 交办 to a lead unit and how that unit answered it (签收 or 退回). */
export interface AssignmentRecord {
  problemId: string;
  /** 1 for the first 交办 of the problem, 2 for the reassignment after a return, … */
  seq: number;
  unitId: string;
  coUnitIds: string[];
  assignedOn: string;
  /** The last day of the acceptance limit: the unit should accept or return it by then. */
  acceptanceDue: string | null;
  answer: 'accepted' | 'returned' | null;
  answeredOn: string | null;
  returnReason: string | null;
  /** Working days from 交办 to the answer (签收 or 退回); null while unanswered. */
  workingDaysToAnswer: number | null;
}

export interface Conclusion {
  on: string;
  outcome: string;
  /** The deadline in force when it was concluded (extensions included). */
  deadline: string;
  onTime: boolean;
}

/** A problem's course as of a report date: what the unit-performance definitions fold it into. */
export interface ProblemCourse {
  problemId: string;
  enterpriseUscc: string;
  title: string;
  category: string;
  registeredOn: string;
  status: 'registered' | 'assigned' | 'accepted' | 'concluded' | 'closed' | 'merged' | 'withdrawn';
  /** The unit holding it now (assigned or accepted); null after a return until it is reassigned. */
  leadUnitId: string | null;
  coUnitIds: string[];
  assignments: AssignmentRecord[];
  acceptedOn: string | null;
  /** 流转次数: assignments until one unit accepted (all of them while none has). */
  transfers: number;
  /** Working days from the first 交办 to the acceptance that stuck (or to the report date while none has). */
  limboWorkingDays: number | null;
  deadline: string | null;
  extensionsRequested: number;
  extensionsApproved: number;
  /** An extension asked and not yet decided. */
  extensionPending: boolean;
  conclusions: Conclusion[];
  followUps: { on: string; satisfaction: string }[];
  reopens: number;
  closedOn: string | null;
}

const OPEN_AFTER_REOPEN = 'accepted' as const;

/**
 * Folds one problem's facts (any order; stream order is restored) up to the end of `asOf`. Pure and
 * deterministic: the same facts, date, calendar and limit always give the same course.
 */
export function problemCourse(
  facts: readonly ProblemFact[],
  asOf: string,
  calendar: WorkingDays,
  acceptanceLimitWorkingDays: number,
): ProblemCourse | null {
  let c: ProblemCourse | null = null;
  const ordered = facts.filter((f) => f.onDate <= asOf).sort((a, b) => a.streamPosition - b.streamPosition);
  for (const f of ordered) {
    const d = f.data;
    if (f.type === T.Registered) {
      c = {
        problemId: f.problemId,
        enterpriseUscc: d.enterpriseUscc,
        title: d.title,
        category: d.category,
        registeredOn: d.raisedOn,
        status: 'registered',
        leadUnitId: null,
        coUnitIds: [],
        assignments: [],
        acceptedOn: null,
        transfers: 0,
        limboWorkingDays: null,
        deadline: null,
        extensionsRequested: 0,
        extensionsApproved: 0,
        extensionPending: false,
        conclusions: [],
        followUps: [],
        reopens: 0,
        closedOn: null,
      };
      continue;
    }
    if (!c) continue;
    const open = c.assignments.at(-1);
    switch (f.type) {
      case T.Categorized:
        c.category = d.to;
        break;
      case T.Assigned:
        c.status = 'assigned';
        c.leadUnitId = d.leadUnitId;
        c.coUnitIds = d.coUnitIds ?? [];
        c.deadline = d.deadline;
        c.assignments.push({
          problemId: c.problemId,
          seq: c.assignments.length + 1,
          unitId: d.leadUnitId,
          coUnitIds: d.coUnitIds ?? [],
          assignedOn: d.assignedOn,
          acceptanceDue: calendar.addWorkingDays(d.assignedOn, acceptanceLimitWorkingDays),
          answer: null,
          answeredOn: null,
          returnReason: null,
          workingDaysToAnswer: null,
        });
        break;
      case T.Accepted:
      case T.Returned:
        if (open && open.answer === null) {
          open.answer = f.type === T.Accepted ? 'accepted' : 'returned';
          open.answeredOn = f.type === T.Accepted ? d.acceptedOn : d.returnedOn;
          open.returnReason = f.type === T.Returned ? d.reason : null;
          open.workingDaysToAnswer = calendar.workingDaysBetween(open.assignedOn, open.answeredOn!);
        }
        if (f.type === T.Accepted) {
          c.status = 'accepted';
          c.acceptedOn = d.acceptedOn;
        } else {
          c.status = 'registered';
          c.leadUnitId = null;
          c.coUnitIds = [];
          c.deadline = null;
          c.extensionPending = false;
        }
        break;
      case T.ExtensionRequested:
        c.extensionsRequested += 1;
        c.extensionPending = true;
        break;
      case T.ExtensionApproved:
        c.extensionsApproved += 1;
        c.extensionPending = false;
        c.deadline = d.deadline;
        break;
      case T.ExtensionRejected:
        c.extensionPending = false;
        break;
      case T.Resolved:
        c.status = 'concluded';
        c.extensionPending = false;
        c.conclusions.push({ on: d.resolvedOn, outcome: d.outcome, deadline: d.deadline, onTime: d.resolvedOn <= d.deadline });
        break;
      case T.FollowedUp:
        c.followUps.push({ on: d.followedUpOn ?? f.onDate, satisfaction: d.satisfaction });
        break;
      case T.Reopened:
        // 重办 goes back to the same lead unit; it is not a new 交办, so 流转次数 does not grow.
        c.status = OPEN_AFTER_REOPEN;
        c.reopens += 1;
        if (d.deadline) c.deadline = d.deadline;
        break;
      case T.Closed:
        c.status = 'closed';
        c.closedOn = d.closedOn;
        break;
      case T.Merged:
        c.status = 'merged';
        break;
      case T.Withdrawn:
        c.status = 'withdrawn';
        break;
    }
  }
  if (!c) return null;
  const accepted = c.assignments.findIndex((a) => a.answer === 'accepted');
  c.transfers = accepted === -1 ? c.assignments.length : accepted + 1;
  const first = c.assignments[0];
  const limboEnd = accepted === -1 ? (c.status === 'merged' || c.status === 'withdrawn' ? null : asOf) : c.assignments[accepted].answeredOn;
  c.limboWorkingDays = first && limboEnd ? calendar.workingDaysBetween(first.assignedOn, limboEnd) : null;
  return c;
}

/** A problem still being worked on (not concluded, closed, merged or withdrawn). */
export const isOpenCourse = (c: ProblemCourse) => c.status === 'registered' || c.status === 'assigned' || c.status === 'accepted';
