import { problemAsOf, type ProblemFact } from './problem-as-of';
import { ratio } from './ratio';
import { resolutionFigures } from './resolution-metrics';

/** Fact builder: one problem's events in stream order, with their business dates. */
function problem(id: string, steps: ReadonlyArray<readonly [type: string, onDate: string, data?: Record<string, unknown>]>): ProblemFact[] {
  return steps.map(([type, onDate, data = {}], i) => ({ problemId: id, streamPosition: i + 1, type, onDate, data }));
}
const registered = (on: string, category = '融资') => ['ProblemRegistered', on, { raisedOn: on, category }] as const;
const assigned = (on: string, deadline: string, unit = 'unit-a', level = 'district') =>
  ['ProblemAssigned', on, { leadUnitId: unit, level, assignedOn: on, deadline }] as const;
const resolved = (on: string, outcome: string, deadline: string) =>
  ['ProblemResolved', on, { outcome, resolvedOn: on, deadline }] as const;
const followedUp = (on: string, satisfaction: string) => ['ProblemFollowedUp', on, { satisfaction }] as const;

// Weekdays-only stand-in for the working-day calendar (June 2024 had no public holiday after the 10th).
const weekdaysBetween = (from: string, to: string) => {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
    d = new Date(d.getTime() + 86_400_000);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
  }
  return n;
};

describe('ratio', () => {
  it('rounds half up to one decimal with integers: 377/378 = 99.7%', () => {
    expect(ratio(377, 378)).toEqual({ numerator: 377, denominator: 378, percent: 99.7, display: '99.7%' });
    expect(ratio(1, 8)).toMatchObject({ percent: 12.5, display: '12.5%' }); // exactly .5 of a tenth stays
    expect(ratio(1, 3)).toMatchObject({ percent: 33.3 });
    expect(ratio(2, 3)).toMatchObject({ percent: 66.7 });
    expect(ratio(0, 0)).toMatchObject({ percent: null, display: '—' });
  });
});

describe('problemAsOf', () => {
  const facts = problem('p1', [
    registered('2024-06-03'),
    assigned('2024-06-03', '2024-06-14'),
    resolved('2024-06-10', 'solved', '2024-06-14'),
    followedUp('2024-06-20', 'unsatisfied'),
    ['ProblemReopened', '2024-06-20', {}],
    resolved('2024-07-02', 'explained_policy', '2024-06-14'),
  ]);

  it('is the state at the end of the report date, ignoring later facts', () => {
    expect(problemAsOf(facts, '2024-06-15')).toMatchObject({ status: 'concluded', outcome: 'solved', concludedOn: '2024-06-10' });
    expect(problemAsOf(facts, '2024-06-25')).toMatchObject({ status: 'open', outcome: null, followUps: ['unsatisfied'] });
    expect(problemAsOf(facts, '2024-07-31')).toMatchObject({ status: 'concluded', outcome: 'explained_policy' });
    expect(problemAsOf(facts, '2024-06-02')).toBeNull();
  });
});

describe('resolution figures for a known June 2024 cohort (computed by hand)', () => {
  // p1 solved on time (06-07 ≤ 06-14), 4 weekdays after assignment on 06-03, satisfied.
  // p2 solved late (06-21 > 06-19), 10 weekdays after 06-07, basically satisfied.
  // p3 explained-policy on time (06-12 ≤ 06-20), 5 weekdays after 06-05 — counts for 办结率, not 解决率.
  // p4 assigned, deadline 06-18, still open on 06-28 → overdue.
  // p5 registered, never assigned, open — not overdue (no deadline).
  // p6 withdrawn, p7 merged: not collected.
  // p8 solved 06-10, but an unsatisfied follow-up on 06-25 reopened it: open on 06-28.
  const facts = [
    problem('p1', [registered('2024-06-03'), assigned('2024-06-03', '2024-06-14'), resolved('2024-06-07', 'solved', '2024-06-14'), followedUp('2024-06-08', 'satisfied')]),
    problem('p2', [registered('2024-06-06', '用工'), assigned('2024-06-07', '2024-06-19', 'unit-b'), resolved('2024-06-21', 'solved', '2024-06-19'), followedUp('2024-06-24', 'basically_satisfied')]),
    problem('p3', [registered('2024-06-05'), assigned('2024-06-05', '2024-06-20'), resolved('2024-06-12', 'explained_policy', '2024-06-20')]),
    problem('p4', [registered('2024-06-10', '用工'), assigned('2024-06-10', '2024-06-18', 'unit-b')]),
    problem('p5', [registered('2024-06-20')]),
    problem('p6', [registered('2024-06-11'), ['ProblemWithdrawn', '2024-06-12', {}]]),
    problem('p7', [registered('2024-06-11'), ['ProblemMerged', '2024-06-12', {}]]),
    problem('p8', [registered('2024-06-04'), assigned('2024-06-04', '2024-06-14'), resolved('2024-06-10', 'solved', '2024-06-14'), followedUp('2024-06-25', 'unsatisfied'), ['ProblemReopened', '2024-06-25', {}]]),
  ];
  const snapshots = facts.map((f) => problemAsOf(f, '2024-06-28')!);

  it('totals', () => {
    const [total] = resolutionFigures(snapshots, '2024-06-28', 'none', weekdaysBetween);
    expect(total.collected).toBe(6); // p1 p2 p3 p4 p5 p8
    expect(total.resolutionRate).toMatchObject({ numerator: 2, denominator: 6, percent: 33.3 }); // p1 p2
    expect(total.conclusionRate).toMatchObject({ numerator: 3, denominator: 6, percent: 50 }); // + p3
    expect(total.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3, percent: 66.7 }); // p1, p2 of p1 p2 p8
    expect(total.strictSatisfactionRate).toMatchObject({ numerator: 1, denominator: 3, percent: 33.3 });
    expect(total.onTimeRate).toMatchObject({ numerator: 2, denominator: 3, percent: 66.7 }); // p1 p3
    expect(total.overdue).toBe(2); // p4 (06-18) and p8 (reopened, 06-14)
    expect(total.medianWorkingDaysToResolve).toBe(5); // 4, 10, 5 → 5
  });

  it('grouped by lead unit and by category', () => {
    const byUnit = resolutionFigures(snapshots, '2024-06-28', 'unit', weekdaysBetween);
    expect(byUnit.map((g) => [g.group, g.collected, g.resolutionRate.numerator, g.overdue])).toEqual([
      ['unassigned', 1, 0, 0],
      ['unit-a', 3, 1, 1],
      ['unit-b', 2, 1, 1],
    ]);
    const byCategory = resolutionFigures(snapshots, '2024-06-28', 'category', weekdaysBetween);
    expect(byCategory.map((g) => [g.group, g.collected])).toEqual([
      ['用工', 2],
      ['融资', 4],
    ]);
  });

  it('the same cohort as of an earlier date gives the figures of that date', () => {
    const earlier = facts.map((f) => problemAsOf(f, '2024-06-15')).filter((s) => s !== null);
    const [total] = resolutionFigures(earlier, '2024-06-15', 'none', weekdaysBetween);
    expect(total.collected).toBe(5); // p5 not yet registered; p6, p7 already out
    expect(total.resolutionRate).toMatchObject({ numerator: 2, denominator: 5 }); // p1, p8 (not yet reopened)
    expect(total.overdue).toBe(0); // p2's deadline 06-19, p4's 06-18: not yet passed
  });
});
