import { ratio, type Ratio } from '../../metrics/ratio';
import type { AssignmentRecord, ProblemCourse } from './problem-course';

/** How a record's detail says the enterprise's rating: the records are read by people, not parsed. */
const SATISFACTION_WORDS: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export interface Period {
  from: string;
  to: string;
  /** The report date: each problem counts as it stood at the end of this day. */
  asOf: string;
}

/** The figures of one unit. A rate with denominator 0 has percent null: no score, never 0% or 100%. */
export interface UnitFigures {
  unitId: string;
  /** 及时签收率: accepted or returned within the acceptance limit ÷ assignments whose limit fell in the period. */
  timelyAcceptance: Ratio;
  /** 退回率: assignments returned ÷ assignments made in the period. */
  returnRate: Ratio;
  /** 办结率: concluded ÷ problems registered in the period whose lead unit it is. */
  conclusionRate: Ratio;
  /** 按时办结率: concluded on or before the deadline in force ÷ concluded (same problems). */
  onTimeRate: Ratio;
  /** 回访满意率: (satisfied + basically satisfied) ÷ follow-ups with a rating (same problems). */
  satisfactionRate: Ratio;
  /** 参评率: follow-ups with a rating ÷ conclusions (a 重办 problem concluded twice counts twice). */
  ratedRate: Ratio;
  /** Working days 交办 → 签收 over the assignments it accepted in the period. */
  acceptanceDays: { count: number; average: number | null; worst: number | null };
}

export type FigureName = 'timelyAcceptance' | 'returnRate' | 'conclusionRate' | 'onTimeRate' | 'satisfactionRate' | 'ratedRate';
export const FIGURE_NAMES: readonly FigureName[] = ['timelyAcceptance', 'returnRate', 'conclusionRate', 'onTimeRate', 'satisfactionRate', 'ratedRate'];

/** One record behind a figure: the problem (and assignment, for the acceptance figures) and whether it is in the numerator. */
export interface FigureRecord {
  problemId: string;
  unitId: string;
  /** The assignment's number within the problem (acceptance figures), else null. */
  assignmentSeq: number | null;
  /** The date the record is judged on (acceptance due, assigned on, registered on, concluded on, followed up on). */
  on: string;
  inNumerator: boolean;
  detail: string;
}

const within = (d: string | null, p: Period, to = p.to < p.asOf ? p.to : p.asOf) => d !== null && d >= p.from && d <= to;
const timely = (a: AssignmentRecord) => a.answeredOn !== null && a.acceptanceDue !== null && a.answeredOn <= a.acceptanceDue;

/**
 * Every record behind every figure, per unit. The figures are counts over these records, so what is
 * published can always be listed and checked one by one.
 */
export function figureRecords(courses: readonly ProblemCourse[], p: Period): Map<FigureName, FigureRecord[]> {
  const out = new Map<FigureName, FigureRecord[]>(FIGURE_NAMES.map((n) => [n, []]));
  const push = (n: FigureName, r: FigureRecord) => out.get(n)!.push(r);
  for (const c of courses) {
    for (const a of c.assignments) {
      const base = { problemId: c.problemId, unitId: a.unitId, assignmentSeq: a.seq };
      if (within(a.acceptanceDue, p)) {
        const how = a.answer === null ? '未签收' : `${a.answer === 'accepted' ? '签收' : '退回'}于${a.answeredOn}`;
        push('timelyAcceptance', { ...base, on: a.acceptanceDue!, inNumerator: timely(a), detail: `交办${a.assignedOn}，应签收${a.acceptanceDue}，${how}` });
      }
      if (within(a.assignedOn, p, p.to)) {
        push('returnRate', { ...base, on: a.assignedOn, inNumerator: a.answer === 'returned', detail: a.answer === 'returned' ? `退回：${a.returnReason}` : `交办${a.assignedOn}` });
      }
    }
    if (c.status === 'merged' || c.status === 'withdrawn' || !c.leadUnitId || !within(c.registeredOn, p, p.to)) continue;
    const base = { problemId: c.problemId, unitId: c.leadUnitId, assignmentSeq: null };
    const concluded = c.status === 'concluded' || c.status === 'closed';
    const last = c.conclusions.at(-1);
    push('conclusionRate', { ...base, on: c.registeredOn, inNumerator: concluded, detail: concluded ? `办结于${last!.on}` : '未办结' });
    if (concluded && last) {
      push('onTimeRate', { ...base, on: last.on, inNumerator: last.onTime, detail: `办结${last.on}，期限${last.deadline}` });
    }
    for (const f of c.followUps) {
      push('satisfactionRate', { ...base, on: f.on, inNumerator: f.satisfaction !== 'unsatisfied', detail: `回访${f.on}：${SATISFACTION_WORDS[f.satisfaction] ?? f.satisfaction}` });
    }
    c.conclusions.forEach((k, i) => {
      const rated = c.followUps[i];
      push('ratedRate', { ...base, on: k.on, inNumerator: rated !== undefined, detail: rated ? `办结${k.on}，回访${rated.on}` : `办结${k.on}，未回访` });
    });
  }
  return out;
}

