import type { CertificationCount } from './certification-counts';
import { countShares } from './count-shares';
import type { ReferenceTotal } from './load-windows';

const count: CertificationCount = { type: 'specialized_sme', level: 'province', typeName: '省级专精特新中小企业', currentlyValid: 381, everCertified: 400, newInPeriod: 93 };
const total = (measure: ReferenceTotal['measure'], asOf: string, value: number): ReferenceTotal => ({
  type: 'specialized_sme',
  level: 'province',
  scope: 'city',
  measure,
  asOf,
  total: value,
  source: '市工信局通报',
  recordedAt: '2024-07-05T02:00:00.000Z',
});

describe('shares of the city/province totals, per measure', () => {
  const h1 = { asOf: '2024-06-30', from: '2024-01-01', to: '2024-06-30' };

  it('gives a share for every measure the report quotes, 新增 included, each naming the date of its denominator', () => {
    const shares = countShares(count, [total('currently_valid', '2024-05-31', 1000), total('ever_certified', '2024-06-30', 1600), total('new_in_period', '2024-06-30', 232)], h1);
    expect(shares).toEqual([
      { scope: 'city', measure: 'currently_valid', referenceAsOf: '2024-05-31', source: '市工信局通报', numerator: 381, denominator: 1000, percent: 38.1, display: '38.1%' },
      { scope: 'city', measure: 'ever_certified', referenceAsOf: '2024-06-30', source: '市工信局通报', numerator: 400, denominator: 1600, percent: 25, display: '25.0%' },
      { scope: 'city', measure: 'new_in_period', referenceAsOf: '2024-06-30', source: '市工信局通报', numerator: 93, denominator: 232, percent: 40.1, display: '40.1%' },
    ]);
  });

  it('a 新增 total covers its year up to its date: no share for another period, nor for a total dated before the period ends', () => {
    const ytd = [total('new_in_period', '2024-06-30', 232)];
    expect(countShares(count, ytd, { asOf: '2024-06-30', from: '2024-06-01', to: '2024-06-30' })).toEqual([]);
    expect(countShares(count, [total('new_in_period', '2024-05-31', 200)], h1)).toEqual([]);
    expect(countShares(count, ytd, h1)).toHaveLength(1);
    // A period cut at the report date: to after asOf ends on asOf.
    expect(countShares(count, ytd, { asOf: '2024-06-30', from: '2024-01-01', to: '2024-12-31' })).toHaveLength(1);
  });

  it('only totals of the same type and level', () => {
    expect(countShares(count, [{ ...total('currently_valid', '2024-06-30', 10), level: 'national' }], h1)).toEqual([]);
  });
});
