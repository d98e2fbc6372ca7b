/**
 * Synthetic problem lifecycles for bench:figures, made by the problem decider itself: each step is a command
 * decided against the state folded so far, so the log holds exactly the events (and payload shapes) the API
 * would have appended — never hand-made rows. Seeded, so every size and run gets the same histories.
 */
import type { NewEvent } from '@app/event-store';
import {
  decideProblem,
  evolveProblem,
  initialProblemState,
  PROBLEM_CATEGORIES,
  type Actor,
  type ProblemCommand,
  type ProblemEvent,
  type ProblemState,
} from '@app/support';
import { Prng } from '../../libs/demo/src/plan/prng';
import { WorkingDayCalendar } from '../../libs/support/src/working-calendar/domain/working-days';

/** Two years of business dates; `END` is the report date the bench asks about. */
export const START = '2025-01-01';
export const END = '2026-11-30';
export const UNITS = Array.from({ length: 24 }, (_, i) => `bench-unit-${String(i + 1).padStart(2, '0')}`);

const DAY = 86_400_000;
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The production calculator on weekends only (no holidays): deadlines and the figures' working days alike. 2027 is
 * loaded because a problem assigned in late 2026 has its deadline there.
 */
export const CALENDAR = new WorkingDayCalendar(new Map([2025, 2026, 2027].map((year) => [year, { holidays: [], makeUpWorkdays: [] }])));
export const addWorkingDays = (from: string, workingDays: number) => CALENDAR.addWorkingDays(from, workingDays);
export const workingDaysBetween = (from: string, to: string) => CALENDAR.workingDaysBetween(from, to);

const caseworker: Actor = { userId: 'bench-caseworker', role: 'caseworker', unitId: null };
const manager: Actor = { userId: 'bench-manager', role: 'manager', unitId: null };
const handler = (unitId: string): Actor => ({ userId: `bench-handler-${unitId}`, role: 'unit_handler', unitId });

/** A command without its date: `step` dates it. (Distributive, so each command keeps its own fields.) */
type UndatedCommand = ProblemCommand extends unknown ? (ProblemCommand extends infer C ? (C extends ProblemCommand ? Omit<C, 'on'> : never) : never) : never;

export interface ProblemStream {
  streamId: string;
  events: NewEvent[];
}

/** One problem's life from its registration to (at most) END. */
export function problemLifecycle(index: number, seed: number): ProblemStream {
  const rng = new Prng(seed * 1_000_003 + index);
  const problemId = `bench-${String(index).padStart(7, '0')}`;
  let state: ProblemState = initialProblemState();
  const events: ProblemEvent[] = [];
  let on = addDays(START, rng.int(0, 690));
  /** Decides one command at `on` (moved `days` later first); false once the step would pass END. */
  const step = (days: number, command: UndatedCommand): boolean => {
    const next = addDays(on, days);
    if (next > END) return false;
    on = next;
    for (const event of decideProblem({ ...command, on, problemId } as ProblemCommand, state)) {
      state = evolveProblem(state, event);
      events.push(event);
    }
    return true;
  };
  const always = () => 'active' as const;

  step(0, {
    type: 'RegisterProblem', actor: caseworker, problemId, enterpriseUscc: `91330100MA${String(index % 99_999).padStart(8, '0')}`,
    title: '用工缺口', description: '企业反映的问题', category: rng.pick(PROBLEM_CATEGORIES), source: 'visit', visitId: null,
  });
  const assign = (unitId: string) =>
    step(rng.int(0, 3), {
      type: 'AssignProblem', actor: manager, leadUnitId: unitId, coUnitIds: [], level: 'district',
      workingDays: rng.pick([10, 15, 20]), deadlineAfter: addWorkingDays, unitStanding: always,
    });
  let unit = rng.pick(UNITS);
  if (!assign(unit)) return toStream(problemId, events);
  if (rng.chance(0.04)) {
    // 职能交叉: the unit hands it back and the bureau assigns another.
    if (!step(rng.int(0, 2), { type: 'ReturnProblem', actor: handler(unit), reason: '职能交叉' })) return toStream(problemId, events);
    unit = rng.pick(UNITS);
    if (!assign(unit)) return toStream(problemId, events);
  }
  if (rng.chance(0.02)) {
    step(rng.int(0, 5), { type: 'WithdrawProblem', actor: caseworker, requestedBy: 'enterprise', reason: '企业自行解决' });
    return toStream(problemId, events);
  }
  if (!step(rng.int(0, 2), { type: 'AcceptProblem', actor: handler(unit) })) return toStream(problemId, events);
  if (rng.chance(0.5) && !step(rng.int(1, 6), { type: 'ReportProgress', actor: handler(unit), note: '已对接' })) return toStream(problemId, events);
  if (rng.chance(0.1)) {
    if (!step(rng.int(1, 8), { type: 'RequestExtension', actor: handler(unit), workingDays: 10, reason: '需协调' })) return toStream(problemId, events);
    if (!step(rng.int(0, 2), { type: 'ApproveExtension', actor: manager, deadlineAfter: addWorkingDays })) return toStream(problemId, events);
  }
  // Rounds of resolution and follow-up; an unsatisfied enterprise gets 重办 (reopen) and another round.
  for (let round = 0; round < 3; round++) {
    if (rng.chance(0.12)) return toStream(problemId, events); // still open (or out of time) at END
    const outcome = rng.weighted({ solved: 75, explained_policy: 15, long_term: 10 });
    if (!step(rng.int(2, 35), { type: 'ResolveProblem', actor: handler(unit), outcome, summary: '已办结' })) return toStream(problemId, events);
    if (rng.chance(0.08)) return toStream(problemId, events); // no follow-up yet
    const satisfaction = rng.weighted({ satisfied: 70, basically_satisfied: 20, unsatisfied: 10 });
    if (!step(rng.int(1, 10), { type: 'RecordFollowUp', actor: manager, satisfaction, note: '回访', deadlineAfter: addWorkingDays })) {
      return toStream(problemId, events);
    }
    if (state.status === 'in_progress') continue; // unsatisfied: 重办 reopened it
    step(rng.int(0, 5), { type: 'CloseProblem', actor: caseworker });
    return toStream(problemId, events);
  }
  return toStream(problemId, events);
}

function toStream(problemId: string, events: readonly ProblemEvent[]): ProblemStream {
  return {
    streamId: `problem-${problemId}`,
    events: events.map((e) => ({ ...e, metadata: { actorId: 'bench' } })),
  };
}
