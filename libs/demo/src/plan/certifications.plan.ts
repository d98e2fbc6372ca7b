/*
 * 企业资质: the announced batches of several years, in the order the lists came out. Lists announced
 * before 2024 were entered when the bureau started (the register's day); the 2024 lists on the day
 * they were published. Plus a 复核 that extends windows, windows that expire for want of one, an
 * upgrade (省级专精特新 → 小巨人, keeping both), a retroactive revocation, and city/province totals.
 */
import { certificationIdFor } from '@app/enterprises';
import type { PlanBuilder } from './builder';
import type { DemoEnterprise } from './enterprises.plan';
import type { Prng } from './prng';

interface Batch {
  type: string;
  level: string;
  batch: string;
  announcedOn: string;
  validFrom: string;
  document: string;
  /** Firms per 2,000 enterprises. */
  per2000: number;
}

const REGISTER_DAY = '2023-12-29';

const BATCHES: Batch[] = [
  { type: 'high_tech', level: 'national', batch: '2020年第一批', announcedOn: '2020-12-20', validFrom: '2020-12-01', document: '国科火字〔2020〕221号', per2000: 40 },
  { type: 'high_tech', level: 'national', batch: '2021年第一批', announcedOn: '2021-12-15', validFrom: '2021-11-03', document: '国科火字〔2021〕198号', per2000: 70 },
  { type: 'high_tech', level: 'national', batch: '2021年第二批', announcedOn: '2022-01-10', validFrom: '2021-12-15', document: '国科火字〔2022〕6号', per2000: 45 },
  { type: 'high_tech', level: 'national', batch: '2022年第一批', announcedOn: '2022-12-20', validFrom: '2022-11-02', document: '国科火字〔2022〕240号', per2000: 85 },
  { type: 'high_tech', level: 'national', batch: '2022年第二批', announcedOn: '2023-01-16', validFrom: '2022-12-14', document: '国科火字〔2023〕11号', per2000: 50 },
  { type: 'high_tech', level: 'national', batch: '2023年第一批', announcedOn: '2023-12-12', validFrom: '2023-11-06', document: '国科火字〔2023〕205号', per2000: 95 },
  { type: 'high_tech', level: 'national', batch: '2023年第二批', announcedOn: '2024-01-19', validFrom: '2023-12-08', document: '国科火字〔2024〕9号', per2000: 60 },
  { type: 'tech_sme', level: 'national', batch: '2023年第一批', announcedOn: '2023-03-24', validFrom: '2023-03-24', document: '江科发〔2023〕18号', per2000: 260 },
  { type: 'tech_sme', level: 'national', batch: '2023年第二批', announcedOn: '2023-06-16', validFrom: '2023-06-16', document: '江科发〔2023〕52号', per2000: 180 },
  { type: 'tech_sme', level: 'national', batch: '2024年第一批', announcedOn: '2024-03-22', validFrom: '2024-03-22', document: '江科发〔2024〕21号', per2000: 290 },
  { type: 'tech_sme', level: 'national', batch: '2024年第二批', announcedOn: '2024-05-17', validFrom: '2024-05-17', document: '江科发〔2024〕47号', per2000: 210 },
  { type: 'tech_sme', level: 'national', batch: '2024年第三批', announcedOn: '2024-06-21', validFrom: '2024-06-21', document: '江科发〔2024〕60号', per2000: 120 },
  { type: 'innovative_sme', level: 'province', batch: '2021年', announcedOn: '2021-03-15', validFrom: '2021-03-15', document: '江工信企业〔2021〕9号', per2000: 30 },
  { type: 'innovative_sme', level: 'province', batch: '2022年', announcedOn: '2022-09-01', validFrom: '2022-09-01', document: '江工信企业〔2022〕40号', per2000: 90 },
  { type: 'innovative_sme', level: 'province', batch: '2023年', announcedOn: '2023-06-01', validFrom: '2023-06-01', document: '江工信企业〔2023〕25号', per2000: 110 },
  { type: 'innovative_sme', level: 'province', batch: '2024年第一批', announcedOn: '2024-05-10', validFrom: '2024-05-10', document: '江工信企业〔2024〕31号', per2000: 95 },
  { type: 'specialized_sme', level: 'province', batch: '2021年', announcedOn: '2021-04-01', validFrom: '2021-04-01', document: '江工信企业〔2021〕12号', per2000: 30 },
  { type: 'specialized_sme', level: 'province', batch: '2022年', announcedOn: '2022-06-01', validFrom: '2022-06-01', document: '江工信企业〔2022〕28号', per2000: 45 },
  { type: 'specialized_sme', level: 'province', batch: '2023年', announcedOn: '2023-06-15', validFrom: '2023-06-15', document: '江工信企业〔2023〕30号', per2000: 55 },
  { type: 'specialized_sme', level: 'province', batch: '2024年第一批', announcedOn: '2024-06-12', validFrom: '2024-06-12', document: '江工信企业〔2024〕40号', per2000: 40 },
  { type: 'little_giant', level: 'national', batch: '第四批', announcedOn: '2022-08-10', validFrom: '2022-08-01', document: '工信部企业函〔2022〕191号', per2000: 6 },
  { type: 'little_giant', level: 'national', batch: '第五批', announcedOn: '2023-07-14', validFrom: '2023-07-14', document: '工信部企业函〔2023〕170号', per2000: 7 },
  { type: 'single_champion', level: 'province', batch: '2022年', announcedOn: '2022-11-18', validFrom: '2022-11-18', document: '江工信产业〔2022〕66号', per2000: 8 },
  { type: 'single_champion', level: 'national', batch: '第七批', announcedOn: '2023-01-06', validFrom: '2023-01-06', document: '工信部联产业函〔2022〕355号', per2000: 1 },
];

