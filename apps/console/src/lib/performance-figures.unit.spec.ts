import { FIGURES, monthLabel, previousMonthShanghai, sayChange } from './performance-figures';

describe('the 考评 page’s words', () => {
  it('opens on the month just finished in Asia/Shanghai, across a year and across midnight UTC', () => {
    expect(previousMonthShanghai(new Date('2026-12-04T12:00:00Z'))).toBe('2026-11');
    expect(previousMonthShanghai(new Date('2027-01-10T00:00:00Z'))).toBe('2026-12');
    // 1 December 02:00 in Shanghai is still 30 November in UTC: Shanghai's month decides.
    expect(previousMonthShanghai(new Date('2026-11-30T18:00:00Z'))).toBe('2026-11');
  });

  it('says a change in percentage points with an arrow, and nothing when there is no comparison', () => {
    expect(sayChange(12.5)).toBe('↑ 12.5 个百分点');
    expect(sayChange(-3)).toBe('↓ 3.0 个百分点');
    expect(sayChange(0)).toBe('持平');
    expect(sayChange(null)).toBe('');
  });

  it('names every figure the API ranks, once', () => {
    // The API's FIGURE_NAMES (libs/support): the console's typecheck cannot import the library, so they are spelled out.
    expect(FIGURES.map((f) => f.key).sort()).toEqual(['conclusionRate', 'onTimeRate', 'ratedRate', 'returnRate', 'satisfactionRate', 'timelyAcceptance']);
    expect(monthLabel('2025-03')).toBe('2025年3月');
  });
});
