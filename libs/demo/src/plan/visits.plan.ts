/*
 * 走访: visits of the four forms on working days, mostly to key firms, each logged the same or the next
 * day — a few late (late-March visits after the March summary, June visits in July), a few logged twice
 * by mistake and voided — and the problems raised in them.
 */
import { PROBLEM_CATEGORIES, type ProblemCategory, type VisitForm } from '@app/support';
import { DEMO_FROM, DEMO_PERIOD_END, DEMO_UNTIL, type PlanBuilder } from './builder';
import type { DemoEnterprise } from './enterprises.plan';
import { VISIT_NOTES } from './names';
import { PROBLEM_TEXTS } from './problem-texts';
import type { Prng } from './prng';
import type { DemoAccount } from './plan.types';

export interface RaisedProblem {
  problemId: string;
  enterpriseUscc: string;
  title: string;
  category: ProblemCategory;
  registeredOn: string;
  recordedOn: string;
  caseworker: string;
}

const CATEGORY_WEIGHTS: Record<ProblemCategory, number> = {
  融资: 18, 用工: 16, 用地: 8, 审批: 10, 政策: 14, 市场: 9, 物流: 5, 科技创新: 9, 基础设施: 8, 其他: 3,
};

export function drawCategory(rng: Prng): ProblemCategory {
  const c = rng.weighted(CATEGORY_WEIGHTS);
  return PROBLEM_CATEGORIES.includes(c) ? c : '其他';
}

export interface VisitPlanSize {
  /** Visits dated in the half-year, and in July up to the demo's last day. */
  firstHalf: number;
  july: number;
}

export function planVisits(b: PlanBuilder, rng: Prng, firms: readonly DemoEnterprise[], caseworkers: readonly DemoAccount[], size: VisitPlanSize): RaisedProblem[] {
  const keyFirms = firms.filter((f) => f.key);
  const halfYear = b.workingDays(DEMO_FROM, DEMO_PERIOD_END);
  const july = b.workingDays('2024-07-01', DEMO_UNTIL);
  const dates = [
    ...Array.from({ length: size.firstHalf }, () => rng.pick(halfYear)),
    ...Array.from({ length: size.july }, () => rng.pick(july)),
  ].sort();
  const raised: RaisedProblem[] = [];
  // At least one of each kind of late or doubled record, whatever the scale.
  let [lateMarchSeen, lateJuneSeen, twins] = [false, false, 0];
  dates.forEach((visitedOn, i) => {
    const key = `visit-${i + 1}`;
    const firm = rng.chance(0.6) && keyFirms.length > 0 ? rng.pick(keyFirms) : rng.pick(firms);
    const team = rng.sample(caseworkers, rng.chance(0.7) ? 1 : 2);
    const form: VisitForm = rng.weighted({ on_site: 70, symposium: 8, phone: 15, online: 7 });
    const lateMarch = visitedOn >= '2024-03-25' && visitedOn <= '2024-03-29' && (rng.chance(0.12) || !lateMarchSeen);
    const lateJune = visitedOn >= '2024-06-20' && visitedOn <= DEMO_PERIOD_END && (rng.chance(0.08) || !lateJuneSeen);
    lateMarchSeen ||= lateMarch;
    lateJuneSeen ||= lateJune;
    const recordedOn = lateMarch ? b.workingDay('2024-04-02', rng.int(0, 1)) : lateJune ? b.workingDay('2024-07-01', rng.int(0, 2)) : rng.chance(0.8) ? visitedOn : b.workingDay(visitedOn, 1);
    const late = lateMarch || lateJune;
    const count = late || recordedOn > DEMO_UNTIL ? 0 : rng.chance(0.012) ? 2 : rng.chance(0.135) ? 1 : 0;
    const problems = Array.from({ length: count }, () => {
      const category = drawCategory(rng);
      return { category, ...rng.pick(PROBLEM_TEXTS[category]) };
    });
    if (recordedOn > DEMO_UNTIL) return;
    const visitId = b.idFor(key, 'visit');
    const problemIds = problems.map((_, n) => b.idFor(key, `visit-problem-${n}`));
    const notes = rng.pick(VISIT_NOTES[form]);
    const visit = { enterpriseUscc: firm.uscc, visitedOn, caseworkerIds: team.map((c) => c.id), form, notes };
    b.add(key, recordedOn, team[0].username, { kind: 'log-visit', visitId, problemIds, ...visit, problems });
    problems.forEach((p, n) =>
      raised.push({ problemId: problemIds[n], enterpriseUscc: firm.uscc, title: p.title, category: p.category, registeredOn: visitedOn, recordedOn, caseworker: team[0].username }),
    );
    // Logged twice by mistake (a double submission from two devices), noticed and voided within days.
    const twinDue = twins < 2 && i > dates.length * (0.3 + 0.3 * twins);
    if (!late && count === 0 && visitedOn <= '2024-06-20' && (rng.chance(0.012) || twinDue)) {
      twins += 1;
      const twinKey = `${key}-twin`;
      const twinId = b.idFor(twinKey, 'visit');
      b.add(twinKey, recordedOn, team[0].username, { kind: 'log-visit', visitId: twinId, problemIds: [], ...visit, problems: [] });
      const on = b.workingDay(recordedOn, rng.int(1, 3));
      b.add(`${twinKey}-void`, on, team[0].username, { kind: 'void-visit', visitId: twinId, reason: '重复录入，作废', on });
    }
  });
  return raised;
}