export interface DemoCertification {
  uscc: string;
  certificationId: string;
  type: string;
  level: string;
  validFrom: string;
}

export function planCertifications(b: PlanBuilder, rng: Prng, firms: readonly DemoEnterprise[], manager: string): DemoCertification[] {
  const granted: DemoCertification[] = [];
  // Key firms first, so certifications cluster where the visits and subsidies go, as in a real zone.
  const ranked = [...rng.shuffle(firms.filter((f) => f.key)), ...rng.shuffle(firms.filter((f) => !f.key))];
  const holders = new Map<string, DemoEnterprise[]>();
  let n = 0;
  const grant = (x: Batch, firm: DemoEnterprise) => {
    const certificationId = certificationIdFor(firm.uscc, x.type, x.level, x.batch);
    const day = x.announcedOn < '2024-01-01' ? REGISTER_DAY : b.workingDay(x.announcedOn, rng.int(0, 2));
    b.add(`cert-${++n}`, day, manager, {
      kind: 'grant-certification', certificationId, uscc: firm.uscc, type: x.type, level: x.level, batch: x.batch, documentNumber: x.document, announcedOn: x.announcedOn, validFrom: x.validFrom,
    });
    granted.push({ uscc: firm.uscc, certificationId, type: x.type, level: x.level, validFrom: x.validFrom });
  };

  for (const x of BATCHES) {
    const count = Math.max(1, Math.round(x.per2000 * (firms.length / 2000)));
    const typeKey = `${x.type}|${x.level}`;
    const before = holders.get(typeKey) ?? [];
    let pool: DemoEnterprise[];
    if (x.type === 'tech_sme') {
      // 入库 is yearly: most of last year's firms register again, others are new.
      const lastYear = before.filter(() => rng.chance(0.7));
      pool = [...lastYear, ...ranked.filter((f) => !before.includes(f))];
    } else if (x.type === 'high_tech' && x.batch.startsWith('2023')) {
      // 高企 re-apply when their three years are up: the 2020 firms come back in 2023.
      const expiring = before.filter((f) => granted.some((g) => g.uscc === f.uscc && g.type === 'high_tech' && g.validFrom.startsWith('2020')));
      pool = [...expiring.filter(() => rng.chance(0.8)), ...ranked.filter((f) => !before.includes(f))];
    } else {
      pool = ranked.filter((f) => !before.includes(f));
    }
    const chosen = uniqueFirst(pool, count, granted, x);
    chosen.forEach((firm) => grant(x, firm));
    holders.set(typeKey, [...before, ...chosen.filter((f) => !before.includes(f))]);
  }

  // 复核: the 2021 省级专精特新 windows end on 2024-03-31; the 2024 复核 list extends all but a few.
  const sme2021 = granted.filter((g) => g.type === 'specialized_sme' && g.validFrom === '2021-04-01');
  const lapsing = new Set(rng.sample(sme2021, Math.max(1, Math.round(sme2021.length * 0.1))).map((g) => g.certificationId));
  sme2021
    .filter((g) => !lapsing.has(g.certificationId))
    .forEach((g, i) =>
      b.add(`cert-renew-${i + 1}`, '2024-03-20', manager, { kind: 'renew-certification', uscc: g.uscc, certificationId: g.certificationId, batch: '2024年复核', announcedOn: '2024-03-20' }),
    );

  // An upgrade: 省级专精特新 firms named 小巨人 in 2024 keep their provincial title too.
  const giants = new Set(granted.filter((g) => g.type === 'little_giant').map((g) => g.uscc));
  const candidates = granted.filter((g) => g.type === 'specialized_sme' && g.validFrom >= '2022-01-01' && !giants.has(g.uscc));
  const upgraded = rng.sample(candidates, Math.max(1, Math.round(5 * (firms.length / 2000))));
  upgraded.forEach((g) =>
    grant({ type: 'little_giant', level: 'national', batch: '2024年（第六批）', announcedOn: '2024-06-18', validFrom: '2024-06-18', document: '工信部企业函〔2024〕135号', per2000: 0 }, firms.find((f) => f.uscc === g.uscc)!),
  );

  // A retroactive revocation: a 2022 高企 found not to qualify, its title withdrawn from 2023-01-01.
  const revoked = granted.find((g) => g.type === 'high_tech' && g.validFrom === '2022-11-02');
  if (revoked) {
    b.add('cert-revoke-1', '2024-05-20', manager, {
      kind: 'revoke-certification', uscc: revoked.uscc, certificationId: revoked.certificationId, effectiveFrom: '2023-01-01', reason: '经核查不符合高新技术企业认定条件，取消其资格',
    });
  }

  // The city's and province's totals, entered by the bureau from the 通报 it received.
  const zoneCount = (type: string) => new Set(granted.filter((g) => g.type === type).map((g) => g.uscc)).size;
  const totals: [string, string, 'city' | 'province', 'currently_valid' | 'ever_certified', number, string][] = [
    ['specialized_sme', 'province', 'city', 'currently_valid', 2.5, '江城市工信局2024年6月通报'],
    ['specialized_sme', 'province', 'city', 'ever_certified', 2.4, '江城市工信局2024年6月通报'],
    ['specialized_sme', 'province', 'province', 'ever_certified', 31, '江南省工信厅2024年6月通报'],
    ['little_giant', 'national', 'city', 'ever_certified', 3.2, '江城市工信局2024年6月通报'],
    ['high_tech', 'national', 'city', 'currently_valid', 4.1, '江城市科技局2024年6月通报'],
  ];
  totals.forEach(([type, level, scope, measure, factor, source], i) =>
    b.add(`reference-total-${i + 1}`, '2024-07-08', manager, {
      kind: 'enter-reference-total', certificationType: type, level, scope, measure, asOf: '2024-06-30', total: Math.max(1, Math.round(zoneCount(type) * factor)), source,
    }),
  );
  return granted;
}

/** Up to `count` firms of the pool that do not already hold an overlapping window of the batch's type. */
function uniqueFirst(pool: readonly DemoEnterprise[], count: number, granted: readonly DemoCertification[], x: Batch): DemoEnterprise[] {
  const out: DemoEnterprise[] = [];
  const seen = new Set<string>();
  for (const f of pool) {
    if (out.length >= count) break;
    if (seen.has(f.uscc)) continue;
    seen.add(f.uscc);
    const clash = granted.some((g) => g.uscc === f.uscc && g.type === x.type && g.level === x.level && overlaps(g, x));
    if (!clash) out.push(f);
  }
  return out;
}

/** Same rules as the decider: 3-year windows overlap unless 高企 re-applies later; 科技型 is per calendar year. */
function overlaps(g: DemoCertification, x: Batch): boolean {
  if (x.type === 'tech_sme') return g.validFrom.slice(0, 4) === x.validFrom.slice(0, 4);
  if (x.type === 'high_tech') return x.validFrom <= g.validFrom;
  const end = `${Number(g.validFrom.slice(0, 4)) + 3}${g.validFrom.slice(4)}`;
  return x.validFrom < end;
}
