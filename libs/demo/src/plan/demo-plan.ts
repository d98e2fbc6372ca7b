import { createHash } from 'node:crypto';
import { DEMO_UNTIL, demoCalendar, PlanBuilder } from './builder';
import { planCertifications } from './certifications.plan';
import { planEnterprises } from './enterprises.plan';
import { planCourses, planOtherIntake } from './intake.plan';
import { Prng } from './prng';
import { isJob, planJobs } from './reports.plan';
import { planSubsidies } from './subsidies.plan';
import { planVisits } from './visits.plan';
import { DEMO_UNITS, demoAccounts } from './zone';
import type { DemoPlan, DemoStep } from './plan.types';
import { appendTo } from '@app/platform/collections/group-by';

export interface DemoPlanOptions {
  seed?: number;
  /** 1 is a real zone's size (~2,000 firms, ~2,300 visits, ~400 problems); tests use a tenth. */
  scale?: number;
}

export const DEFAULT_DEMO_SEED = 20240630;

/**
 * The whole demo zone from a seed: pure and deterministic (the same seed and scale give the same plan).
 * Each area draws from its own PRNG stream, so changing one area leaves the others as they were.
 */
export function generateDemoPlan({ seed = DEFAULT_DEMO_SEED, scale = 1 }: DemoPlanOptions = {}): DemoPlan {
  if (!(scale > 0 && scale <= 2)) throw new RangeError(`scale must be in (0, 2], not ${scale}`);
  const root = new Prng(seed);
  const b = new PlanBuilder(seed, demoCalendar());
  const accounts = demoAccounts(root.fork('accounts'), seed, Math.max(4, Math.round(14 * scale)));
  const [admin, manager, leader] = accounts;
  const caseworkers = accounts.filter((a) => a.role === 'caseworker');
  const handlers = new Map<string, string[]>();
  for (const a of accounts) if (a.unitId) appendTo(handlers, a.unitId, a.username);

  const firms = planEnterprises(b, root.fork('enterprises'), Math.round(2000 * scale), admin.username);
  const certifications = planCertifications(b, root.fork('certifications'), firms, manager.username);
  const fromVisits = planVisits(b, root.fork('visits'), firms, caseworkers, { firstHalf: Math.round(2250 * scale), july: Math.round(120 * scale) });
  const other = planOtherIntake(b, root.fork('intake'), firms, caseworkers.map((c) => c.username), Math.max(4, Math.round(45 * scale)));
  planCourses(b, root.fork('courses'), [...fromVisits, ...other].sort(byRegistration), { managers: [manager.username, leader.username], handlers });
  planSubsidies(b, root.fork('subsidies'), firms, certifications, manager.username, caseworkers[0].username);
  planJobs(b, manager.username);

  return { seed, scale, until: DEMO_UNTIL, units: [...DEMO_UNITS], accounts, steps: inRecordingOrder(b.steps) };
}

const byRegistration = (a: { recordedOn: string; problemId: string }, b: { recordedOn: string; problemId: string }) =>
  a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : 0;

/** By the day recorded; on one day the jobs first (they run at night), then the day's work in the order planned. */
function inRecordingOrder(steps: readonly DemoStep[]): DemoStep[] {
  return steps
    .map((step, i) => ({ step, i }))
    .sort((x, y) => (x.step.day !== y.step.day ? (x.step.day < y.step.day ? -1 : 1) : Number(!isJob(x.step.action.kind)) - Number(!isJob(y.step.action.kind)) || x.i - y.i))
    .map((x) => x.step);
}

/** Identifies a plan (what the marker stream records): any change to a step changes it. */
export function planFingerprint(plan: DemoPlan): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ seed: plan.seed, scale: plan.scale, accounts: plan.accounts.map((a) => [a.id, a.username, a.role, a.unitId]) }));
  for (const step of plan.steps) h.update(JSON.stringify(step));
  return h.digest('hex');
}
