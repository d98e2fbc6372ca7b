/*
 * Problems that came by hotline, letter or online; the merged duplicate and the withdrawal; and which
 * problems take the forced turns, so every kind of course is in the demo at any scale.
 */
import type { ProblemSource } from '@app/support';
import { DEMO_FROM, DEMO_UNTIL, type PlanBuilder } from './builder';
import type { DemoEnterprise } from './enterprises.plan';
import { PROBLEM_TEXTS } from './problem-texts';
import { planProblemCourse, type PlannedProblem, type ProblemActors, type ProblemTwist } from './problems.plan';
import type { Prng } from './prng';
import { drawCategory, type RaisedProblem } from './visits.plan';

/** Twists given to problems registered between February and May (so their course can run its length). */
const FORCED: ProblemTwist[][] = [
  ['returned'],
  ['returned'],
  ['extension-approved'],
  ['extension-approved'],
  ['extension-rejected'],
  ['escalated'],
  ['supervised'],
  ['supervised'],
  ['unsatisfied'],
  ['basically-satisfied'],
  ['explained-policy'],
  ['long-term'],
  ['stalled'],
  ['stalled'],
];

export function planOtherIntake(b: PlanBuilder, rng: Prng, firms: readonly DemoEnterprise[], caseworkers: readonly string[], count: number): RaisedProblem[] {
  const days = b.workingDays(DEMO_FROM, DEMO_UNTIL);
  return Array.from({ length: count }, (_, i) => {
    const key = `problem-${i + 1}`;
    const registeredOn = rng.pick(days);
    const firm = rng.pick(firms);
    const category = drawCategory(rng);
    const text = rng.pick(PROBLEM_TEXTS[category]);
    const source = rng.weighted({ hotline: 55, letter: 15, online: 30 }) as Exclude<ProblemSource, 'visit'>;
    const caseworker = rng.pick(caseworkers);
    const problemId = b.idFor(key, 'problem');
    b.add(key, registeredOn, caseworker, { kind: 'register-problem', problemId, enterpriseUscc: firm.uscc, ...text, category, source, raisedOn: registeredOn });
    return { problemId, enterpriseUscc: firm.uscc, title: text.title, category, registeredOn, recordedOn: registeredOn, caseworker };
  });
}

/** Every problem's course; one visit problem gets a duplicate merged into it, one hotline problem is withdrawn. */
export function planCourses(b: PlanBuilder, rng: Prng, raised: readonly RaisedProblem[], actors: ProblemActors): void {
  const eligible = rng.shuffle(raised.filter((p) => p.registeredOn >= '2024-02-01' && p.registeredOn <= '2024-05-15'));
  const twists = new Map<string, Set<ProblemTwist>>();
  FORCED.forEach((t, i) => eligible[i] && twists.set(eligible[i].problemId, new Set(t)));

  const original = eligible[FORCED.length];
  const withdrawn = eligible[FORCED.length + 1];
  if (original) twists.set(original.problemId, new Set(['slow']));

  raised.forEach((p, i) => {
    if (p === withdrawn) {
      const on = b.workingDay(p.recordedOn, 1);
      b.add(`course-${i + 1}-withdraw`, on, p.caseworker, {
        kind: 'problem-step',
        problemId: p.problemId,
        on,
        request: { type: 'WithdrawProblem', requestedBy: '企业负责人', reason: '企业已自行解决，申请撤回' },
      });
      return;
    }
    const planned: PlannedProblem = { ...p, key: `course-${i + 1}`, twists: twists.get(p.problemId) ?? new Set() };
    planProblemCourse(b, rng, planned, actors);
  });

  if (original) {
    // The same firm calls the hotline about what it raised in the visit two days before: a duplicate.
    const key = 'problem-duplicate';
    const on = b.workingDay(original.recordedOn, 2);
    const problemId = b.idFor(key, 'problem');
    const text = PROBLEM_TEXTS[original.category].find((x) => x.title === original.title)!;
    b.add(key, on, original.caseworker, {
      kind: 'register-problem', problemId, enterpriseUscc: original.enterpriseUscc, ...text, category: original.category, source: 'hotline', raisedOn: on,
    });
    const mergeOn = b.workingDay(on, 1);
    b.add(`${key}-merge`, mergeOn, original.caseworker, { kind: 'problem-step', problemId, on: mergeOn, request: { type: 'MergeProblem', intoProblemId: original.problemId } });
  }
}

