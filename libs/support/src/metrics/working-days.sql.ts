/** The statement parameters (1-based $ numbers) holding a calculator's WorkingDayCounts. */
export interface WorkingDayParameters {
  firstDay: number;
  workingBefore: number;
  notLoadedBefore: number;
}

/**
 * WorkingDayCalendar.workingDaysBetween(from, to) as a SQL expression over two date expressions, from the
 * calculator's own prefix counts sent as parameters (dayCounts): so a figure over 10⁵ problems counts each one's
 * working days where its rows are and ships a few numbers of days, not every pair of dates. Null where the
 * calculator refuses (a day examined outside the loaded years, or either date null); the same day is 0 whatever
 * the calendar, as there. An array index outside the span gives null in PostgreSQL, which is that refusal.
 * working-days.sql.int.spec.ts holds the two equal.
 */
export function workingDaysSql(from: string, to: string, p: WorkingDayParameters): string {
  const day = (date: string) => `((${date}) - DATE '1970-01-01')`;
  // Index (1-based) of "before the day after": workingBefore[d + 1 − firstDay] in the calculator's 0-based terms.
  const index = (d: string) => `(${d} - $${p.firstDay}::int + 2)`;
  const low = index(`least(${day(from)}, ${day(to)})`);
  const high = index(`greatest(${day(from)}, ${day(to)})`);
  const working = `($${p.workingBefore}::int[])`;
  const notLoaded = `($${p.notLoadedBefore}::int[])`;
  // least/greatest skip nulls: a missing date must be refused before it is read as the other one.
  return `(CASE WHEN (${from}) IS NULL OR (${to}) IS NULL THEN NULL WHEN (${from}) = (${to}) THEN 0
      WHEN ${notLoaded}[${high}] - ${notLoaded}[${low}] = 0
        THEN (CASE WHEN (${to}) > (${from}) THEN 1 ELSE -1 END) * (${working}[${high}] - ${working}[${low}]) END)`;
}

/** The values of a WorkingDayParameters, in its order: append them to a statement's parameters. */
export function workingDayValues(counts: { firstDay: number; workingBefore: readonly number[]; notLoadedBefore: readonly number[] }) {
  return [counts.firstDay, counts.workingBefore, counts.notLoadedBefore] as const;
}
