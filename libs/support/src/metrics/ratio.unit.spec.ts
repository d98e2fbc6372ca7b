import fc from 'fast-check';
import { median, medianOfCounts } from './ratio';

describe('medianOfCounts', () => {
  it('is the median of the expanded list, for any multiset of values and counts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 40 }), fc.nat({ max: 6 })), { maxLength: 12 }), (counts) => {
        const expanded = counts.flatMap(([value, n]) => Array.from({ length: n }, () => value));
        expect(medianOfCounts(counts)).toBe(median(expanded));
      }),
    );
  });

  it('takes the middle one of an odd count and the mean of the middle two of an even one', () => {
    expect(medianOfCounts([[10, 1], [4, 1], [5, 1]])).toBe(5);
    expect(medianOfCounts([[3, 2], [8, 2]])).toBe(5.5);
    expect(medianOfCounts([[7, 0]])).toBeNull();
  });
});
