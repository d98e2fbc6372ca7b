/*
 * One problem's course through the lifecycle, as the steps a caseworker, a unit handler and a manager
 * record, each on a working day and never after the demo's last day (what would come later simply has
 * not happened yet: the problem stays open, and overdue if its deadline has passed).
 */
import type { Level, Outcome, ProblemCategory, Satisfaction } from '@app/support';
import { DEMO_UNITS } from './zone';
import { DEMO_UNTIL, later, type PlanBuilder } from './builder';
import { LONG_TERM_SUMMARIES, POLICY_SUMMARIES, PROGRESS_NOTES, RETURN_REASONS, SOLVED_SUMMARIES } from './problem-texts';
import type { Prng } from './prng';
import type { DemoProblemRequest, DemoUnit } from './plan.types';

/** Time limits (working days) the bureau sets by category. */
const TIME_LIMITS: Record<ProblemCategory, number> = {
  融资: 10, 用工: 10, 用地: 20, 审批: 15, 政策: 5, 市场: 10, 物流: 10, 科技创新: 15, 基础设施: 20, 其他: 10,
};

/** Forced turns, so that every kind of course is in the demo whatever the scale. */
export type ProblemTwist =
  | 'returned'
  | 'extension-approved'
  | 'extension-rejected'
  | 'escalated'
  | 'supervised'
  | 'unsatisfied'
  | 'basically-satisfied'
  | 'stalled'
  | 'slow'
  | 'explained-policy'
  | 'long-term';

export interface PlannedProblem {
  problemId: string;
  /** The step key prefix for its lifecycle steps. */
  key: string;
  registeredOn: string;
  /** The day its registration was recorded: no step of it comes earlier. */
  recordedOn: string;
  category: ProblemCategory;
  caseworker: string;
  twists: ReadonlySet<ProblemTwist>;
}

export interface ProblemActors {
  managers: readonly string[];
  /** Unit handler usernames by unit id. */
  handlers: ReadonlyMap<string, readonly string[]>;
}

const HIGHER: Record<Level, Level | null> = { district: 'city', city: 'province', province: null };

function leadUnitFor(rng: Prng, category: ProblemCategory): DemoUnit {
  const candidates = DEMO_UNITS.filter((u) => u.categories.includes(category));
  const district = candidates.filter((u) => u.level === 'district');
  return district.length > 0 && rng.chance(0.8) ? rng.pick(district) : rng.pick(candidates);
}

