import { certificationCounts, enterprisesBehind, monthlySeries, revisionsOf } from './certification-counts';
import { asKnownAt, type WindowFacts } from './known-window';
import { share } from './share';

const fact = (uscc: string, type: string, level: string, validFrom: string, grantedValidTo: string, extra: Partial<WindowFacts> = {}): WindowFacts => ({
  certificationId: `${uscc}-${type}-${level}-${validFrom}`,
  uscc,
  type,
  level,
  batch: 'b',
  documentNumber: 'n',
  announcedOn: validFrom,
  validFrom,
  grantedValidTo,
  recordedAt: '2024-01-01T00:00:00.000Z',
  history: [],
  ...extra,
});

/*
 * Hand-computed scenario, as of 2024-06-30, 新增 period 2024-01-01 … 2024-06-30:
 *   A  省级专精特新 2021-03-01…2024-02-29 (lapsed), re-certified 2024-05-01…   valid ✓  累计 ✓  新增 ✗ (first grant 2021)
 *   B  省级专精特新 2024-03-01…2027-02-28                                        valid ✓  累计 ✓  新增 ✓
 *      and 小巨人 2024-06-01… (an upgrade: counted in both tiers)
 *   C  省级专精特新 2023-01-01…2025-12-31, revoked from 2024-04-01, recorded 2024-09-01  valid ✗  累计 ✓  新增 ✗
 *   D  省级专精特新 from 2024-07-01 (after the report date)                      nothing
 *   E  单项冠军 省级 2022-01-01…, 国家级 2024-02-01…                             valid ✓ in both; 新增 only 国家级
 */
const facts: WindowFacts[] = [
  fact('A', 'specialized_sme', 'province', '2021-03-01', '2024-02-29'),
  fact('A', 'specialized_sme', 'province', '2024-05-01', '2027-04-30'),
  fact('B', 'specialized_sme', 'province', '2024-03-01', '2027-02-28'),
  fact('B', 'little_giant', 'national', '2024-06-01', '2027-05-31'),
  fact('C', 'specialized_sme', 'province', '2023-01-01', '2025-12-31', {
    history: [{ change: 'revoked', effectiveFrom: '2024-04-01', reason: '弄虚作假', recordedAt: '2024-09-01T02:00:00.000Z' }],
  }),
  fact('D', 'specialized_sme', 'province', '2024-07-01', '2027-06-30'),
  fact('E', 'single_champion', 'province', '2022-01-01', '2024-12-31'),
  fact('E', 'single_champion', 'national', '2024-02-01', '2027-01-31'),
];
const known = (knownAt: string | null = null) => facts.map((f) => asKnownAt(f, knownAt)).filter((w) => w !== null);
const H1 = { asOf: '2024-06-30', from: '2024-01-01', to: '2024-06-30' };
const pick = (rows: ReturnType<typeof certificationCounts>, type: string, level: string) =>
  rows.find((r) => r.type === type && r.level === level);

