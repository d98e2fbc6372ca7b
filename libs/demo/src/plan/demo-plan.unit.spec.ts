import { checkUscc } from '@app/enterprises';
import { generateDemoPlan, planFingerprint } from './demo-plan';
import { DEMO_UNTIL } from './builder';
import type { DemoAction, DemoPlan } from './plan.types';

const small = generateDemoPlan({ scale: 0.1 });
const full = generateDemoPlan();
const actions = (plan: DemoPlan) => plan.steps.map((s) => s.action);
const of = <K extends DemoAction['kind']>(plan: DemoPlan, kind: K) => actions(plan).filter((a): a is Extract<DemoAction, { kind: K }> => a.kind === kind);
const requests = (plan: DemoPlan) => of(plan, 'problem-step').map((s) => s.request);

describe('the demo plan', () => {
  it('is the same for the same seed and scale, and another for another seed', () => {
    expect(planFingerprint(generateDemoPlan({ scale: 0.1 }))).toBe(planFingerprint(small));
    expect(planFingerprint(generateDemoPlan({ scale: 0.1, seed: 1 }))).not.toBe(planFingerprint(small));
  });

  it('has a real zone’s size at scale 1', () => {
    expect(of(full, 'register-enterprise')).toHaveLength(2000);
    const visits = of(full, 'log-visit');
    expect(visits.length).toBeGreaterThan(2200);
    expect(visits.length).toBeLessThan(2500);
    const problems = visits.reduce((n, v) => n + v.problemIds.length, 0) + of(full, 'register-problem').length;
    expect(problems).toBeGreaterThan(350);
    expect(problems).toBeLessThan(480);
    expect(new Set(full.accounts.map((a) => a.unitId).filter(Boolean)).size).toBe(13);
  });

  it('registers only valid, distinct USCCs (GB 32100-2015)', () => {
    const usccs = of(full, 'register-enterprise').map((e) => e.uscc);
    expect(usccs.filter((u) => !checkUscc(u).valid)).toEqual([]);
    expect(new Set(usccs).size).toBe(usccs.length);
  });

  it('runs in recording order, ends on the demo’s last day, and never dates a problem step before the one before it', () => {
    const days = small.steps.map((s) => s.day);
    expect(days).toEqual([...days].sort());
    expect(days.at(-1)! <= DEMO_UNTIL).toBe(true);
    const last = new Map<string, string>();
    for (const step of of(full, 'problem-step')) {
      expect(step.on >= (last.get(step.problemId) ?? '')).toBe(true);
      last.set(step.problemId, step.on);
    }
    expect(new Set(small.steps.map((s) => s.key)).size).toBe(small.steps.length);
  });

  it.each([0.1, 1])('holds every kind of record at scale %s', (scale) => {
    const plan = scale === 1 ? full : small;
    const types = new Set(requests(plan).map((r) => r.type));
    expect([...types].sort()).toEqual(
      ['AcceptProblem', 'ApproveExtension', 'AssignProblem', 'CloseProblem', 'EscalateProblem', 'IssueSupervision', 'MergeProblem', 'RecordFollowUp',
        'RejectExtension', 'ReportProgress', 'RequestExtension', 'ResolveProblem', 'ReturnProblem', 'WithdrawProblem'].sort(),
    );
    const satisfaction = new Set(requests(plan).flatMap((r) => (r.type === 'RecordFollowUp' ? [r.satisfaction] : [])));
    expect([...satisfaction].sort()).toEqual(['basically_satisfied', 'satisfied', 'unsatisfied']);
    const outcomes = new Set(requests(plan).flatMap((r) => (r.type === 'ResolveProblem' ? [r.outcome] : [])));
    expect([...outcomes].sort()).toEqual(['explained_policy', 'long_term', 'solved']);
    expect(new Set(of(plan, 'log-visit').map((v) => v.form))).toEqual(new Set(['on_site', 'symposium', 'phone', 'online']));
    expect(of(plan, 'void-visit').length).toBeGreaterThanOrEqual(2);
    // Late: a June visit recorded in July, a March one after the March summary.
    const late = plan.steps.filter((s) => s.action.kind === 'log-visit' && s.action.visitedOn.slice(0, 7) < s.day.slice(0, 7));
    expect(late.some((s) => s.day.startsWith('2024-07'))).toBe(true);
    expect(late.some((s) => s.day.startsWith('2024-04'))).toBe(true);
    for (const kind of ['rename-enterprise', 'relocate-enterprise', 'renew-certification', 'revoke-certification', 'enter-reference-total', 'correct-monthly-summary'] as const) {
      expect(of(plan, kind).length).toBeGreaterThan(0);
    }
    expect(new Set(of(plan, 'grant-certification').map((g) => g.type)).size).toBe(6);
    const subsidy = of(plan, 'subsidy-step').map((s) => s.step);
    expect(subsidy.filter((s) => s.type === 'RecoverSubsidy')).toHaveLength(1);
    expect(subsidy.some((s) => s.type === 'DisburseSubsidy' && s.disbursementId.endsWith('-2'))).toBe(true);
    expect(new Set(of(plan, 'publish-policy-item').map((p) => p.policyYear))).toEqual(new Set([2023, 2024]));
    const jobs = of(plan, 'run-job').filter((j) => j.job === 'monthly-summary').map((j) => j.period);
    expect(jobs).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  });

  it('upgrades a 省级专精特新 firm to 小巨人 and keeps both', () => {
    const grants = of(small, 'grant-certification');
    const giants2024 = grants.filter((g) => g.type === 'little_giant' && g.validFrom.startsWith('2024'));
    expect(giants2024.length).toBeGreaterThan(0);
    for (const g of giants2024) expect(grants.some((s) => s.uscc === g.uscc && s.type === 'specialized_sme')).toBe(true);
  });

  it('uses no two accounts of one name and prints demo-only passwords', () => {
    expect(new Set(full.accounts.map((a) => a.username)).size).toBe(full.accounts.length);
    expect(full.accounts.every((a) => a.username.startsWith('demo.') && a.password.startsWith('demo-') && a.password.length >= 12)).toBe(true);
  });
});