export function planProblemCourse(b: PlanBuilder, rng: Prng, p: PlannedProblem, actors: ProblemActors): void {
  let t = p.recordedOn;
  let n = 0;
  const twist = (x: ProblemTwist) => p.twists.has(x);
  /** Records a step on a working day not before the previous one; false once past the demo's last day. */
  const step = (on: string, actor: string, request: DemoProblemRequest): boolean => {
    const day = b.workingDay(later(on, t));
    if (day > DEMO_UNTIL) return false;
    b.add(`${p.key}-${++n}`, day, actor, { kind: 'problem-step', problemId: p.problemId, on: day, request });
    t = day;
    return true;
  };
  const manager = () => rng.pick(actors.managers);
  const handler = (unitId: string) => rng.pick(actors.handlers.get(unitId)!);

  // 交办, perhaps to the wrong unit first (退回 and 重新交办).
  const unit = leadUnitFor(rng, p.category);
  const workingDays = TIME_LIMITS[p.category];
  const assign = (to: DemoUnit, on: string) => {
    const coUnits = rng.chance(0.1) ? [rng.pick(DEMO_UNITS.filter((u) => u.id !== to.id && u.level === 'district')).id] : [];
    return step(on, p.caseworker, { type: 'AssignProblem', leadUnitId: to.id, coUnitIds: coUnits, level: to.level, workingDays });
  };
  if (twist('returned') || rng.chance(0.05)) {
    const wrong = rng.pick(DEMO_UNITS.filter((u) => u.id !== unit.id && u.level === unit.level));
    if (!assign(wrong, b.workingDay(t, rng.int(0, 1)))) return;
    if (!step(b.workingDay(t, 1), handler(wrong.id), { type: 'ReturnProblem', reason: rng.pick(RETURN_REASONS) })) return;
  }
  if (!assign(unit, b.workingDay(t, rng.int(0, 1)))) return;
  const assignedOn = t;
  let deadline = b.calendar.addWorkingDays(assignedOn, workingDays);
  if (!step(b.workingDay(t, rng.chance(0.9) ? 1 : rng.int(2, 3)), handler(unit.id), { type: 'AcceptProblem' })) return;

  if (twist('escalated') || (unit.level !== 'province' && rng.chance(0.03))) {
    const to = HIGHER[unit.level];
    if (to && !step(b.workingDay(t, 2), manager(), { type: 'EscalateProblem', to, reason: '涉及上级审批事项，提级协调' })) return;
  }
  if (rng.chance(0.6) || twist('stalled')) {
    if (!step(b.workingDay(t, rng.int(1, Math.max(1, Math.floor(workingDays / 2)))), handler(unit.id), { type: 'ReportProgress', note: rng.pick(PROGRESS_NOTES) })) return;
  }
  if (twist('stalled')) {
    // Accepted and being worked on, but past its deadline by the demo's last day: overdue now, and 督办.
    step(b.workingDay(deadline, 2), manager(), { type: 'IssueSupervision', note: '已超期，请加快办理并报送进展' });
    return;
  }

  // How long it takes: most within the limit, some late.
  const late = twist('supervised') || rng.chance(0.12);
  let duration = late ? workingDays + rng.int(1, 6) : rng.int(Math.max(2, Math.ceil(workingDays * 0.3)), workingDays);
  if (twist('slow')) duration = Math.max(duration, 6);

  const extension = twist('extension-approved') ? 'approved' : twist('extension-rejected') ? 'rejected' : rng.chance(0.08) ? (rng.chance(0.7) ? 'approved' : 'rejected') : null;
  if (extension) {
    const days = workingDays >= 15 ? 10 : 5;
    const askOn = b.calendar.addWorkingDays(assignedOn, Math.max(1, workingDays - 2));
    if (!step(askOn, handler(unit.id), { type: 'RequestExtension', workingDays: days, reason: '需协调多个部门，申请延期办理' })) return;
    const decided = extension === 'approved'
      ? step(b.workingDay(t, 1), manager(), { type: 'ApproveExtension' })
      : step(b.workingDay(t, 1), manager(), { type: 'RejectExtension', reason: '时限内可以办结，请抓紧办理' });
    if (!decided) return;
    if (extension === 'approved') {
      deadline = b.calendar.addWorkingDays(deadline, days);
      duration = workingDays + rng.int(1, days);
    }
  }
  if (late && (twist('supervised') || rng.chance(0.4))) {
    if (!step(b.workingDay(deadline, 1), manager(), { type: 'IssueSupervision', note: '请于三个工作日内办结并反馈' })) return;
  }

  const outcome: Outcome = twist('explained-policy') ? 'explained_policy' : twist('long-term') ? 'long_term' : rng.weighted({ solved: 90, explained_policy: 6, long_term: 4 });
  const summary = outcome === 'solved' ? rng.pick(SOLVED_SUMMARIES) : outcome === 'explained_policy' ? rng.pick(POLICY_SUMMARIES) : rng.pick(LONG_TERM_SUMMARIES);
  if (!step(b.calendar.addWorkingDays(assignedOn, duration), handler(unit.id), { type: 'ResolveProblem', outcome, summary })) return;

  // 回访, and 销号 after a (basically) satisfied one; an unsatisfied one sends it back (重办).
  const satisfaction: Satisfaction = twist('unsatisfied') ? 'unsatisfied' : twist('basically-satisfied') ? 'basically_satisfied' : rng.weighted({ satisfied: 80, basically_satisfied: 18, unsatisfied: 2 });
  const notes = { satisfied: '企业对办理结果满意', basically_satisfied: '企业基本满意，希望后续持续关注', unsatisfied: '企业反映问题仍未解决，要求重新办理' };
  if (!step(b.workingDay(t, rng.int(2, 6)), p.caseworker, { type: 'RecordFollowUp', satisfaction, note: notes[satisfaction] })) return;
  if (satisfaction === 'unsatisfied') {
    if (!step(b.workingDay(t, 1), handler(unit.id), { type: 'ReportProgress', note: '重办：已再次对接企业，调整解决方案' })) return;
    if (!step(b.workingDay(t, rng.int(3, 8)), handler(unit.id), { type: 'ResolveProblem', outcome: 'solved', summary: '重办后已解决，企业确认' })) return;
    if (!step(b.workingDay(t, 2), p.caseworker, { type: 'RecordFollowUp', satisfaction: 'satisfied', note: '重办后企业满意' })) return;
  }
  step(b.workingDay(t, rng.int(0, 2)), p.caseworker, { type: 'CloseProblem' });
}
