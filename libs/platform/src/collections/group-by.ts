/**
 * Grouping without copying: each group's array is created once and appended to, so grouping n items costs O(n).
 * (`map.set(k, [...(map.get(k) ?? []), x])` in a loop copies the group on every item: quadratic in the group size,
 * which is a whole cohort when the key is a unit or a month.) Map.groupBy would do, but Node 20 lacks it.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) appendTo(groups, keyOf(item), item);
  return groups;
}

/** Appends `value` to the array kept under `key`, creating it on first use. */
export function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}