describe('certification counts', () => {
  it('counts valid, 累计培育 and 新增 per type and level, exactly as computed by hand', () => {
    const rows = certificationCounts(known(), H1);
    expect(pick(rows, 'specialized_sme', 'province')).toEqual({
      type: 'specialized_sme',
      level: 'province',
      typeName: '省级专精特新中小企业',
      currentlyValid: 2,
      everCertified: 3,
      newInPeriod: 1,
    });
    expect(pick(rows, 'little_giant', 'national')).toMatchObject({ currentlyValid: 1, everCertified: 1, newInPeriod: 1 });
    expect(pick(rows, 'single_champion', 'province')).toMatchObject({ currentlyValid: 1, everCertified: 1, newInPeriod: 0 });
    expect(pick(rows, 'single_champion', 'national')).toMatchObject({ currentlyValid: 1, everCertified: 1, newInPeriod: 1 });
    expect(pick(rows, 'high_tech', 'national')).toMatchObject({ currentlyValid: 0, everCertified: 0, newInPeriod: 0 });
  });

  it('lists the enterprises behind each figure', () => {
    const key = { type: 'specialized_sme', level: 'province' };
    expect(enterprisesBehind(known(), key, 'currently_valid', H1)).toEqual(['A', 'B']);
    expect(enterprisesBehind(known(), key, 'ever_certified', H1)).toEqual(['A', 'B', 'C']);
    expect(enterprisesBehind(known(), key, 'new_in_period', H1)).toEqual(['B']);
  });

  it('a retroactive revocation shows as a revision; knownAt before it reproduces the earlier figure', () => {
    expect(revisionsOf(known(), '2024-06-30')).toEqual([
      expect.objectContaining({ uscc: 'C', revokedFrom: '2024-04-01', recordedAt: '2024-09-01T02:00:00.000Z' }),
    ]);
    const before = certificationCounts(known('2024-07-01T00:00:00.000Z'), H1);
    expect(pick(before, 'specialized_sme', 'province')).toMatchObject({ currentlyValid: 3, everCertified: 3 });
    expect(revisionsOf(known('2024-07-01T00:00:00.000Z'), '2024-06-30')).toEqual([]);
    // Known on the report day itself (recorded 2024-09-01 10:00 Shanghai, report day 2024-09-01): not a revision.
    expect(revisionsOf(known(), '2024-09-01')).toEqual([]);
  });

  it('knownAt leaves out grants and renewals recorded later', () => {
    const renewed = fact('F', 'innovative_sme', 'province', '2021-01-01', '2023-12-31', {
      recordedAt: '2021-02-01T00:00:00.000Z',
      history: [{ change: 'renewed', batch: '复核', announcedOn: '2024-03-01', validTo: '2026-12-31', recordedAt: '2024-03-02T00:00:00.000Z' }],
    });
    expect(asKnownAt(renewed, null)?.validTo).toBe('2026-12-31');
    expect(asKnownAt(renewed, '2024-03-01T00:00:00.000Z')?.validTo).toBe('2023-12-31');
    expect(asKnownAt(renewed, '2021-01-31T00:00:00.000Z')).toBeNull();
  });

  it('a monthly series counts at each month end and 新增 within each month', () => {
    const series = monthlySeries(known(), '2024-01-15', '2024-03-10', { type: 'specialized_sme' });
    expect(series.map((p) => [p.month, p.asOf, p.counts[0].currentlyValid, p.counts[0].everCertified, p.counts[0].newInPeriod])).toEqual([
      ['2024-01', '2024-01-31', 2, 2, 0],
      ['2024-02', '2024-02-29', 2, 2, 0],
      ['2024-03', '2024-03-10', 2, 3, 1],
    ]);
  });

  describe('新增 follows the announcement (the day a bureau can know it); validity still runs from valid-from', () => {
    const key = { type: 'specialized_sme', level: 'province' };
    const announced = [
      // Valid from May, on a list announced 15 July: new in July, not in June (though valid, and 累计, as of June 30).
      fact('G', 'specialized_sme', 'province', '2024-05-01', '2027-04-30', { announcedOn: '2024-07-15' }),
      // Valid from December 2023, announced 10 February 2024: new in February 2024.
      fact('H', 'specialized_sme', 'province', '2023-12-01', '2026-11-30', { announcedOn: '2024-02-10' }),
      // Re-certified after a lapse: its first grant (announced 2021) made it new then, never again.
      fact('A', 'specialized_sme', 'province', '2021-03-01', '2024-02-29'),
      fact('A', 'specialized_sme', 'province', '2024-05-01', '2027-04-30', { announcedOn: '2024-05-20' }),
      // Announced in March for a window from April.
      fact('J', 'specialized_sme', 'province', '2024-04-01', '2027-03-31', { announcedOn: '2024-03-25' }),
    ].map((f) => asKnownAt(f, null)!);
    const count = (from: string, to: string) => pick(certificationCounts(announced, { asOf: to, from, to }, key), 'specialized_sme', 'province')!;

    it('counts a firm as new in the period its list was announced', () => {
      expect(enterprisesBehind(announced, key, 'new_in_period', { asOf: '2024-06-30', from: '2024-06-01', to: '2024-06-30' })).toEqual([]);
      expect(enterprisesBehind(announced, key, 'new_in_period', { asOf: '2024-07-31', from: '2024-07-01', to: '2024-07-31' })).toEqual(['G']);
      expect(enterprisesBehind(announced, key, 'new_in_period', { asOf: '2024-02-29', from: '2024-02-01', to: '2024-02-29' })).toEqual(['H']);
      expect(enterprisesBehind(announced, key, 'new_in_period', { asOf: '2024-03-31', from: '2024-03-01', to: '2024-03-31' })).toEqual(['J']);
      // Validity is unchanged: G is valid and 累计 on June 30, J is not valid yet on March 31.
      expect(count('2024-06-01', '2024-06-30')).toMatchObject({ currentlyValid: 4, everCertified: 4, newInPeriod: 0 });
      expect(count('2024-03-01', '2024-03-31')).toMatchObject({ currentlyValid: 1, newInPeriod: 1 });
    });

    it('monthly 新增 add up to the year-to-date figure', () => {
      const months = monthlySeries(announced, '2024-01-01', '2024-12-31', key).map((p) => p.counts[0].newInPeriod);
      expect(months).toEqual([0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
      expect(months.reduce((a, b) => a + b, 0)).toBe(count('2024-01-01', '2024-12-31').newInPeriod);
      expect(count('2024-01-01', '2024-12-31').newInPeriod).toBe(3);
    });
  });

  it('share rounds half-up to one decimal with integers', () => {
    expect(share(2, 5)).toEqual({ numerator: 2, denominator: 5, percent: 40, display: '40.0%' });
    expect(share(1, 3).display).toBe('33.3%');
    expect(share(2, 3).display).toBe('66.7%');
    expect(share(1, 16).display).toBe('6.3%');
    expect(share(93, 0)).toMatchObject({ percent: null, display: '—' });
  });
});