/** The figures per unit, sorted by unit id; every unit that appears in any record has a row. */
export function unitFigures(courses: readonly ProblemCourse[], p: Period): UnitFigures[] {
  const records = figureRecords(courses, p);
  const units = new Set<string>();
  for (const list of records.values()) for (const r of list) units.add(r.unitId);
  const days = new Map<string, number[]>();
  for (const c of courses) {
    for (const a of c.assignments) {
      if (a.answer !== 'accepted' || a.workingDaysToAnswer === null || !within(a.answeredOn, p, p.to)) continue;
      units.add(a.unitId);
      const list = days.get(a.unitId) ?? [];
      list.push(a.workingDaysToAnswer);
      days.set(a.unitId, list);
    }
  }
  const counts = new Map<string, Map<FigureName, [number, number]>>();
  for (const [name, list] of records) {
    for (const r of list) {
      const unit = counts.get(r.unitId) ?? new Map<FigureName, [number, number]>();
      const [n, d] = unit.get(name) ?? [0, 0];
      unit.set(name, [n + (r.inNumerator ? 1 : 0), d + 1]);
      counts.set(r.unitId, unit);
    }
  }
  return [...units].sort().map((unitId) => {
    const r = (name: FigureName) => {
      const [n, d] = counts.get(unitId)?.get(name) ?? [0, 0];
      return ratio(n, d);
    };
    const d = days.get(unitId) ?? [];
    const total = d.reduce((s, x) => s + x, 0);
    return {
      unitId,
      timelyAcceptance: r('timelyAcceptance'),
      returnRate: r('returnRate'),
      conclusionRate: r('conclusionRate'),
      onTimeRate: r('onTimeRate'),
      satisfactionRate: r('satisfactionRate'),
      ratedRate: r('ratedRate'),
      acceptanceDays: {
        count: d.length,
        average: d.length === 0 ? null : Math.round((total / d.length) * 10) / 10,
        worst: d.length === 0 ? null : Math.max(...d),
      },
    };
  });
}

/** 流转: the problems first assigned in the period, with their transfers and time in limbo. */
export interface TransferRecord {
  problemId: string;
  title: string;
  firstAssignedOn: string;
  transfers: number;
  limboWorkingDays: number | null;
  units: string[];
  acceptedBy: string | null;
}

export function transferRecords(courses: readonly ProblemCourse[], p: Period): TransferRecord[] {
  return courses
    .filter((c) => c.assignments.length > 0 && within(c.assignments[0].assignedOn, p, p.to))
    .map((c) => ({
      problemId: c.problemId,
      title: c.title,
      firstAssignedOn: c.assignments[0].assignedOn,
      transfers: c.transfers,
      limboWorkingDays: c.limboWorkingDays,
      units: c.assignments.map((a) => a.unitId),
      acceptedBy: c.assignments.find((a) => a.answer === 'accepted')?.unitId ?? null,
    }))
    .sort((a, b) => b.transfers - a.transfers || (b.limboWorkingDays ?? 0) - (a.limboWorkingDays ?? 0) || a.problemId.localeCompare(b.problemId));
}

/** Problems that bounced: more than `times` assignments before one unit accepted (default: more than twice). */
export const bounced = (records: readonly TransferRecord[], times = 2) => records.filter((r) => r.transfers > times);
