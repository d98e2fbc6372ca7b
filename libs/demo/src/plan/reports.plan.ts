/*
 * What the schedule would have run: the overdue check every Monday at 01:00 and the monthly summary at
 * 02:00 on the 1st, both before that day's work; and the March summary corrected once the late March
 * visits were entered.
 */
import { addDays, DEMO_UNTIL, type PlanBuilder } from './builder';

export const SYSTEM_ACTOR = 'system';

export function planJobs(b: PlanBuilder, manager: string): void {
  for (let day = '2024-01-08'; day <= DEMO_UNTIL; day = addDays(day, 7)) {
    b.add(`job-overdue-check-${day}`, day, SYSTEM_ACTOR, { kind: 'run-job', job: 'overdue-check', period: day });
  }
  for (let month = 1; month <= 6; month++) {
    const period = `2024-${String(month).padStart(2, '0')}`;
    b.add(`job-monthly-summary-${period}`, `2024-${String(month + 1).padStart(2, '0')}-01`, SYSTEM_ACTOR, { kind: 'run-job', job: 'monthly-summary', period });
  }
  b.add('monthly-summary-2024-03-correction', '2024-04-08', manager, {
    kind: 'correct-monthly-summary',
    month: '2024-03',
    reason: '补录3月下旬走访记录（4月2日至3日录入），更正3月走访家次',
  });
}

/** Jobs run before the day's work (01:00 and 02:00 Asia/Shanghai). */
export const isJob = (kind: string) => kind === 'run-job';
