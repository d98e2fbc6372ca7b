import { SERIES_MAX_MONTHS, seriesStart } from './series-window';

/** Calendar months a range touches, both ends counted — the API's rule, written out again to check against. */
const monthsTouched = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) + 1;

describe('the months the dashboard asks the certification series for', () => {
  it('keeps a start that fits within the months the API answers', () => {
    expect(seriesStart('2024-01-01', '2026-12-07')).toEqual({ from: '2024-01-01', clamped: false });
    expect(seriesStart('2022-01-15', '2026-12-31')).toEqual({ from: '2022-01-15', clamped: false });
  });

  it('moves an earlier start to the first day of the earliest month allowed, across a year boundary', () => {
    expect(seriesStart('2019-06-30', '2026-12-07')).toEqual({ from: '2022-01-01', clamped: true });
    expect(seriesStart('2021-12-31', '2026-12-31')).toEqual({ from: '2022-01-01', clamped: true });
    expect(seriesStart('2020-01-01', '2026-01-10', 12)).toEqual({ from: '2025-02-01', clamped: true });
  });

  it('always answers a span the API accepts, and the longest one it accepts', () => {
    for (const to of ['2026-01-01', '2026-06-15', '2026-12-31']) {
      const { from } = seriesStart('2000-01-01', to);
      expect(monthsTouched(from, to)).toBe(SERIES_MAX_MONTHS);
    }
  });
});
