import { Cron } from 'croner';
import { todayInShanghai } from '@app/platform';
import { JOB_DEFINITIONS, JOB_TIME_ZONE, type JobName } from '../job-definitions';

/**
 * The periods a job's schedule owed between go-live and `now`: every tick that fell in that window, as
 * the period it works on — minus periods that began before go-live (the first tick after going live on
 * 1 September closes August, which the system never saw).
 * `latestOnly`: for jobs whose latest run covers every earlier one (the overdue check flags whatever is
 * overdue on its day), only the last tick is owed.
 */
export function dueRuns(name: JobName, goLive: Date, now: Date, { latestOnly = false } = {}): string[] {
  const definition = JOB_DEFINITIONS[name];
  const schedule = new Cron(definition.cron, { timezone: JOB_TIME_ZONE, paused: true });
  const firstPeriod = definition.periodKind === 'month' ? todayInShanghai(goLive).slice(0, 7) : todayInShanghai(goLive);
  // previousRuns is strictly before its reference: a second later, so a tick at exactly `now` counts.
  const ticks = latestOnly ? schedule.previousRuns(1, new Date(now.getTime() + 1000)) : ticksBetween(schedule, goLive, now);
  return ticks
    .filter((tick) => tick >= goLive && tick <= now)
    .map((tick) => definition.periodFor(todayInShanghai(tick)))
    .filter((period) => period >= firstPeriod);
}

function ticksBetween(schedule: Cron, from: Date, to: Date): Date[] {
  const ticks: Date[] = [];
  // nextRun is strictly after its argument: start a second early so a tick exactly at go-live counts.
  for (let tick = schedule.nextRun(new Date(from.getTime() - 1000)); tick && tick <= to; tick = schedule.nextRun(tick)) ticks.push(tick);
  return ticks;
}
