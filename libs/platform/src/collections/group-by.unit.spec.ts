import { appendTo, groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps every item, in input order within its group, groups in first-seen order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups.entries()]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('returns an empty map for no items', () => {
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });

  it('appends in place rather than replacing the group (linear, not a copy per item)', () => {
    const groups = new Map<string, number[]>();
    appendTo(groups, 'k', 1);
    const first = groups.get('k');
    appendTo(groups, 'k', 2);
    expect(groups.get('k')).toBe(first);
    expect(first).toEqual([1, 2]);
  });
});
