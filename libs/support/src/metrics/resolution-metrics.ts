import { median, ratio, type Ratio } from './ratio';
import type { ProblemSnapshot } from './problem-as-of';
import { groupBy as groupByKey } from '@app/platform/collections/group-by';

export type ResolutionGroupBy = 'unit' | 'category' | 'level' | 'month' | 'none';

export interface ResolutionFigures {
  group: string;
  /** 收集问题数: registered in scope, excluding merged-as-duplicate and withdrawn. */
  collected: number;
  /** 问题解决率: resolved with outcome solved, as of the report date ÷ collected. */
  resolutionRate: Ratio;
  /** 办结率: concluded with any outcome (solved, explained policy, long term) ÷ collected. */
  conclusionRate: Ratio;
  /** 满意率: (satisfied + basically satisfied) ÷ follow-ups recorded. */
  satisfactionRate: Ratio;
  /** Satisfied only ÷ follow-ups recorded (stated beside it, as the definition asks). */
  strictSatisfactionRate: Ratio;
  /** 按期办结率: concluded on or before the deadline in force (extensions included) ÷ concluded. */
  onTimeRate: Ratio;
  /** Not concluded and past the deadline on the report date. */
  overdue: number;
  /** Median working days from assignment (or registration) to conclusion, over concluded problems. */
  medianWorkingDaysToResolve: number | null;
}

const CONCLUDED = new Set(['concluded', 'closed']);

/**
 * The resolution figures for a set of as-of snapshots, grouped. Pure: numerator and denominator are
 * kept with every rate so a published figure can be checked problem by problem.
 */
export function resolutionFigures(
  snapshots: readonly ProblemSnapshot[],
  asOf: string,
  groupBy: ResolutionGroupBy,
  workingDaysBetween: (from: string, to: string) => number | null,
): ResolutionFigures[] {
  const counted = snapshots.filter((s) => s.status !== 'merged' && s.status !== 'withdrawn');
  const groups = groupByKey(counted, (s) => groupKey(s, groupBy));
  if (groupBy === 'none' && groups.size === 0) groups.set('all', []);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => figures(group, members, asOf, workingDaysBetween));
}

function groupKey(s: ProblemSnapshot, groupBy: ResolutionGroupBy): string {
  switch (groupBy) {
    case 'unit':
      return s.leadUnitId ?? 'unassigned';
    case 'category':
      return s.category;
    case 'level':
      return s.level ?? 'unassigned';
    case 'month':
      return s.registeredOn.slice(0, 7);
    case 'none':
      return 'all';
  }
}

export type ResolutionFigureName = 'collected' | 'resolutionRate' | 'conclusionRate' | 'satisfactionRate' | 'onTimeRate' | 'overdue';
export type ResolutionFigurePart = 'numerator' | 'denominator';

/**
 * The order every list of problems is shown in (GET /problems, a figure's records, an export): newest registration
 * first, then by id. (Ids compare by code unit here; the database's collation agrees for ids of letters, digits and '-'.)
 */
export function inListOrder(a: { registeredOn: string; problemId: string }, b: { registeredOn: string; problemId: string }): number {
  if (a.registeredOn !== b.registeredOn) return a.registeredOn < b.registeredOn ? 1 : -1;
  return a.problemId < b.problemId ? -1 : a.problemId > b.problemId ? 1 : 0;
}

/**
 * The problems behind one published figure — the same predicates `figures` counts, so a drill-down list
 * has exactly as many rows as the number it opens. 满意率 counts follow-ups: its lists are the problems
 * that had a (satisfied or basically satisfied) follow-up.
 */
export function figureMembers(
  snapshots: readonly ProblemSnapshot[],
  asOf: string,
  groupBy: ResolutionGroupBy,
  group: string | null,
  figure: ResolutionFigureName,
  part: ResolutionFigurePart,
): ProblemSnapshot[] {
  const members = snapshots
    .filter((s) => s.status !== 'merged' && s.status !== 'withdrawn')
    .filter((s) => group === null || groupKey(s, groupBy) === group);
  const concluded = members.filter(isConcluded);
  switch (figure) {
    case 'collected':
      return members;
    case 'resolutionRate':
      return part === 'numerator' ? concluded.filter(isSolved) : members;
    case 'conclusionRate':
      return part === 'numerator' ? concluded : members;
    case 'satisfactionRate':
      return part === 'numerator' ? members.filter((s) => s.followUps.some(isSatisfiedEnough)) : members.filter((s) => s.followUps.length > 0);
    case 'onTimeRate':
      return part === 'numerator' ? concluded.filter(isOnTime) : concluded;
    case 'overdue':
      return members.filter((s) => isOverdue(s, asOf));
  }
}

const isConcluded = (s: ProblemSnapshot) => CONCLUDED.has(s.status);
const isSolved = (s: ProblemSnapshot) => s.outcome === 'solved';
const isSatisfiedEnough = (f: string) => f === 'satisfied' || f === 'basically_satisfied';
const isOnTime = (s: ProblemSnapshot) => s.deadlineAtConclusion !== null && s.concludedOn! <= s.deadlineAtConclusion;
const isOverdue = (s: ProblemSnapshot, asOf: string) => !isConcluded(s) && s.deadline !== null && s.deadline < asOf;

function figures(
  group: string,
  members: ProblemSnapshot[],
  asOf: string,
  workingDaysBetween: (from: string, to: string) => number | null,
): ResolutionFigures {
  const concluded = members.filter(isConcluded);
  const solved = concluded.filter(isSolved);
  const followUps = members.flatMap((s) => s.followUps);
  const satisfied = followUps.filter((f) => f === 'satisfied').length;
  const basically = followUps.filter((f) => f === 'basically_satisfied').length;
  const onTime = concluded.filter(isOnTime);
  const overdue = members.filter((s) => isOverdue(s, asOf)).length;
  const durations = concluded
    // No conclusion date (a history no decider writes, but a generated one can): no duration, so no median.
    .map((s) => (s.concludedOn === null ? null : workingDaysBetween(s.assignedOn ?? s.registeredOn, s.concludedOn)))
    .filter((n): n is number => n !== null);
  return {
    group,
    collected: members.length,
    resolutionRate: ratio(solved.length, members.length),
    conclusionRate: ratio(concluded.length, members.length),
    satisfactionRate: ratio(satisfied + basically, followUps.length),
    strictSatisfactionRate: ratio(satisfied, followUps.length),
    onTimeRate: ratio(onTime.length, concluded.length),
    overdue,
    medianWorkingDaysToResolve: durations.length === concluded.length ? median(durations) : null,
  };
}
