/*
 * 惠企政策奖补 of policy year 2023, paid in 2024 (and one 2024 item paid in the same months, so the monthly
 * summary has money under two policy years to split): 免申即享 items matched from the certifications,
 * 申报 items applied for; review, 公示 in batches, payments (some in two parts, a few remainders still
 * open), and one recovery (追回). Amounts are integer 分 throughout.
 */
import { subsidyCaseId } from '@app/subsidies';
import type { PlanBuilder } from './builder';
import type { DemoCertification } from './certifications.plan';
import type { DemoEnterprise } from './enterprises.plan';
import type { Prng } from './prng';
import type { DemoSubsidyStep } from './plan.types';

interface Item {
  code: string;
  name: string;
  issuingUnit: string;
  mode: 'automatic' | 'application';
  /** The year of the policy the money is paid under ("兑现2023年度…"); 2023 unless said. */
  policyYear?: number;
  /** Who qualifies: certified firms of a type since a date, or applicants drawn from the key firms. */
  eligible: { type: string; from: string; to: string } | { applicantsPer2000: number };
  /** The amount in 分, for a draw. */
  amountFen: (rng: Prng) => number;
}

const yuan = (n: number) => n * 100;

const ITEMS: Item[] = [
  { code: 'high-tech', name: '2023年度区级高新技术企业认定奖励', issuingUnit: '区科技创新局', mode: 'automatic', eligible: { type: 'high_tech', from: '2023-01-01', to: '2023-12-31' }, amountFen: () => yuan(100_000) },
  { code: 'specialized', name: '2023年度区级专精特新中小企业奖励', issuingUnit: '区工业和信息化局', mode: 'automatic', eligible: { type: 'specialized_sme', from: '2023-01-01', to: '2023-12-31' }, amountFen: () => yuan(300_000) },
  { code: 'little-giant', name: '2023年度区级专精特新"小巨人"企业奖励', issuingUnit: '区工业和信息化局', mode: 'automatic', eligible: { type: 'little_giant', from: '2023-01-01', to: '2023-12-31' }, amountFen: () => yuan(500_000) },
  { code: 'tech-sme', name: '2023年度区级科技型中小企业入库奖励', issuingUnit: '区科技创新局', mode: 'automatic', eligible: { type: 'tech_sme', from: '2023-01-01', to: '2023-12-31' }, amountFen: () => yuan(10_000) },
  { code: 'rnd', name: '2023年度区级企业研发投入后补助', issuingUnit: '区科技创新局', mode: 'application', eligible: { applicantsPer2000: 130 }, amountFen: (rng) => rng.int(5_000_000, 60_000_000) },
  { code: 'upgrade', name: '2023年度区级工业企业技术改造项目补助', issuingUnit: '区工业和信息化局', mode: 'application', eligible: { applicantsPer2000: 28 }, amountFen: (rng) => rng.int(20_000_000, 200_000_000) },
  { code: 'scale-up', name: '2023年度区级企业上规入统奖励', issuingUnit: '区统计局', mode: 'application', eligible: { applicantsPer2000: 40 }, amountFen: () => yuan(100_000) },
  { code: 'first-set', name: '2024年度区级首台（套）重大技术装备奖励', issuingUnit: '区工业和信息化局', mode: 'application', policyYear: 2024, eligible: { applicantsPer2000: 10 }, amountFen: (rng) => rng.int(30_000_000, 100_000_000) },
];

/** 公示 batches: seven days each; payments start after the last day of 公示. */
const PUBLICITY = [
  { from: '2024-04-15', to: '2024-04-21', payFrom: '2024-04-26', payTo: '2024-05-31' },
  { from: '2024-05-20', to: '2024-05-26', payFrom: '2024-06-03', payTo: '2024-06-28' },
];

export function planSubsidies(b: PlanBuilder, rng: Prng, firms: readonly DemoEnterprise[], certifications: readonly DemoCertification[], manager: string, caseworker: string): void {
  const keyFirms = firms.filter((f) => f.key);
  const scale = firms.length / 2000;
  let recoveryDone = false;
  // Cases paid in two parts: the first gets its remainder, the second is still waiting for it, the rest by chance.
  let split = 0;
  ITEMS.forEach((item) => {
    const publishKey = `policy-item-${item.code}`;
    const policyItemId = b.idFor(publishKey, 'policy-item');
    b.add(publishKey, '2024-01-10', manager, { kind: 'publish-policy-item', policyItemId, name: item.name, policyYear: item.policyYear ?? 2023, issuingUnit: item.issuingUnit, mode: item.mode });
    const e = item.eligible;
    const usccs =
      'type' in e
        ? [...new Set(certifications.filter((c) => c.type === e.type && c.validFrom >= e.from && c.validFrom <= e.to).map((c) => c.uscc))]
        : rng.sample(keyFirms.length > 0 ? keyFirms : firms, Math.max(2, Math.round(e.applicantsPer2000 * scale))).map((f) => f.uscc);
    usccs.forEach((uscc, i) => {
      const caseId = subsidyCaseId(uscc, policyItemId);
      const key = `subsidy-${item.code}-${i + 1}`;
      const opened = item.mode === 'automatic' ? b.workingDay('2024-02-26', rng.int(0, 8)) : b.workingDay('2024-02-19', rng.int(0, 25));
      b.add(key, opened, item.mode === 'automatic' ? manager : caseworker, {
        kind: 'open-subsidy-case', how: item.mode === 'automatic' ? 'match' : 'apply', caseId, enterpriseUscc: uscc, policyItemId, on: opened,
      });
      const step = (n: number, day: string, s: DemoSubsidyStep) =>
        b.add(`${key}-${n}`, day, manager, { kind: 'subsidy-step', caseId, step: s });
      const reviewed = b.workingDay(opened, rng.int(5, 20));
      if (item.mode === 'application' && rng.chance(0.08)) {
        step(1, reviewed, { type: 'RejectSubsidy', reason: '经审核不符合申报条件', on: reviewed });
        return;
      }
      const amount = item.amountFen(rng);
      step(1, reviewed, { type: 'ApproveSubsidy', approvedAmountFen: amount, on: reviewed });
      const batch = reviewed < '2024-04-12' ? PUBLICITY[0] : PUBLICITY[1];
      step(2, batch.from, { type: 'AnnounceSubsidy', from: batch.from, to: batch.to });
      const paidOn = b.workingDay(batch.payFrom, rng.int(0, 10));
      const inTwo = item.mode === 'application' && (rng.chance(0.2) || split < 2);
      if (inTwo) split += 1;
      const first = inTwo ? Math.round(amount * 0.6) : amount;
      step(3, paidOn, { type: 'DisburseSubsidy', disbursementId: `${item.code}-${i + 1}-1`, amountFen: first, paidOn });
      if (inTwo && (split === 1 || (split > 2 && rng.chance(0.6)))) {
        // The remainder after the project's acceptance check (验收); the others are still waiting for it.
        const secondOn = b.workingDay('2024-06-17', rng.int(0, 9));
        step(4, secondOn, { type: 'DisburseSubsidy', disbursementId: `${item.code}-${i + 1}-2`, amountFen: amount - first, paidOn: secondOn });
      }
      if (!recoveryDone && item.code === 'scale-up' && paidOn < '2024-06-20') {
        recoveryDone = true;
        const recoveredOn = '2024-06-20';
        step(9, recoveredOn, { type: 'RecoverSubsidy', amountFen: first, recoveredOn, reason: '企业统计数据核查不实，按规定追回奖励资金' });
      }
    });
  });
}
