import type { WorkingDays } from '../unit-performance/domain/problem-course';
import type { WarningRules } from '../unit-performance/domain/warning-colour';

/**
 * warningColour turned into two dates, so SQL can colour (and count, and sort) every open problem in one
 * statement instead of asking the calendar once per row:
 * - yellow (not accepted in time) iff assignedOn < acceptedLateIfAssignedBefore;
 * - blue iff today <= deadline < blueIfDeadlineBefore.
 * Both hold because addWorkingDays is monotone in its start date. A null (calendar year not loaded)
 * means that colour is not given, as warningColour does.
 */
export interface WarningCutoffs {
  today: string;
  acceptedLateIfAssignedBefore: string | null;
  blueIfDeadlineBefore: string | null;
}

const LOOK_BACK_DAYS = 400;

export function warningCutoffs(today: string, rules: WarningRules, calendar: WorkingDays): WarningCutoffs {
  // Late iff addWorkingDays(assignedOn, L) < today: walk back to the earliest start whose limit still reaches today.
  let earliest: string | null = null;
  let day = today;
  for (let i = 0; i < LOOK_BACK_DAYS; i++) {
    const due = calendar.addWorkingDays(day, rules.acceptanceLimitWorkingDays);
    if (due === null || due < today) break;
    earliest = day;
    day = previousDay(day);
  }
  // workingDaysBetween(today, deadline) <= N iff deadline comes before the (N+1)-th working day after today.
  return { today, acceptedLateIfAssignedBefore: earliest, blueIfDeadlineBefore: calendar.addWorkingDays(today, rules.blueWithinWorkingDays + 1) };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
