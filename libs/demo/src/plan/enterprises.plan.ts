import { USCC_ALPHABET, usccCheckCharacter } from '@app/enterprises';
import { address, enterpriseName, INDUSTRIES, PARKS, renamedName } from './names';
import type { Prng } from './prng';
import { DEMO_PERIOD_END, type PlanBuilder } from './builder';

export interface DemoEnterprise {
  uscc: string;
  name: string;
  industry: string;
  park: string;
  /** Key firms (重点企业) get most of the visits, certifications and subsidies. */
  key: boolean;
}

/** 登记管理机关 9 (市场监管), 机构类别 1 (企业), and the zone's division codes. */
const DIVISIONS = ['360191', '360192', '360103'];
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 组织机构代码 (GB 11714) inside a USCC: 8 characters and its own check character. */
function organisationCode(rng: Prng): string {
  for (;;) {
    let body = 'MA';
    for (let i = 0; i < 6; i++) body += rng.pick(ORG_ALPHABET.split(''));
    const sum = [...body].reduce((s, c, i) => s + ORG_WEIGHTS[i] * (c >= 'A' ? c.charCodeAt(0) - 55 : Number(c)), 0);
    const check = 11 - (sum % 11);
    const char = check === 10 ? 'X' : check === 11 ? '0' : String(check);
    if (USCC_ALPHABET.includes(char)) return body + char;
  }
}

/** A valid 统一社会信用代码: the check character is computed with the registry's own GB 32100 function. */
export function demoUscc(rng: Prng): string {
  const first17 = `91${rng.pick(DIVISIONS)}${organisationCode(rng)}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * The register as the bureau entered it before the year (all on one day), then a few renames (股份制改造)
 * and relocations within the first half.
 */
export function planEnterprises(b: PlanBuilder, rng: Prng, count: number, admin: string): DemoEnterprise[] {
  const weights = Object.fromEntries(INDUSTRIES.map((x, i) => [String(i), x.weight])) as Record<string, number>;
  const seen = new Set<string>();
  const firms: DemoEnterprise[] = [];
  while (firms.length < count) {
    const uscc = demoUscc(rng);
    if (seen.has(uscc)) continue;
    seen.add(uscc);
    const industry = INDUSTRIES[Number(rng.weighted(weights))];
    const park = rng.chance(0.85) ? industry.park : rng.pick(PARKS);
    const firm = { uscc, name: enterpriseName(rng, rng.pick(industry.words)), industry: industry.industry, park, key: rng.chance(0.35) };
    firms.push(firm);
    b.add(`enterprise-${firms.length}`, '2023-12-29', admin, {
      kind: 'register-enterprise',
      uscc,
      name: firm.name,
      address: address(rng),
      park,
      industry: firm.industry,
    });
  }
  const changed = rng.sample(firms, Math.max(6, Math.round(count * 0.008)));
  changed.forEach((firm, i) => {
    const effectiveOn = b.workingDay(`2024-0${rng.int(1, 6)}-${String(rng.int(1, 28)).padStart(2, '0')}`);
    if (effectiveOn > DEMO_PERIOD_END) return;
    if (i % 2 === 0) {
      const name = renamedName(rng, firm.name);
      b.add(`enterprise-rename-${firm.uscc}`, effectiveOn, admin, { kind: 'rename-enterprise', uscc: firm.uscc, name, effectiveOn });
      firm.name = name;
    } else {
      const park = rng.pick(PARKS.filter((p) => p !== firm.park));
      b.add(`enterprise-relocate-${firm.uscc}`, effectiveOn, admin, { kind: 'relocate-enterprise', uscc: firm.uscc, address: address(rng), park, effectiveOn });
      firm.park = park;
    }
  });
  return firms;
}
