import type { WorkingDays } from '@app/support';
import type { DigestCause, DigestColour, DigestLine, EscalationCause, EscalationLine } from './unit-digest.events';

/** An open problem with the colour the shared 三色预警 SQL gave it (never re-decided here). */
export interface ColouredProblem {
  problemId: string;
  title: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  leadUnitId: string;
  status: string;
  assignedOn: string | null;
  deadline: string;
  pendingExtensionDays: number | null;
  colour: DigestColour;
}

/** Why the colour holds on `date`: the one rule of warningColour that gave it, with its working days. */
export function causeOf(p: ColouredProblem, date: string, calendar: WorkingDays): DigestCause {
  switch (p.colour) {
    case 'red':
      return { kind: 'overdue', workingDays: calendar.workingDaysBetween(p.deadline, date) };
    case 'yellow':
      // Same order as the definition: an extension asked outranks a late acceptance.
      if (p.pendingExtensionDays !== null) return { kind: 'extension_pending', workingDays: p.pendingExtensionDays };
      return { kind: 'not_accepted', workingDays: p.assignedOn ? calendar.workingDaysBetween(p.assignedOn, date) : null };
    case 'blue':
      return { kind: 'due_soon', workingDays: calendar.workingDaysBetween(date, p.deadline) };
  }
}

export function reasonText(cause: DigestCause): string {
  switch (cause.kind) {
    case 'overdue':
      // Past by calendar days only (a deadline on Saturday read on Sunday): no working day lost yet.
      return cause.workingDays ? `已超期${cause.workingDays}个工作日` : '已过办理期限';
    case 'extension_pending':
      return `申请延期${cause.workingDays}个工作日，待审批`;
    case 'not_accepted':
      return cause.workingDays === null ? '交办后超过签收时限未签收' : `交办后${cause.workingDays}个工作日未签收`;
    case 'due_soon':
      return cause.workingDays === 0 ? '今日到期' : `${cause.workingDays ?? ''}个工作日内到期`;
  }
}

const COLOUR_RANK: Record<DigestColour, number> = { red: 0, yellow: 1, blue: 2 };

/**
 * Most delayed first: red by working days overdue (most first), then yellow, then blue by deadline (soonest
 * first); ties by deadline, then problem id, so the same problems always give the same order.
 */
export function byMostDelayed(a: DigestLine, b: DigestLine): number {
  const rank = COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour];
  if (rank !== 0) return rank;
  if (a.cause.kind === 'overdue' && b.cause.kind === 'overdue') {
    const days = (b.cause.workingDays ?? 0) - (a.cause.workingDays ?? 0);
    if (days !== 0) return days;
  }
  return (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.problemId.localeCompare(b.problemId);
}

/** One unit's lines on `date`, most delayed first. */
export function digestLines(problems: readonly ColouredProblem[], date: string, calendar: WorkingDays): DigestLine[] {
  return problems
    .map((p) => {
      const cause = causeOf(p, date, calendar);
      const { problemId, title, enterpriseUscc, enterpriseName, deadline, colour } = p;
      return { problemId, title, enterpriseUscc, enterpriseName, deadline, colour, cause, reason: reasonText(cause) };
    })
    .sort(byMostDelayed);
}

/** A problem waiting for a unit to take it: assigned and not accepted, or returned and not assigned again. */
export interface UnacceptedProblem {
  problemId: string;
  title: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  unitId: string | null;
  state: 'assigned' | 'returned';
  /** The 交办 date, or the date it was returned. */
  since: string;
}

export function escalationReason(cause: EscalationCause): string {
  return cause.kind === 'assigned_not_accepted' ? `交办后${cause.workingDays}个工作日无单位签收` : `退回后${cause.workingDays}个工作日未重新交办`;
}

/**
 * 督办 material for managers: problems no unit has taken for at least `afterWorkingDays` working days on `date`,
 * the longest waiting first. A date outside the loaded calendar gives no line rather than a guess.
 */
export function escalationLines(problems: readonly UnacceptedProblem[], date: string, afterWorkingDays: number, calendar: WorkingDays): EscalationLine[] {
  const lines: EscalationLine[] = [];
  for (const p of problems) {
    const workingDays = calendar.workingDaysBetween(p.since, date);
    if (workingDays === null || workingDays < afterWorkingDays) continue;
    const cause: EscalationCause = { kind: p.state === 'assigned' ? 'assigned_not_accepted' : 'returned_not_reassigned', workingDays, since: p.since };
    const { problemId, title, enterpriseUscc, enterpriseName, unitId } = p;
    lines.push({ problemId, title, enterpriseUscc, enterpriseName, unitId, cause, reason: escalationReason(cause) });
  }
  return lines.sort((a, b) => b.cause.workingDays - a.cause.workingDays || a.problemId.localeCompare(b.problemId));
}
