import { ProblemEventTypes as T } from '../problems/domain/problem.events';

/** A problem event as the problem_facts read model keeps it. */
export interface ProblemFact {
  problemId: string;
  streamPosition: number;
  type: string;
  onDate: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored payloads of many event types, read by field
  data: Record<string, any>;
}

/** What a problem was on a given date, as far as the metrics care. */
export interface ProblemSnapshot {
  problemId: string;
  registeredOn: string;
  category: string;
  level: string | null;
  leadUnitId: string | null;
  status: 'open' | 'concluded' | 'closed' | 'merged' | 'withdrawn';
  outcome: string | null;
  assignedOn: string | null;
  deadline: string | null;
  concludedOn: string | null;
  /** The deadline in force when it was concluded (extensions included). */
  deadlineAtConclusion: string | null;
  followUps: string[];
}

/**
 * Folds one problem's facts up to `asOf` (business dates), in stream order. Pure; the same facts and
 * date always give the same snapshot — which is what makes a published figure reproducible.
 */
export function problemAsOf(facts: readonly ProblemFact[], asOf: string): ProblemSnapshot | null {
  let s: ProblemSnapshot | null = null;
  for (const f of [...facts].sort((a, b) => a.streamPosition - b.streamPosition)) {
    if (f.onDate > asOf) continue;
    const d = f.data;
    if (f.type === T.Registered) {
      s = {
        problemId: f.problemId,
        registeredOn: d.raisedOn,
        category: d.category,
        level: null,
        leadUnitId: null,
        status: 'open',
        outcome: null,
        assignedOn: null,
        deadline: null,
        concludedOn: null,
        deadlineAtConclusion: null,
        followUps: [],
      };
      continue;
    }
    if (!s) continue;
    switch (f.type) {
      case T.Categorized:
        s = { ...s, category: d.to };
        break;
      case T.Assigned:
        s = { ...s, leadUnitId: d.leadUnitId, level: d.level, assignedOn: d.assignedOn, deadline: d.deadline };
        break;
      case T.Returned:
        s = { ...s, leadUnitId: null, assignedOn: null, deadline: null };
        break;
      case T.ExtensionApproved:
        s = { ...s, deadline: d.deadline };
        break;
      case T.Escalated:
        s = { ...s, level: d.to };
        break;
      case T.Resolved:
        s = { ...s, status: 'concluded', outcome: d.outcome, concludedOn: d.resolvedOn, deadlineAtConclusion: d.deadline };
        break;
      case T.FollowedUp:
        // In place: every copy of s made above is this fold's own and is dropped, so nothing else sees the array.
        // Copying it per follow-up made a long-lived problem quadratic.
        s.followUps.push(d.satisfaction);
        break;
      case T.Reopened:
        // 重办 sets a new deadline (v2); facts stored from a v1 reopen have none and keep the old one.
        s = { ...s, status: 'open', outcome: null, concludedOn: null, deadlineAtConclusion: null, deadline: d.deadline ?? s.deadline };
        break;
      case T.Closed:
        s = { ...s, status: 'closed' };
        break;
      case T.Merged:
        s = { ...s, status: 'merged' };
        break;
      case T.Withdrawn:
        s = { ...s, status: 'withdrawn' };
        break;
    }
  }
  return s;
}
