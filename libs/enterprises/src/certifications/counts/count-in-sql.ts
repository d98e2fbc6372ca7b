import type { DataSource } from 'typeorm';
import { countFor, typeLevels, type CertificationCount, type CountScope, type TypeLevel } from './certification-counts';
import { knownWindowsParams, knownWindowsSql, validOnSql } from './known-windows.sql';

/**
 * The counts of `certificationCounts` (the definition, kept pure in certification-counts.ts) in the database, for
 * one report day or many (a monthly series): the windows as known at knownAt, per firm and type/level its first
 * valid-from and first announcement, and per day the firms with a window valid on it. Two statements give the same
 * counts at different costs (COUNT_METHODS); the property test (count-in-sql.property.int.spec.ts) holds each equal
 * to the definition on randomized windows and histories, for single days and for series.
 */
export interface SqlCount extends TypeLevel {
  /** Index of the scope counted, in the order given. */
  point: number;
  currentlyValid: number;
  everCertified: number;
  newInPeriod: number;
}

/**
 * How the days are counted. 'per-day' joins every window and firm to every day asked: cheapest for a day or two
 * (75 ms for one day at a province's 40k windows). 'sweep' merges each firm's windows into stretches and reads every
 * day off one ordered pass of running sums: a fixed cost (160 ms for 23 month ends there, where per-day took 610).
 * docs/benchmarks.md has the measurements behind SWEEP_FROM_DAYS.
 */
export const COUNT_METHODS = ['per-day', 'sweep'] as const;
export type CountMethod = (typeof COUNT_METHODS)[number];
export const SWEEP_FROM_DAYS = 4;

const POINTS = `points AS (
       SELECT (n - 1)::int AS point, as_of, period_from, least(period_to, as_of) AS period_to
       FROM unnest($4::date[], $5::date[], $6::date[]) WITH ORDINALITY AS p(as_of, period_from, period_to, n)
     )`;

const PER_DAY = `
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
     FROM granted g LEFT JOIN valid v USING (point, type, level)`;

