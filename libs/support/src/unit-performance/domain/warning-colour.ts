import type { WorkingDays } from './problem-course';

/** 三色预警, worst first. */
export const WARNING_COLOURS = ['red', 'yellow', 'blue'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** What the colour needs of a problem: as the problem list row or a problem course has it. */
export interface WarningInput {
  status: string;
  assignedOn: string | null;
  deadline: string | null;
  /** An extension asked and not yet decided. */
  extensionPending: boolean;
}

export interface WarningRules {
  /** Blue when the deadline is within this many working days (default 2). */
  blueWithinWorkingDays: number;
  /** Yellow when not accepted within this many working days of 交办 (default 1). */
  acceptanceLimitWorkingDays: number;
}

const WATCHED = new Set(['assigned', 'accepted', 'in_progress']);

/**
 * The colour of an open problem on `today`, or null (no warning, or not open). Red = overdue; yellow =
 * an extension asked, or not accepted within the acceptance limit; blue = deadline within N working
 * days. The worst colour wins. A date outside the loaded calendar years gives no blue/yellow rather than a guess.
 */
export function warningColour(p: WarningInput, today: string, rules: WarningRules, calendar: WorkingDays): WarningColour | null {
  if (!WATCHED.has(p.status) || p.deadline === null) return null;
  if (p.deadline < today) return 'red';
  if (p.extensionPending) return 'yellow';
  if (p.status === 'assigned' && p.assignedOn !== null) {
    const due = calendar.addWorkingDays(p.assignedOn, rules.acceptanceLimitWorkingDays);
    if (due !== null && due < today) return 'yellow';
  }
  const left = calendar.workingDaysBetween(today, p.deadline);
  if (left !== null && left <= rules.blueWithinWorkingDays) return 'blue';
  return null;
}

export const worstFirst = (a: WarningColour | null, b: WarningColour | null) =>
  (a === null ? 3 : WARNING_COLOURS.indexOf(a)) - (b === null ? 3 : WARNING_COLOURS.indexOf(b));
