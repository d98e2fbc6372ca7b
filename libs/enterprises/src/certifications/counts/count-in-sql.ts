import type { DataSource } from 'typeorm';
import { countFor, typeLevels, type CertificationCount, type CountScope, type TypeLevel } from './certification-counts';
import { knownWindowsParams, knownWindowsSql, validOnSql } from './known-windows.sql';

/**
 * The counts of `certificationCounts` (the definition, kept pure in certification-counts.ts) as one aggregate in the
 * database, for one report day or many (a monthly series): the windows as known at knownAt, then per firm and
 * type/level its first valid-from and first announcement (once, whatever the number of days asked), and per day the
 * firms with a window valid on it. The property test (count-in-sql.property.int.spec.ts) holds the two equal on
 * randomized windows and histories, for single days and for series.
 */
export interface SqlCount extends TypeLevel {
  /** Index of the scope counted, in the order given. */
  point: number;
  currentlyValid: number;
  everCertified: number;
  newInPeriod: number;
}

export async function countCertificationsInSql(
  db: DataSource,
  filter: Partial<TypeLevel>,
  scopes: readonly CountScope[],
  knownAt: string | null,
): Promise<SqlCount[]> {
  return db.query(
    `WITH known AS (${knownWindowsSql(knownAt)}),
     points AS (
       SELECT (n - 1)::int AS point, as_of, period_from, least(period_to, as_of) AS period_to
       FROM unnest($4::date[], $5::date[], $6::date[]) WITH ORDINALITY AS p(as_of, period_from, period_to, n)
     ),
     firms AS (
       SELECT type, level, uscc, min(valid_from) AS first_valid_from, min(announced_on) AS first_announced FROM known GROUP BY type, level, uscc
     ),
     granted AS (
       SELECT p.point, f.type, f.level,
              count(*) FILTER (WHERE f.first_valid_from <= p.as_of)::int AS "everCertified",
              count(*) FILTER (WHERE f.first_announced BETWEEN p.period_from AND p.period_to)::int AS "newInPeriod"
       FROM firms f CROSS JOIN points p GROUP BY p.point, f.type, f.level
     ),
     valid AS (
       SELECT point, type, level, count(*)::int AS "currentlyValid"
       FROM (SELECT DISTINCT p.point, k.type, k.level, k.uscc FROM known k JOIN points p ON ${validOnSql('p.as_of')}) firm_days
       GROUP BY point, type, level
     )
     SELECT g.point, g.type, g.level, coalesce(v."currentlyValid", 0) AS "currentlyValid", g."everCertified", g."newInPeriod"
     FROM granted g LEFT JOIN valid v USING (point, type, level)`,
    [...knownWindowsParams(filter, knownAt), scopes.map((s) => s.asOf), scopes.map((s) => s.from), scopes.map((s) => s.to)],
  );
}

/** Per scope asked, every (type, level) the rules allow in their order, zero where nothing was counted: certificationCounts' shape. */
export async function certificationCountsInSql(
  db: DataSource,
  filter: Partial<TypeLevel>,
  scopes: readonly CountScope[],
  knownAt: string | null,
): Promise<CertificationCount[][]> {
  const counted = new Map((await countCertificationsInSql(db, filter, scopes, knownAt)).map((c) => [`${c.point}|${c.type}|${c.level}`, c]));
  const keys = typeLevels(filter);
  return scopes.map((_, point) => keys.map((key) => countFor(key, counted.get(`${point}|${key.type}|${key.level}`))));
}
