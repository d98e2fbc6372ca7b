import { newId } from '@app/platform';
import { chineseDaysYear, WorkingDayCalendar, type CalendarYearDates } from '@app/support';
import type { DemoAction, DemoStep } from './plan.types';

/** The demo's half-year, the bit of July after it, and the day the demo stands on. */
export const DEMO_FROM = '2024-01-01';
export const DEMO_PERIOD_END = '2024-06-30';
export const DEMO_UNTIL = '2024-07-15';

/** The idempotency key a step runs under: ids that handlers derive from it are derived here the same way. */
export const stepIdempotencyKey = (seed: number, stepKey: string) => `demo:${seed}:${stepKey}`;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
export { min as earlier, max as later };

/** The 2024 working calendar as the API seeds it (chinese-days), for planning deadlines and working days. */
export function demoCalendar(): WorkingDayCalendar {
  const year = chineseDaysYear(2024);
  if (!year) throw new Error('chinese-days has no 2024 arrangement');
  const dates: CalendarYearDates = { holidays: year.holidays.map((d) => d.date), makeUpWorkdays: year.makeUpWorkdays.map((d) => d.date) };
  return new WorkingDayCalendar(new Map([[2024, dates]]));
}

/** Collects the steps of one area; each area builds its part of the plan with one of these. */
export class PlanBuilder {
  readonly steps: DemoStep[] = [];
  private readonly keys = new Set<string>();

  constructor(
    readonly seed: number,
    readonly calendar: WorkingDayCalendar,
  ) {}

  key(stepKey: string): string {
    return stepIdempotencyKey(this.seed, stepKey);
  }

  /** newId as the handler computes it from this step's idempotency key. */
  idFor(stepKey: string, purpose: string): string {
    return newId(this.key(stepKey), purpose);
  }

  add(key: string, day: string, actor: string, action: DemoAction): DemoStep {
    if (this.keys.has(key)) throw new Error(`duplicate demo step key ${key}`);
    if (day > DEMO_UNTIL) throw new Error(`demo step ${key} is recorded after ${DEMO_UNTIL} (${day})`);
    this.keys.add(key);
    const step = { key, day, actor, action };
    this.steps.push(step);
    return step;
  }

  /** The working day n working days after `date` (n = 0: the date itself if it is a working day, else the next). */
  workingDay(date: string, n = 0): string {
    const start = this.calendar.isWorkingDay(date) || n > 0 ? date : this.calendar.addWorkingDays(date, 1);
    return n > 0 ? this.calendar.addWorkingDays(start, n) : start;
  }

  /** Every working day in [from, to]. */
  workingDays(from: string, to: string): string[] {
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.calendar.isWorkingDay(d)) days.push(d);
    return days;
  }
}
