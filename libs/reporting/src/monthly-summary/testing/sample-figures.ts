import type { MonthlySummaryFigures, ProblemFigure, RateFigure, UnitRowFigure } from '../domain/monthly-summary.figures';

const rate = (numerator: number, denominator: number, percent: number | null, display: string): RateFigure => ({ numerator, denominator, percent, display });
const june = { from: '2024-06-01', to: '2024-06-30', asOf: '2024-06-30' };
const ytd = { from: '2024-01-01', to: '2024-06-30', asOf: '2024-06-30' };

const problems = (kind: 'month' | 'year_to_date', collected: number, resolved: number): ProblemFigure => ({
  scope: { kind, ...(kind === 'month' ? june : ytd) },
  collected,
  resolved,
  resolutionRate: rate(resolved, collected, 99.7, '99.7%'),
  conclusionRate: rate(collected, collected, 100, '100.0%'),
  satisfactionRate: rate(10, 10, 100, '100.0%'),
  strictSatisfactionRate: rate(9, 10, 90, '90.0%'),
  onTimeRate: rate(370, 378, 97.9, '97.9%'),
  overdue: 1,
});

const none = rate(0, 0, null, '—');
const unitRow = (unitId: string, unitName: string, onTimeRate: RateFigure, conclusionRate: RateFigure): UnitRowFigure => ({
  unitId, unitName, timelyAcceptance: rate(5, 5, 100, '100.0%'), returnRate: rate(0, 5, 0, '0.0%'), conclusionRate, onTimeRate,
  satisfactionRate: rate(4, 4, 100, '100.0%'), ratedRate: rate(4, onTimeRate.denominator, 80, '80.0%'), acceptanceDays: { count: 5, average: 0.4, worst: 1 },
});

/** A first-half-of-2024 figure set shaped like the bureau's published report (for the pure specs). */
export const SAMPLE_FIGURES: MonthlySummaryFigures = {
  visits: {
    month: { scope: { kind: 'month', ...june }, visits: 412, enterprises: 390 },
    yearToDate: { scope: { kind: 'year_to_date', ...ytd }, visits: 2251, enterprises: 1804 },
  },
  problems: { month: problems('month', 378, 377), yearToDate: problems('year_to_date', 1502, 1498) },
  subsidies: {
    month: {
      scope: { kind: 'month', ...june },
      disbursed: { fen: '6846620000', yuan: '68466200.00', wanYuan: '6846.62' },
      recovered: { fen: '0', yuan: '0.00', wanYuan: '0.00' },
      disbursements: 130,
      enterprisesPaid: 118,
      byPolicyYear: [
        { policyYear: 2023, disbursed: { fen: '6846620000', yuan: '68466200.00', wanYuan: '6846.62' }, recovered: { fen: '0', yuan: '0.00', wanYuan: '0.00' }, disbursements: 130, enterprisesPaid: 118 },
      ],
    },
    yearToDate: {
      scope: { kind: 'year_to_date', ...ytd },
      disbursed: { fen: '9000000000', yuan: '90000000.00', wanYuan: '9000.00' },
      recovered: { fen: '0', yuan: '0.00', wanYuan: '0.00' },
      disbursements: 200,
      enterprisesPaid: 160,
      byPolicyYear: [
        { policyYear: 2023, disbursed: { fen: '8000000000', yuan: '80000000.00', wanYuan: '8000.00' }, recovered: { fen: '0', yuan: '0.00', wanYuan: '0.00' }, disbursements: 170, enterprisesPaid: 140 },
        { policyYear: 2024, disbursed: { fen: '1000000000', yuan: '10000000.00', wanYuan: '1000.00' }, recovered: { fen: '0', yuan: '0.00', wanYuan: '0.00' }, disbursements: 30, enterprisesPaid: 30 },
      ],
    },
  },
  certifications: [
    {
      type: 'specialized_sme', level: 'province', typeName: '省级专精特新中小企业', newInMonth: 93, newInYear: 93, everCertified: 381, currentlyValid: 350,
      shares: [{ scope: 'city', measure: 'ever_certified', referenceAsOf: '2024-06-30', source: '市工信局', ...rate(381, 952, 40, '40.0%') }],
      yearToDateShares: [
        { scope: 'city', measure: 'ever_certified', referenceAsOf: '2024-06-30', source: '市工信局', ...rate(381, 952, 40, '40.0%') },
        { scope: 'city', measure: 'new_in_period', referenceAsOf: '2024-06-30', source: '市工信局', ...rate(93, 232, 40.1, '40.1%') },
      ],
    },
    { type: 'little_giant', level: 'national', typeName: '国家级专精特新"小巨人"', newInMonth: 0, newInYear: 5, everCertified: 43, currentlyValid: 43, shares: [], yearToDateShares: [] },
    { type: 'single_champion', level: 'province', typeName: '单项冠军', newInMonth: 0, newInYear: 2, everCertified: 15, currentlyValid: 15, shares: [], yearToDateShares: [] },
    { type: 'single_champion', level: 'national', typeName: '单项冠军', newInMonth: 0, newInYear: 0, everCertified: 1, currentlyValid: 1, shares: [], yearToDateShares: [] },
    { type: 'high_tech', level: 'national', typeName: '高新技术企业', newInMonth: 12, newInYear: 40, everCertified: 2300, currentlyValid: 2008, shares: [], yearToDateShares: [] },
    { type: 'tech_sme', level: 'national', typeName: '科技型中小企业', newInMonth: 100, newInYear: 900, everCertified: 3500, currentlyValid: 2939, shares: [], yearToDateShares: [] },
  ],
  units: {
    rows: [
      unitRow('district-drc', '区发展和改革局', rate(5, 5, 100, '100.0%'), rate(5, 6, 83.3, '83.3%')),
      unitRow('district-hr', '区人力资源和社会保障局', rate(4, 5, 80, '80.0%'), rate(5, 5, 100, '100.0%')),
      { ...unitRow('district-tax', '区税务局', none, none), ratedRate: none },
    ],
    lowest: [{ unitId: 'district-hr', unitName: '区人力资源和社会保障局', rank: 2, onTimeRate: rate(4, 5, 80, '80.0%'), cause: '5件中1件超期办结' }],
    unscored: [{ unitId: 'district-tax', unitName: '区税务局' }],
  },
};
