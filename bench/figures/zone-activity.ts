/**
 * The rest of a zone's log for bench:figures at the scale of its problems: visits (~6 per problem), certification
 * windows and subsidy cases with their payments. As with the problems, every event is what the domain's own decider
 * returned for a command decided against the state folded so far — never a hand-made row. Seeded.
 */
import type { NewEvent } from '@app/event-store';
import { certificationDecider, certificationIdFor, certificationsStreamId, typeLevels, type CertificationCommand, type CertificationsState } from '@app/enterprises';
import { decideSubsidy, evolveSubsidy, initialSubsidyState, type SubsidyCommand, type SubsidyState } from '@app/subsidies';
import { visitDecider, type VisitCommand, type VisitState } from '@app/support';
import { Prng } from '../../libs/demo/src/plan/prng';
import { addDays, END, START } from './problem-lifecycles';

export const VISITS_PER_PROBLEM = 6;
/** One certified firm per this many problems, one subsidy case per this many problems. */
export const PROBLEMS_PER_CERTIFIED_FIRM = 5;
export const PROBLEMS_PER_SUBSIDY_CASE = 4;

export interface Stream {
  streamId: string;
  events: NewEvent[];
}

/** The zone's enterprises: one per two problems (a firm raises about two a year), the same USCCs the problems use. */
export const enterpriseUscc = (index: number) => `91330100MA${String(index % 99_999).padStart(8, '0')}`;
const CASEWORKERS = Array.from({ length: 60 }, (_, i) => `bench-caseworker-${i + 1}`);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Decides commands in order against the folded state; every event is kept, with the bench's actor. */
function decided<C, S, E extends NewEvent>(decide: (c: C, s: S) => E[], evolve: (s: S, e: E) => S, initial: S) {
  let state = initial;
  const events: NewEvent[] = [];
  return {
    run(command: C): S {
      for (const event of decide(command, state)) {
        state = evolve(state, event);
        events.push({ ...event, metadata: { actorId: 'bench' } });
      }
      return state;
    },
    get state() {
      return state;
    },
    events,
  };
}

/** Visit `index` of a zone with `problems` problems: logged on a day of the two years, 2 % voided later. */
export function visitStream(index: number, problems: number, seed: number): Stream {
  const rng = new Prng(seed * 7_000_003 + index);
  const visitId = `bench-v-${String(index).padStart(8, '0')}`;
  const visitedOn = addDays(START, rng.int(0, daysBetween(START, END)));
  const run = decided<VisitCommand, VisitState, NewEvent>(
    (c, s) => visitDecider.decide(c, s) as NewEvent[],
    (s, e) => visitDecider.evolve(s, e as never),
    visitDecider.initialState(),
  );
  run.run({
    type: 'LogVisit', visitId, enterpriseUscc: enterpriseUscc(rng.int(0, Math.max(0, Math.floor(problems / 2) - 1))), visitedOn,
    caseworkerIds: rng.sample(CASEWORKERS, rng.int(1, 2)), form: 'on_site', notes: '走访', problemIds: [],
  });
  if (rng.chance(0.02)) run.run({ type: 'VoidVisit', reason: '重复录入', on: addDays(visitedOn, rng.int(0, 20)), countedProblemIds: [] });
  return { streamId: `visit-${visitId}`, events: run.events };
}

