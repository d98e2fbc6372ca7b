import type { WarningCutoffs } from './warning-cutoffs';

/**
 * The colour of a row of the `problems` read model (alias `p`) as a SQL expression, with its parameters.
 * Same order as warningColour: red, then yellow, then blue; not open or no deadline gives NULL.
 */
export function warningSql(c: WarningCutoffs): { expression: string; parameters: Record<string, string | null> } {
  return {
    expression: `(CASE
      WHEN p.status NOT IN ('assigned', 'accepted', 'in_progress') OR p.deadline IS NULL THEN NULL
      WHEN p.deadline < :warnToday THEN 'red'
      WHEN p.pending_extension_days IS NOT NULL THEN 'yellow'
      WHEN p.status = 'assigned' AND p.assigned_on < CAST(:warnAcceptBefore AS date) THEN 'yellow'
      WHEN p.deadline < CAST(:warnBlueBefore AS date) THEN 'blue'
      ELSE NULL END)`,
    parameters: { warnToday: c.today, warnAcceptBefore: c.acceptedLateIfAssignedBefore, warnBlueBefore: c.blueIfDeadlineBefore },
  };
}
