/*
 * The demo's headline figures computed from the plan alone, with DOMAIN.md's definitions written out
 * again here — not from any read model or query of the app — so the e2e specs can check the app's answers
 * against them.
 */
import type { DemoAction, DemoPlan } from '@app/demo';

type Of<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

function actions<K extends DemoAction['kind']>(plan: DemoPlan, kind: K): Of<K>[] {
  return plan.steps.map((s) => s.action).filter((a): a is Of<K> => a.kind === kind);
}

/** 走访家次 and 走访企业数: visits dated in [from, to], not voided by asOf. */
export function visitFigures(plan: DemoPlan, from: string, to: string, asOf: string) {
  const voided = new Set(actions(plan, 'void-visit').filter((v) => v.on <= asOf).map((v) => v.visitId));
  const counted = actions(plan, 'log-visit').filter((v) => v.visitedOn >= from && v.visitedOn <= to && v.visitedOn <= asOf && !voided.has(v.visitId));
  return { visits: counted.length, enterprises: new Set(counted.map((v) => v.enterpriseUscc)).size };
}

/**
 * 收集问题数 (registered in [from, asOf], not merged or withdrawn by asOf) and 问题解决率's numerator
 * (of those, concluded with outcome solved as of asOf: a reopened problem counts again only once
 * resolved again).
 */
export function problemFigures(plan: DemoPlan, from: string, asOf: string) {
  const problems = new Map<string, { registeredOn: string; out: boolean; solved: boolean }>();
  for (const v of actions(plan, 'log-visit')) v.problemIds.forEach((id) => problems.set(id, { registeredOn: v.visitedOn, out: false, solved: false }));
  for (const p of actions(plan, 'register-problem')) problems.set(p.problemId, { registeredOn: p.raisedOn, out: false, solved: false });
  for (const step of actions(plan, 'problem-step')) {
    const p = problems.get(step.problemId)!;
    if (step.on > asOf) continue;
    const r = step.request;
    if (r.type === 'MergeProblem' || r.type === 'WithdrawProblem') p.out = true;
    if (r.type === 'ResolveProblem') p.solved = r.outcome === 'solved';
    if (r.type === 'RecordFollowUp' && r.satisfaction === 'unsatisfied') p.solved = false;
  }
  const collected = [...problems.values()].filter((p) => p.registeredOn >= from && p.registeredOn <= asOf && !p.out);
  return { collected: collected.length, solved: collected.filter((p) => p.solved).length };
}

const lastDayOf = (from: string, years: number) => {
  const d = new Date(Date.UTC(Number(from.slice(0, 4)) + years, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10))));
  return new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
};
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Currently valid (a window containing D, not revoked by D) and 累计培育 (any grant valid from D or
 * earlier) of one type, counted in firms. 科技型中小企业 is valid for its calendar year; the others for
 * three years, and a 复核 adds three more after the current end.
 */
export function certificationFigures(plan: DemoPlan, type: string, asOf: string) {
  const windows = new Map<string, { uscc: string; validFrom: string; validTo: string; revokedFrom: string | null }>();
  for (const a of plan.steps.map((s) => s.action)) {
    if (a.kind === 'grant-certification' && a.type === type) {
      const validTo = type === 'tech_sme' ? `${a.validFrom.slice(0, 4)}-12-31` : lastDayOf(a.validFrom, 3);
      windows.set(a.certificationId, { uscc: a.uscc, validFrom: a.validFrom, validTo, revokedFrom: null });
    }
    const w = (a.kind === 'renew-certification' || a.kind === 'revoke-certification') && windows.get(a.certificationId);
    if (w && a.kind === 'renew-certification') w.validTo = lastDayOf(nextDay(w.validTo), 3);
    if (w && a.kind === 'revoke-certification') w.revokedFrom = a.effectiveFrom;
  }
  const all = [...windows.values()];
  const valid = all.filter((w) => w.validFrom <= asOf && asOf <= w.validTo && (w.revokedFrom === null || w.revokedFrom > asOf));
  return { currentlyValid: new Set(valid.map((w) => w.uscc)).size, everCertified: new Set(all.filter((w) => w.validFrom <= asOf).map((w) => w.uscc)).size };
}

/** Disbursed and recovered, in 分, by payment (recovery) date in [from, to]. */
export function subsidyFigures(plan: DemoPlan, from: string, to: string) {
  let disbursed = 0n;
  let recovered = 0n;
  for (const { step } of actions(plan, 'subsidy-step')) {
    if (step.type === 'DisburseSubsidy' && step.paidOn >= from && step.paidOn <= to) disbursed += BigInt(step.amountFen);
    if (step.type === 'RecoverSubsidy' && step.recoveredOn >= from && step.recoveredOn <= to) recovered += BigInt(step.amountFen);
  }
  return { disbursedFen: disbursed.toString(), recoveredFen: recovered.toString() };
}
