import { warningColour, type WarningColour, type WarningRules } from '../unit-performance/domain/warning-colour';
import type { WorkingDays } from '../unit-performance/domain/problem-course';

export type { WarningColour, WarningRules };

/** The read-model columns the colour needs: no event is folded to colour a list row. */
export interface WarningColumns {
  status: string;
  assignedOn: string | null;
  deadline: string | null;
  pendingExtensionDays: number | null;
}

/** 三色预警 of a problems read-model row on `today` (the definition is warningColour). */
export function warningOfRow(row: WarningColumns, today: string, rules: WarningRules, calendar: WorkingDays): WarningColour | null {
  return warningColour(
    { status: row.status, assignedOn: row.assignedOn, deadline: row.deadline, extensionPending: row.pendingExtensionDays !== null },
    today,
    rules,
    calendar,
  );
}