/** One certified firm's stream: one to three types, each granted in 2019–2026, 15 % renewed (复核), 3 % revoked. */
export function certificationStream(firm: number, seed: number): Stream {
  const rng = new Prng(seed * 5_000_011 + firm);
  const uscc = enterpriseUscc(firm * PROBLEMS_PER_CERTIFIED_FIRM);
  const run = decided<CertificationCommand, CertificationsState, NewEvent>(
    (c, s) => certificationDecider.decide(c, s) as NewEvent[],
    (s, e) => certificationDecider.evolve(s, e as never),
    certificationDecider.initialState(),
  );
  for (const { type, level } of rng.sample(typeLevels(), rng.int(1, 3))) {
    const validFrom = addDays('2019-01-01', rng.int(0, daysBetween('2019-01-01', '2026-10-31')));
    const announcedOn = addDays(validFrom, rng.int(-20, 40));
    const batch = `${validFrom.slice(0, 4)}年第${rng.int(1, 2)}批`;
    const certificationId = certificationIdFor(uscc, type, level, batch);
    const state = run.run({
      type: 'GrantCertification', uscc, certificationId, certificationType: type, level, batch, documentNumber: `浙经信〔${validFrom.slice(0, 4)}〕${rng.int(1, 300)}号`,
      announcedOn, validFrom,
    });
    const window = state.certifications[certificationId];
    if (type !== 'high_tech' && type !== 'tech_sme' && rng.chance(0.15) && window.validTo < '2026-10-01') {
      run.run({ type: 'RenewCertification', certificationId, batch: `${window.validTo.slice(0, 4)}年复核`, announcedOn: addDays(window.validTo, -rng.int(0, 60)) });
    }
    if (rng.chance(0.03)) {
      const current = run.state.certifications[certificationId];
      run.run({ type: 'RevokeCertification', certificationId, effectiveFrom: addDays(current.validFrom, rng.int(30, 700) % Math.max(1, daysBetween(current.validFrom, current.validTo))), reason: '复核不通过' });
    }
  }
  return { streamId: certificationsStreamId(uscc), events: run.events };
}

/** Policy items the cases draw from: (id, policy year, mode). */
const POLICY_ITEMS = Array.from({ length: 24 }, (_, i) => ({
  policyItemId: `bench-policy-${String(i + 1).padStart(2, '0')}`,
  policyYear: 2024 + (i % 3),
  mode: i % 4 === 0 ? ('automatic' as const) : ('application' as const),
}));

/** One subsidy case: opened (applied or 免申即享 matched), 85 % approved, 公示, paid in one or two parts, 4 % partly recovered. */
export function subsidyStream(index: number, seed: number): Stream {
  const rng = new Prng(seed * 3_000_017 + index);
  const caseId = `bench-sc-${String(index).padStart(7, '0')}`;
  const item = rng.pick(POLICY_ITEMS);
  const run = decided<SubsidyCommand, SubsidyState, NewEvent>(
    (c, s) => decideSubsidy(c, s) as NewEvent[],
    (s, e) => evolveSubsidy(s, e as never),
    initialSubsidyState(),
  );
  let on = addDays(START, rng.int(0, daysBetween(START, END) - 60));
  const open = { caseId, enterpriseUscc: enterpriseUscc(index * PROBLEMS_PER_SUBSIDY_CASE + rng.int(0, 3)), policyItemId: item.policyItemId, policyItem: item, on };
  run.run(item.mode === 'automatic' ? { type: 'MatchSubsidy', ...open } : { type: 'ApplyForSubsidy', ...open });
  on = addDays(on, rng.int(3, 20));
  if (rng.chance(0.15)) {
    run.run({ type: 'RejectSubsidy', reason: '不符合条件', on });
    return { streamId: `subsidy-${caseId}`, events: run.events };
  }
  const approvedFen = rng.int(10, 500) * 100_000 + rng.int(0, 99_999);
  run.run({ type: 'ApproveSubsidy', approvedAmountFen: approvedFen, on });
  const from = addDays(on, rng.int(1, 5));
  const to = addDays(from, 7);
  run.run({ type: 'AnnounceSubsidy', from, to });
  const firstPart = rng.chance(0.3) ? Math.floor(approvedFen / 2) : approvedFen;
  const paidOn = addDays(to, rng.int(1, 20));
  if (paidOn > END) return { streamId: `subsidy-${caseId}`, events: run.events };
  run.run({ type: 'DisburseSubsidy', disbursementId: `${caseId}-1`, amountFen: firstPart, paidOn });
  const secondOn = addDays(paidOn, rng.int(10, 60));
  if (firstPart < approvedFen && secondOn <= END) run.run({ type: 'DisburseSubsidy', disbursementId: `${caseId}-2`, amountFen: approvedFen - firstPart, paidOn: secondOn });
  const recoveredOn = addDays(paidOn, rng.int(20, 120));
  if (rng.chance(0.04) && recoveredOn <= END) run.run({ type: 'RecoverSubsidy', amountFen: Math.floor(firstPart / 4), recoveredOn, reason: '企业迁出' });
  return { streamId: `subsidy-${caseId}`, events: run.events };
}