const SWEEP = `
     -- Each window's valid days (validOnSql): from valid_from to the day before a revocation, or to valid_to.
     windows AS (
       SELECT type, level, uscc, announced_on, valid_from AS first_day,
              CASE WHEN revoked_from IS NOT NULL AND revoked_from <= valid_to THEN revoked_from - 1 ELSE valid_to END AS last_day
       FROM known
     ),
     firms AS (
       SELECT type, level, uscc, min(first_day) AS first_valid_from, min(announced_on) AS first_announced,
              count(*) AS windows, max(last_day) AS last_day
       FROM windows GROUP BY type, level, uscc
     ),
     -- A firm is valid on a day when one of its windows is: its windows' valid days merged where they overlap, into
     -- disjoint stretches. Most firms hold one window per type and level (a 复核 extends it), which is its stretch;
     -- only the others' windows are ordered and merged.
     reaching AS (
       SELECT w.type, w.level, w.uscc, w.first_day, w.last_day,
              max(w.last_day) OVER (PARTITION BY w.type, w.level, w.uscc ORDER BY w.first_day, w.last_day
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
       FROM windows w
       -- A semi-join, so the few firms are hashed instead of every window sorted to merge with them.
       WHERE (w.type, w.level, w.uscc) IN (SELECT type, level, uscc FROM firms WHERE windows > 1) AND w.first_day <= w.last_day
     ),
     numbered AS (
       SELECT type, level, uscc, first_day, last_day,
              count(*) FILTER (WHERE reached IS NULL OR first_day > reached)
                OVER (PARTITION BY type, level, uscc ORDER BY first_day, last_day ROWS UNBOUNDED PRECEDING) AS stretch
       FROM reaching
     ),
     stretches AS (
       SELECT type, level, first_valid_from AS first_day, last_day FROM firms WHERE windows = 1 AND first_valid_from <= last_day
       UNION ALL
       SELECT type, level, min(first_day), max(last_day) FROM numbered GROUP BY type, level, uscc, stretch
     ),
     -- What changes on each day, per type and level: stretches begun (+1) and ended the day before (−1); firms first
     -- valid (累计); firms first announced (新增).
     changes AS (
       SELECT type, level, on_date, sum(valid)::int AS valid, sum(ever)::int AS ever, sum(announced)::int AS announced
       FROM (SELECT type, level, first_day AS on_date, 1 AS valid, 0 AS ever, 0 AS announced FROM stretches
             UNION ALL SELECT type, level, last_day + 1, -1, 0, 0 FROM stretches
             UNION ALL SELECT type, level, first_valid_from, 0, 1, 0 FROM firms
             UNION ALL SELECT type, level, first_announced, 0, 0, 1 FROM firms) c
       WHERE on_date <= (SELECT max(as_of) FROM points)
       GROUP BY type, level, on_date
     ),
     -- The days each point reads, per type and level: its report day (probe 1), the end of its period (2) and the
     -- day before its period (3), placed after that day's changes.
     probes AS (
       SELECT k.type, k.level, p.point, d.on_date, d.probe
       FROM (SELECT DISTINCT type, level FROM firms) k CROSS JOIN points p
       CROSS JOIN LATERAL (VALUES (p.as_of, 1), (p.period_to, 2), (p.period_from - 1, 3)) AS d(on_date, probe)
     ),
     -- One sweep per type and level over the days in order: each figure is a running sum read at a probe, so every
     -- point costs a few rows instead of a pass over every window and firm.
     running AS (
       SELECT point, probe, type, level, sum(valid) OVER w AS valid, sum(ever) OVER w AS ever, sum(announced) OVER w AS announced
       FROM (SELECT type, level, on_date, 0 AS probe, NULL::int AS point, valid, ever, announced FROM changes
             UNION ALL SELECT type, level, on_date, probe, point, 0, 0, 0 FROM probes) timeline
       WINDOW w AS (PARTITION BY type, level ORDER BY on_date, probe ROWS UNBOUNDED PRECEDING)
     )
     SELECT point, type, level,
            coalesce(max(valid) FILTER (WHERE probe = 1), 0)::int AS "currentlyValid",
            coalesce(max(ever) FILTER (WHERE probe = 1), 0)::int AS "everCertified",
            -- first announced within [period_from, period_to]; none when the period is empty
            greatest(coalesce(max(announced) FILTER (WHERE probe = 2), 0) - coalesce(max(announced) FILTER (WHERE probe = 3), 0), 0)::int AS "newInPeriod"
     FROM running WHERE probe > 0 GROUP BY point, type, level`;

export async function countCertificationsInSql(
  db: DataSource,
  filter: Partial<TypeLevel>,
  scopes: readonly CountScope[],
  knownAt: string | null,
  method: CountMethod = scopes.length >= SWEEP_FROM_DAYS ? 'sweep' : 'per-day',
): Promise<SqlCount[]> {
  return db.query(
    `WITH known AS (${knownWindowsSql(knownAt)}), ${POINTS}, ${method === 'sweep' ? SWEEP : PER_DAY}`,
    [...knownWindowsParams(filter, knownAt), scopes.map((s) => s.asOf), scopes.map((s) => s.from), scopes.map((s) => s.to)],
  );
}

/** Per scope asked, every (type, level) the rules allow in their order, zero where nothing was counted: certificationCounts' shape. */
export async function certificationCountsInSql(
  db: DataSource,
  filter: Partial<TypeLevel>,
  scopes: readonly CountScope[],
  knownAt: string | null,
  method?: CountMethod,
): Promise<CertificationCount[][]> {
  const counted = new Map((await countCertificationsInSql(db, filter, scopes, knownAt, method)).map((c) => [`${c.point}|${c.type}|${c.level}`, c]));
  const keys = typeLevels(filter);
  return scopes.map((_, point) => keys.map((key) => countFor(key, counted.get(`${point}|${key.type}|${key.level}`))));
}
