import { isCalendarDate, todayInShanghai } from '@app/platform';

/** The scheduled jobs; each has a queue of its own, named after it. */
export const JOB_NAMES = ['monthly-summary', 'overdue-check', 'certification-expiry', 'idempotency-pruning', 'unit-digest'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(value: unknown): value is JobName {
  return typeof value === 'string' && (JOB_NAMES as readonly string[]).includes(value);
}

/** Every cron pattern is read in the bureau's time zone, whatever the server's is. */
export const JOB_TIME_ZONE = 'Asia/Shanghai';

interface JobDefinition {
  /** Cron pattern (minute hour day month weekday) in JOB_TIME_ZONE. */
  cron: string;
  /** What a period of this job looks like. */
  periodKind: 'month' | 'date';
  /** The period a run fired on `today` (a Shanghai date) works on. */
  periodFor(today: string): string;
}

export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  // The month is closed once it is over: on the 1st, the summary is of the month before.
  'monthly-summary': { cron: '0 2 1 * *', periodKind: 'month', periodFor: (today) => previousMonth(today) },
  'overdue-check': { cron: '0 1 * * *', periodKind: 'date', periodFor: (today) => today },
  'certification-expiry': { cron: '30 1 * * *', periodKind: 'date', periodFor: (today) => today },
  // After the overdue check (01:00) has flagged the night's overdue problems, before the working day starts.
  'unit-digest': { cron: '15 1 * * *', periodKind: 'date', periodFor: (today) => today },
  // In the quiet hours, after the others: it only deletes records older than the retention.
  'idempotency-pruning': { cron: '45 3 * * *', periodKind: 'date', periodFor: (today) => today },
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function previousMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export class InvalidJobPeriod extends Error {}

/** The period to run: the one asked for (checked against the job's kind), or the one due at `now`. */
export function resolvePeriod(name: JobName, period: string | undefined, now: Date = new Date()): string {
  const definition = JOB_DEFINITIONS[name];
  if (period === undefined) return definition.periodFor(todayInShanghai(now));
  const ok = definition.periodKind === 'month' ? MONTH.test(period) : isCalendarDate(period);
  if (!ok) throw new InvalidJobPeriod(`${name} takes a period of the form ${definition.periodKind === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'}, not '${period}'`);
  return period;
}

/**
 * The job id for one run of a job: the same job, zone and period always give the same id, so a
 * scheduler tick, an admin trigger and a retry of the same period are one job, not three.
 * BullMQ refuses ids with ':' unless they have exactly three parts — this shape has three.
 */
export function jobId(name: JobName, zone: string, period: string): string {
  return `${name}:${zone}:${period}`;
}

/** The data every queued run carries. */
export interface JobRunData {
  period: string;
}
